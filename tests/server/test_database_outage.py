"""A database outage: requests get 503, runs outlast a short one and end on a long one.

Against a MariaDB server the test owns (its own port and data directory), killed with
SIGKILL mid-answer and started again, under a real uvicorn on loopback.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from ask_applicant.persistence import (
    SqlSessionStore,
    create_engine,
    open_db,
    upgrade_to_head_async,
)
from ask_applicant.persistence.users import create_user
from ask_applicant.server.app import create_app
from ask_applicant.server.services import StreamOptions
from ask_applicant.settings import Settings

from .held_model import DEFAULT_ANSWER, HeldModel
from .live_server import LiveServer
from .mariadb_server import MariaDbServer, mariadb_available
from .sse import EventReader, Frame, answer_text

pytestmark = pytest.mark.mariadb_server

OUTAGE_SECONDS = 10
SHORT_GRACE_SECONDS = 3
BOUND_SECONDS = 150
QUESTION = "Where did you study?"


@pytest.fixture
async def mariadb(tmp_path: Path) -> AsyncIterator[MariaDbServer]:
    """A MariaDB server of this test's own, migrated to head; killed afterwards."""
    if not mariadb_available():
        pytest.skip(
            "the outage tests start their own MariaDB server: /usr/sbin/mariadbd and "
            "mariadb-install-db are not installed (apt-get install mariadb-server)"
        )
    server = MariaDbServer(tmp_path / "mariadb")
    server.root.mkdir()
    await anyio.to_thread.run_sync(server.start)
    try:
        await upgrade_to_head_async(server.database_url)
        yield server
    finally:
        await anyio.to_thread.run_sync(server.stop)


@pytest.fixture
async def serve(mariadb: MariaDbServer) -> AsyncIterator[Any]:
    """Starts the API on the test's MariaDB (stopped before the database is)."""
    servers: list[LiveServer] = []

    async def start(model: HeldModel, url_query: str = "", **overrides: Any) -> tuple[str, str]:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            database_url=mariadb.database_url + url_query,
            mcp_enabled=False,
            **overrides,
        )
        app = create_app(settings, model=model, stream=StreamOptions(keepalive_seconds=1))
        server = LiveServer(app)
        servers.append(server)
        await anyio.to_thread.run_sync(server.start)
        engine = create_engine(mariadb.database_url)
        try:
            async with open_db(engine) as db:
                _user, key = await create_user(db, name="Acme recruiter", role="recruiter")
        finally:
            await engine.dispose()
        return server.url, key

    try:
        yield start
    finally:
        for server in servers:
            await anyio.to_thread.run_sync(server.stop)


async def _mid_answer(reader: EventReader, model: HeldModel) -> list[Frame]:
    """The events up to the first delta, once the model holds half-way through its answer."""
    seen = await reader.until("message.delta")
    assert await anyio.to_thread.run_sync(model.holding.wait, BOUND_SECONDS)
    return seen


async def _assert_unavailable(http: httpx.AsyncClient) -> None:
    for response in (
        await http.get("/v1/sessions"),
        await http.post("/v1/chat", json={"message": QUESTION}),
    ):
        assert response.status_code == 503, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert int(response.headers["retry-after"]) > 0
        assert response.json()["type"].endswith("database-unavailable")
    ready = await http.get("/readyz")
    assert ready.status_code == 503


async def _assert_working_again(http: httpx.AsyncClient) -> str:
    """Asks again, without a restart; returns the new conversation's id."""
    answered = await http.post("/v1/chat", json={"message": QUESTION})
    assert answered.status_code == 200, answered.text
    assert answered.json()["status"] == "completed"
    assert answered.json()["answer"] == DEFAULT_ANSWER
    return str(answered.json()["session_id"])


async def _history_lengths(database_url: str, *session_ids: str) -> list[int]:
    """How many SDK items each conversation stored (what the next question reads)."""
    engine = create_engine(database_url)
    try:
        return [
            len(await SqlSessionStore(session_id, engine=engine).get_items())
            for session_id in session_ids
        ]
    finally:
        await engine.dispose()


def _assert_each_once_in_order(found: list[Frame]) -> None:
    ids = [frame.id for frame in found]
    assert len(ids) == len(set(ids)), "an event arrived twice"
    assert [frame.seq for frame in found] == list(range(1, len(found) + 1))


