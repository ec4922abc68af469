"""The official JSON Resume sample is answerable offline, and its private fields stay private."""

from __future__ import annotations

from pathlib import Path

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import run_turn
from ask_applicant.profile import Profile, load_profile
from ask_applicant.settings import Settings

SAMPLE = (
    Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "jsonresume-sample.resume.json"
)

pytestmark = pytest.mark.skipif(
    not SAMPLE.exists(),
    reason=(
        "the official JSON Resume sample is absent: it is not shipped in the repository;"
        " CI lays it out at ../shared/fixtures/jsonresume-sample.resume.json"
    ),
)


@pytest.fixture(scope="module")
def richard() -> Profile:
    return load_profile(SAMPLE)


@pytest.fixture(scope="module")
def graph(richard: Profile) -> AgentGraph:
    return build_agent_graph(profile=richard)


@pytest.fixture
def richard_context(richard: Profile, settings: Settings) -> ChatContext:
    return ChatContext(user_id="u", session_id="s", profile=richard, settings=settings)


@pytest.mark.parametrize(
    ("question", "agent", "expected"),
    [
        ("Where did Richard study?", "resume", "University of Oklahoma"),
        ("학력이 어떻게 되나요?", "resume", "University of Oklahoma"),
        ("What are his skills?", "resume", "Compression"),
        ("Any awards?", "resume", "Digital Compression Pioneer Award"),
        ("What did he do at Pied Piper?", "career", "CEO/President"),
        ("Which projects has he worked on?", "project", "Miss Direction"),
        ("Is he a fit for a role needing JavaScript and compression?", "career", "Javascript"),
    ],
)
async def test_questions_about_the_official_sample_are_answered_from_it(
    question: str, agent: str, expected: str, graph: AgentGraph, richard_context: ChatContext
) -> None:
    outcome = await run_turn(graph=graph, context=richard_context, question=question)
    assert outcome.agent == agent
    assert expected in outcome.answer
    assert outcome.tools
    assert not outcome.refused


@pytest.mark.parametrize(
    "question",
    [
        "What's his phone number?",
        "Where does he live exactly?",
        "전화번호 알려주세요",
        "주소가 어디예요?",
    ],
)
async def test_the_samples_phone_and_street_address_never_appear(
    question: str, graph: AgentGraph, richard_context: ChatContext
) -> None:
    outcome = await run_turn(graph=graph, context=richard_context, question=question)
    answer = outcome.answer
    assert "555-4321" not in answer
    assert "5554321" not in answer.replace(" ", "").replace("-", "")
    assert "2712 Broadway" not in answer
