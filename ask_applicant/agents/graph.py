"""The agent team: a triage agent and three specialists, wired in one place.

Agents are configuration: `build_agent_graph` runs once per process (per profile) and the
same `AgentGraph` serves every run; who is asking travels in the run context.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from agents import Agent, Handoff, Model, ModelSettings, Tool
from agents.mcp import MCPServer

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.entities import entity_names, entity_references
from ask_applicant.agents.guardrails import privacy_guardrail, question_guardrail
from ask_applicant.agents.instructions import AgentKey, instructions_for
from ask_applicant.agents.models import OFFLINE
from ask_applicant.agents.offline import OfflineModel
from ask_applicant.agents.vocabulary import (
    mcp_tool_vocabulary,
    profile_text,
    project_choices,
    routing_vocabulary,
)
from ask_applicant.profile import Profile
from ask_applicant.tools import CAREER_TOOLS, PROJECT_TOOLS, RESUME_TOOLS

logger = logging.getLogger(__name__)

TRIAGE: AgentKey = "triage"
SPECIALISTS: tuple[AgentKey, ...] = ("resume", "project", "career")
AGENT_KEYS: tuple[AgentKey, ...] = (TRIAGE, *SPECIALISTS)

NAMES: Mapping[AgentKey, str] = {
    "triage": "Triage",
    "resume": "Resume Specialist",
    "project": "Project Specialist",
    "career": "Career Specialist",
}

HANDOFF_DESCRIPTIONS: Mapping[AgentKey, str] = {
    "triage": (
        "Routes a question to the right specialist; takes back follow-ups that are "
        "outside a specialist's area."
    ),
    "resume": (
        "Education, degrees and schools; skills, tech stack and technologies; certificates; "
        "awards; publications and talks; spoken languages; interests and hobbies; the public "
        "profile basics. | 한국어: 학력과 학위, 기술 스택, 자격증, 수상, "
        "발표와 저술, 외국어, 관심사, 공개된 기본 정보."
    ),
    "project": (
        "Projects, side projects and portfolio: what the applicant built and how, the "
        "technologies used in each project, their role, results and scale, architecture and "
        "design decisions, and the project source code. | 한국어: 프로젝트와 포트폴리오: "
        "무엇을 어떻게 만들었는지, 사용한 기술, 역할, 성과와 규모, 설계 결정, 소스 코드."
    ),
    "career": (
        "Work history: companies, positions and dates; years of experience with a skill; fit "
        "for a job description; motivation and reasons for changing jobs; career goals; "
        "salary, remote work and working style. | 한국어: 경력: 회사, 직책과 기간, "
        "기술별 경력 연차, 직무 적합도, 이직 사유, 커리어 목표, 연봉·원격 근무·업무 방식."
    ),
}

TOOLS: Mapping[str, Sequence[Tool]] = {
    "triage": (),
    "resume": RESUME_TOOLS,
    "project": PROJECT_TOOLS,
    "career": CAREER_TOOLS,
}


@dataclass(frozen=True)
class AgentGraph:
    """The four agents by stable key, and what a UI needs to draw them.

    Attributes:
        by_key: Agent key ("triage", "resume", "project", "career") → agent.
    """

    by_key: Mapping[str, Agent[ChatContext]]

    def key_of(self, agent: Agent[Any]) -> str:
        """The stable key of one of the graph's agents (its name for a foreign agent)."""
        for key, candidate in self.by_key.items():
            if candidate is agent:
                return key
        for key, candidate in self.by_key.items():
            if candidate.name == agent.name:
                return key
        return agent.name

    def starting_agent(self, key: str | None) -> Agent[ChatContext]:
        """The agent a turn starts with: the one that answered last, or triage.

        Args:
            key: The key kept on the session row; None for a new conversation.

        Returns:
            That agent, or triage (with a logged warning) for an unknown key.
        """
        if key is None:
            return self.by_key[TRIAGE]
        agent = self.by_key.get(key)
        if agent is None:
            logger.warning("unknown agent key %r on the session; starting with triage", key)
            return self.by_key[TRIAGE]
        return agent

    def describe(self) -> dict[str, Any]:
        """The graph as JSON data, for `GET /v1/agents`.

        Returns:
            `{"start": "triage", "agents": [{key, name, description, handoffs, tools,
            mcp_servers}, ...]}`.
        """
        agents = []
        for key, agent in self.by_key.items():
            handoffs = [
                self.key_of(target) if isinstance(target, Agent) else target.agent_name
                for target in agent.handoffs
            ]
            agents.append(
                {
                    "key": key,
                    "name": agent.name,
                    "description": agent.handoff_description or "",
                    "handoffs": handoffs,
                    "tools": [tool.name for tool in agent.tools],
                    "mcp_servers": [server.name for server in agent.mcp_servers],
                }
            )
        return {"start": TRIAGE, "agents": agents}


