"""The browser session cookie a share link sets: signed, and checked against its link.

The value is `v1.<link id>.<issued at>.<signature>`, an HMAC-SHA256 over the rest with
the deployment's key (`SESSION_SECRET`, or one generated once and kept in the
database). It holds no secret of its own: every request also re-reads the link, so a
revoked or expired link stops working on the next request, and a cookie signed by
another deployment (another key) is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.service_secrets import SESSION_SECRET_NAME, get_or_create_secret
from ask_applicant.settings import Settings

COOKIE_NAME = "aa_session"
_VALUE = re.compile(r"^v1\.([0-9a-f]{32})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$")


@dataclass(frozen=True)
class SessionCookies:
    """Issues and reads session cookies.

    Attributes:
        key: The signing key.
        secure: Whether the cookie is `Secure` (PUBLIC_URL is https).
        max_age_seconds: How long a browser stays signed in.
    """

    key: bytes
    secure: bool
    max_age_seconds: int

    def _sign(self, payload: str) -> str:
        digest = hmac.new(self.key, payload.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def issue(self, link_id: str, *, now: float | None = None) -> str:
        """A cookie value for a browser signed in by link `link_id`."""
        payload = f"v1.{link_id}.{int(now if now is not None else time.time())}"
        return f"{payload}.{self._sign(payload)}"

    def read(self, value: str, *, now: float | None = None) -> str | None:
        """The link id in a cookie this deployment signed and that has not aged out, or None."""
        match = _VALUE.fullmatch(value)
        if match is None:
            return None
        link_id, issued, signature = match.groups()
        if not hmac.compare_digest(signature, self._sign(f"v1.{link_id}.{issued}")):
            return None
        age = (now if now is not None else time.time()) - int(issued)
        return link_id if 0 <= age + 60 and age < self.max_age_seconds else None

    def set_header(self, value: str, *, max_age: int) -> str:
        """A `Set-Cookie` header value for `value`."""
        secure = "; Secure" if self.secure else ""
        return f"{COOKIE_NAME}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"

    def clear_header(self) -> str:
        """A `Set-Cookie` header value that removes the cookie."""
        secure = "; Secure" if self.secure else ""
        return f"{COOKIE_NAME}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}"


async def session_cookies(engine: AsyncEngine, settings: Settings) -> SessionCookies:
    """The deployment's cookie signer: `SESSION_SECRET`, else the key kept in the database."""
    if settings.session_secret is not None:
        secret = settings.session_secret.get_secret_value()
    else:
        async with open_db(engine) as db:
            secret = await get_or_create_secret(db, name=SESSION_SECRET_NAME)
    return SessionCookies(
        key=secret.encode("utf-8"),
        secure=settings.public_url.startswith("https://"),
        max_age_seconds=settings.session_max_age_seconds,
    )
