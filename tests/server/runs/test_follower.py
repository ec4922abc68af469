"""Replay-and-follow: every event exactly once, whoever holds it and however slow the reader."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from agents.testing import ModelStep, ScriptedModel
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.models import User
from ask_applicant.persistence.runs import RunEnding, create_run
from ask_applicant.persistence.sessions import create_session
from ask_applicant.server.runs import RunEventRecord, RunManager
from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.follower import follow_run
from ask_applicant.server.runs.recorder import RunRecorder


async def test_a_reader_behind_the_live_window_gets_the_gap_from_the_database(
    engine: AsyncEngine, user: User
) -> None:
    async with open_db(engine) as db:
        chat = await create_session(db, owner_id=user.id)
        run, _ = await create_run(
            db,
            session_id=chat.id,
            user_id=user.id,
            message="q",
            client_message_id=None,
            agent="triage",
        )
    channel = RunChannel(RunEventRecord(1, "run.created", {}, run.id), keep_stored=2)
    recorder = RunRecorder(engine=engine, channel=channel, batch_size=4, flush_interval=60)
    for n in range(10):
        await recorder.emit("message.delta", {"delta": f"{n}🎉"})

    reader = follow_run(
        engine=engine, run_id=run.id, after=0, channel_of=lambda _id: channel, poll_interval=0.01
    )
    seen = []
    async with asyncio.timeout(10):
        async for record in reader:
            seen.append(record)
            if record.seq == 9:
                break
        # Events 10 and 11 wait for their batch: nobody sees what is not stored yet.
        assert channel.since(9) == []
        ending = RunEnding(status="completed", final_text="", agent="triage")
        await recorder.finish(ending, "run.completed", {"run_id": run.id})
        seen.extend([record async for record in reader])
    assert [r.seq for r in seen] == list(range(1, 13))
    assert seen[-1].event == "run.completed"
    assert [r.data["delta"] for r in seen[1:11]] == [f"{n}🎉" for n in range(10)]


async def test_a_listener_that_stops_reading_does_not_hold_up_the_run(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    answer: Callable[..., ModelStep],
    collect: Callable[..., Any],
) -> None:
    script.enqueue(answer("Hanguk University, " * 50))
    run = await manager.start(
        user_id=user.id,
        session_id=None,
        message="Where did she study?",
        client_message_id=None,
        owner_scope=None,
    )
    idle = manager.events(run.id)
    first = await anext(idle)
    assert (await manager.wait(run.id)).status == "completed"
    rest = [record async for record in idle]
    assert [first, *rest] == await collect(manager, run.id)
