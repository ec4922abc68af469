"""The streamable-HTTP mount: a real MCP client over loopback, and every refusal."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import httpx
import httpx2
import pytest
import uvicorn
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ask_applicant.mcp_servers.http_mount import (
    HttpMount,
    profile_and_portfolio_mounts,
    streamable_http_mount,
)
from ask_applicant.mcp_servers.portfolio import build_portfolio_server_from_roots
from ask_applicant.profile import Profile

KEY = "test-key"
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "test", "version": "1"},
    },
}
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Authorization": f"Bearer {KEY}"}


async def require_key(request: Request) -> Response | None:
    if request.headers.get("authorization") != f"Bearer {KEY}":
        return PlainTextResponse("missing or wrong API key", status_code=401)
    return None


@pytest.fixture
def mount(project_root: Path) -> HttpMount:
    server = build_portfolio_server_from_roots({"chat-service": project_root})
    return streamable_http_mount(
        server,
        path="/mcp/portfolio",
        allowed_hosts=["127.0.0.1:*", "applicant.example.com"],
        allowed_origins=["https://applicant.example.com"],
        max_request_body_size=4_096,
        guard=require_key,
    )


@pytest.fixture
async def base_url(mount: HttpMount) -> AsyncIterator[str]:
    """Serve a host app with the mount on a loopback port for the test's duration."""
    ready = anyio.Event()

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with mount.run():
            ready.set()
            yield

    app = Starlette(routes=mount.routes(), lifespan=lifespan)
    # Listening before uvicorn starts: early connections wait in the backlog.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    async with anyio.create_task_group() as tg:
        tg.start_soon(server.serve, [sock])
        with anyio.fail_after(5):
            await ready.wait()
        yield f"http://127.0.0.1:{port}"
        server.should_exit = True


async def test_a_client_with_a_key_lists_and_calls_tools(base_url: str) -> None:
    async with (
        httpx2.AsyncClient(headers={"Authorization": f"Bearer {KEY}"}) as http,
        Client(streamable_http_client(f"{base_url}/mcp/portfolio", http_client=http)) as client,
    ):
        names = [tool.name for tool in (await client.list_tools()).tools]
        assert "read_file" in names
        result = await client.call_tool("list_projects", {})
        assert not result.is_error
        assert result.structured_content == {
            "projects": [{"name": "chat-service", "is_git_repo": False}]
        }


async def test_a_request_without_a_key_gets_401(base_url: str) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{base_url}/mcp/portfolio",
            json=INITIALIZE,
            headers={"Accept": "application/json, text/event-stream"},
        )
    assert response.status_code == 401


@pytest.mark.parametrize("version", [{}, {"MCP-Protocol-Version": "2026-07-28"}])
async def test_a_foreign_origin_gets_403_on_every_protocol_era(
    base_url: str, version: dict[str, str]
) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{base_url}/mcp/portfolio",
            json=INITIALIZE,
            headers={**MCP_HEADERS, **version, "Origin": "https://evil.example"},
        )
    assert response.status_code == 403


async def test_an_allowed_origin_is_served(base_url: str) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{base_url}/mcp/portfolio",
            json=INITIALIZE,
            headers={**MCP_HEADERS, "Origin": "https://applicant.example.com"},
        )
    assert response.status_code == 200
    assert "ask-applicant-portfolio" in response.text


async def test_an_unknown_host_gets_421(base_url: str) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{base_url}/mcp/portfolio",
            json=INITIALIZE,
            headers={**MCP_HEADERS, "Host": "rebound.attacker.example"},
        )
    assert response.status_code == 421


async def test_an_oversize_body_gets_413(base_url: str) -> None:
    huge = {**INITIALIZE, "params": {**INITIALIZE["params"], "padding": "가" * 5_000}}
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{base_url}/mcp/portfolio", json=huge, headers=MCP_HEADERS)
    assert response.status_code == 413


def test_a_mount_needs_a_rooted_path_and_some_allowed_host(project_root: Path) -> None:
    server = build_portfolio_server_from_roots({"p": project_root})
    with pytest.raises(ValueError, match="start with '/'"):
        streamable_http_mount(server, path="mcp", allowed_hosts=["x"], allowed_origins=[])
    with pytest.raises(ValueError, match="allowed_hosts is empty"):
        streamable_http_mount(server, path="/mcp", allowed_hosts=[], allowed_origins=[])


def test_both_servers_of_a_profile_get_their_own_path(sample_profile: Profile) -> None:
    mounts = profile_and_portfolio_mounts(
        sample_profile, allowed_hosts=["localhost:*"], allowed_origins=[], prefix="/mcp/"
    )
    assert [mount.path for mount in mounts] == ["/mcp/profile", "/mcp/portfolio"]
    assert mounts[0].session_manager is not mounts[1].session_manager
