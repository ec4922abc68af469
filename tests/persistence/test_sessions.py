"""Conversations are found, listed and changed only by their owner."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import SqlSessionStore, open_db
from ask_applicant.persistence.sessions import (
    create_session,
    delete_session,
    get_session,
    list_sessions,
    rename_session,
    set_current_agent,
)
from ask_applicant.persistence.users import create_user


async def test_another_owner_cannot_see_change_or_delete_a_conversation(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        alice, _ = await create_user(db, name="alice", role="recruiter")
        bob, _ = await create_user(db, name="bob", role="recruiter")
        chat = await create_session(db, owner_id=alice.id, title="Backend role")
        assert await get_session(db, session_id=chat.id, owner_id=bob.id) is None
        assert await rename_session(db, session_id=chat.id, owner_id=bob.id, title="x") is None
        assert not await delete_session(db, session_id=chat.id, owner_id=bob.id)
        assert [c.id for c in await list_sessions(db, owner_id=bob.id)] == []
        assert [c.id for c in await list_sessions(db, owner_id=alice.id)] == [chat.id]
        assert [c.id for c in await list_sessions(db, owner_id=None)] == [chat.id]


async def test_ids_are_long_random_and_timestamps_aware(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        owner, _ = await create_user(db, name="o", role="owner")
        a = await create_session(db, owner_id=owner.id)
        b = await create_session(db, owner_id=owner.id)
        assert a.id != b.id and len(a.id) >= 32
        loaded = await get_session(db, session_id=a.id, owner_id=None)
        assert loaded.created_at.tzinfo is not None


async def test_titles_are_cleaned_and_the_current_agent_remembered(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        owner, _ = await create_user(db, name="o", role="owner")
        chat = await create_session(db, owner_id=owner.id)
        renamed = await rename_session(
            db, session_id=chat.id, owner_id=owner.id, title="  면접\x00 준비\n🚀 " + "x" * 300
        )
        assert renamed.title.startswith("면접 준비 🚀 x") and len(renamed.title) == 200
        await set_current_agent(db, session_id=chat.id, agent="career")
        db.expunge_all()
        assert (await get_session(db, session_id=chat.id, owner_id=None)).current_agent == "career"


async def test_deleting_a_conversation_removes_its_items(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        owner, _ = await create_user(db, name="o", role="owner")
        chat = await create_session(db, owner_id=owner.id)
    store = SqlSessionStore(chat.id, engine=engine)
    await store.add_items([{"role": "user", "content": "hi"}])
    async with open_db(engine) as db:
        assert await delete_session(db, session_id=chat.id, owner_id=owner.id)
    assert await store.count_items() == 0
