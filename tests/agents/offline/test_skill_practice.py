"""Yes/no questions about using a skill at work cite the job that used it, by its name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import build_agent_graph
from ask_applicant.agents.offline.asked_names import asked_names, names_all
from ask_applicant.agents.offline.evidence import Evidence, Fact
from ask_applicant.agents.offline.intent import classify
from ask_applicant.agents.offline.practice import about_practice
from ask_applicant.agents.offline.reply import compose
from ask_applicant.agents.turn import TurnOutcome
from ask_applicant.profile import load_profile
from ask_applicant.settings import Settings

PROFILES = Path(__file__).parents[3] / "evals" / "profiles"
Converse = Callable[..., Awaitable[TurnOutcome]]

CERTIFICATE = Fact(
    "certificates[0]", "AWS Certified Solutions Architect (Amazon Web Services, 2022-06-10)"
)
SKILLS = Fact("skills[0]", "Data Engineering Keywords: Apache Kafka; Apache Flink; Spark.")
JOB = Fact("work[0]", "Data Engineer at Hanbit (2022-09 – present) Kafka와 Flink 기반 스트리밍.")
INFRA = Fact("skills[1]", "Infra Keywords: Kubernetes; Docker.")


def _answer(facts: list[Fact], question: str) -> str | None:
    return compose(Evidence(facts=facts), question, classify(question), korean=False)


def test_a_yes_never_cites_a_fact_that_shares_only_a_generic_word() -> None:
    text = _answer([CERTIFICATE, INFRA], "Has he run services on Kubernetes?")
    assert text is not None and text.startswith("Yes.")
    assert "Kubernetes" in text and "Amazon Web Services" not in text


def test_without_a_fact_naming_the_thing_the_answer_is_no() -> None:
    text = _answer([CERTIFICATE], "Has he run services on Nomad?")
    assert text is not None and text.startswith("No, the profile does not mention")


def test_a_vendor_prefix_may_be_left_out_of_the_fact() -> None:
    names = asked_names("Has she used Apache Flink in production?")
    assert names_all(JOB.text, names)
    assert not names_all("React Native app", asked_names("Has she used React Native Web?"))


def test_a_name_is_not_a_question_word_nor_a_hangul_word_that_merely_starts_with_one() -> None:
    assert [name.spelling for name in asked_names("Does she know React?")] == ["React"]
    assert asked_names("깃허브에 올려 둔 프로젝트가 있나요?") == []
    assert [name.spelling for name in asked_names("쿠버네티스를 운영해 봤어요?")] == ["Kubernetes"]


@pytest.mark.parametrize(
    "question",
    [
        "Has she used Apache Flink in production?",
        "Has he run services on Kubernetes?",
        "Did she use Kafka at work?",
        "Has he used Go professionally?",
        "카프카를 실무에서 써 봤어요?",
        "쿠버네티스 운영해 보셨어요?",
    ],
)
def test_phrases_of_practice_are_recognised(question: str) -> None:
    assert about_practice(question)


@pytest.mark.parametrize("question", ["Does she know Flink?", "카프카 써 봤어요?"])
def test_knowing_a_skill_is_not_practice(question: str) -> None:
    assert not about_practice(question)


def test_a_question_of_practice_leads_with_the_job_not_the_skills_list() -> None:
    text = _answer([SKILLS, JOB], "Has she used Apache Flink in production?")
    assert text is not None and text.startswith("Yes. Data Engineer at Hanbit")


def test_a_question_of_knowing_still_leads_with_the_skills_list() -> None:
    text = _answer([JOB, SKILLS], "Does she know Flink?")
    assert text is not None and text.startswith("Yes. Data Engineering")


async def _ask(converse: Converse, settings: Settings, profile: str, question: str) -> TurnOutcome:
    loaded = load_profile(PROFILES / profile)
    context = ChatContext(user_id="u", session_id="s", profile=loaded, settings=settings)
    return await converse(build_agent_graph(profile=loaded), context, (question,))


async def test_flink_in_production_is_answered_from_the_job_that_used_it(
    converse: Converse, settings: Settings
) -> None:
    question = "Has she used Apache Flink in production?"
    outcome = await _ask(converse, settings, "data-engineer-ko.json", question)
    assert outcome.answer.startswith("Yes.")
    assert "(work[0])" in outcome.answer and "skills[0]" not in outcome.answer


async def test_services_on_kubernetes_never_cites_the_aws_certificate(
    converse: Converse, settings: Settings
) -> None:
    question = "Has he run services on Kubernetes?"
    outcome = await _ask(converse, settings, "backend-ko-fintech.json", question)
    assert outcome.answer.startswith("Yes.")
    assert "Amazon Web Services" not in outcome.answer
    assert outcome.answer.index("(work[0])") < outcome.answer.index("(projects[2])")
