"""The event writer: batches, ends in one transaction, and survives a failing database."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from agents.testing import ModelStep, ScriptedModel
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.models import User
from ask_applicant.persistence.runs import RunEnding, create_run, get_run, list_events
from ask_applicant.persistence.sessions import create_session
from ask_applicant.server.runs import RunManager
from ask_applicant.server.runs import recorder as recorder_module
from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.record import RunEventRecord
from ask_applicant.server.runs.recorder import RunRecorder


async def _stored(engine: AsyncEngine, run_id: str) -> list[int]:
    async with open_db(engine) as db:
        return [event.seq for event in await list_events(db, run_id=run_id)]


async def _new_recorder(engine: AsyncEngine, user: User, **options: Any) -> RunRecorder:
    async with open_db(engine) as db:
        chat = await create_session(db, owner_id=user.id)
        run, _created = await create_run(
            db,
            session_id=chat.id,
            user_id=user.id,
            message="q",
            client_message_id=None,
            agent="triage",
        )
    channel = RunChannel(RunEventRecord(1, "run.created", {}, run.id))
    return RunRecorder(engine=engine, channel=channel, **options)


async def test_events_are_stored_a_batch_at_a_time_and_all_of_them_at_the_end(
    engine: AsyncEngine, user: User
) -> None:
    recorder = await _new_recorder(engine, user, batch_size=3, flush_interval=60)
    for part in ["하나", "둘 🎉"]:
        await recorder.emit("message.delta", {"delta": part})
    assert await _stored(engine, recorder.run_id) == [1]
    await recorder.emit("message.delta", {"delta": "셋"})
    assert await _stored(engine, recorder.run_id) == [1, 2, 3, 4]
    await recorder.emit("message.completed", {"text": "하나둘 🎉셋", "agent": "triage"})

    ending = RunEnding(status="completed", final_text="하나둘 🎉셋", agent="triage")
    terminal = await recorder.finish(ending, "run.completed", {"run_id": recorder.run_id})
    assert terminal.seq == 6
    assert await _stored(engine, recorder.run_id) == [1, 2, 3, 4, 5, 6]
    async with open_db(engine) as db:
        run = await get_run(db, run_id=recorder.run_id)
        events = await list_events(db, run_id=recorder.run_id)
    assert run is not None and (run.status, run.last_seq) == ("completed", 6)
    assert events[2].data == {"delta": "둘 🎉"}


class _Clock:
    """The recorder's monotonic clock, moved by the test (sleeps stay real)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


async def _stored_when(engine: AsyncEngine, run_id: str, expected: list[int]) -> list[int]:
    stored: list[int] = []
    for _ in range(500):  # polled, bounded at 5 s
        stored = await _stored(engine, run_id)
        if stored == expected:
            break
        await asyncio.sleep(0.01)
    return stored


async def test_an_event_after_a_quiet_spell_is_written_at_once_and_a_burst_waits_its_turn(
    engine: AsyncEngine, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _Clock()
    # Only the recorder's view of time moves: the event loop keeps the real clock.
    monkeypatch.setattr(recorder_module, "time", SimpleNamespace(monotonic=clock.monotonic))
    recorder = await _new_recorder(engine, user, flush_interval=60)
    clock.now += 61  # a minute after the run's first event was written
    await recorder.emit("message.delta", {"delta": "첫 🚀"})
    assert await _stored_when(engine, recorder.run_id, [1, 2]) == [1, 2]

    # The write just started: the next events wait for the interval (60 s on this clock).
    await recorder.emit("message.delta", {"delta": "둘"})
    await recorder.emit("message.delta", {"delta": "셋"})
    for _ in range(20):
        await asyncio.sleep(0)
    assert await _stored(engine, recorder.run_id) == [1, 2]

    ending = RunEnding(status="completed", final_text="첫 🚀둘셋", agent="triage")
    await recorder.finish(ending, "run.completed", {"run_id": recorder.run_id})
    assert await _stored(engine, recorder.run_id) == [1, 2, 3, 4, 5]


async def test_waiting_events_are_stored_within_the_flush_interval(
    engine: AsyncEngine, user: User
) -> None:
    recorder = await _new_recorder(engine, user, flush_interval=0.01)
    await recorder.emit("agent.updated", {"agent": "triage"})
    stored: list[int] = []
    for _ in range(500):  # polled, bounded at 5 s
        stored = await _stored(engine, recorder.run_id)
        if stored == [1, 2]:
            break
        await asyncio.sleep(0.01)
    assert stored == [1, 2]
    await recorder.aclose()


async def test_an_event_emitted_during_a_write_is_stored_without_another_event(
    engine: AsyncEngine, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    writing, release = asyncio.Event(), asyncio.Event()
    real_append = recorder_module.append_events

    async def slow_first_write(*args: Any, **kwargs: Any) -> None:
        if not writing.is_set():
            writing.set()
            await release.wait()
        await real_append(*args, **kwargs)

    monkeypatch.setattr(recorder_module, "append_events", slow_first_write)
    recorder = await _new_recorder(engine, user, flush_interval=0.01)
    await recorder.emit("agent.updated", {"agent": "triage"})
    async with asyncio.timeout(5):
        await writing.wait()
    await recorder.emit("message.delta", {"delta": "while writing ✍️"})
    release.set()
    stored: list[int] = []
    for _ in range(500):  # polled, bounded at 5 s
        stored = await _stored(engine, recorder.run_id)
        if stored == [1, 2, 3]:
            break
        await asyncio.sleep(0.01)
    assert stored == [1, 2, 3]
    await recorder.aclose()


async def test_a_run_whose_events_cannot_be_written_still_ends_with_its_terminal_event(
    make_manager: Callable[..., RunManager],
    user: User,
    script: ScriptedModel,
    answer: Callable[..., ModelStep],
    collect: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(recorder_module, "append_events", broken)
    manager = make_manager(batch_size=1)
    script.enqueue(answer("Hanguk University."))
    try:
        run = await manager.start(
            user_id=user.id,
            session_id=None,
            message="Where did she study?",
            client_message_id=None,
            owner_scope=None,
        )
        events = await collect(manager, run.id)
    finally:
        await manager.aclose()
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[-1].event == "run.failed" and events[-1].data["code"] == "internal"
    assert "disk" not in events[-1].data["message"]
    assert (await manager.get(run.id)).status == "failed"
