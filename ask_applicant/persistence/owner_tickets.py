"""One-time sign-in tickets for the applicant (`ask-applicant owner-link`).

A ticket's token is 256 random bits, printed once inside a URL and kept only as its
SHA-256 hash. It works once, within ten minutes: redeeming it marks it used in the same
UPDATE that checks it, so two browsers racing for one URL cannot both sign in.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.console_models import OwnerTicket
from ask_applicant.persistence.models import User
from ask_applicant.persistence.users import create_user

TICKET_PREFIX = "ot_"
TICKET_LIFETIME = timedelta(minutes=10)
_TOKEN = re.compile(r"^ot_[A-Za-z0-9_-]{43}$")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


async def the_owner(db: AsyncSession) -> User:
    """The applicant's user: the oldest enabled owner, created (with an unseen key) if none."""
    query = (
        select(User)
        .where(User.role == "owner", col(User.disabled).is_(False))
        .order_by(col(User.created_at), col(User.id))
    )
    owner = (await db.exec(query)).first()
    if owner is not None:
        return owner
    owner, _unseen_key = await create_user(db, name="Applicant", role="owner")
    return owner


async def create_ticket(db: AsyncSession, *, user_id: str) -> str:
    """A new ticket for `user_id`; returns its token, which is never stored."""
    token = TICKET_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    db.add(
        OwnerTicket(
            id=uuid.uuid4().hex,
            token_hash=_hash(token),
            user_id=user_id,
            created_at=now,
            expires_at=now + TICKET_LIFETIME,
        )
    )
    await db.commit()
    return token


async def redeem_ticket(db: AsyncSession, *, token: str) -> User | None:
    """The enabled owner a fresh, unused ticket names, the ticket now used; else None."""
    if _TOKEN.fullmatch(token) is None:
        return None
    now = utcnow()
    wanted = _hash(token)
    table = OwnerTicket.__table__  # type: ignore[attr-defined]
    claimed = await db.exec(  # type: ignore[call-overload]
        update(table)
        .where(table.c.token_hash == wanted, table.c.used_at.is_(None), table.c.expires_at > now)
        .values(used_at=now)
    )
    await db.commit()
    if claimed.rowcount != 1:
        return None
    ticket = (await db.exec(select(OwnerTicket).where(OwnerTicket.token_hash == wanted))).first()
    user = await db.get(User, ticket.user_id) if ticket is not None else None
    if user is None or user.disabled or user.role != "owner":
        return None
    return user
