"""Share links in server tests: make one in the test's database and open it like a browser."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from ask_applicant.persistence import ShareLink, create_engine, open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.links import create_link, revoke_link

from .conftest import Api

COOKIE = "aa_session"


async def new_link(
    api: Api, *, name: str = "Acme Corp", expires_at: datetime | None = None
) -> tuple[ShareLink, str]:
    """A new link (and its recruiter) in the server's database, with its token."""
    engine = create_engine(api.database_url)
    try:
        async with open_db(engine) as db:
            return await create_link(db, name=name, expires_at=expires_at)
    finally:
        await engine.dispose()


async def revoke(api: Api, link_id: str) -> None:
    """Revoke a link in the server's database."""
    engine = create_engine(api.database_url)
    try:
        async with open_db(engine) as db:
            assert await revoke_link(db, ident=link_id) is not None
    finally:
        await engine.dispose()


async def expire(api: Api, link_id: str) -> None:
    """Move a link's expiry into the past (a link cannot be created expired)."""
    engine = create_engine(api.database_url)
    try:
        async with open_db(engine) as db:
            link = await db.get(ShareLink, link_id)
            assert link is not None
            link.expires_at = utcnow() - timedelta(seconds=1)
            db.add(link)
            await db.commit()
    finally:
        await engine.dispose()


async def open_link(api: Api, token: str) -> tuple[httpx.Response, str]:
    """GET /r/{token} without following the redirect; the response and the cookie value."""
    async with api.client() as http:
        reply = await http.get(f"/r/{token}")
    set_cookie = reply.headers.get("set-cookie", "")
    value = set_cookie.split(";", 1)[0].removeprefix(f"{COOKIE}=") if set_cookie else ""
    return reply, value


def browser(api: Api, cookie: str, **headers: str) -> httpx.AsyncClient:
    """A client that sends the session cookie (and no Bearer key), like the chat page."""
    return api.client(Cookie=f"{COOKIE}={cookie}", **headers)
