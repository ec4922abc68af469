"""`/console`: the applicant's console page, and how the applicant's browser signs in.

- `GET /console/owner/{token}`: a one-time URL from `ask-applicant owner-link`;
- `POST /console/sign-in`: an owner key exchanged for the same browser session;
- `POST /console/sign-out`.

Anyone else gets the sign-in form and never the console: 401 without a session, 403
for a recruiter's browser.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Header, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.owner_tickets import redeem_ticket
from ask_applicant.persistence.users import get_user_by_api_key
from ask_applicant.server.auth import is_owner
from ask_applicant.server.browser_session import has_session_cookie
from ask_applicant.server.csrf import check_origin
from ask_applicant.server.deps import ServicesDep
from ask_applicant.server.owner_session import OwnerCookies, owner_by_cookie
from ask_applicant.server.pages.console_document import console_page, sign_in_page
from ask_applicant.server.pages.document import page_language
from ask_applicant.server.pages.routes import page_headers
from ask_applicant.server.services import Services

router = APIRouter(include_in_schema=False)
AcceptLanguage = Annotated[str | None, Header()]


async def _signed_in_owner(request: Request, services: Services) -> User | None:
    cookies = OwnerCookies.derived_from(services.cookies)
    async with open_db(services.engine) as db:
        return await owner_by_cookie(db, request, cookies=cookies, settings=services.settings)


def _headers(services: Services) -> dict[str, str]:
    # Forms post here; with `no-referrer` a browser would send `Origin: null`, which
    # the cross-site check rightly refuses. Nothing leaves the origin either way.
    return page_headers(services.settings) | {"Referrer-Policy": "same-origin"}


def _form(services: Services, lang: str, *, status: int, error: str | None = None) -> HTMLResponse:
    html = sign_in_page(lang=lang, error=error)
    return HTMLResponse(html, status_code=status, headers=_headers(services))


def _into_console(services: Services, user: User) -> Response:
    response = RedirectResponse("/console", status_code=303)
    response.headers["Set-Cookie"] = OwnerCookies.derived_from(services.cookies).set_header(user.id)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@router.get("/console", response_class=HTMLResponse)
async def console(
    request: Request, services: ServicesDep, accept_language: AcceptLanguage = None
) -> HTMLResponse:
    """The console for the signed-in applicant; the sign-in form for anyone else."""
    lang = page_language(accept_language)
    if await _signed_in_owner(request, services) is None:
        return _form(services, lang, status=403 if has_session_cookie(request) else 401)
    return HTMLResponse(console_page(lang=lang), headers=_headers(services))


@router.get("/console/sign-in", response_class=HTMLResponse)
async def sign_in_form(services: ServicesDep, accept_language: AcceptLanguage = None) -> Response:
    """The form that exchanges an owner key for a console session."""
    return _form(services, page_language(accept_language), status=200)


@router.post("/console/sign-in")
async def sign_in_with_key(
    request: Request,
    services: ServicesDep,
    key: Annotated[str, Form(max_length=512)],
    accept_language: AcceptLanguage = None,
) -> Response:
    """Sign the browser in as the owner holding `key` (303 to `/console`), or say no (401)."""
    check_origin(request, services.settings)
    async with open_db(services.engine) as db:
        user = await get_user_by_api_key(db, api_key=key.strip())
    if user is None or not is_owner(user):
        return _form(services, page_language(accept_language), status=401, error="bad_key")
    return _into_console(services, user)


@router.get("/console/owner/{token:path}")
async def sign_in_with_ticket(
    token: str, services: ServicesDep, accept_language: AcceptLanguage = None
) -> Response:
    """Redeem a one-time `owner-link` URL: 303 to `/console`, or 410 with the form."""
    async with open_db(services.engine) as db:
        user = await redeem_ticket(db, token=token[:200])
    if user is None:
        return _form(services, page_language(accept_language), status=410, error="bad_ticket")
    return _into_console(services, user)


@router.post("/console/sign-out")
async def sign_out(request: Request, services: ServicesDep) -> Response:
    """End the console session and go back to the sign-in form."""
    check_origin(request, services.settings)
    response = RedirectResponse("/console/sign-in", status_code=303)
    response.headers["Set-Cookie"] = OwnerCookies.derived_from(services.cookies).clear_header()
    return response
