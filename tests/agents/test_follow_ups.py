"""Follow-ups in a conversation, with the real graph and the offline model.

The next turn starts with the specialist that answered the last one. A short follow-up
that leans on the previous question ("What about Kubernetes?", "What was your role in
it?", "코틀린은요?") stays with that specialist and borrows the missing subject from the
conversation; a question on another topic goes back through triage. The conversations
are held out: written fresh, not copied from the eval suites.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import TurnOutcome, run_turn
from ask_applicant.profile import Profile


@dataclass(frozen=True)
class Conversation:
    turns: tuple[str, ...]
    agent: str
    handoffs: tuple[str, ...] = ()
    tool: str | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    contains: tuple[str, ...] = ()


STAYS = [
    # A time question after a job question whose tool took no argument.
    Conversation(
        ("What did you do at Dalbit Commerce?", "When did you leave?"),
        "career",
        contains=("2022-02-25",),
    ),
    # Korean drops the subject: the project of the turn before.
    Conversation(
        ("채팅 서비스에 대해 알려주세요", "어떤 기술을 썼어요?"), "project", contains=("FastAPI",)
    ),
    Conversation(
        ("Tell me about the chat service.", "What was your role in it?"),
        "project",
        contains=("Lead developer",),
    ),
    Conversation(
        ("정산 파이프라인 프로젝트 설명해 주세요", "거기서 어떤 역할을 맡으셨어요?"),
        "project",
        tool="get_project",
    ),
    Conversation(
        ("Which certificates do you hold?", "When did you get the AWS one?"),
        "resume",
        contains=("AWS Certified",),
    ),
    Conversation(
        ("How long have you used Kafka?", "What about Kubernetes?"),
        "career",
        tool="years_of_experience",
        arguments={"skill": "Kubernetes"},
    ),
    Conversation(
        ("파이썬 경력이 몇 년이에요?", "코틀린은요?"),
        "career",
        tool="years_of_experience",
        arguments={"skill": "Kotlin"},
    ),
    Conversation(
        ("How many years of Python do you have?", "And Terraform?"),
        "career",
        tool="years_of_experience",
        arguments={"skill": "Terraform"},
    ),
    Conversation(
        ("Where did you study?", "What did you learn there?"),
        "resume",
        tool="get_education",
    ),
    Conversation(
        ("Why are you leaving your current job?", "And what kind of role do you want next?"),
        "career",
        tool="ask_faq",
    ),
    Conversation(
        ("What was your position at Dalbit Commerce?", "And at Nuri Soft?"),
        "career",
        tool="get_work_history",
    ),
    Conversation(
        ("보유한 자격증을 알려주세요", "그중에 가장 최근에 딴 건 뭐예요?"),
        "resume",
        tool="get_certificates",
    ),
]

MOVES = [
    Conversation(
        ("Tell me about the resume bot.", "Which university did you graduate from?"),
        "resume",
        handoffs=("triage", "resume"),
    ),
    Conversation(
        ("What certifications do you have?", "Why do you want to change jobs?"),
        "career",
        handoffs=("triage", "career"),
    ),
    Conversation(
        (
            "How many years of Kotlin experience do you have?",
            "What did you build in the settlement pipeline project?",
        ),
        "project",
        handoffs=("triage", "project"),
    ),
    Conversation(
        ("자격증 뭐 있어요?", "이직 이유가 뭔가요?"), "career", handoffs=("triage", "career")
    ),
    Conversation(
        ("Tell me about the chat service.", "What are your salary expectations?"),
        "career",
        handoffs=("triage", "career"),
    ),
    Conversation(
        ("What's your notice period?", "What did you study at university?"),
        "resume",
        handoffs=("triage", "resume"),
    ),
]


@pytest.fixture(scope="module")
def offline_graph(sample_profile: Profile) -> AgentGraph:
    return build_agent_graph(profile=sample_profile)


def _miss(conversation: Conversation, outcome: TurnOutcome) -> str | None:
    calls = {call.name: call.arguments for call in outcome.tool_calls}
    seen = f"{outcome.agent} {list(outcome.handoffs)} {calls}"
    if outcome.agent != conversation.agent or tuple(outcome.handoffs) != conversation.handoffs:
        return seen
    if conversation.tool is not None and conversation.tool not in calls:
        return seen
    if conversation.arguments:
        arguments = calls.get(conversation.tool or "", {})
        for key, value in conversation.arguments.items():
            if str(arguments.get(key, "")).casefold() != str(value).casefold():
                return seen
    missing = [text for text in conversation.contains if text not in outcome.answer]
    return f"missing {missing}: {outcome.answer[:160]!r}" if missing else None


@pytest.mark.parametrize(("kind", "table"), [("stays", STAYS), ("moves", MOVES)])
async def test_follow_ups_stay_with_the_specialist_and_topic_changes_move(
    kind: str,
    table: list[Conversation],
    offline_graph: AgentGraph,
    context: ChatContext,
    converse: Callable[..., Awaitable[TurnOutcome]],
) -> None:
    misses = []
    for conversation in table:
        outcome = await converse(offline_graph, context, conversation.turns)
        problem = _miss(conversation, outcome)
        if problem is not None:
            misses.append(f"{' / '.join(conversation.turns)}: {problem}")
    assert len(misses) <= len(table) // 10, f"{kind}:\n" + "\n".join(misses)


async def test_an_elliptical_follow_up_borrows_the_frame_of_the_previous_question(
    offline_graph: AgentGraph, context: ChatContext, converse: Callable[..., Awaitable[TurnOutcome]]
) -> None:
    outcome = await converse(
        offline_graph, context, ("How many years have you worked with Redis?", "And with MySQL?")
    )
    assert outcome.handoffs == []
    assert [(call.name, call.arguments) for call in outcome.tool_calls] == [
        ("years_of_experience", {"skill": "MySQL"})
    ]
    assert "MySQL" in outcome.answer


async def test_a_follow_up_without_history_is_answered_like_any_question(
    offline_graph: AgentGraph, context: ChatContext
) -> None:
    outcome = await run_turn(graph=offline_graph, context=context, question="And Terraform?")
    assert not outcome.refused
    assert outcome.answer.strip()
