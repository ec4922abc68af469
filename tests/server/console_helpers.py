"""The applicant's console in server tests: sign in as the owner like a browser would."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import update

from ask_applicant.persistence import OwnerTicket, create_engine, open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.owner_tickets import create_ticket, the_owner

from .conftest import Api

OWNER_COOKIE = "aa_owner"


async def owner_ticket(api: Api) -> str:
    """A one-time sign-in token for the applicant, as `ask-applicant owner-link` makes."""
    engine = create_engine(api.database_url)
    try:
        async with open_db(engine) as db:
            owner = await the_owner(db)
            return await create_ticket(db, user_id=owner.id)
    finally:
        await engine.dispose()


async def age_tickets(api: Api) -> None:
    """Move every ticket's expiry into the past."""
    engine = create_engine(api.database_url)
    try:
        async with open_db(engine) as db:
            table = OwnerTicket.__table__  # type: ignore[attr-defined]
            past = utcnow() - timedelta(seconds=1)
            await db.exec(update(table).values(expires_at=past))  # type: ignore[call-overload]
            await db.commit()
    finally:
        await engine.dispose()


async def owner_cookie(api: Api) -> str:
    """Redeem a fresh ticket; the owner's cookie value."""
    token = await owner_ticket(api)
    async with api.client() as http:
        reply = await http.get(f"/console/owner/{token}")
    assert reply.status_code == 303, reply.text
    return reply.headers["set-cookie"].split(";", 1)[0].removeprefix(f"{OWNER_COOKIE}=")


def owner_browser(api: Api, cookie: str) -> httpx.AsyncClient:
    """A client signed in to the console (writes carry our Origin, as the page's do)."""
    return api.client(Cookie=f"{OWNER_COOKIE}={cookie}", Origin=api.url)
