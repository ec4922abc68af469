"""Users hold hashed API keys that can be revoked."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.users import (
    count_users,
    create_user,
    get_or_create_user,
    get_user_by_api_key,
    revoke_user,
)


async def test_a_new_key_finds_its_user_and_is_stored_only_hashed(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        user, key = await create_user(db, name="Acme 채용 담당 🙂", role="recruiter")
        assert (await get_user_by_api_key(db, api_key=key)).id == user.id
        stored = (await db.exec(select(User.api_key_hash))).scalars().all()
        assert key not in stored and user.name == "Acme 채용 담당 🙂"


async def test_wrong_malformed_and_revoked_keys_find_nobody(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        user, key = await create_user(db, name="Acme", role="recruiter")
        for bad in ["", "nope", key + "x", key[:-1], "aa_" + "\x00" * 10, "aa_" + "가" * 500]:
            assert await get_user_by_api_key(db, api_key=bad) is None
        assert (await revoke_user(db, ident=user.api_key_prefix)).disabled
        assert await get_user_by_api_key(db, api_key=key) is None


async def test_names_and_roles_are_validated(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        with pytest.raises(ValueError, match="non-empty"):
            await create_user(db, name=" \n\t", role="recruiter")
        with pytest.raises(ValueError, match="at most"):
            await create_user(db, name="x" * 201, role="recruiter")
        with pytest.raises(ValueError, match="role"):
            await create_user(db, name="x", role="admin")  # type: ignore[arg-type]
        assert await count_users(db) == 0


async def test_get_or_create_user_reuses_the_local_user(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        first = await get_or_create_user(db, name="local", role="owner")
        again = await get_or_create_user(db, name="local", role="owner")
        assert first.id == again.id and await count_users(db) == 1