async def test_a_ten_second_outage_mid_answer_loses_nothing_and_the_run_completes(
    mariadb: MariaDbServer, serve: Any
) -> None:
    model = HeldModel(hold=True)
    url, key = await serve(model)
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:
        with anyio.fail_after(BOUND_SECONDS):
            async with http.stream("POST", "/v1/chat/stream", json={"message": QUESTION}) as live:
                reader = EventReader(live)
                before = await _mid_answer(reader, model)
                await anyio.to_thread.run_sync(mariadb.kill)
                await _assert_unavailable(http)
                # The rest of the answer is produced while nothing can be stored.
                model.release.set()
                await anyio.sleep(OUTAGE_SECONDS)  # the outage itself, not a wait for something
                await anyio.to_thread.run_sync(mariadb.start)
                rest = await reader.rest()
            run_id = before[0].data["run_id"]
            stored = await http.get(f"/v1/runs/{run_id}")
            async with http.stream("GET", f"/v1/runs/{run_id}/stream") as replay:
                replayed = await EventReader(replay).rest()
            undisturbed = await _assert_working_again(http)
            histories = await _history_lengths(
                mariadb.database_url, before[0].data["session_id"], undisturbed
            )
    found = before + rest
    _assert_each_once_in_order(found)
    assert found[-1].event == "run.completed"
    assert answer_text(found) == DEFAULT_ANSWER
    assert stored.json()["status"] == "completed"
    assert stored.json()["answer"] == DEFAULT_ANSWER
    assert [(f.id, f.event, f.data) for f in replayed] == [(f.id, f.event, f.data) for f in found]
    # The conversation's history was written through the outage, once, like any other.
    assert histories[0] == histories[1] > 0


async def test_an_outage_past_the_grace_ends_the_run_with_database_unavailable_at_once(
    mariadb: MariaDbServer, serve: Any
) -> None:
    model = HeldModel(hold=True)
    url, key = await serve(model, db_outage_grace_seconds=SHORT_GRACE_SECONDS)
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:
        with anyio.fail_after(BOUND_SECONDS):
            async with http.stream("POST", "/v1/chat/stream", json={"message": QUESTION}) as live:
                reader = EventReader(live)
                before = await _mid_answer(reader, model)
                await anyio.to_thread.run_sync(mariadb.kill)
                model.release.set()
                # The database stays down until the open stream has the run's end.
                rest = await reader.rest()
                await _assert_unavailable(http)
            await anyio.to_thread.run_sync(mariadb.start)
            run_id = before[0].data["run_id"]
            stored = await _once_ended(http, run_id)
            resumed = await http.get(
                f"/v1/runs/{run_id}/stream", headers={"Last-Event-ID": rest[-1].id or ""}
            )
            await _assert_working_again(http)
    found = before + rest
    _assert_each_once_in_order(found)
    assert found[-1].event == "run.failed"
    assert found[-1].data["code"] == "database_unavailable"
    assert DEFAULT_ANSWER.startswith(answer_text(found))
    # Once the database is back, it says what the stream said.
    assert stored["status"] == "failed"
    assert stored["error"]["code"] == "database_unavailable"
    assert stored["last_seq"] == found[-1].seq
    assert resumed.status_code == 204


async def _once_ended(http: httpx.AsyncClient, run_id: str) -> dict[str, Any]:
    # The server stores the end it already streamed as soon as the database answers;
    # another process cannot be awaited, so its state is polled (bounded by the caller).
    while True:
        response = await http.get(f"/v1/runs/{run_id}")
        if response.status_code == 200 and response.json()["status"] != "running":
            return dict(response.json())
        await anyio.sleep(0.2)


async def test_a_hung_database_answers_503_after_the_read_timeout_and_recovers(
    mariadb: MariaDbServer, serve: Any
) -> None:
    # SIGSTOP: connections stay open and nothing answers; a short read timeout (the
    # default is 30 s) turns the silence into an outage.
    url, key = await serve(HeldModel(), url_query="?read_timeout=2&connect_timeout=2")
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:
        with anyio.fail_after(BOUND_SECONDS):
            before = await http.get("/v1/sessions")
            mariadb.pause()
            try:
                during = await http.get("/v1/sessions")
            finally:
                mariadb.resume()
            await _assert_working_again(http)
    assert before.status_code == 200
    assert during.status_code == 503, during.text
    assert during.headers["content-type"] == "application/problem+json"
    assert int(during.headers["retry-after"]) > 0
