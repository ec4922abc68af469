"""The offline model answers code questions from the portfolio server's code.

The profile and portfolio servers run as real stdio subprocesses, started once for the
module the way the API starts them (`connect_mcp_links`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import AsyncIterator, Mapping
from typing import Any

import anyio
import jsonschema
import pytest
from agents import Agent, Runner
from agents.mcp import MCPServerManager, MCPServerStdio

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.events import TurnEvent
from ask_applicant.agents.graph import NAMES, SPECIALISTS, AgentGraph, build_agent_graph
from ask_applicant.agents.offline import OfflineModel
from ask_applicant.agents.turn import Turn
from ask_applicant.agents.vocabulary import mcp_tool_vocabulary
from ask_applicant.profile import Profile
from ask_applicant.server.mcp_links import LINKS, McpLinks, connect_mcp_links
from ask_applicant.settings import DEFAULT_PROFILE_PATH

TIMEOUT = 30
CODE_TOOLS = {"search_code", "read_file"}
# What an answer cites when it quotes the sample repository: project:path#Lline.
CITATION = re.compile(r"\(chat-service:[\w/.-]+#L\d+(?:-L\d+)?\)$")


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


@pytest.fixture(scope="module")
async def schemas(links: McpLinks) -> dict[str, dict[str, Any]]:
    """The portfolio tools' input schemas, as the server publishes them."""
    [portfolio] = links.servers_by_agent()["project"]
    with anyio.fail_after(TIMEOUT):
        return {tool.name: tool.input_schema for tool in await portfolio.list_tools()}


async def _events(graph: AgentGraph, context: ChatContext, question: str) -> list[TurnEvent]:
    turn = Turn(graph=graph, context=context, question=question)
    with anyio.fail_after(TIMEOUT):
        return [event async for event in turn.events()]


def _of(events: list[TurnEvent], kind: str) -> list[dict[str, Any]]:
    return [event.data for event in events if event.type == kind]


@pytest.mark.parametrize(
    ("question", "searched", "quoted"),
    [
        (
            "How did Doyoon implement the message broker in the chat service?",
            "broker",
            "- class Broker: (chat-service:chat_service/broker.py#L14)",
        ),
        (
            "채팅 서비스에서 방 입장은 어떻게 구현했나요?",
            "join",
            "- def join(self, user_id: str) -> Member: (chat-service:chat_service/rooms.py#L31)",
        ),
    ],
)
async def test_a_code_question_is_answered_from_the_code_with_file_and_line(
    links: McpLinks,
    schemas: dict[str, dict[str, Any]],
    sample_profile: Profile,
    context: ChatContext,
    question: str,
    searched: str,
    quoted: str,
) -> None:
    graph = build_agent_graph(profile=sample_profile, mcp_servers=links.servers_by_agent())
    events = await _events(graph, context, question)

    assert _of(events, "handoff") == [{"from": "triage", "to": "project"}]
    [first, *_] = _of(events, "tool.called")
    assert first["agent"] == "project" and first["tool"] in CODE_TOOLS
    jsonschema.validate(first["arguments"], schemas[first["tool"]])
    assert first["arguments"]["project"] == "chat-service"
    assert first["arguments"].get("query") == searched
    [answer] = _of(events, "message.completed")
    assert answer["agent"] == "project"
    assert quoted in answer["text"].splitlines()
    assert all(CITATION.search(line) for line in answer["text"].splitlines()[1:])


async def test_a_project_without_source_falls_back_to_its_write_up(
    links: McpLinks, sample_profile: Profile, context: ChatContext
) -> None:
    graph = build_agent_graph(profile=sample_profile, mcp_servers=links.servers_by_agent())
    events = await _events(
        graph, context, "How did you implement exactly-once in the settlement pipeline?"
    )

    calls = [
        (call["tool"], call["arguments"].get("project")) for call in _of(events, "tool.called")
    ]
    assert calls[0] == ("search_code", "settlement-pipeline")
    assert "unknown project 'settlement-pipeline'" in _of(events, "tool.output")[0]["output"]
    assert calls[1][0] in {"search_projects", "get_project"}
    [answer] = _of(events, "message.completed")
    assert "idempotent ledger" in answer["text"] and "Error executing tool" not in answer["text"]


async def test_the_routing_words_include_the_tools_of_connected_servers(
    links: McpLinks,
) -> None:
    names: dict[str, str] = {key: NAMES[key] for key in SPECIALISTS}
    listed = mcp_tool_vocabulary(names=names, mcp_servers=links.servers_by_agent())
    with anyio.fail_after(TIMEOUT):
        words = await listed()

    project, resume = words[NAMES["project"]], words[NAMES["resume"]]
    assert "search code Search a project's source" in project
    assert "recent commits" in project and "read file" in project
    assert "search profile" in resume and "get resume section" in resume
    # Only what each agent's tool filter lets it call.
    assert "assess job fit" not in resume and "list projects" not in project
    assert NAMES["career"] not in words


async def test_routing_words_from_the_source_count_from_the_first_question() -> None:
    async def source() -> Mapping[str, str]:
        return {"Code": "search code Search a project's source for lines; glob over paths"}

    for vocabulary_source, expected in ((None, "Triage"), (source, "Code")):
        model = OfflineModel(
            vocabulary={"Code": "", "Other": "weather"}, vocabulary_source=vocabulary_source
        )
        code = Agent(name="Code", handoff_description="Code.", model=model)
        other = Agent(name="Other", handoff_description="Weather.", model=model)
        triage = Agent(name="Triage", handoffs=[code, other], model=model)
        with anyio.fail_after(TIMEOUT):
            result = await Runner.run(triage, "Which paths does the glob match?")
        assert result.last_agent.name == expected


async def test_a_source_that_fails_leaves_routing_on_the_static_words(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken() -> Mapping[str, str]:
        raise ConnectionError("the server went away")

    model = OfflineModel(vocabulary={"Code": "glob paths", "Other": ""}, vocabulary_source=broken)
    code = Agent(name="Code", handoff_description="Code.", model=model)
    other = Agent(name="Other", handoff_description="Weather.", model=model)
    triage = Agent(name="Triage", handoffs=[code, other], model=model)
    with anyio.fail_after(TIMEOUT):
        result = await Runner.run(triage, "Which paths does the glob match?")
    assert result.last_agent.name == "Code"
    assert "routing words of the MCP tools are unavailable" in caplog.text


async def test_a_specialist_whose_server_failed_to_start_answers_with_its_function_tools(
    sample_profile: Profile, context: ChatContext
) -> None:
    [spec] = [link for link in LINKS if link.server == "portfolio"]
    dead = MCPServerStdio(params={"command": sys.executable, "args": ["-c", "pass"]}, name="dead")
    with anyio.fail_after(TIMEOUT):
        async with MCPServerManager([dead], connect_timeout_seconds=TIMEOUT) as manager:
            links = McpLinks(links=[(spec, dead)], manager=manager)
            assert links.degraded and links.servers_by_agent() == {}
            graph = build_agent_graph(profile=sample_profile, mcp_servers=links.servers_by_agent())
            events = await _events(
                graph, context, "How did Doyoon implement the message broker in the chat service?"
            )

    assert _of(events, "handoff") == [{"from": "triage", "to": "project"}]
    tools = {call["tool"] for call in _of(events, "tool.called")}
    assert tools and not tools & CODE_TOOLS
    [answer] = _of(events, "message.completed")
    assert "Redis Pub/Sub" in answer["text"] and "projects" in answer["text"]
