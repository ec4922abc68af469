"""Serving an MCP server over streamable HTTP inside the API's ASGI app.

Every request passes a gate before the MCP transport sees it, in this order:
the `Host` and `Origin` headers, parsed strictly (`host_policy`) and checked against
the allowed values (unknown Host → 421, foreign Origin → 403); the method (a
stateless server has no stream to GET and no session to DELETE: 405, `Allow: POST`);
then the caller's guard (the API's Bearer-key check). Refusals are problem+json.
The mount answers at its path with and without a trailing slash, so no redirect
(which would be built from the request's Host) is ever needed.
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

from ask_applicant.mcp_servers.host_policy import HostPolicy
from ask_applicant.mcp_servers.portfolio import build_portfolio_server
from ask_applicant.mcp_servers.profile import build_profile_server
from ask_applicant.server.problems import problem_response

if TYPE_CHECKING:
    from ask_applicant.profile import Profile

DEFAULT_BODY_LIMIT = 1024 * 1024

STATEFUL_METHODS = ("GET", "POST", "DELETE")
STATELESS_METHODS = ("POST",)

Guard = Callable[[Request], Awaitable[Response | None]]
"""Looks at a request before MCP does; returns a response to refuse it, None to let it in."""


@dataclass(frozen=True)
class HttpMount:
    """One MCP server answering streamable HTTP at one path of a host app.

    Attributes:
        path: Where the host app routes it, e.g. ``/mcp/profile``.
        app: The ASGI app serving that path (the gate, then the MCP transport).
        session_manager: The SDK's session manager; it must be running, see `run`.
        methods: The HTTP methods it answers: POST alone when stateless.
        transport: The MCP transport alone, without the gate: for in-process clients
            (the API's own agents), which have no Host, Origin or key to check.
    """

    path: str
    app: ASGIApp
    session_manager: StreamableHTTPSessionManager
    methods: tuple[str, ...] = STATEFUL_METHODS
    transport: ASGIApp | None = None

    def routes(self) -> list[Route]:
        """Starlette/FastAPI routes for `path`, with and without a trailing slash."""
        return [
            Route(path, endpoint=self.app, methods=list(self.methods))
            for path in (self.path, self.path.rstrip("/") + "/")
        ]

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
        ValueError: A path that does not start with ``/``, an empty host list, or a
            host or origin pattern that does not parse.
    """
    if not path.startswith("/"):
        raise ValueError(f"path must start with '/': {path!r}")
    if not allowed_hosts:
        raise ValueError("allowed_hosts is empty: every request would be refused")
    policy = HostPolicy(allowed_hosts, allowed_origins)
    # Our gate checks Host and Origin, more strictly than the SDK's string prefixes;
    # the SDK's check would only answer the same refusals in plain text.
    security = TransportSecuritySettings(enable_dns_rebinding_protection=False)
    # Called for its side effect: the SDK builds and keeps the session manager.
    server.streamable_http_app(
        streamable_http_path=path,
        transport_security=security,
        max_request_body_size=max_request_body_size,
        stateless_http=stateless,
    )
    manager = server.session_manager
    methods = STATELESS_METHODS if stateless else STATEFUL_METHODS
    transport = StreamableHTTPASGIApp(manager)
    gate = _Gate(transport, policy=policy, methods=methods, guard=guard)
    return HttpMount(
        path=path, app=gate, session_manager=manager, methods=methods, transport=transport
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


class _Gate:
    """Host and Origin, then the method, then the guard; then the transport."""

    def __init__(
        self, app: ASGIApp, *, policy: HostPolicy, methods: tuple[str, ...], guard: Guard | None
    ) -> None:
        self.app = app
        self.policy = policy
        self.methods = methods
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = await self._refusal(Request(scope))
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _refusal(self, request: Request) -> Response | None:
        if not self.policy.host_allowed(request.headers.getlist("host")):
            return problem_response(
                421, "This server does not answer for this host name.", kind="unknown-host"
            )
        if not self.policy.origin_allowed(request.headers.getlist("origin")):
            return problem_response(
                403, "Requests from this origin are not allowed.", kind="forbidden-origin"
            )
        if request.method not in self.methods:
            return problem_response(
                405,
                f"This address accepts only {', '.join(self.methods)}.",
                headers={"Allow": ", ".join(self.methods)},
            )
        return await self.guard(request) if self.guard is not None else None
