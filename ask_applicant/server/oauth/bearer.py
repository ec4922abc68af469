"""Who may call an MCP mount: an API key, or an OAuth access token issued for that mount.

Every 401 names the mount's protected resource metadata (RFC 9728 §5.1) in its
`WWW-Authenticate` challenge, which is how an MCP client finds the authorization
server and starts signing in. A token issued for the other mount is refused like an
invalid one: tokens are bound to their audience.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from ask_applicant.mcp_servers.http_mount import Guard
from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.oauth_grants import ACCESS, ACCESS_PREFIX, find_token
from ask_applicant.server.auth import authenticate, bearer_key, rate_limited, unauthorized
from ask_applicant.server.oauth.resources import issuer_of, resource_metadata_url
from ask_applicant.server.problems import Problem


async def authenticate_at_mount(db: AsyncSession, authorization: str | None, mount: str) -> User:
    """The active user behind the request's API key or access token for `mount`.

    Raises:
        Problem: 401 for a missing, malformed, unknown, expired or revoked credential,
            or a token issued for another mount.
    """
    credential = bearer_key(authorization)
    if not credential.startswith(ACCESS_PREFIX):
        return await authenticate(db, authorization)
    found = await find_token(db, credential, kind=ACCESS)
    if found is None:
        raise unauthorized(
            "The access token is not valid, has expired or has been revoked.", invalid=True
        )
    token, user = found
    if token.mount != mount:
        raise unauthorized(
            f"This access token was issued for the {token.mount} MCP server, not this one.",
            invalid=True,
        )
    return user


def mount_guard(mount: str) -> Guard:
    """The check in front of one mount: 401 (with resource metadata) or 429, or None."""

    async def guard(request: Request) -> Response | None:
        services = request.app.state.services
        engine: AsyncEngine = services.engine
        try:
            async with services.auth_failures.watch(request):
                async with open_db(engine, read_only=True) as db:
                    user = await authenticate_at_mount(
                        db, request.headers.get("authorization"), mount
                    )
        except Problem as problem:
            if problem.status == 401:
                _point_to_metadata(problem, request, mount)
            return problem.response()
        limited = await rate_limited(services.limiter, user)
        return limited.response() if limited is not None else None

    return guard


def _point_to_metadata(problem: Problem, request: Request, mount: str) -> None:
    try:
        issuer = issuer_of(request, request.app.state.services.settings)
    except Problem:
        return  # the mount's gate already refused unknown hosts; nothing to point to
    challenge = problem.headers.get("WWW-Authenticate", "Bearer")
    url = resource_metadata_url(issuer, mount)
    problem.headers["WWW-Authenticate"] = f'{challenge}, resource_metadata="{url}"'
