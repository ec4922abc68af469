"""Typed dependencies: how a route reaches the process's services and the caller.

async def route(user: CurrentUser, db: DbDep, runs: RunManagerDep) -> ...
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.agents.graph import AgentGraph
from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.outage import cause_of, is_unavailable
from ask_applicant.server.auth import authenticate, rate_limited
from ask_applicant.server.browser_session import has_session_cookie, sign_in_by_cookie
from ask_applicant.server.owner_session import (
    OwnerCookies,
    has_owner_cookie,
    owner_by_cookie,
    signed_out_owner,
)
from ask_applicant.server.problems import Problem
from ask_applicant.server.runs import RunManager
from ask_applicant.server.services import Services
from ask_applicant.settings import Settings

logger = logging.getLogger(__name__)


def get_services(request: Request) -> Services:
    """The services the lifespan opened."""
    services: Services | None = getattr(request.app.state, "services", None)
    if services is None:
        raise Problem(503, "The service is starting or stopping; try again shortly.")
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_settings_of_app(services: ServicesDep) -> Settings:
    """The settings the app runs with."""
    return services.settings


async def get_db(services: ServicesDep) -> AsyncIterator[AsyncSession]:
    """One database session per request, closed after the response.

    Not for streaming routes or routes that wait on a run: the session would keep its
    transaction open until the response ends.
    """
    db = open_db(services.engine)
    try:
        yield db
    finally:
        await _close(db)


async def _close(db: AsyncSession) -> None:
    # Closing rolls back on the server, after the response has been sent: a database
    # that went away meanwhile must not turn an answered request into a dropped
    # connection. The broken connection is discarded by the pool either way.
    try:
        await db.close()
    except Exception as error:
        if not is_unavailable(error):
            raise
        logger.warning(
            "the database went away before a request's session closed: %s", cause_of(error)
        )


async def get_read_db(services: ServicesDep) -> AsyncIterator[AsyncSession]:
    """Like `get_db`, for routes that only read: on SQLite it takes no write lock."""
    db = open_db(services.engine, read_only=True)
    try:
        yield db
    finally:
        await _close(db)


def get_run_manager(services: ServicesDep) -> RunManager:
    """The process's run manager."""
    return services.runs


def get_graph(services: ServicesDep) -> AgentGraph:
    """The agent graph."""
    return services.graph


SettingsDep = Annotated[Settings, Depends(get_settings_of_app)]
DbDep = Annotated[AsyncSession, Depends(get_db)]
ReadDbDep = Annotated[AsyncSession, Depends(get_read_db)]
RunManagerDep = Annotated[RunManager, Depends(get_run_manager)]
GraphDep = Annotated[AgentGraph, Depends(get_graph)]


# Declares the Bearer scheme in the OpenAPI document for every route that needs a
# key; it refuses nothing itself (auto_error=False): `authenticate` decides, as
# problem+json.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearerAuth",
    description="An API key from `ask-applicant keys create`: `Authorization: Bearer <key>`.",
)


async def get_current_user(
    request: Request,
    services: ServicesDep,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
) -> User:
    """The caller, by Bearer key, the applicant's console cookie or a share-link cookie.

    A Bearer header wins when present, then the owner's cookie. A request signed in
    by a share link keeps its link on `request.state.share_link`. Reads with its own
    short session: a request-long one would hold a database transaction for as long as
    a stream lasts; a key check is read-only, so on SQLite it never waits for a writer.

    Raises:
        Problem: 401 without a valid key or cookie; 403 for a cross-site write by
            cookie; 429 with `Retry-After` over the rate limit or after too many failed
            authentications from the caller's address.
    """
    authorization = request.headers.get("authorization")
    async with services.auth_failures.watch(request):
        if authorization is None and (has_owner_cookie(request) or has_session_cookie(request)):
            # Not read-only: a cookie sign-in records when its link or ticket was used.
            async with open_db(services.engine) as db:
                user = await _user_by_cookie(request, services, db)
        else:
            async with open_db(services.engine, read_only=True) as db:
                user = await authenticate(db, authorization)
    limited = await rate_limited(services.limiter, user)
    if limited is not None:
        raise limited
    return user


async def _user_by_cookie(request: Request, services: Services, db: AsyncSession) -> User:
    """The owner by the console's cookie, else the recruiter by a share link's cookie."""
    if has_owner_cookie(request):
        owner_cookies = OwnerCookies.derived_from(services.cookies)
        settings = services.settings
        owner = await owner_by_cookie(db, request, cookies=owner_cookies, settings=settings)
        if owner is not None:
            return owner
        if not has_session_cookie(request):
            raise signed_out_owner(owner_cookies)
    signed_in = await sign_in_by_cookie(
        db, request, cookies=services.cookies, settings=services.settings
    )
    request.state.share_link = signed_in.link
    return signed_in.user


CurrentUser = Annotated[User, Depends(get_current_user)]
