"""The applicant's browser session: a signed cookie naming the owner user.

Issued by a one-time `owner-link` URL or by exchanging an owner key on the console's
sign-in form. It is signed like the share-link cookie but with a key derived for this
purpose alone, so a recruiter's cookie can never be replayed as the owner's. Every
request re-reads the user: disabling the owner (revoking their key) signs them out.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request

from ask_applicant.persistence import User
from ask_applicant.server.auth import is_owner, unauthorized
from ask_applicant.server.csrf import check_origin
from ask_applicant.server.problems import Problem
from ask_applicant.server.session_cookie import SessionCookies
from ask_applicant.settings import Settings

OWNER_COOKIE = "aa_owner"
# The console is powerful: its session lasts a working day, not a share link's month.
OWNER_MAX_AGE_SECONDS = 12 * 3600


@dataclass(frozen=True)
class OwnerCookies:
    """Issues and reads the owner's cookie (`v1.<user id>.<issued>.<signature>`)."""

    signer: SessionCookies

    @classmethod
    def derived_from(cls, cookies: SessionCookies) -> OwnerCookies:
        """The owner's signer, with a key derived from the deployment's cookie key."""
        key = hmac.new(cookies.key, b"ask-applicant owner session", hashlib.sha256).digest()
        max_age = min(cookies.max_age_seconds, OWNER_MAX_AGE_SECONDS)
        return cls(SessionCookies(key=key, secure=cookies.secure, max_age_seconds=max_age))

    def set_header(self, user_id: str) -> str:
        """A `Set-Cookie` value signing the browser in as `user_id`."""
        value = self.signer.issue(user_id)
        secure = "; Secure" if self.signer.secure else ""
        age = self.signer.max_age_seconds
        return f"{OWNER_COOKIE}={value}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax{secure}"

    def clear_header(self) -> str:
        """A `Set-Cookie` value that signs the browser out."""
        secure = "; Secure" if self.signer.secure else ""
        return f"{OWNER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}"

    def read(self, request: Request) -> str | None:
        """The user id in the request's owner cookie, if this deployment signed it lately."""
        return self.signer.read(request.cookies.get(OWNER_COOKIE, ""))


def has_owner_cookie(request: Request) -> bool:
    """True when the request carries an owner cookie (valid or not)."""
    return OWNER_COOKIE in request.cookies


async def owner_by_cookie(
    db: AsyncSession, request: Request, *, cookies: OwnerCookies, settings: Settings
) -> User | None:
    """The enabled owner the request's cookie names, or None.

    Raises:
        Problem: 403 for a cross-site write.
    """
    user_id = cookies.read(request)
    if user_id is None:
        return None
    check_origin(request, settings)
    user = await db.get(User, user_id)
    if user is None or user.disabled or not is_owner(user):
        return None
    return user


def signed_out_owner(cookies: OwnerCookies) -> Problem:
    """The 401 for a dead owner cookie; it also removes the cookie."""
    problem = unauthorized("Your console session has ended; sign in again.", invalid=True)
    problem.headers["Set-Cookie"] = cookies.clear_header()
    return problem
