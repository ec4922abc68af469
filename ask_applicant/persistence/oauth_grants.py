"""Reading and writing OAuth clients, codes and tokens (kept as hashes).

Secrets are 256 random bits with a prefix that says what they are (`aac_` code,
`aat_` access token, `aar_` refresh token), so a plain SHA-256 is a safe stored form
and an API key (`aa_`) is never mistaken for a token. A token is only valid while the
user it was issued to is active: revoking their API key ends every token at once.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import User
from ask_applicant.persistence.oauth_models import OAuthClient, OAuthCode, OAuthToken
from ask_applicant.persistence.users import hash_api_key

CODE_PREFIX = "aac_"
ACCESS_PREFIX = "aat_"
REFRESH_PREFIX = "aar_"
ACCESS = "access"
REFRESH = "refresh"
MAX_SECRET_CHARS = 200


def new_secret(prefix: str) -> str:
    """A fresh code or token."""
    return prefix + secrets.token_urlsafe(32)


def _hash(secret: str) -> str | None:
    if len(secret) > MAX_SECRET_CHARS:
        return None
    return hash_api_key(secret)


async def save_client(db: AsyncSession, client_id: str, info: dict[str, Any]) -> None:
    """Keep a newly registered client."""
    db.add(OAuthClient(client_id=client_id, info=info))
    await db.commit()


async def load_client(db: AsyncSession, client_id: str) -> dict[str, Any] | None:
    """A registered client's metadata, or None."""
    if len(client_id) > MAX_SECRET_CHARS:
        return None
    client = await db.get(OAuthClient, client_id)
    return None if client is None else dict(client.info)


async def save_code(db: AsyncSession, code: str, row: OAuthCode) -> None:
    """Keep an authorization code (by hash) for its exchange."""
    row.code_hash = hash_api_key(code)
    row.grant_id = uuid.uuid4().hex
    db.add(row)
    await db.commit()


async def find_code(db: AsyncSession, code: str) -> OAuthCode | None:
    """The code's row, used or not."""
    hashed = _hash(code)
    return None if hashed is None else await db.get(OAuthCode, hashed)


async def use_code(db: AsyncSession, row: OAuthCode) -> bool:
    """Mark the code used; False when another exchange got there first."""
    result = await db.exec(
        update(OAuthCode)
        .where(col(OAuthCode.code_hash) == row.code_hash, col(OAuthCode.used).is_(False))
        .values(used=True)
    )
    await db.commit()
    return bool(result.rowcount)


async def issue_tokens(
    db: AsyncSession,
    *,
    grant: OAuthCode | OAuthToken,
    access_ttl: timedelta,
    refresh_ttl: timedelta,
) -> tuple[str, str]:
    """A new access and refresh token for `grant`'s client, user, mount and scopes."""
    now = utcnow()
    access, refresh = new_secret(ACCESS_PREFIX), new_secret(REFRESH_PREFIX)
    for secret, kind, ttl in ((access, ACCESS, access_ttl), (refresh, REFRESH, refresh_ttl)):
        db.add(
            OAuthToken(
                token_hash=hash_api_key(secret),
                kind=kind,
                grant_id=grant.grant_id,
                client_id=grant.client_id,
                user_id=grant.user_id,
                mount=grant.mount,
                scopes=grant.scopes,
                expires_at=now + ttl,
            )
        )
    await db.commit()
    return access, refresh


async def find_token(
    db: AsyncSession, token: str, *, kind: str, now: datetime | None = None
) -> tuple[OAuthToken, User] | None:
    """A live token of `kind` and its active user, or None (unknown, expired, revoked)."""
    hashed = _hash(token)
    if hashed is None:
        return None
    query = (
        select(OAuthToken, User)
        .join(User, col(User.id) == col(OAuthToken.user_id))
        .where(col(OAuthToken.token_hash) == hashed, col(OAuthToken.kind) == kind)
    )
    found = (await db.exec(query)).first()
    if found is None:
        return None
    row, user = found
    if user.disabled or row.expires_at <= (now or utcnow()):
        return None
    return row, user


async def revoke_grant(db: AsyncSession, grant_id: str) -> None:
    """End every token of a grant (its access and refresh tokens)."""
    await db.exec(delete(OAuthToken).where(col(OAuthToken.grant_id) == grant_id))
    await db.commit()


async def spend_refresh_token(db: AsyncSession, row: OAuthToken) -> bool:
    """Delete a refresh token being rotated; False when it was already spent."""
    result = await db.exec(delete(OAuthToken).where(col(OAuthToken.token_hash) == row.token_hash))
    await db.commit()
    return bool(result.rowcount)
