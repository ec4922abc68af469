"""Fixtures for the agent tests: the sample applicant, a run context, a scripted graph,
and conversations asked turn by turn."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Awaitable, Callable

import pytest
from agents import Handoff, SQLiteSession
from agents.testing import ScriptedModel

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.outcome import TurnOutcome
from ask_applicant.agents.turn import run_turn
from ask_applicant.profile import Profile, load_profile
from ask_applicant.settings import DEFAULT_PROFILE_PATH, Settings


@pytest.fixture(scope="session")
def sample_profile() -> Profile:
    return load_profile(DEFAULT_PROFILE_PATH)


@pytest.fixture
def settings() -> Settings:
    return Settings(model="offline", database_url="sqlite+aiosqlite:///:memory:")


@pytest.fixture
def context(sample_profile: Profile, settings: Settings) -> ChatContext:
    return ChatContext(
        user_id="u-test", session_id="s-test", profile=sample_profile, settings=settings
    )


@pytest.fixture
def scripted() -> ScriptedModel:
    return ScriptedModel()


@pytest.fixture
def scripted_graph(sample_profile: Profile, scripted: ScriptedModel) -> AgentGraph:
    return build_agent_graph(profile=sample_profile, model=scripted)


@pytest.fixture
def call_id() -> Callable[[], str]:
    """Unique call ids: the SDK drops history items whose call id repeats in a session."""
    counter = itertools.count(1)
    return lambda: f"call-{next(counter)}"


@pytest.fixture
def handoff_name(scripted_graph: AgentGraph) -> Callable[[str], str]:
    """The function name a model calls to hand off to the agent with a key."""
    return lambda key: Handoff.default_tool_name(scripted_graph.by_key[key])


Converse = Callable[[AgentGraph, ChatContext, tuple[str, ...]], Awaitable[TurnOutcome]]


@pytest.fixture
def converse() -> Converse:
    """Asks each question of a conversation in turn, each turn starting with the agent
    that answered the last, in one in-memory session; the last turn's outcome."""

    async def ask(graph: AgentGraph, context: ChatContext, turns: tuple[str, ...]) -> TurnOutcome:
        session = SQLiteSession(f"conversation-{uuid.uuid4().hex}")
        agent: str | None = None
        outcome: TurnOutcome | None = None
        for question in turns:
            outcome = await run_turn(
                graph=graph,
                context=context,
                question=question,
                session=session,
                starting_key=agent,
            )
            agent = outcome.agent
        assert outcome is not None
        return outcome

    return ask
