"""Signing a browser in by its share-link cookie, checked again on every request.

The cookie names a link; the link must still be active and its recruiter enabled, so
revoking or expiring a link signs its browsers out on their next request. Writes also
pass the cross-site check (`csrf`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request

from ask_applicant.persistence import ShareLink, User
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.links import get_link, link_state, touch_link
from ask_applicant.server.auth import unauthorized
from ask_applicant.server.csrf import check_origin
from ask_applicant.server.problems import Problem
from ask_applicant.server.session_cookie import COOKIE_NAME, SessionCookies
from ask_applicant.settings import Settings

# `last_used_at` is for the applicant's list, not an audit log: one write per minute.
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class BrowserSignIn:
    """A request signed in by a share link's cookie."""

    user: User
    link: ShareLink


def has_session_cookie(request: Request) -> bool:
    """True when the request carries our session cookie (valid or not)."""
    return COOKIE_NAME in request.cookies


def _signed_out(detail: str, cookies: SessionCookies) -> Problem:
    problem = unauthorized(detail, invalid=True)
    # The browser drops the dead cookie, so the page shows "open your link" next time.
    problem.headers["Set-Cookie"] = cookies.clear_header()
    return problem


async def sign_in_by_cookie(
    db: AsyncSession, request: Request, *, cookies: SessionCookies, settings: Settings
) -> BrowserSignIn:
    """The link and recruiter behind the request's session cookie.

    Raises:
        Problem: 401 for a cookie this deployment did not sign, one too old, or one whose
            link is revoked or expired; 403 for a cross-site write.
    """
    link_id = cookies.read(request.cookies.get(COOKIE_NAME, ""))
    if link_id is None:
        raise _signed_out(
            "This browser session is not valid here; open your share link again.", cookies
        )
    check_origin(request, settings)
    link = await get_link(db, link_id=link_id)
    if link is None or link_state(link) != "active":
        state = "no longer exists" if link is None else f"is {link_state(link)}"
        raise _signed_out(f"The share link this browser signed in with {state}.", cookies)
    user = await db.get(User, link.user_id)
    if user is None or user.disabled:
        raise _signed_out("The share link this browser signed in with is revoked.", cookies)
    now = utcnow()
    if link.last_used_at is None or now - link.last_used_at >= TOUCH_EVERY:
        await touch_link(db, link=link, at=now)
    return BrowserSignIn(user=user, link=link)
