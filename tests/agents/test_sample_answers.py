"""What a recruiter sees on the sample applicant: short answers shaped by the question.

The README's first examples, asked of the real agent graph with the offline model: the
current role in one line, one employer's work without the others, skill questions
answered from the skills, and "What does he do?" answered rather than met with help.
"""

from __future__ import annotations

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import run_turn
from ask_applicant.profile import Profile

CURRENT_JOB = "Senior Backend Engineer at Haneul Pay"


@pytest.fixture(scope="module")
def offline_graph(sample_profile: Profile) -> AgentGraph:
    return build_agent_graph(profile=sample_profile)


@pytest.mark.parametrize(
    "question",
    ["What is your current role?", "What is Doyoon's current role?", "What does he do?"],
)
async def test_the_current_role_is_the_open_job_and_its_start_in_one_line(
    offline_graph: AgentGraph, context: ChatContext, question: str
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question=question)
    assert outcome.agent == "career"
    assert outcome.answer.startswith(f"{CURRENT_JOB} (하늘페이), since 2022-03-02")
    assert "Dalbit" not in outcome.answer and len(outcome.answer) < 150


async def test_the_current_role_asked_in_korean_is_answered_in_korean(
    offline_graph: AgentGraph, context: ChatContext
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question="현재 직무가 뭐예요?")
    assert outcome.agent == "career"
    assert "2022년 3월 2일부터 현재까지" in outcome.answer
    assert "Fintech" not in outcome.answer and len(outcome.answer) < 150


@pytest.mark.parametrize(
    "question",
    [
        "What did Doyoon build at Haneul Pay?",
        "What did you build at Haneul Pay?",
        "What does Doyoon do at Haneul Pay?",
    ],
)
async def test_work_at_a_named_employer_is_that_job_alone_with_what_was_built(
    offline_graph: AgentGraph, context: ChatContext, question: str
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question=question)
    assert outcome.agent == "career"
    assert outcome.answer.startswith(CURRENT_JOB)
    assert "Lead engineer of the settlement platform" in outcome.answer
    assert "Highlights: Redesigned the daily settlement batch" in outcome.answer
    for other in ("Dalbit", "Nuri Soft", "Bada Labs", "Note:"):
        assert other not in outcome.answer
    assert len(outcome.answer) <= 600


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Does he know React?", "No, the profile does not mention React."),
        ("Does he know Kafka?", "Yes. Messaging & Streaming (Advanced)"),
        ("Does Doyoon use Redis?", "Yes. Databases (Advanced)"),
        ("Kafka 쓸 줄 아세요?", "예. Messaging & Streaming (Advanced)"),
    ],
)
async def test_whether_he_knows_a_skill_is_answered_from_the_skills(
    offline_graph: AgentGraph, context: ChatContext, question: str, answer: str
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question=question)
    assert outcome.agent == "resume"
    assert outcome.answer.startswith(answer)
