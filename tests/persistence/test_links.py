"""Share links: hashed tokens, one recruiter each, revocation, expiry, counts; the secret."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import ShareLink, User, open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.links import (
    create_link,
    find_link_by_token,
    link_state,
    list_links,
    revoke_link,
    touch_link,
)
from ask_applicant.persistence.service_secrets import get_or_create_secret
from ask_applicant.persistence.sessions import create_session


async def test_a_link_is_stored_hashed_and_signs_in_as_its_own_new_recruiter(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        link, token = await create_link(db, name="Acme 채용팀 🎯")
        other, other_token = await create_link(db, name="Acme 채용팀 🎯")
        assert token.startswith("ln_") and link.token_prefix == token[:10]
        stored = (await db.exec(select(ShareLink.token_hash))).scalars().all()
        assert token not in stored and other_token not in stored
        found = await find_link_by_token(db, token=token)
        assert found is not None and found.id == link.id
        recruiter = await db.get(User, link.user_id)
        assert recruiter is not None and recruiter.role == "recruiter"
        assert recruiter.name == "Acme 채용팀 🎯" and other.user_id != link.user_id
        assert link_state(link) == "active"


async def test_malformed_and_unknown_tokens_find_no_link(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        _link, token = await create_link(db, name="Acme")
        for bad in ["", "ln_", token[:-1], token + "x", "ln_" + "가" * 43, "aa_" + token[3:]]:
            assert await find_link_by_token(db, token=bad) is None
        assert await find_link_by_token(db, token="ln_" + "A" * 43) is None


async def test_a_revoked_link_says_so_and_disables_its_recruiter(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        link, token = await create_link(db, name="Acme")
        revoked = await revoke_link(db, ident=link.token_prefix)
        assert revoked is not None and link_state(revoked) == "revoked"
        again = await revoke_link(db, ident=link.id)
        assert again is not None and again.revoked_at == revoked.revoked_at
        found = await find_link_by_token(db, token=token)
        assert found is not None and link_state(found) == "revoked"
        recruiter = await db.get(User, link.user_id)
        assert recruiter is not None and recruiter.disabled
        assert await revoke_link(db, ident="nothing-like-it") is None


async def test_a_link_expires_at_its_time_and_cannot_be_born_expired(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        soon = utcnow() + timedelta(hours=1)
        link, _token = await create_link(db, name="Acme", expires_at=soon)
        assert link_state(link) == "active"
        assert link_state(link, now=soon) == "expired"
        with pytest.raises(ValueError, match="future"):
            await create_link(db, name="Acme", expires_at=utcnow() - timedelta(seconds=1))
        with pytest.raises(ValueError, match="non-empty"):
            await create_link(db, name="  ")


async def test_the_list_counts_each_links_conversations_and_shows_last_use(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        busy, _ = await create_link(db, name="Busy")
        idle, _ = await create_link(db, name="Idle")
        for _ in range(3):
            await create_session(db, owner_id=busy.user_id)
        await touch_link(db, link=busy)
        rows = await list_links(db)
        assert [(row.link.name, row.conversations) for row in rows] == [("Busy", 3), ("Idle", 0)]
        assert rows[0].link.last_used_at is not None and rows[1].link.last_used_at is None
        assert idle.id == rows[1].link.id


async def test_the_session_secret_is_made_once_and_then_kept(engine: AsyncEngine) -> None:
    async def read() -> str:
        async with open_db(engine) as db:
            return await get_or_create_secret(db, name="session_cookie_key")

    first = await asyncio.gather(read(), read())
    assert first[0] == first[1] and len(first[0]) >= 32
    assert await read() == first[0]
