"""Specialists reach our own MCP servers, run as real stdio subprocesses, during a turn.

The servers are started once for the module the way the API starts them
(`connect_mcp_links`: `python -m ask_applicant mcp <server> --profile <sample>`, with
each agent's tool filter); a scripted model then drives turns through them.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable

import anyio
import pytest
from agents import RunContextWrapper
from agents.testing import ScriptedModel, assistant_message, function_call

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.events import TurnEvent
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import Turn
from ask_applicant.profile import Profile
from ask_applicant.server.mcp_links import McpLinks, connect_mcp_links
from ask_applicant.settings import DEFAULT_PROFILE_PATH

TIMEOUT = 30


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    """Module scope, so that one pair of server subprocesses serves every test here."""
    return "asyncio"


@pytest.fixture(scope="module")
async def links() -> AsyncIterator[McpLinks]:
    async with connect_mcp_links(
        profile_path=DEFAULT_PROFILE_PATH, enabled=True, connect_timeout=TIMEOUT
    ) as connected:
        assert not connected.degraded, connected.status()
        yield connected


@pytest.fixture
def graph_for(sample_profile: Profile, links: McpLinks) -> Callable[[ScriptedModel], AgentGraph]:
    return lambda model: build_agent_graph(
        profile=sample_profile, mcp_servers=links.servers_by_agent(), model=model
    )


async def _events(graph: AgentGraph, context: ChatContext, question: str) -> list[TurnEvent]:
    turn = Turn(graph=graph, context=context, question=question)
    with anyio.fail_after(TIMEOUT):
        return [event async for event in turn.events()]


def _of(events: list[TurnEvent], kind: str) -> list[dict]:
    return [event.data for event in events if event.type == kind]


async def test_each_specialist_holds_only_the_mcp_tools_its_filter_allows(
    graph_for: Callable[[ScriptedModel], AgentGraph], context: ChatContext
) -> None:
    graph = graph_for(ScriptedModel())
    wrapper = RunContextWrapper(context)
    with anyio.fail_after(TIMEOUT):
        held = {
            key: [tool.name for tool in await agent.get_all_tools(wrapper)]
            for key, agent in graph.by_key.items()
        }
    for key, names in held.items():
        assert len(names) == len(set(names)), f"{key} holds a tool name twice: {names}"
    assert {"list_files", "read_file", "search_code", "recent_commits"} <= set(held["project"])
    assert {"get_resume_section", "search_profile"} <= set(held["resume"])
    assert "assess_job_fit" not in held["resume"] and "search_code" not in held["career"]
    assert held["triage"] == []


async def test_the_project_specialist_reads_the_sample_code_through_the_portfolio_server(
    graph_for: Callable[[ScriptedModel], AgentGraph], context: ChatContext
) -> None:
    model = ScriptedModel(
        [
            [function_call("transfer_to_project_specialist", {}, call_id="c1")],
            [
                function_call(
                    "search_code", {"project": "chat-service", "query": "join"}, call_id="c2"
                )
            ],
            [
                function_call(
                    "read_file",
                    {"project": "chat-service", "path": "chat_service/rooms.py", "end_line": 40},
                    call_id="c3",
                )
            ],
            [assistant_message("Room.join adds the member (chat_service/rooms.py#L31).")],
        ]
    )
    events = await _events(graph_for(model), context, "How does a user join a chat room?")

    assert _of(events, "handoff") == [{"from": "triage", "to": "project"}]
    called = _of(events, "tool.called")
    assert [(call["tool"], call["agent"]) for call in called] == [
        ("search_code", "project"),
        ("read_file", "project"),
    ]
    assert called[0]["arguments"] == {"project": "chat-service", "query": "join"}
    search, read = _of(events, "tool.output")
    assert (search["call_id"], search["tool"]) == ("c2", "search_code")
    # The output is the server's JSON text, not a repr of the SDK's content parts.
    hits = {hit["source"]: hit["text"] for hit in json.loads(search["output"])["hits"]}
    assert (
        hits["chat-service:chat_service/rooms.py#L31"] == "def join(self, user_id: str) -> Member:"
    )
    excerpt = json.loads(read["output"])
    assert read["tool"] == "read_file"
    assert excerpt["source"] == "chat-service:chat_service/rooms.py#L1-L40"
    assert "class Room:" in excerpt["text"]
    assert _of(events, "message.completed")[-1]["agent"] == "project"
    model.assert_complete()


async def test_a_mistake_the_model_can_correct_comes_back_as_readable_tool_output(
    graph_for: Callable[[ScriptedModel], AgentGraph], context: ChatContext
) -> None:
    model = ScriptedModel(
        [
            [function_call("transfer_to_project_specialist", {}, call_id="c1")],
            [
                function_call(
                    "read_file", {"project": "ledger", "path": "../../etc/passwd"}, call_id="c2"
                )
            ],
            [assistant_message("That project has no browsable source.")],
        ]
    )
    events = await _events(graph_for(model), context, "Show me the ledger code")

    [output] = _of(events, "tool.output")
    assert output["tool"] == "read_file"
    assert "unknown project 'ledger'" in output["output"] and "chat-service" in output["output"]
    assert _of(events, "message.completed")[-1]["text"] == "That project has no browsable source."


async def test_the_resume_specialist_searches_the_profile_server_and_nothing_private_leaves(
    graph_for: Callable[[ScriptedModel], AgentGraph],
    context: ChatContext,
    sample_profile: Profile,
) -> None:
    model = ScriptedModel(
        [
            [function_call("transfer_to_resume_specialist", {}, call_id="c1")],
            [function_call("search_profile", {"query": "Kafka"}, call_id="c2")],
            [function_call("get_resume_section", {"section": "basics"}, call_id="c3")],
            [assistant_message("Kafka shows up in the settlement pipeline.")],
        ]
    )
    events = await _events(graph_for(model), context, "Where has Doyoon used Kafka?")

    called = _of(events, "tool.called")
    assert [(call["tool"], call["agent"]) for call in called] == [
        ("search_profile", "resume"),
        ("get_resume_section", "resume"),
    ]
    assert called[0]["arguments"] == {"query": "Kafka"}
    search, basics = _of(events, "tool.output")
    assert "Kafka" in search["output"] and '"source"' in search["output"]
    assert "doyoon.han@example.com" in basics["output"]
    for output in (search, basics):
        for private in sample_profile.private_values():
            assert private.value not in output["output"], private.path
