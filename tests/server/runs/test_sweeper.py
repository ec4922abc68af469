"""Runs whose process died are ended by the sweeper, with their terminal event."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession, Run, User
from ask_applicant.persistence.runs import NewEvent, append_events, create_run
from ask_applicant.persistence.sessions import create_session
from ask_applicant.server.runs import RunManager
from ask_applicant.server.runs.process_identity import ProcessIdentity


async def _orphan(engine: AsyncEngine, user: User, *, heartbeat_age: float) -> Run:
    """A run whose process streamed two deltas and then (if old enough) died."""
    async with open_db(engine) as db:
        chat = await create_session(db, owner_id=user.id)
        run, _created = await create_run(
            db,
            session_id=chat.id,
            user_id=user.id,
            message="Where did she study?",
            client_message_id=None,
            agent="triage",
        )
        deltas = [
            NewEvent(2, "message.delta", {"delta": "한국 "}),
            NewEvent(3, "message.delta", {"delta": "🎓"}),
        ]
        await append_events(db, run_id=run.id, events=deltas, expected_last_seq=1)
        old = utcnow() - timedelta(seconds=heartbeat_age)
        await db.exec(update(Run).where(Run.id == run.id).values(heartbeat_at=old))
        await db.commit()
    return run


async def test_a_run_whose_process_died_is_failed_with_its_terminal_event(
    manager: RunManager, user: User, engine: AsyncEngine, collect: Callable[..., Any]
) -> None:
    orphan = await _orphan(engine, user, heartbeat_age=3600)
    assert await manager.sweep_stale() == 1
    assert await manager.sweep_stale() == 0

    events = await collect(manager, orphan.id)
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert events[-1].event == "run.failed"
    stopped = {"code": "internal", "message": "the server running this answer stopped"}
    assert events[-1].data == stopped
    swept = await manager.get(orphan.id)
    assert swept is not None and swept.status == "failed" and swept.final_text == "한국 🎓"
    async with open_db(engine) as db:
        chat = await db.get(ChatSession, orphan.session_id)
    assert chat is not None and chat.active_run_id is None


async def test_a_run_with_a_recent_heartbeat_is_left_running(
    manager: RunManager, user: User, engine: AsyncEngine
) -> None:
    alive = await _orphan(engine, user, heartbeat_age=1)
    assert await manager.sweep_stale() == 0
    still = await manager.get(alive.id)
    assert still is not None and still.status == "running"


async def test_the_manager_sweeps_by_itself_in_the_background(
    make_manager: Callable[..., RunManager],
    user: User,
    engine: AsyncEngine,
    collect: Callable[..., Any],
) -> None:
    orphan = await _orphan(engine, user, heartbeat_age=3600)
    manager = make_manager(sweep_interval=0.02)
    try:
        # Followed through the database until the sweeper writes its end.
        events = await collect(manager, orphan.id)
    finally:
        await manager.aclose()
    assert events[-1].event == "run.failed"


async def test_closing_stops_the_sweeper_even_when_a_sweep_outlives_its_cancel(
    make_manager: Callable[..., RunManager], monkeypatch: pytest.MonkeyPatch
) -> None:
    # On Python 3.11 a MySQL read whose reply lands in the same loop turn as the cancel
    # returns the reply and drops the cancel (asyncmy reads under `asyncio.wait_for`;
    # CPython gh-86296). The first sweep here does the same: `aclose` must still end.
    in_sweep = asyncio.Event()
    sweeps: list[int] = []

    async def sweep_that_outlives_its_cancel(self: RunManager) -> int:
        sweeps.append(len(sweeps) + 1)
        in_sweep.set()
        read = asyncio.get_running_loop().create_future()  # a reply that never comes
        lost = len(sweeps) == 1
        with contextlib.suppress(asyncio.CancelledError) if lost else contextlib.nullcontext():
            await read
        return 0

    monkeypatch.setattr(RunManager, "sweep_stale", sweep_that_outlives_its_cancel)
    manager = make_manager(sweep_interval=0.01)
    async with asyncio.timeout(15):
        await in_sweep.wait()
        await manager.aclose()
    assert sweeps == [1]


async def _owned_by(engine: AsyncEngine, user: User, owner: ProcessIdentity) -> Run:
    run = await _orphan(engine, user, heartbeat_age=0)
    async with open_db(engine) as db:
        await db.exec(update(Run).where(Run.id == run.id).values(owner_process=owner.dumps()))
        await db.commit()
    return run


def _dead_process() -> ProcessIdentity:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    identity = ProcessIdentity.of_pid(child.pid)
    child.kill()
    child.wait()
    return identity


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
async def test_a_run_of_a_dead_process_on_this_host_is_ended_at_once_and_others_are_left(
    manager: RunManager, user: User, engine: AsyncEngine, collect: Callable[..., Any]
) -> None:
    dead = _dead_process()
    crashed = await _owned_by(engine, user, dead)
    elsewhere = await _owned_by(engine, user, dataclasses.replace(dead, host="another-host"))
    alive = await _owned_by(engine, user, ProcessIdentity.current())

    # Heartbeats are fresh: only the identity tells that the first run's process is gone.
    assert await manager.end_orphaned() == 1
    assert await manager.sweep_stale() == 0

    events = await collect(manager, crashed.id)
    assert [e.event for e in events][-1] == "run.failed"
    assert events[-1].data == {
        "code": "internal",
        "message": "the server running this answer stopped",
    }
    found = [await manager.get(run.id) for run in (crashed, elsewhere, alive)]
    statuses = {run.id: run.status for run in found if run is not None}
    assert statuses == {crashed.id: "failed", elsewhere.id: "running", alive.id: "running"}

    # Another host's run still ends by the heartbeat sweep once its heartbeat is old.
    async with open_db(engine) as db:
        old = utcnow() - timedelta(seconds=3600)
        await db.exec(update(Run).where(Run.id == elsewhere.id).values(heartbeat_at=old))
        await db.commit()
    assert await manager.sweep_stale() == 1
    swept = await manager.get(elsewhere.id)
    assert swept is not None and swept.status == "failed"
