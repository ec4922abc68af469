"""Resume benchmark: replaying a long finished run from the database to a reconnecting client.

A run of `events` events (`run.created`, agent and tool events, many `message.delta`s,
`message.completed`, `run.completed`) is stored through the persistence layer as the
service would have stored it; then `GET /v1/runs/{id}/stream?after=0` is timed until its
terminal event, as a client that reconnects after losing everything would see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ask_applicant.persistence import create_engine, open_db
from ask_applicant.persistence.runs import (
    NewEvent,
    RunEnding,
    append_events,
    create_run,
    finish_run,
)
from ask_applicant.persistence.sessions import create_session
from ask_applicant.persistence.users import create_user
from benchmarks.load import LoadResult, Turn, run_load, service_client
from benchmarks.sse import StreamTiming, timed_stream

WRITE_BATCH = 200


@dataclass(frozen=True)
class ResumeResult:
    """Replays of one stored run on one database."""

    backend: str
    events: int
    replays: LoadResult

    def to_json(self) -> dict[str, Any]:
        """As JSON data; `terminal_ms` is the time to the whole replay."""
        received = {timing.events for timing in self.replays.timings}
        return {
            "backend": self.backend,
            "stored_events": self.events,
            "received_events": sorted(received),
            **self.replays.to_json(),
        }


def _event(seq: int, total: int) -> tuple[str, dict[str, Any]]:
    """The `seq`-th of `total` events of a plausible long answer."""
    if seq == 2:
        return "agent.updated", {"agent": "triage"}
    if seq == 3:
        return "handoff", {"from": "triage", "to": "project"}
    if seq == 4:
        return "tool.called", {"call_id": "call_1", "tool": "list_projects", "arguments": {}}
    if seq == 5:
        output = '{"facts":[{"source":"projects[0]","text":"채팅 서비스 (Chat Service)"}]}'
        return "tool.output", {"call_id": "call_1", "tool": "list_projects", "output": output}
    if seq == total - 1:
        return "message.completed", {"text": "…", "agent": "project"}
    return "message.delta", {"delta": f" token{seq} 토큰"}


async def store_finished_run(database_url: str, events: int) -> tuple[str, str]:
    """Store a completed run with `events` events; return its id and its owner's key."""
    engine = create_engine(database_url)
    try:
        async with open_db(engine) as db:
            user, key = await create_user(db, name="Benchmark recruiter", role="recruiter")
            chat = await create_session(db, owner_id=user.id)
            run, _new = await create_run(
                db,
                session_id=chat.id,
                user_id=user.id,
                message="Tell me everything about her projects.",
                client_message_id=None,
                agent="triage",
            )
            last = 1  # create_run stored `run.created`
            while last < events - 1:
                batch = [
                    NewEvent(seq, *_event(seq, events))
                    for seq in range(last + 1, min(last + WRITE_BATCH, events - 1) + 1)
                ]
                await append_events(db, run_id=run.id, events=batch, expected_last_seq=last)
                last = batch[-1].seq
            terminal = NewEvent(events, "run.completed", {"run_id": run.id, "agent": "project"})
            ending = RunEnding(status="completed", final_text="…", agent="project")
            await finish_run(
                db, run_id=run.id, ending=ending, events=[terminal], expected_last_seq=last
            )
    finally:
        await engine.dispose()
    return run.id, key


def _replayer(client: httpx.AsyncClient, run_id: str, events: int) -> Turn:
    """A full replay of the run, timed; one that is short of events counts as failed."""

    async def replay() -> StreamTiming:
        path = f"/v1/runs/{run_id}/stream"
        timing = await timed_stream(client, "GET", path, params={"after": 0})
        if timing.outcome == "run.completed" and timing.events != events:
            timing.outcome, timing.error = "short", f"{timing.events} of {events} events"
        return timing

    return replay


async def measure_resume(
    *,
    backend: str,
    database_url: str,
    service_url: str,
    events: int,
    replays: int,
    log: Callable[[str], None] = print,
) -> ResumeResult:
    """Store an `events`-event run, then time full replays of it, one after another.

    Args:
        backend: The service's database, for the result.
        database_url: The service's database, where the run is stored.
        service_url: The running service.
        events: Events of the stored run.
        replays: Timed replays (after one unmeasured).
        log: Progress lines.
    """
    run_id, key = await store_finished_run(database_url, events)
    log(f"resume: {backend}, {replays} replays of a {events}-event run")
    async with service_client(service_url, key) as client:
        replay = _replayer(client, run_id, events)
        await replay()  # warm up
        result = await run_load(replay, concurrency=1, turns=replays)
    return ResumeResult(backend, events, result)
