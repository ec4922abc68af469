"""The real graph with the offline model routes recruiters' questions to the right agent.

The questions are our own, varied on purpose (not the eval suite's wording): English and
Korean, terse and chatty, about every section of the sample applicant.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from agents import FunctionTool

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import Turn, TurnOutcome
from ask_applicant.profile import Profile

QUESTIONS: list[tuple[str, str]] = [
    # resume: education, skills, certificates, awards, publications, languages, basics
    ("Which university did you graduate from?", "resume"),
    ("What was your major in college?", "resume"),
    ("What's your GPA?", "resume"),
    ("Which certifications do you hold?", "resume"),
    ("Are you AWS certified?", "resume"),
    ("Have you won any awards?", "resume"),
    ("Did you publish any articles or give talks?", "resume"),
    ("Which spoken languages are you fluent in?", "resume"),
    ("How good is your English?", "resume"),
    ("What's your tech stack?", "resume"),
    ("List your technical skills, please.", "resume"),
    ("What are your hobbies outside work?", "resume"),
    ("Do you have a GitHub profile or personal website?", "resume"),
    ("Which observability tools are you comfortable with?", "resume"),
    ("Who can give a reference for you?", "resume"),
    ("Give me a short summary of who you are.", "resume"),
    ("어느 대학교를 나오셨나요?", "resume"),
    ("전공이 뭐였어요?", "resume"),
    ("보유한 자격증이 있나요?", "resume"),
    ("수상 경력이 있으신가요?", "resume"),
    ("외국어는 어느 정도 하시나요?", "resume"),
    ("주로 쓰는 기술 스택이 궁금해요", "resume"),
    ("발표하거나 쓴 글이 있나요?", "resume"),
    ("취미가 뭐예요?", "resume"),
    # project: projects, what was built, how, source code
    ("What side projects have you built?", "project"),
    ("Tell me about the settlement pipeline project.", "project"),
    ("How did you scale the chat service to 30k connections?", "project"),
    ("What was your role in the deployment automation tool?", "project"),
    ("Walk me through the architecture of the resume bot.", "project"),
    ("Which project are you proudest of?", "project"),
    ("What technologies did the chat service use?", "project"),
    ("What results did the settlement pipeline achieve?", "project"),
    ("Can I see the source code of one of your projects?", "project"),
    ("What design decisions did you make in the canary release tool?", "project"),
    ("Describe a project where you used Redis Pub/Sub.", "project"),
    ("진행했던 프로젝트들을 소개해 주세요", "project"),
    ("정산 파이프라인은 어떻게 설계했나요?", "project"),
    ("채팅 서비스에서 맡은 역할이 뭐였나요?", "project"),
    ("배포 자동화 도구는 어떤 문제를 해결했나요?", "project"),
    ("이력서 챗봇 프로젝트는 어떤 기술로 만들었어요?", "project"),
    ("가장 기억에 남는 프로젝트는?", "project"),
    # career: work history, experience, fit, FAQ
    ("Where do you work right now?", "career"),
    ("What was your position at Dalbit Commerce?", "career"),
    ("Summarise your employment history.", "career"),
    ("How many years have you worked with Kotlin?", "career"),
    ("How long have you been using Kubernetes?", "career"),
    ("Would you be a good fit for a staff engineer role needing Go, gRPC and Kafka?", "career"),
    ("Here's our job posting: backend engineer, Python, PostgreSQL, AWS. Do you match?", "career"),
    ("Why do you want to leave Haneul Pay?", "career"),
    ("What kind of role are you looking for next?", "career"),
    ("Where do you see yourself in five years?", "career"),
    ("How do you like to work with a team?", "career"),
    ("What are your salary expectations?", "career"),
    ("Are you open to relocating or working remotely?", "career"),
    ("Would you like to become an engineering manager?", "career"),
    ("What are your biggest strengths and weaknesses?", "career"),
    ("What did you do as an intern at Bada Labs?", "career"),
    ("현재 어느 회사에 재직 중이신가요?", "career"),
    ("경력이 총 몇 년인가요?", "career"),
    ("카프카는 몇 년 정도 써보셨나요?", "career"),
    ("이직하려는 이유가 궁금합니다", "career"),
    ("원하는 포지션이 어떻게 되나요?", "career"),
    ("희망 연봉은 어느 정도인가요?", "career"),
    ("원격 근무 가능하신가요?", "career"),
    ("저희 공고는 Java, Spring, MySQL 경험자를 찾습니다. 적합할까요?", "career"),
    ("누리소프트에서는 무슨 일을 하셨어요?", "career"),
    ("앞으로의 커리어 목표가 뭔가요?", "career"),
]


def test_the_question_set_is_varied_enough() -> None:
    assert len(QUESTIONS) >= 60
    korean = [q for q, _ in QUESTIONS if any("가" <= c <= "힣" for c in q)]
    assert len(korean) >= 20
    assert len(QUESTIONS) - len(korean) >= 30
    assert min(Counter(key for _, key in QUESTIONS).values()) >= 15


@pytest.fixture(scope="module")
def offline_graph(sample_profile: Profile) -> AgentGraph:
    return build_agent_graph(profile=sample_profile)


async def _ask(graph: AgentGraph, context: ChatContext, question: str) -> TurnOutcome:
    turn = Turn(graph=graph, context=context, question=question)
    async for _ in turn.events():
        pass
    return turn.outcome


def _within_schema(arguments: Any, schema: dict[str, Any]) -> bool:
    if not isinstance(arguments, dict):
        return False
    properties = schema.get("properties", {})
    if not set(schema.get("required", [])) <= set(arguments):
        return False
    if schema.get("additionalProperties") is False and not set(arguments) <= set(properties):
        return False
    for name, value in arguments.items():
        expected = properties.get(name, {}).get("type")
        if expected == "string" and not (isinstance(value, str) and value.strip()):
            return False
    return True


async def test_at_least_nine_in_ten_questions_reach_the_right_specialist(
    offline_graph: AgentGraph, context: ChatContext
) -> None:
    schemas = {
        tool.name: tool.params_json_schema
        for agent in offline_graph.by_key.values()
        for tool in agent.tools
        if isinstance(tool, FunctionTool)
    }
    misrouted: list[str] = []
    for question, expected in QUESTIONS:
        outcome = await _ask(offline_graph, context, question)
        assert not outcome.refused, f"{question!r} was refused"
        if outcome.agent != expected:
            misrouted.append(f"{question!r}: {outcome.agent} (wanted {expected})")
        for call in outcome.tool_calls:
            assert call.name in schemas, f"{question!r} called an unknown tool {call.name}"
            assert _within_schema(call.arguments, schemas[call.name]), (
                f"{question!r}: {call.name}({call.arguments}) is outside its schema"
            )
        assert outcome.answer.strip()
    accuracy = 1 - len(misrouted) / len(QUESTIONS)
    assert accuracy >= 0.9, f"routing accuracy {accuracy:.0%}:\n" + "\n".join(misrouted)