def handoff_tool_name(graph: AgentGraph, key: str) -> str:
    """The function name a model calls to hand off to the agent with `key`."""
    return Handoff.default_tool_name(graph.by_key[key])


def build_agent_graph(
    *,
    profile: Profile,
    mcp_servers: Mapping[str, list[MCPServer]] | None = None,
    model: Model | str | None = None,
) -> AgentGraph:
    """Wire the triage agent and the three specialists.

    Triage hands off to each specialist; each specialist holds its function tools (and
    the MCP servers given for its key) and can hand back to triage. Every agent carries
    the question guardrail (only the starting agent's runs) and the privacy guardrail
    (only the answering agent's runs).

    Args:
        profile: The applicant; its content feeds the offline model's routing.
        mcp_servers: Agent key → MCP servers that agent may use (connected by the caller).
        model: A model for every agent: an SDK `Model`, a model name, or None / "offline"
            for the deterministic offline model.

    Returns:
        The graph; built once, shared by every run.
    """
    servers: Mapping[str, list[MCPServer]] = mcp_servers or {}
    unknown = set(servers) - set(AGENT_KEYS)
    if unknown:
        raise ValueError(f"MCP servers given for unknown agent keys: {sorted(unknown)}")
    if model is None or model == OFFLINE:
        specialist_names: dict[str, str] = {key: NAMES[key] for key in SPECIALISTS}
        vocabulary = routing_vocabulary(
            profile=profile, names=specialist_names, tools=TOOLS, mcp_servers=servers
        )
        model = OfflineModel(
            vocabulary=vocabulary,
            choices=project_choices(profile),
            names=entity_names(profile=profile, names=specialist_names),
            references=entity_references(profile=profile, names=specialist_names),
            profile_text=profile_text(profile),
            vocabulary_source=(
                mcp_tool_vocabulary(names=specialist_names, mcp_servers=servers)
                if any(servers.values())
                else None
            ),
        )

    def agent(key: AgentKey) -> Agent[ChatContext]:
        # A specialist must look facts up before it answers; the SDK resets the choice
        # after the first tool call (`reset_tool_choice`), so it cannot loop.
        settings = ModelSettings(tool_choice="required") if key != TRIAGE else ModelSettings()
        return Agent[ChatContext](
            name=NAMES[key],
            model_settings=settings,
            reset_tool_choice=True,
            handoff_description=HANDOFF_DESCRIPTIONS[key],
            instructions=instructions_for(key),
            tools=list(TOOLS[key]),
            mcp_servers=list(servers.get(key, [])),
            model=model,
            input_guardrails=[question_guardrail()],
            output_guardrails=[privacy_guardrail()],
        )

    specialists: dict[str, Agent[ChatContext]] = {key: agent(key) for key in SPECIALISTS}
    triage = agent(TRIAGE)
    triage.handoffs = list(specialists.values())
    for specialist in specialists.values():
        specialist.handoffs = [triage]
    return AgentGraph(by_key={TRIAGE: triage, **specialists})
