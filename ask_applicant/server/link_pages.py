"""The small HTML pages a person sees when a share link cannot sign them in.

A link is opened in a browser, so its failures answer HTML in the browser's language
(English or Korean, from `Accept-Language`), never problem+json. The page is the
template `pages/templates/link_error.html`; every inserted value is HTML-escaped (all go into
element text, never attributes).
"""

from __future__ import annotations

import html
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Literal

from starlette.responses import HTMLResponse

Language = Literal["en", "ko"]
Failure = Literal["unknown", "revoked", "expired"]

TEMPLATE_PATH = Path(__file__).parent / "pages" / "templates" / "link_error.html"
# Inline styles only; nothing loads, runs, submits or frames.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)

_TEXT: dict[Failure, dict[Language, tuple[str, str]]] = {
    "unknown": {
        "en": (
            "This link doesn't work",
            "We couldn't find this link. Check that it was copied in full, or ask the person "
            "who sent it for a new one.",
        ),
        "ko": (
            "이 링크를 열 수 없습니다",
            "링크를 찾을 수 없습니다. 주소가 끝까지 복사되었는지 확인하시거나, 링크를 보내 주신 "
            "분께 새 링크를 요청해 주세요.",
        ),
    },
    "revoked": {
        "en": (
            "This link has been turned off",
            "The person who shared it has turned it off. If you still need it, ask them for a "
            "new link.",
        ),
        "ko": (
            "사용이 중지된 링크입니다",
            "링크를 공유하신 분이 사용을 중지했습니다. 계속 필요하시면 새 링크를 요청해 주세요.",
        ),
    },
    "expired": {
        "en": (
            "This link has expired",
            "It could be used until {when}. Ask the person who shared it for a new link.",
        ),
        "ko": (
            "기간이 끝난 링크입니다",
            "{when}까지 사용할 수 있는 링크였습니다. 공유하신 분께 새 링크를 요청해 주세요.",
        ),
    },
}


def preferred_language(accept_language: str | None) -> Language:
    """English or Korean, whichever `Accept-Language` ranks higher (English by default)."""
    best: tuple[float, int, Language] | None = None
    for position, part in enumerate((accept_language or "")[:1000].split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("en", "ko"):
            continue
        quality = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        ranked = (quality, -position, "ko" if primary == "ko" else "en")
        if quality > 0 and (best is None or ranked > best):
            best = ranked  # type: ignore[assignment]
    return best[2] if best is not None else "en"


@lru_cache(maxsize=1)
def _template() -> Template:
    return Template(TEMPLATE_PATH.read_text(encoding="utf-8"))


def link_failure_page(
    failure: Failure, *, accept_language: str | None, expired_at: datetime | None = None
) -> HTMLResponse:
    """The page for a link that is unknown (404), revoked or expired (410)."""
    lang = preferred_language(accept_language)
    title, message = _TEXT[failure][lang]
    when = expired_at.strftime("%Y-%m-%d %H:%M UTC") if expired_at is not None else ""
    status = 404 if failure == "unknown" else 410
    body = _template().substitute(
        lang=lang,
        title=html.escape(title, quote=False),
        message=html.escape(message.format(when=when), quote=False),
        status=status,
    )
    return HTMLResponse(
        body,
        status_code=status,
        headers={
            "Content-Language": lang,
            "Vary": "Accept-Language",
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        },
    )
