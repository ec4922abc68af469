"""The specialists' connections to our own MCP servers, opened once per process.

In the API, each link is the SDK's streamable-HTTP MCP client talking to the server
mounted in the same process (`/mcp/profile`, `/mcp/portfolio`) through an in-memory
ASGI transport: still real MCP (initialize, list, call, JSON-RPC over HTTP), but no
child process, no second copy of the agent stack in memory, and no start-up wait.
Without mounts (tests and tools that hold only a profile), a link starts
`ask-applicant mcp <server> --profile PATH` as a stdio subprocess instead. Either way
the SDK's `MCPServerManager` connects and cleans up in the task that enters it (the
app's lifespan). A server that does not come up is left out of its agent's list, so
that agent answers with its function tools alone, and the failure is reported by
`/readyz`; it never stops the service.

Tool filters keep names unique per agent: the project specialist already has its own
`list_projects` and `get_project` function tools, so it takes only the code tools of
the portfolio server.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2
from agents.mcp import (
    MCPServer,
    MCPServerManager,
    MCPServerStdio,
    MCPServerStreamableHttp,
    create_static_tool_filter,
)

from ask_applicant.mcp_servers.http_mount import HttpMount

MCP_CONNECT_TIMEOUT_SECONDS = 60.0
MCP_CALL_TIMEOUT_SECONDS = 30.0
MAX_ERROR_CHARS = 300
_PASSED_ENV = ("PYTHONPATH", "VIRTUAL_ENV", "LANG", "LC_ALL", "TMPDIR")
# Never resolved: requests go to the ASGI app, not to the network.
IN_PROCESS_ORIGIN = "http://in-process.invalid"


@dataclass(frozen=True)
class LinkSpec:
    """Which of our MCP servers an agent holds, and which of its tools it may call.

    Attributes:
        agent: The agent key holding the server.
        server: `profile` or `portfolio` (the `ask-applicant mcp` subcommand).
        tools: The tools the agent sees.
    """

    agent: str
    server: str
    tools: tuple[str, ...]


LINKS: tuple[LinkSpec, ...] = (
    LinkSpec("resume", "profile", ("get_resume_section", "search_profile")),
    LinkSpec("project", "portfolio", ("list_files", "read_file", "search_code", "recent_commits")),
)


@dataclass(frozen=True)
class McpLinks:
    """The connected (or failed) MCP servers of the agent graph.

    Attributes:
        links: Each spec with the SDK server object made for it.
        manager: The SDK manager; None when MCP is turned off.
    """

    links: Sequence[tuple[LinkSpec, MCPServer]]
    manager: MCPServerManager | None

    def servers_by_agent(self) -> dict[str, list[MCPServer]]:
        """Agent key → its connected servers, for `build_agent_graph(mcp_servers=...)`."""
        active = set(self.manager.active_servers) if self.manager else set()
        by_agent: dict[str, list[MCPServer]] = {}
        for spec, server in self.links:
            if server in active:
                by_agent.setdefault(spec.agent, []).append(server)
        return by_agent

    def status(self) -> list[dict[str, Any]]:
        """One entry per link: `{name, agent, connected, error}`, for `/readyz`."""
        if self.manager is None:
            return []
        active = set(self.manager.active_servers)
        errors = self.manager.errors
        report = []
        for spec, server in self.links:
            error = errors.get(server)
            report.append(
                {
                    "name": spec.server,
                    "agent": spec.agent,
                    "connected": server in active,
                    "error": _describe(error) if error is not None else None,
                }
            )
        return report

    @property
    def degraded(self) -> bool:
        """True when some server failed to connect."""
        return any(not entry["connected"] for entry in self.status())


def stdio_server(spec: LinkSpec, profile_path: Path) -> MCPServerStdio:
    """The SDK client for one of our servers, run as `python -m ask_applicant mcp ...`."""
    env = {name: os.environ[name] for name in _PASSED_ENV if name in os.environ}
    root = profile_path.resolve()
    return MCPServerStdio(
        params={
            "command": sys.executable,
            "args": ["-m", "ask_applicant", "mcp", spec.server, "--profile", str(root)],
            "env": env,
            "cwd": os.getcwd(),
        },
        name=spec.server,
        cache_tools_list=True,
        client_session_timeout_seconds=MCP_CALL_TIMEOUT_SECONDS,
        tool_filter=create_static_tool_filter(allowed_tool_names=list(spec.tools)),
    )


def in_process_server(spec: LinkSpec, mount: HttpMount) -> MCPServerStreamableHttp:
    """The SDK client for a server mounted in this process, over an in-memory transport."""
    app = mount.transport
    if app is None:
        raise ValueError(f"the {spec.server} mount has no transport to reach in process")

    def client(
        headers: dict[str, str] | None = None, timeout: Any = None, auth: Any = None
    ) -> httpx2.AsyncClient:
        return httpx2.AsyncClient(
            transport=httpx2.ASGITransport(app=app),
            headers=headers,
            timeout=timeout if timeout is not None else MCP_CALL_TIMEOUT_SECONDS,
            auth=auth,
            follow_redirects=False,
        )

    return MCPServerStreamableHttp(
        params={
            "url": IN_PROCESS_ORIGIN + mount.path,
            "timeout": MCP_CALL_TIMEOUT_SECONDS,
            "terminate_on_close": False,
            "httpx_client_factory": client,
        },
        name=spec.server,
        cache_tools_list=True,
        client_session_timeout_seconds=MCP_CALL_TIMEOUT_SECONDS,
        tool_filter=create_static_tool_filter(allowed_tool_names=list(spec.tools)),
    )


@asynccontextmanager
async def connect_mcp_links(
    *,
    profile_path: Path,
    enabled: bool,
    connect_timeout: float = MCP_CONNECT_TIMEOUT_SECONDS,
    mounts: Mapping[str, HttpMount] | None = None,
) -> AsyncIterator[McpLinks]:
    """Start and connect every link; close them all on exit (in the same task).

    Args:
        profile_path: The profile the stdio servers load.
        enabled: False (`MCP_ENABLED=false`) starts nothing.
        connect_timeout: Seconds each server has to come up.
        mounts: The servers mounted in this process, by name, already running: a link
            to one of them goes in process; any other link is a stdio subprocess.

    Yields:
        The links, failed ones included (see `McpLinks.status`).
    """
    if not enabled:
        yield McpLinks(links=(), manager=None)
        return
    mounted = mounts or {}
    links: list[tuple[LinkSpec, MCPServer]] = [
        (
            spec,
            in_process_server(spec, mounted[spec.server])
            if spec.server in mounted
            else stdio_server(spec, profile_path),
        )
        for spec in LINKS
    ]
    manager = MCPServerManager(
        [server for _spec, server in links],
        connect_timeout_seconds=connect_timeout,
        connect_in_parallel=True,
    )
    async with manager:
        yield McpLinks(links=links, manager=manager)


def _describe(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}".strip().rstrip(":")
    return text[:MAX_ERROR_CHARS]
