"""Held-out questions: the real graph with the offline model picks the right agent and tool.

Each table is one kind of question the offline model used to get wrong (greetings and
help requests, motivation, job descriptions, employment dates, project details and
design decisions). They are written fresh, not copied from the eval suites, and varied on
purpose: the point is how the model does on wording it was not tuned to. A few misses
per table are tolerated; a table below its bar names every miss.
"""

from __future__ import annotations

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import TurnOutcome, run_turn
from ask_applicant.profile import Profile

# (question, agent that should answer, tools of which one should be called; () = none)
Case = tuple[str, str, tuple[str, ...]]
PROJECT_LOOKUP = ("get_project", "search_projects")

HELP: list[Case] = [
    ("Hey, good morning!", "triage", ()),
    ("Hi, how does this work?", "triage", ()),
    ("What sort of things can you tell me?", "triage", ()),
    ("What topics am I allowed to ask about?", "triage", ()),
    ("Hello! Is there anything you can help me with?", "triage", ()),
    ("안녕하세요", "triage", ()),
    ("무엇을 물어보면 되나요?", "triage", ()),
    ("어떤 질문을 할 수 있어요?", "triage", ()),
    ("반가워요! 여기서 뭘 알 수 있나요?", "triage", ()),
    ("사용법을 알려주세요", "triage", ()),
]

MOTIVATION: list[Case] = [
    ("Why are you on the job market right now?", "career", ("ask_faq",)),
    ("What prompted you to start interviewing?", "career", ("ask_faq",)),
    ("What would make you switch companies?", "career", ("ask_faq",)),
    ("Why are you thinking of changing employers?", "career", ("ask_faq",)),
    ("Why do you want to move on from your current team?", "career", ("ask_faq",)),
    ("What's behind your decision to look for a new job?", "career", ("ask_faq",)),
    ("왜 새로운 회사를 찾고 계신가요?", "career", ("ask_faq",)),
    ("이직을 고민하게 된 계기가 있나요?", "career", ("ask_faq",)),
    ("지금 회사를 떠나려는 이유가 뭔가요?", "career", ("ask_faq",)),
    ("요즘 구직 중이신 이유가 궁금해요", "career", ("ask_faq",)),
]

JOB_FIT: list[Case] = [
    (
        "We are hiring a platform engineer: Go, Terraform, AWS, 5+ years. Thoughts on the fit?",
        "career",
        ("assess_job_fit",),
    ),
    (
        "Our fintech startup needs someone to build a ledger service with Kotlin, Spring Boot "
        "and MySQL. Is he suitable?",
        "career",
        ("assess_job_fit",),
    ),
    (
        "Requirements:\n- 7+ years of backend development\n- Kafka or Pulsar\n- Kubernetes in "
        "production\n- Experience leading a team\nNice to have: Rust.\n"
        "Could you assess the candidate against this?",
        "career",
        ("assess_job_fit",),
    ),
    (
        "Senior Data Engineer. You will design batch and streaming pipelines with Spark, "
        "Airflow and Snowflake, partner with analysts, and mentor two juniors. We expect "
        "strong SQL, Python, and at least four years in data engineering. Would this person "
        "do well here?",
        "career",
        ("assess_job_fit",),
    ),
    (
        "We need an Android developer with Jetpack Compose. Good match?",
        "career",
        ("assess_job_fit",),
    ),
    (
        "[채용공고] 백엔드 엔지니어 (결제 플랫폼)\n자격요건: Java/Kotlin 5년 이상, Spring Boot, "
        "MySQL, AWS 운영 경험\n우대사항: Kafka, 대용량 트래픽 경험\n이 공고에 적합한지 봐주세요.",
        "career",
        ("assess_job_fit",),
    ),
    (
        "저희 회사는 Go와 쿠버네티스로 플랫폼 팀을 꾸리고 있어요. 잘 어울리실까요?",
        "career",
        ("assess_job_fit",),
    ),
    ("React Native 모바일 개발자를 채용 중인데, 지원자와 맞을까요?", "career", ("assess_job_fit",)),
    (
        "파이썬과 장고로 커머스 백엔드를 만들 분을 찾고 있습니다. 이 분이 적합한가요?",
        "career",
        ("assess_job_fit",),
    ),
    (
        "저희 팀은 대규모 트래픽을 처리하는 메시징 플랫폼을 운영합니다. 쿠버네티스, 레디스, "
        "카프카 운영 경험이 있고 장애 대응을 주도해 본 시니어 엔지니어를 모시려고 합니다. "
        "지원자가 이 자리에 맞는 사람일까요?",
        "career",
        ("assess_job_fit",),
    ),
]

