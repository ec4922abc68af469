"""Typed dependencies: how a route reaches the process's services and the caller.

async def route(user: CurrentUser, db: DbDep, runs: RunManagerDep) -> ...
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.agents.graph import AgentGraph
from ask_applicant.persistence import User, open_db
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
    async with open_db(services.engine) as db:
        yield db


def get_run_manager(services: ServicesDep) -> RunManager:
    """The process's run manager."""
    return services.runs


def get_graph(services: ServicesDep) -> AgentGraph:
    """The agent graph."""
    return services.graph


SettingsDep = Annotated[Settings, Depends(get_settings_of_app)]
DbDep = Annotated[AsyncSession, Depends(get_db)]
RunManagerDep = Annotated[RunManager, Depends(get_run_manager)]
GraphDep = Annotated[AgentGraph, Depends(get_graph)]


async def get_current_user(request: Request, services: ServicesDep) -> User:
    """The caller, by Bearer key, the applicant's console cookie or a share-link cookie.

    A Bearer header wins when present, then the owner's cookie. A request signed in
    by a share link keeps its link on `request.state.share_link`. Reads with its own
    short session: a request-long one would hold a database transaction (on SQLite,
    the write lock) for as long as a stream lasts.

    Raises:
        Problem: 401 without a valid key or cookie; 403 for a cross-site write by
            cookie; 429 with `Retry-After` over the rate limit.
    """
    authorization = request.headers.get("authorization")
    async with open_db(services.engine) as db:
        owner = None
        if authorization is None and has_owner_cookie(request):
            owner_cookies = OwnerCookies.derived_from(services.cookies)
            settings = services.settings
            owner = await owner_by_cookie(db, request, cookies=owner_cookies, settings=settings)
            if owner is None and not has_session_cookie(request):
                raise signed_out_owner(owner_cookies)
        if owner is not None:
            user = owner
        elif authorization is None and has_session_cookie(request):
            signed_in = await sign_in_by_cookie(
                db, request, cookies=services.cookies, settings=services.settings
            )
            request.state.share_link = signed_in.link
            user = signed_in.user
        else:
            user = await authenticate(db, authorization)
    limited = rate_limited(services.limiter, user)
    if limited is not None:
        raise limited
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
