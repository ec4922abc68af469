"""Users and their API keys (kept only as SHA-256 hashes)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from typing import Literal

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.models import User

Role = Literal["owner", "recruiter"]
ROLES: tuple[Role, ...] = ("owner", "recruiter")
API_KEY_PREFIX = "aa_"
MAX_NAME_LENGTH = 200


def hash_api_key(api_key: str) -> str:
    """The stored form of a key. Keys are 256 random bits, so a plain hash suffices."""
    return hashlib.sha256(api_key.encode("utf-8", "surrogatepass")).hexdigest()


def clean_name(name: str) -> str:
    """A name on one line without control characters.

    Raises:
        ValueError: An empty or too long name.
    """
    cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in name).split())
    if not cleaned:
        raise ValueError("a user needs a non-empty name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValueError(f"a user's name has at most {MAX_NAME_LENGTH} characters")
    return cleaned


async def create_user(db: AsyncSession, *, name: str, role: Role) -> tuple[User, str]:
    """Create a user with a fresh API key.

    Returns:
        The user and the plaintext key, which is never stored and cannot be shown again.
    """
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    api_key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    user = User(
        id=uuid.uuid4().hex,
        name=clean_name(name),
        role=role,
        api_key_hash=hash_api_key(api_key),
        api_key_prefix=api_key[:10],
    )
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user, api_key


async def get_user_by_api_key(db: AsyncSession, *, api_key: str) -> User | None:
    """The active user holding `api_key`, or None."""
    if not api_key.startswith(API_KEY_PREFIX) or len(api_key) > 200:
        return None
    wanted = hash_api_key(api_key)
    user = (await db.exec(select(User).where(User.api_key_hash == wanted))).first()
    if user is None or user.disabled:
        return None
    # The index lookup already matched; compare again in constant time all the same.
    return user if hmac.compare_digest(user.api_key_hash, wanted) else None


async def get_user(db: AsyncSession, *, user_id: str) -> User | None:
    """The user with `user_id`, or None."""
    return await db.get(User, user_id)


async def list_users(db: AsyncSession) -> list[User]:
    """Every user, oldest first."""
    return list((await db.exec(select(User).order_by(col(User.created_at)))).all())


async def count_users(db: AsyncSession) -> int:
    """How many users exist, disabled ones included."""
    return int((await db.exec(select(func.count()).select_from(User))).one())


async def revoke_user(db: AsyncSession, *, ident: str) -> User | None:
    """Disable the user whose id or key prefix is `ident`; their key stops working at once."""
    query = select(User).where((User.id == ident) | (User.api_key_prefix == ident))
    matches = list((await db.exec(query)).all())
    if len(matches) != 1:
        return None
    user = matches[0]
    user.disabled = True
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user


async def get_or_create_user(db: AsyncSession, *, name: str, role: Role) -> User:
    """The first active user named `name`, created (with a key nobody sees) if missing.

    Used by local commands such as `ask` and `chat`, which act for the person at
    the terminal rather than for a key holder.
    """
    cleaned = clean_name(name)
    query = select(User).where(
        User.name == cleaned, User.role == role, col(User.disabled).is_(False)
    )
    user = (await db.exec(query.order_by(col(User.created_at)))).first()
    if user is not None:
        return user
    user, _key = await create_user(db, name=cleaned, role=role)
    return user
