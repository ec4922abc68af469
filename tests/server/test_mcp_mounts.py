"""`/mcp/profile` and `/mcp/portfolio`: MCP over streamable HTTP behind the API keys."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest

from .conftest import Api, StartApi
from .held_model import HeldModel

TIMEOUT = 30
MCP_HEADERS = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
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
LIST_TOOLS = {"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}}


def _rpc_result(reply: httpx.Response) -> dict:
    """The JSON-RPC result, whether the server answered JSON or one SSE event."""
    if reply.headers["content-type"].startswith("text/event-stream"):
        data = [line[5:].strip() for line in reply.text.splitlines() if line.startswith("data:")]
        return json.loads(data[-1])["result"]
    return reply.json()["result"]


@pytest.fixture
async def api(start_api: StartApi) -> Api:
    return await start_api(model=HeldModel())


@pytest.mark.parametrize("path", ["/mcp/profile", "/mcp/portfolio"])
async def test_the_mcp_mounts_need_a_key(api: Api, path: str) -> None:
    async with api.client() as http:
        reply = await http.post(path, json=INITIALIZE, headers=MCP_HEADERS)
    assert reply.status_code == 401
    assert reply.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("path", "tool"), [("/mcp/profile", "get_resume_section"), ("/mcp/portfolio", "read_file")]
)
async def test_with_a_key_a_client_initializes_and_lists_the_tools(
    api: Api, path: str, tool: str
) -> None:
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            initialized = await http.post(path, json=INITIALIZE, headers=MCP_HEADERS)
            session = initialized.headers.get("mcp-session-id")
            listed = await http.post(
                path,
                json=LIST_TOOLS,
                headers={**MCP_HEADERS, **({"mcp-session-id": session} if session else {})},
            )
    assert initialized.status_code == 200, initialized.text
    assert _rpc_result(initialized)["serverInfo"]["name"]
    assert listed.status_code == 200, listed.text
    assert tool in [t["name"] for t in _rpc_result(listed)["tools"]]


async def test_a_foreign_origin_is_refused_with_403_and_a_foreign_host_with_421(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        foreign_origin = await http.post(
            "/mcp/profile",
            json=INITIALIZE,
            headers={**MCP_HEADERS, "Origin": "https://evil.example"},
        )
        local_origin = await http.post(
            "/mcp/profile",
            json=INITIALIZE,
            headers={**MCP_HEADERS, "Origin": "http://localhost:3000"},
        )
        foreign_host = await http.post(
            "/mcp/profile", json=INITIALIZE, headers={**MCP_HEADERS, "Host": "evil.example"}
        )
    assert foreign_origin.status_code == 403
    assert local_origin.status_code == 200
    assert foreign_host.status_code == 421


async def test_allowed_origins_come_from_the_settings(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel(), allowed_origins=["https://recruit.example"])
    async with api.client(await api.new_key()) as http:
        configured = await http.post(
            "/mcp/profile",
            json=INITIALIZE,
            headers={**MCP_HEADERS, "Origin": "https://recruit.example"},
        )
        local = await http.post(
            "/mcp/profile",
            json=INITIALIZE,
            headers={**MCP_HEADERS, "Origin": "http://localhost:3000"},
        )
    assert configured.status_code == 200
    assert local.status_code == 403


async def test_the_mcp_mounts_share_the_keys_request_rate(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel(), rate_limit_per_minute=2)
    async with api.client(await api.new_key()) as http:
        statuses = [
            (await http.post("/mcp/portfolio", json=INITIALIZE, headers=MCP_HEADERS)).status_code
            for _ in range(2)
        ]
        limited = await http.get("/v1/agents")
    assert statuses == [200, 200]
    assert limited.status_code == 429 and limited.headers["retry-after"]


def _is_problem(reply: httpx.Response, status: int) -> None:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"] == "application/problem+json"
    assert reply.json()["status"] == status and reply.json()["detail"]


@pytest.mark.parametrize("path", ["/mcp/profile", "/mcp/portfolio/"])
async def test_a_stateless_server_answers_get_and_delete_with_405_at_once(
    api: Api, path: str
) -> None:
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):  # before: the GET stream stayed open for good
            stream = await http.get(path, headers={"Accept": "text/event-stream"})
            delete = await http.delete(path, headers={"mcp-session-id": "whatever"})
    for reply in (stream, delete):
        _is_problem(reply, 405)
        assert "POST" in reply.headers["allow"] and "GET" not in reply.headers["allow"]


async def test_a_trailing_slash_is_served_not_redirected_and_a_foreign_host_is_421(
    api: Api,
) -> None:
    async with api.client(await api.new_key()) as http:
        served = await http.post("/mcp/profile/", json=INITIALIZE, headers=MCP_HEADERS)
        foreign = await http.post(
            "/mcp/profile/", json=INITIALIZE, headers={**MCP_HEADERS, "Host": "evil.example"}
        )
    assert served.status_code == 200 and _rpc_result(served)["serverInfo"]["name"]
    _is_problem(foreign, 421)
    assert "location" not in foreign.headers


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "localhost:{port}@evil.example"},
        {"Host": "127.0.0.1:{port}.evil.example"},
        {"Host": "localhost:{port}/evil"},
        {"Host": "localhost:99999"},
        {"Origin": "http://localhost:{port}@evil.example"},
        {"Origin": "http://localhost:3000.evil.example"},
        {"Origin": "null"},
    ],
)
async def test_hosts_and_origins_that_only_start_like_an_allowed_one_are_refused(
    api: Api, headers: dict[str, str]
) -> None:
    port = httpx.URL(api.url).port
    sent = {name: value.format(port=port) for name, value in headers.items()}
    async with api.client(await api.new_key()) as http:
        reply = await http.post("/mcp/profile", json=INITIALIZE, headers={**MCP_HEADERS, **sent})
    _is_problem(reply, 421 if "Host" in sent else 403)


async def test_host_and_origin_are_checked_before_the_key(api: Api) -> None:
    async with api.client() as http:
        foreign = await http.post(
            "/mcp/profile", json=INITIALIZE, headers={**MCP_HEADERS, "Host": "evil.example"}
        )
    _is_problem(foreign, 421)
