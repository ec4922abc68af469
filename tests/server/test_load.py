"""Many readers and writers at once: no request waits on, or fails for, a database lock."""

from __future__ import annotations

import logging
import sqlite3

import anyio
import pytest
from sqlalchemy.engine import make_url

from .conftest import Api, StartApi
from .sse import Frame, events, frames

TIMEOUT = 240
STREAMS = 12
TURNS = 3
QUESTIONS = ["Where did you study?", "What did you build at Haneul Pay?", "이직 이유가 뭔가요?"]


async def test_reads_are_answered_while_another_process_holds_the_sqlite_write_lock(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite()
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(60):
            answer = (await http.post("/v1/chat", json={"message": QUESTIONS[0]})).json()
            run_id, session_id = answer["run_id"], answer["session_id"]
            holder = sqlite3.connect(make_url(api.database_url).database or "", timeout=1)
            holder.isolation_level = None
            holder.execute("BEGIN IMMEDIATE")  # Another process is writing, and slowly.
            try:
                reads = [
                    await http.get("/v1/sessions"),
                    await http.get(f"/v1/sessions/{session_id}"),
                    await http.get(f"/v1/runs/{run_id}"),
                    await http.get(f"/v1/runs/{run_id}/stream"),
                    await http.get("/readyz"),
                ]
            finally:
                holder.execute("ROLLBACK")
                holder.close()
    assert [read.status_code for read in reads] == [200] * len(reads)
    assert reads[-2].text.rstrip().splitlines()[-3] == "event: run.completed"


async def _converse(api: Api, results: list[list[Frame]]) -> None:
    """One recruiter: a conversation of TURNS questions, each stream dropped and resumed."""
    session_id = None
    async with api.client(await api.new_key()) as http:
        for turn in range(TURNS):
            body = {"message": QUESTIONS[turn % len(QUESTIONS)], "session_id": session_id}
            async with http.stream("POST", "/v1/chat/stream", json=body) as response:
                assert response.status_code == 200, await response.aread()
                first = await events(response, limit=2)
            run_id = first[0].data["run_id"]
            session_id = first[0].data["session_id"]
            resumed = http.build_request(
                "GET", f"/v1/runs/{run_id}/stream", headers={"Last-Event-ID": first[-1].id}
            )
            response = await http.send(resumed, stream=True)
            try:
                assert response.status_code == 200, await response.aread()
                rest = [frame async for frame in frames(response) if frame.event is not None]
            finally:
                await response.aclose()
            results.append(first + rest)


async def test_twelve_reconnecting_streams_over_several_turns_meet_no_lock_and_lose_nothing(
    start_api: StartApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    api = await start_api()
    results: list[list[Frame]] = []
    with anyio.fail_after(TIMEOUT):
        async with anyio.create_task_group() as group:
            for _ in range(STREAMS):
                group.start_soon(_converse, api, results)
    logged = [(r, r.getMessage() + _traceback(r)) for r in caplog.records]
    locked = [text for _record, text in logged if "database is locked" in text]
    errors = [text for record, text in logged if record.levelno >= logging.ERROR]
    assert locked == [] and errors == []
    assert len(results) == STREAMS * TURNS
    for got in results:
        assert [frame.seq for frame in got] == list(range(1, len(got) + 1))
        assert [frame.event for frame in got][-1] == "run.completed"


def _traceback(record: logging.LogRecord) -> str:
    return logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
