"""Our MCP servers over streamable HTTP at `/mcp/profile` and `/mcp/portfolio`.

The routes exist from the moment the app is created; the servers behind them are
built in the lifespan (they need the profile) and found on `app.state.services`.
Each request passes the Host and Origin checks against `ALLOWED_HOSTS` /
`ALLOWED_ORIGINS` (421 / 403), then the Bearer check (an API key, or an OAuth access
token issued for this mount; a 401 names the protected resource metadata; 429), then
MCP; all refusals are problem+json. The servers are stateless, so only POST is answered (GET
and DELETE: 405), at each path with and without a trailing slash. The body limit of
the whole app applies too.
"""

from __future__ import annotations

from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ask_applicant.mcp_servers.http_mount import (
    STATELESS_METHODS,
    HttpMount,
    streamable_http_mount,
)
from ask_applicant.mcp_servers.portfolio import build_portfolio_server
from ask_applicant.mcp_servers.profile import build_profile_server
from ask_applicant.profile import Profile
from ask_applicant.server.body_limit import DEFAULT_MAX_BODY_BYTES
from ask_applicant.server.oauth.bearer import mount_guard
from ask_applicant.server.problems import problem_response
from ask_applicant.settings import Settings

MCP_PATHS: dict[str, str] = {"profile": "/mcp/profile", "portfolio": "/mcp/portfolio"}


def build_mcp_mounts(profile: Profile, settings: Settings) -> dict[str, HttpMount]:
    """Both servers, ready to serve; each mount's `run()` must be entered before use.

    Stateless: every request is its own MCP session, so any worker can answer it.
    """
    servers = {
        "profile": build_profile_server(profile),
        "portfolio": build_portfolio_server(profile),
    }
    return {
        name: streamable_http_mount(
            server,
            path=MCP_PATHS[name],
            allowed_hosts=settings.allowed_hosts,
            allowed_origins=settings.allowed_origins,
            max_request_body_size=DEFAULT_MAX_BODY_BYTES,
            guard=mount_guard(name),
            stateless=True,
        )
        for name, server in servers.items()
    }


class _MountedServer:
    """Hands a request to the named mount of the running app."""

    def __init__(self, name: str) -> None:
        self.name = name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        services = getattr(scope["app"].state, "services", None)
        mount = services.mcp_mounts.get(self.name) if services is not None else None
        if mount is None:
            response = problem_response(503, f"The {self.name} MCP server is not running.")
            await response(scope, receive, send)
            return
        await mount.app(scope, receive, send)


def mcp_routes() -> list[Route]:
    """The `/mcp/...` routes to add to the app, with and without a trailing slash.

    Serving both means the router never redirects to the slash-less path, a redirect
    it would build from the request's (unchecked) Host header.
    """
    return [
        Route(route_path, endpoint=_MountedServer(name), methods=list(STATELESS_METHODS))
        for name, path in MCP_PATHS.items()
        for route_path in (path, path + "/")
    ]
