"""The engine: read-only transactions never wait for a writer, writers queue, not fail."""

from __future__ import annotations

import asyncio

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from ask_applicant.persistence import SqlSessionStore, open_db
from ask_applicant.persistence.models import ChatSession
from ask_applicant.persistence.sessions import create_session
from ask_applicant.persistence.users import create_user


async def test_reads_see_the_last_commit_while_a_writer_holds_its_transaction_open(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        user, _key = await create_user(db, name="Acme recruiter", role="recruiter")
        chat = await create_session(db, owner_id=user.id, title="before")
    store = SqlSessionStore(chat.id, engine=engine)
    await store.add_items([{"role": "user", "content": "안녕하세요 👋"}])
    async with open_db(engine) as writer:
        # An open write transaction: on SQLite it holds the database's write lock.
        await writer.exec(
            update(ChatSession).where(ChatSession.id == chat.id).values(title="after")
        )
        async with open_db(engine, read_only=True) as reader:
            seen = (await reader.exec(select(ChatSession.title))).all()
        items = await store.get_items()
        count = await store.count_items()
        await writer.commit()
    assert seen == ["before"]
    assert items == [{"role": "user", "content": "안녕하세요 👋"}] and count == 1


async def test_writers_at_once_queue_and_all_succeed(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        user, _key = await create_user(db, name="Acme recruiter", role="recruiter")

    async def write(number: int) -> None:
        async with open_db(engine) as db:
            # A read first, then a write: the transaction must not fail on the upgrade.
            await db.exec(select(ChatSession.id).where(ChatSession.owner_id == user.id))
            await create_session(db, owner_id=user.id, title=f"chat {number}")

    await asyncio.gather(*(write(number) for number in range(30)))
    async with open_db(engine, read_only=True) as db:
        titles = (await db.exec(select(ChatSession.title))).all()
    assert sorted(titles) == sorted(f"chat {number}" for number in range(30))
