"""The specialists' stdio MCP servers: connected at start-up, shown in /readyz, used in runs."""

from __future__ import annotations

import anyio
import psutil
import pytest
from agents.testing import ScriptedModel, assistant_message, function_call

from ask_applicant.server import mcp_links
from ask_applicant.server.mcp_links import LinkSpec

from .conftest import StartApi

TIMEOUT = 60


async def test_a_run_reaches_a_code_tool_through_the_project_specialist(
    start_api_on_sqlite: StartApi,
) -> None:
    model = ScriptedModel(
        [
            [function_call("transfer_to_project_specialist", {}, call_id="c1")],
            [
                function_call(
                    "search_code", {"project": "chat-service", "query": "broker"}, call_id="c2"
                )
            ],
            [assistant_message("The chat service fans messages out through a broker.")],
        ]
    )
    api = await start_api_on_sqlite(mcp_enabled=True, model=model)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            reply = await http.post(
                "/v1/chat", json={"message": "How does the chat service deliver messages?"}
            )
    body = reply.json()
    assert body["handoffs"] == ["project"] and body["agent"] == "project"
    [call] = body["tool_calls"]
    assert call["name"] == "search_code" and call["agent"] == "project"
    assert "broker" in call["output"]


async def test_a_server_that_fails_to_start_degrades_its_agent_but_not_the_service(
    start_api_on_sqlite: StartApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = LinkSpec("career", "no-such-server", ("anything",))
    monkeypatch.setattr(mcp_links, "LINKS", (*mcp_links.LINKS, broken))
    api = await start_api_on_sqlite(mcp_enabled=True)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            ready = await http.get("/readyz")
            graph = (await http.get("/v1/agents")).json()
            answer = await http.post("/v1/chat", json={"message": "Where does she work now?"})
    assert ready.status_code == 200 and ready.json()["status"] == "degraded"
    assert {(s["name"], s["agent"], s["connected"]) for s in ready.json()["mcp"]} == {
        ("profile", "resume", True),
        ("portfolio", "project", True),
        ("no-such-server", "career", False),
    }
    assert all(s["error"] for s in ready.json()["mcp"] if not s["connected"])
    servers = {agent["key"]: agent["mcp_servers"] for agent in graph["agents"]}
    assert servers == {"triage": [], "resume": ["profile"], "project": ["portfolio"], "career": []}
    career = next(agent for agent in graph["agents"] if agent["key"] == "career")
    assert career["tools"]
    assert answer.status_code == 200 and answer.json()["status"] == "completed"


async def test_the_agents_reach_the_mounted_servers_in_process_without_a_child_process(
    start_api_on_sqlite: StartApi,
) -> None:
    before = {child.pid for child in psutil.Process().children(recursive=True)}
    api = await start_api_on_sqlite(mcp_enabled=True)
    async with api.client() as http:
        ready = (await http.get("/readyz")).json()
    assert {(s["name"], s["connected"]) for s in ready["mcp"]} == {
        ("profile", True),
        ("portfolio", True),
    }
    started = [
        child
        for child in psutil.Process().children(recursive=True)
        if child.pid not in before and "mcp" in " ".join(child.cmdline())
    ]
    assert started == []
