"""Serving an MCP server over streamable HTTP inside the API's ASGI app.

The SDK's own app guards only localhost unless told otherwise; here the allowed
Host and Origin values are always passed in, so a deployment behind a real
domain is protected the same way (foreign Origin → 403, unknown Host → 421).
The caller may add a guard (the API's Bearer-key check) that runs before the
MCP transport sees the request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mcp.server.mcpserver import MCPServer
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp, StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ask_applicant.mcp_servers.portfolio import build_portfolio_server
from ask_applicant.mcp_servers.profile import build_profile_server

if TYPE_CHECKING:
    from ask_applicant.profile import Profile

DEFAULT_BODY_LIMIT = 1024 * 1024

Guard = Callable[[Request], Awaitable[Response | None]]
"""Looks at a request before MCP does; returns a response to refuse it, None to let it in."""


@dataclass(frozen=True)
class HttpMount:
    """One MCP server answering streamable HTTP at one path of a host app.

    Attributes:
        path: Where the host app routes it, e.g. ``/mcp/profile``.
        app: The ASGI app serving that path (guard, then the MCP transport).
        session_manager: The SDK's session manager; it must be running, see `run`.
    """

    path: str
    app: ASGIApp
    session_manager: StreamableHTTPSessionManager

    def route(self) -> Route:
        """A Starlette/FastAPI route for `path`; append it to the host app's routes."""
        return Route(self.path, endpoint=self.app, methods=["GET", "POST", "DELETE"])

    def run(self) -> AbstractAsyncContextManager[None]:
        """The session manager's lifetime: enter it once in the host app's lifespan.

        Requests made outside it fail; it cannot be entered a second time.
        """
        return self.session_manager.run()


def streamable_http_mount(
    server: MCPServer,
    *,
    path: str,
    allowed_hosts: Sequence[str],
    allowed_origins: Sequence[str],
    max_request_body_size: int = DEFAULT_BODY_LIMIT,
    guard: Guard | None = None,
    stateless: bool = False,
) -> HttpMount:
    """Prepare `server` for streamable HTTP at `path` of a host app.

    Call once per server instance: the SDK keeps one session manager per server.

    Args:
        server: The MCP server to expose.
        path: The request path it answers, starting with ``/``.
        allowed_hosts: Accepted ``Host`` headers: ``api.example.com``, or
            ``localhost:*`` for any port.
        allowed_origins: Accepted ``Origin`` headers (``https://app.example.com``,
            ``http://localhost:*``); requests without one (non-browser clients) pass.
        max_request_body_size: Larger request bodies get 413 before parsing.
        guard: Runs first on every request, e.g. the API key check (401).
        stateless: One fresh MCP session per request, for multi-worker deployments.

    Returns:
        The mount: route it, and run its session manager in the host's lifespan.

    Raises:
        ValueError: A path that does not start with ``/`` or an empty host list.
    """
    if not path.startswith("/"):
        raise ValueError(f"path must start with '/': {path!r}")
    if not allowed_hosts:
        raise ValueError("allowed_hosts is empty: every request would be refused")
    security = TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=list(allowed_hosts),
        allowed_origins=list(allowed_origins),
    )
    # Called for its side effect: the SDK builds and keeps the session manager.
    server.streamable_http_app(
        streamable_http_path=path,
        transport_security=security,
        max_request_body_size=max_request_body_size,
        stateless_http=stateless,
    )
    manager = server.session_manager
    transport: ASGIApp = StreamableHTTPASGIApp(manager)
    return HttpMount(
        path=path,
        app=transport if guard is None else _Guarded(guard, transport),
        session_manager=manager,
    )


def profile_and_portfolio_mounts(
    profile: Profile,
    *,
    allowed_hosts: Sequence[str],
    allowed_origins: Sequence[str],
    max_request_body_size: int = DEFAULT_BODY_LIMIT,
    guard: Guard | None = None,
    prefix: str = "/mcp",
) -> list[HttpMount]:
    """Both servers for one applicant, at ``{prefix}/profile`` and ``{prefix}/portfolio``.

    Args:
        profile: The loaded profile.
        allowed_hosts: See `streamable_http_mount`.
        allowed_origins: See `streamable_http_mount`.
        max_request_body_size: See `streamable_http_mount`.
        guard: See `streamable_http_mount`.
        prefix: Path under which both are served.

    Returns:
        The two mounts; route both and run both in the host's lifespan.
    """
    servers = {
        "profile": build_profile_server(profile),
        "portfolio": build_portfolio_server(profile),
    }
    return [
        streamable_http_mount(
            server,
            path=f"{prefix.rstrip('/')}/{name}",
            allowed_hosts=allowed_hosts,
            allowed_origins=allowed_origins,
            max_request_body_size=max_request_body_size,
            guard=guard,
        )
        for name, server in servers.items()
    ]


class _Guarded:
    """Runs the guard, then the transport, for HTTP requests."""

    def __init__(self, guard: Guard, app: ASGIApp) -> None:
        self.guard = guard
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = await self.guard(Request(scope))
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
