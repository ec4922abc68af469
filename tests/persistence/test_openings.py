"""Opening a conversation with its first run; the database lets one copy of a message win."""

from __future__ import annotations

import asyncio

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from ask_applicant.persistence import create_engine, open_db
from ask_applicant.persistence.models import ChatSession, Run, RunEvent
from ask_applicant.persistence.openings import open_conversation
from ask_applicant.persistence.users import create_user

QUESTION = "Where did you study? 🎓"
COPIES = 8


async def _open(engine: AsyncEngine, user_id: str, client_message_id: str | None) -> Run:
    async with open_db(engine) as db:
        run, _created = await open_conversation(
            db,
            user_id=user_id,
            title=QUESTION,
            message=QUESTION,
            client_message_id=client_message_id,
            agent="triage",
        )
    return run


async def _count(engine: AsyncEngine, table: type) -> int:
    async with open_db(engine, read_only=True) as db:
        return int((await db.exec(select(func.count()).select_from(table))).one())


async def test_copies_of_a_first_message_on_separate_engines_open_one_conversation(
    database_url: str,
) -> None:
    # One engine per copy, like separate workers: nothing but the database is shared.
    engines = [create_engine(database_url) for _ in range(COPIES)]
    try:
        async with open_db(engines[0]) as db:
            user, _key = await create_user(db, name="Acme recruiter", role="recruiter")
        for round_number in range(4):
            runs = await asyncio.gather(
                *(_open(engine, user.id, f"first-{round_number}") for engine in engines)
            )
            assert len({run.id for run in runs}) == 1
            assert len({run.session_id for run in runs}) == 1
        assert await _count(engines[0], ChatSession) == 4
        assert await _count(engines[0], Run) == 4
        assert await _count(engines[0], RunEvent) == 4
    finally:
        for engine in engines:
            await engine.dispose()


async def test_a_first_message_opens_a_claimed_conversation_with_its_first_event(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        user, _key = await create_user(db, name="Acme recruiter", role="recruiter")
    run = await _open(engine, user.id, "m-1")
    again = await _open(engine, user.id, "m-1")
    without_id = [await _open(engine, user.id, None) for _ in range(2)]
    async with open_db(engine, read_only=True) as db:
        chat = await db.get(ChatSession, run.session_id)
        events = (await db.exec(select(RunEvent).where(RunEvent.run_id == run.id))).all()
    assert again.id == run.id
    assert run.status == "running" and run.opening_client_message_id == "m-1"
    assert chat is not None and chat.owner_id == user.id and chat.active_run_id == run.id
    assert chat.title == QUESTION
    assert [(e.seq, e.event) for e in events] == [(1, "run.created")]
    # Messages without an id claim nothing: each opens its own conversation.
    assert len({r.session_id for r in without_id}) == 2