EMPLOYMENT_DATES: list[Case] = [
    ("When did you start working at Dalbit Commerce?", "career", ("get_work_history",)),
    ("How long were you at Nuri Soft?", "career", ("get_work_history",)),
    ("What was your first job out of university?", "career", ("get_work_history",)),
    ("When did you leave Dalbit Commerce?", "career", ("get_work_history",)),
    ("Which company did you work for before Haneul Pay?", "career", ("get_work_history",)),
    ("Where was your very first full-time position?", "career", ("get_work_history",)),
    ("달빛커머스에는 언제 들어가셨어요?", "career", ("get_work_history",)),
    ("누리소프트에서 얼마나 일하셨나요?", "career", ("get_work_history",)),
    ("첫 직장이 어디였나요?", "career", ("get_work_history",)),
    ("하늘페이 입사 전에는 어디서 근무하셨어요?", "career", ("get_work_history",)),
]

PROJECT_DETAILS: list[Case] = [
    ("What was the p99 latency of the chat service?", "project", PROJECT_LOOKUP),
    (
        "How many messages per second could the support chat handle?",
        "project",
        PROJECT_LOOKUP,
    ),
    ("Which database backed the settlement pipeline?", "project", PROJECT_LOOKUP),
    ("What stack did the resume bot use?", "project", PROJECT_LOOKUP),
    ("How big was the team on the settlement system?", "project", PROJECT_LOOKUP),
    ("정산 파이프라인에서 사용한 기술은 뭐예요?", "project", PROJECT_LOOKUP),
    ("배포 자동화 도구는 어떤 스택으로 만들었나요?", "project", PROJECT_LOOKUP),
    ("이력서 챗봇은 어떤 모델을 썼어요?", "project", PROJECT_LOOKUP),
    (
        "채팅 서비스의 동시 접속자 수는 어느 정도였나요?",
        "project",
        PROJECT_LOOKUP,
    ),
]

DESIGN_DECISIONS: list[Case] = [
    (
        "Why did you choose Kafka for the settlement pipeline instead of a database queue?",
        "project",
        PROJECT_LOOKUP,
    ),
    (
        "Why go with WebSockets rather than long polling in the chat service?",
        "project",
        PROJECT_LOOKUP,
    ),
    ("What made you use Argo CD for the deployment tool?", "project", PROJECT_LOOKUP),
    (
        "What trade-offs did you weigh when designing the message fan-out?",
        "project",
        PROJECT_LOOKUP,
    ),
    ("Why did you decide on an idempotent ledger?", "project", PROJECT_LOOKUP),
    ("정산 파이프라인에 왜 카프카를 선택하셨나요?", "project", PROJECT_LOOKUP),
    ("채팅 서비스에서 레디스를 쓴 이유가 뭔가요?", "project", PROJECT_LOOKUP),
    ("배포 도구를 쿠버네티스 위에 만든 이유는?", "project", PROJECT_LOOKUP),
]

# Whether and how well the applicant knows a skill or speaks a language (issue 13): the
# resume's skills and languages answer, whatever verb the question uses.
SKILLS_AND_LANGUAGES: list[Case] = [
    ("Have you ever used Django?", "resume", ("get_skills", "search_resume")),
    ("How good is your Kotlin?", "resume", ("get_skills",)),
    ("What's your level in Terraform?", "resume", ("get_skills",)),
    ("Can you work in Japanese?", "resume", ("get_languages",)),
    ("Is your English good enough for meetings?", "resume", ("get_languages", "search_resume")),
    ("Have you used Svelte?", "resume", ("get_skills", "search_resume")),
    ("일본어로 업무가 가능한가요?", "resume", ("get_languages",)),
    ("코틀린 실력은 어느 정도예요?", "resume", ("get_skills",)),
    ("영어로 회의할 수 있어요?", "resume", ("get_languages", "search_resume")),
    ("장고 써 본 적 있어요?", "resume", ("get_skills", "search_resume")),
]

