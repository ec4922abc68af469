"""`GET /r/{token}`: a share link, opened in a browser, signs it in and goes to the chat.

Failures are pages for a person, in their language: 404 for a link that does not
exist (or is not even shaped like one), 410 for one revoked or expired.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.links import find_link_by_token, link_state, touch_link
from ask_applicant.server.deps import ServicesDep
from ask_applicant.server.link_pages import link_failure_page

router = APIRouter(include_in_schema=False)


@router.get("/r/{token:path}")
async def open_share_link(
    token: str,
    services: ServicesDep,
    accept_language: Annotated[str | None, Header()] = None,
) -> Response:
    """Set the session cookie for the link's recruiter and redirect (303) to `/`."""
    async with open_db(services.engine) as db:
        link = await find_link_by_token(db, token=token[:200])
        if link is None:
            return link_failure_page("unknown", accept_language=accept_language)
        state = link_state(link)
        user = await db.get(User, link.user_id)
        if state == "active" and (user is None or user.disabled):
            state = "revoked"
        if state != "active":
            return link_failure_page(
                state, accept_language=accept_language, expired_at=link.expires_at
            )
        now = utcnow()
        await touch_link(db, link=link, at=now)
    cookies = services.cookies
    max_age = cookies.max_age_seconds
    if link.expires_at is not None:
        max_age = min(max_age, max(1, int((link.expires_at - now).total_seconds())))
    response = RedirectResponse("/", status_code=303)
    response.headers["Set-Cookie"] = cookies.set_header(cookies.issue(link.id), max_age=max_age)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
