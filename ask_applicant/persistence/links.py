"""Share links: each signs a browser in as its own recruiter user.

A link's token is 256 random bits, shown once (in the URL) and kept only as its
SHA-256 hash; the first characters are kept for display, like API keys. Each link
gets a recruiter user of its own, so its conversations are its alone. Revoking a link
also disables that user.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession, Run, ShareLink, User
from ask_applicant.persistence.users import API_KEY_PREFIX, clean_name, hash_api_key

LINK_TOKEN_PREFIX = "ln_"
DISPLAYED_PREFIX_CHARS = 10
# "ln_" and 43 URL-safe base64 characters (32 bytes); anything else cannot be a token.
_TOKEN = re.compile(r"^ln_[A-Za-z0-9_-]{43}$")

LinkState = Literal["active", "expired", "revoked"]


@dataclass(frozen=True)
class LinkRow:
    """A link with the number of conversations its recruiter has started and questions asked."""

    link: ShareLink
    conversations: int
    questions: int = 0


def hash_token(token: str) -> str:
    """The stored form of a link token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def is_token_shaped(token: str) -> bool:
    """True when `token` could be a link token at all (so the database is not asked)."""
    return _TOKEN.fullmatch(token) is not None


def link_state(link: ShareLink, *, now: datetime | None = None) -> LinkState:
    """Whether `link` still signs people in."""
    if link.revoked_at is not None:
        return "revoked"
    if link.expires_at is not None and link.expires_at <= (now or utcnow()):
        return "expired"
    return "active"


async def create_link(
    db: AsyncSession, *, name: str, expires_at: datetime | None = None
) -> tuple[ShareLink, str]:
    """Create a link and the recruiter user it signs in as, in one transaction.

    Args:
        db: The session.
        name: Who the link is for, e.g. "Acme Corp" (also the recruiter's name).
        expires_at: When it stops working (aware); None: until revoked.

    Returns:
        The link and its plaintext token, which is never stored.

    Raises:
        ValueError: An empty or too long name, or an expiry in the past.
    """
    cleaned = clean_name(name)
    if expires_at is not None and expires_at <= utcnow():
        raise ValueError("a link's expiry must be in the future")
    # The recruiter never uses an API key; it gets one nobody sees, like `ask`'s users.
    api_key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    user = User(
        id=uuid.uuid4().hex,
        name=cleaned,
        role="recruiter",
        api_key_hash=hash_api_key(api_key),
        api_key_prefix=api_key[:10],
    )
    token = LINK_TOKEN_PREFIX + secrets.token_urlsafe(32)
    link = ShareLink(
        id=uuid.uuid4().hex,
        token_hash=hash_token(token),
        token_prefix=token[:DISPLAYED_PREFIX_CHARS],
        name=cleaned,
        user_id=user.id,
        expires_at=expires_at,
    )
    db.add(user)
    await db.flush()
    db.add(link)
    await db.commit()
    await db.refresh(link)
    return link, token


async def find_link_by_token(db: AsyncSession, *, token: str) -> ShareLink | None:
    """The link holding `token` in any state, or None (also for a malformed token)."""
    if not is_token_shaped(token):
        return None
    wanted = hash_token(token)
    link = (await db.exec(select(ShareLink).where(ShareLink.token_hash == wanted))).first()
    if link is None:
        return None
    return link if hmac.compare_digest(link.token_hash, wanted) else None


async def get_link(db: AsyncSession, *, link_id: str) -> ShareLink | None:
    """The link with `link_id`, in any state, or None."""
    return await db.get(ShareLink, link_id)


async def list_links(db: AsyncSession) -> list[LinkRow]:
    """Every link, oldest first, with its recruiter's conversation and question counts."""
    counts = (
        select(ChatSession.owner_id, func.count().label("n"))
        .group_by(col(ChatSession.owner_id))
        .subquery()
    )
    asked = select(Run.user_id, func.count().label("q")).group_by(col(Run.user_id)).subquery()
    query = (
        select(ShareLink, counts.c.n, asked.c.q)
        .outerjoin(counts, counts.c.owner_id == ShareLink.user_id)
        .outerjoin(asked, asked.c.user_id == ShareLink.user_id)
        .order_by(col(ShareLink.created_at), col(ShareLink.id))
    )
    return [LinkRow(link, int(n or 0), int(q or 0)) for link, n, q in (await db.exec(query)).all()]


async def revoke_link(db: AsyncSession, *, ident: str) -> ShareLink | None:
    """Revoke the one link whose id or token prefix is `ident` (again: no change).

    Returns:
        The link, or None when no single link matches.
    """
    query = select(ShareLink).where((ShareLink.id == ident) | (ShareLink.token_prefix == ident))
    matches = list((await db.exec(query)).all())
    if len(matches) != 1:
        return None
    link = matches[0]
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        db.add(link)
    user = await db.get(User, link.user_id)
    if user is not None and not user.disabled:
        user.disabled = True
        db.add(user)
    await db.commit()
    await db.refresh(link)
    return link


async def touch_link(db: AsyncSession, *, link: ShareLink, at: datetime | None = None) -> None:
    """Record that `link` was used now."""
    link.last_used_at = at or utcnow()
    db.add(link)
    await db.commit()
