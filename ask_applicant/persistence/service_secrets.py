"""Secrets the service makes for itself and keeps in its database.

Kept in the database, not a file, so that every replica behind one database signs and
checks cookies with the same key, and a restart keeps browsers signed in. A different
deployment (another database) has another key, so its cookies are refused here.
"""

from __future__ import annotations

import secrets

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.models import ServiceSecret

SESSION_SECRET_NAME = "session_cookie_key"


async def get_or_create_secret(db: AsyncSession, *, name: str) -> str:
    """The secret called `name`, made (256 random bits) the first time it is asked for.

    Two processes starting together agree: the loser of the insert reads the winner's.
    """
    found = await db.get(ServiceSecret, name)
    if found is not None:
        return found.value
    value = secrets.token_urlsafe(32)
    db.add(ServiceSecret(name=name, value=value))
    try:
        await db.commit()
    except IntegrityError:
        await db.rollback()
        found = await db.get(ServiceSecret, name)
        if found is None:
            raise
        return found.value
    return value
