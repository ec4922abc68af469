"""Bearer API keys: who is asking, and what they may see.

Keys are looked up by their SHA-256 hash on every request (so a revoked key stops
working at once) and compared in constant time (`persistence.users`). Roles:

- `owner`, the applicant: sees and manages every conversation and run;
- `recruiter`: sees only their own.

Anything a caller may not see answers 404, exactly like something that does not exist,
so ids of other people's conversations cannot even be confirmed.
"""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence import User
from ask_applicant.persistence.users import get_user_by_api_key
from ask_applicant.server.problems import Problem
from ask_applicant.server.rate_limit import RequestLimit

OWNER = "owner"
MAX_AUTHORIZATION_CHARS = 512


def unauthorized(detail: str, *, invalid: bool) -> Problem:
    """A 401 that tells the client to send a Bearer key."""
    challenge = 'Bearer realm="ask-applicant"'
    if invalid:
        challenge += ', error="invalid_token"'
    return Problem(401, detail, kind="unauthorized", headers={"WWW-Authenticate": challenge})


def bearer_key(authorization: str | None) -> str:
    """The key in an `Authorization: Bearer KEY` header.

    Raises:
        Problem: 401 when the header is missing or is not a Bearer credential.
    """
    if not authorization:
        raise unauthorized(
            "This endpoint needs an API key: send `Authorization: Bearer <key>`.", invalid=False
        )
    scheme, _, key = authorization.strip().partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key or len(authorization) > MAX_AUTHORIZATION_CHARS:
        raise unauthorized("The Authorization header must be `Bearer <key>`.", invalid=True)
    return key


async def authenticate(db: AsyncSession, authorization: str | None) -> User:
    """The active user holding the request's key.

    Raises:
        Problem: 401 for a missing, malformed, unknown or revoked key.
    """
    user = await get_user_by_api_key(db, api_key=bearer_key(authorization))
    if user is None:
        raise unauthorized("The API key is not valid or has been revoked.", invalid=True)
    return user


def is_owner(user: User) -> bool:
    """True for the applicant, who sees everything."""
    return user.role == OWNER


def visible_owner(user: User) -> str | None:
    """The owner id a query must be limited to: None (everyone's) for the applicant."""
    return None if is_owner(user) else user.id


def not_found(what: str) -> Problem:
    """The one answer for something missing or someone else's."""
    return Problem(404, f"There is no {what} with this id.", kind="not-found")


async def rate_limited(limiter: RequestLimit, user: User) -> Problem | None:
    """A 429 with `Retry-After` when `user` is over the request rate, else None."""
    wait = await limiter.hit(user.id)
    if wait is None:
        return None
    return Problem(
        429,
        f"Too many requests for this key; at most {limiter.limit} per minute.",
        kind="rate-limited",
        headers={"Retry-After": str(wait)},
    )
