"""Integer aliases and conversation keys, on SQLite and MySQL."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.aliases import MAX_ALIAS, alias_of, aliases_of, target_of
from ask_applicant.persistence.conversation_keys import find_conversation, remember_conversation
from ask_applicant.persistence.sessions import create_session, delete_session
from ask_applicant.persistence.users import create_user


async def test_an_alias_is_stable_per_kind_and_leads_back_to_its_id(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        first = await alias_of(db, kind="session", target_id="s_a")
        again = await alias_of(db, kind="session", target_id="s_a")
        several = await aliases_of(db, kind="session", target_ids=["s_b", "s_a", "s_b"])
        as_run = await alias_of(db, kind="run", target_id="s_a")
        back = await target_of(db, kind="session", alias=first)
        wrong_kind = await target_of(db, kind="user", alias=first)
        out_of_range = [
            await target_of(db, kind="session", alias=n) for n in (0, -5, MAX_ALIAS + 1)
        ]
    assert first == again == several["s_a"] and several["s_b"] != first
    assert as_run not in (first, several["s_b"])
    assert back == "s_a" and wrong_kind is None and out_of_range == [None, None, None]


async def test_a_conversation_key_is_per_user_follows_the_newest_and_dies_with_it(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        me, _ = await create_user(db, name="me", role="recruiter")
        other, _ = await create_user(db, name="other", role="recruiter")
        old = await create_session(db, owner_id=me.id)
        new = await create_session(db, owner_id=me.id)
        await remember_conversation(db, key_hash="k" * 64, user_id=me.id, session_id=old.id)
        await remember_conversation(db, key_hash="k" * 64, user_id=me.id, session_id=new.id)
        found = await find_conversation(db, key_hash="k" * 64, user_id=me.id)
        theirs = await find_conversation(db, key_hash="k" * 64, user_id=other.id)
        await delete_session(db, session_id=new.id, owner_id=me.id)
        gone = await find_conversation(db, key_hash="k" * 64, user_id=me.id)
    assert found == new.id and theirs is None and gone is None
