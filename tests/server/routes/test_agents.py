"""`GET /v1/agents`: the agent graph for UIs."""

from __future__ import annotations

from ..conftest import StartApi


async def test_the_graph_lists_each_agent_with_its_handoffs_and_tools(start_api: StartApi) -> None:
    api = await start_api()
    async with api.client(await api.new_key()) as http:
        graph = (await http.get("/v1/agents")).json()
    agents = {agent["key"]: agent for agent in graph["agents"]}
    assert graph["start"] == "triage"
    assert set(agents) == {"triage", "resume", "project", "career"}
    assert set(agents["triage"]["handoffs"]) == {"resume", "project", "career"}
    assert all(agents[key]["handoffs"] == ["triage"] for key in ("resume", "project", "career"))
    assert agents["resume"]["tools"] and agents["project"]["tools"] and agents["career"]["tools"]
    assert graph["model"] == "offline"
    assert graph["mcp"] == []  # MCP is turned off in this test