TABLES = {
    "help": HELP,
    "motivation": MOTIVATION,
    "job_fit": JOB_FIT,
    "employment_dates": EMPLOYMENT_DATES,
    "project_details": PROJECT_DETAILS,
    "design_decisions": DESIGN_DECISIONS,
    "skills_and_languages": SKILLS_AND_LANGUAGES,
}
# At most one miss in ten: held-out wording is allowed to trip the model now and then.
MIN_RATE = 0.85


@pytest.fixture(scope="module")
def offline_graph(sample_profile: Profile) -> AgentGraph:
    return build_agent_graph(profile=sample_profile)


def _miss(outcome: TurnOutcome, agent: str, tools: tuple[str, ...]) -> str | None:
    called = [call.name for call in outcome.tool_calls]
    if outcome.refused:
        return "refused"
    if outcome.agent != agent:
        return f"answered by {outcome.agent} ({called})"
    if tools and not set(tools) & set(called):
        return f"called {called}, wanted one of {list(tools)}"
    if not tools and called:
        return f"called {called}, wanted no tool"
    return None


def test_every_table_is_bilingual_and_big_enough() -> None:
    for name, table in TABLES.items():
        korean = sum(1 for question, _, _ in table if any("가" <= c <= "힣" for c in question))
        assert len(table) >= 8, name
        assert 3 <= korean <= len(table) - 3, name


@pytest.mark.parametrize("table", list(TABLES))
async def test_held_out_questions_reach_the_right_agent_and_tool(
    table: str, offline_graph: AgentGraph, context: ChatContext
) -> None:
    misses = []
    for question, agent, tools in TABLES[table]:
        outcome = await run_turn(graph=offline_graph, context=context, question=question)
        assert outcome.answer.strip(), question
        problem = _miss(outcome, agent, tools)
        if problem is not None:
            misses.append(f"{question!r}: {problem}")
    rate = 1 - len(misses) / len(TABLES[table])
    assert rate >= MIN_RATE, f"{table}: {rate:.0%}\n" + "\n".join(misses)


async def test_a_greeting_gets_the_help_message_in_its_language(
    offline_graph: AgentGraph, context: ChatContext
) -> None:
    english = await run_turn(graph=offline_graph, context=context, question="Hi there!")
    korean = await run_turn(graph=offline_graph, context=context, question="안녕하세요!")
    assert english.agent == korean.agent == "triage"
    assert "You can ask about" in english.answer
    assert "질문하실 수 있습니다" in korean.answer


async def test_a_long_job_description_is_passed_whole_to_the_fit_assessment(
    offline_graph: AgentGraph, context: ChatContext
) -> None:
    posting = JOB_FIT[3][0]
    outcome = await run_turn(graph=offline_graph, context=context, question=posting)
    calls = [call for call in outcome.tool_calls if call.name == "assess_job_fit"]
    assert calls, [call.name for call in outcome.tool_calls]
    assert calls[0].arguments == {"job_description": " ".join(posting.split())}
    assert "spark" in outcome.answer.lower()


async def test_a_start_date_question_is_answered_with_the_dates_of_that_job(
    offline_graph: AgentGraph, context: ChatContext
) -> None:
    outcome = await run_turn(
        graph=offline_graph, context=context, question="달빛커머스에는 언제 들어가셨어요?"
    )
    # A Korean answer spells the date in Korean (issue 13), to the day the resume gives.
    assert outcome.answer.startswith("2019년 1월 7일 – 2022년 2월 25일")
    assert "Dalbit Commerce" in outcome.answer and "Haneul Pay" not in outcome.answer
