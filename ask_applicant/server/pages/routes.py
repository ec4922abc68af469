"""`GET /` (the chat page), `/static/*` (its scripts and styles) and `/widget.js`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.staticfiles import StaticFiles

from ask_applicant.server.browser_session import has_session_cookie
from ask_applicant.server.deps import SettingsDep
from ask_applicant.server.pages.document import chat_page, page_language
from ask_applicant.settings import Settings

STATIC = Path(__file__).parent / "static"

router = APIRouter(include_in_schema=False)


def content_security_policy(settings: Settings) -> str:
    """This origin only, for everything; framing only by us and the listed origins.

    The applicant's own site (in `CORS_ORIGINS`) may frame the page for the widget.
    """
    ancestors = " ".join(["'self'", *settings.cors_origins])
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        f"form-action 'self'; frame-ancestors {ancestors}"
    )


def page_headers(settings: Settings) -> dict[str, str]:
    """Headers for every HTML page: CSP, no sniffing, no referrer, no caching."""
    return {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
async def chat_page_route(
    request: Request,
    settings: SettingsDep,
    accept_language: Annotated[str | None, Header()] = None,
) -> HTMLResponse:
    """The chat page, or (without a share link's cookie) a card saying to open the link.

    A cookie that is present but no longer valid (revoked or expired link) is found out
    by the script's first API call, which then shows the same card.
    """
    signed_in = has_session_cookie(request)
    html = chat_page(lang=page_language(accept_language), signed_in=signed_in)
    return HTMLResponse(html, headers=page_headers(settings))


@router.api_route("/widget.js", methods=["GET", "HEAD"])
async def widget_script() -> FileResponse:
    """The embeddable widget (`<script src=".../widget.js" data-link="TOKEN" defer>`)."""
    return FileResponse(
        STATIC / "widget.js",
        media_type="text/javascript; charset=utf-8",
        headers={
            "Cache-Control": "public, max-age=300",
            "Cross-Origin-Resource-Policy": "cross-origin",
            "X-Content-Type-Options": "nosniff",
        },
    )


def static_files() -> StaticFiles:
    """The page's scripts, styles and icon."""
    return StaticFiles(directory=STATIC, check_dir=True)
