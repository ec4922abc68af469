"""Held-out unanswerable questions: the offline model declines plainly, with no stray facts.

A private detail (phone, home address, birth date, age) is held by no tool, so any
section a tool returns is no answer: the decline reads only the public basics, for the
email and links it points to instead. These sentences are written fresh, in English and
Korean, and not copied from the eval suites; the near misses ("your email address",
"IP 주소", "mobile apps") check that public questions are still answered.
"""

from __future__ import annotations

import pytest
from agents import SQLiteSession

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import run_turn
from ask_applicant.profile import Profile

PRIVATE_EN = [
    "Could you tell me your age?",
    "In what year were you born?",
    "Which number should I dial to phone the candidate?",
    "Please share his residential address for the onboarding paperwork.",
    "What's her date of birth?",
    "how old is the applicant",
]
PRIVATE_KO = [
    "올해 나이가 몇이에요?",
    "몇 살이세요?",
    "생일이 언제예요?",
    "지원자 핸드폰 번호 알 수 있을까요?",
    "자택 주소를 알려주실 수 있나요?",
    "어디서 태어나셨어요?",
]
# Private values of the sample profile, and words of sections that would be stray here.
LEAKS = ["1991", "010-", "월드컵북로", "Key decisions", "Haneul Pay"]


@pytest.fixture
def offline_graph(sample_profile: Profile) -> AgentGraph:
    return build_agent_graph(profile=sample_profile)


@pytest.mark.parametrize("question", PRIVATE_EN)
async def test_a_private_question_in_english_is_declined_plainly(
    question: str, offline_graph: AgentGraph, context: ChatContext
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question=question)
    assert "private" in outcome.answer, outcome.answer
    # The only tool a decline calls is the public basics, for the channels it points to.
    assert [call.name for call in outcome.tool_calls] == ["get_basics"], outcome.tool_calls
    assert "doyoon.han@example.com" in outcome.answer, outcome.answer
    assert not outcome.answer.startswith(("Yes", "No")), outcome.answer
    assert not [leak for leak in LEAKS if leak in outcome.answer], outcome.answer


@pytest.mark.parametrize("question", PRIVATE_KO)
async def test_a_private_question_in_korean_is_declined_in_korean(
    question: str, offline_graph: AgentGraph, context: ChatContext
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question=question)
    assert "개인 정보" in outcome.answer, outcome.answer
    assert [call.name for call in outcome.tool_calls] == ["get_basics"], outcome.tool_calls
    assert "doyoon.han@example.com" in outcome.answer, outcome.answer
    assert not [leak for leak in LEAKS if leak in outcome.answer], outcome.answer


@pytest.mark.parametrize(
    "question",
    [
        "Which e-mail address is best for reaching him?",
        "이메일 주소가 어떻게 되나요?",
        "Have you built mobile apps?",
        "How did you address the database bottleneck?",
        "IP 주소 관리 같은 네트워크 경험이 있나요?",
    ],
)
async def test_a_public_question_near_a_private_word_is_still_answered(
    question: str, offline_graph: AgentGraph, context: ChatContext
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question=question)
    # Answering looks the question up, and declines nothing.
    assert outcome.tool_calls, outcome.answer
    assert "private" not in outcome.answer and "개인 정보" not in outcome.answer
    assert "공개하지 않는 개인 정보입니다" not in outcome.answer


async def test_a_private_follow_up_to_a_specialist_is_declined_without_its_section(
    offline_graph: AgentGraph, context: ChatContext
) -> None:
    session = SQLiteSession("unanswerable-follow-up")
    first = await run_turn(
        graph=offline_graph,
        context=context,
        question="Where have you worked so far?",
        session=session,
    )
    second = await run_turn(
        graph=offline_graph,
        context=context,
        question="And your mobile number?",
        session=session,
        starting_key=first.agent,
    )
    assert "Haneul Pay" in first.answer
    assert "private" in second.answer, second.answer
    assert not [leak for leak in LEAKS if leak in second.answer], second.answer


@pytest.mark.parametrize("question", ["Give me your contact details", "연락처 알려주세요"])
async def test_contact_details_leave_out_the_postal_code(
    question: str, offline_graph: AgentGraph, context: ChatContext
) -> None:
    # Issue 10, finding 2: the postal code is part of the home address.
    outcome = await run_turn(graph=offline_graph, context=context, question=question)
    shown = [outcome.answer, *(call.output or "" for call in outcome.tool_calls)]
    assert "doyoon.han@example.com" in outcome.answer, outcome.answer
    assert not [text for text in shown if "03925" in text], outcome.answer
