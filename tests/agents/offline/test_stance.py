"""Working conditions (remote, relocation, visa, notice, travel) on a resume with no FAQ:
the resume's own sentence answers, negation and places decide yes or no, and a resume
that says nothing is said not to say."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.stance import answer, read
from ask_applicant.agents.offline.voice import Voice
from ask_applicant.agents.turn import TurnOutcome
from ask_applicant.profile import Profile, load_profile
from ask_applicant.settings import Settings

SUMMARY = Fact(
    source="basics.summary",
    text="Happy to work fully remote; not willing to relocate outside France.",
)
KOREAN = Fact(source="basics.summary", text="재택 근무는 어렵습니다. 출장은 가능합니다.")
FIRST = Voice()
THIRD = Voice(person="third_person", name="Léa Martin")


def _answer(question: str, *facts: Fact, korean: bool = False, voice: Voice = FIRST) -> str:
    said = read(question, list(facts))
    assert said is not None
    return answer(said, voice, korean=korean, yes_no=True)


def test_a_sentence_that_offers_remote_work_answers_yes_and_is_quoted_with_its_source() -> None:
    assert _answer("Can she work remotely?", SUMMARY) == (
        "Yes. Happy to work fully remote; not willing to relocate outside France. (basics.summary)"
    )


def test_a_place_outside_the_limit_a_sentence_sets_is_a_no() -> None:
    assert _answer("Would she move to Berlin?", SUMMARY).startswith("No. ")


def test_a_place_inside_the_limit_is_a_yes() -> None:
    assert _answer("Would she relocate within France?", SUMMARY).startswith("Yes. ")


def test_negation_in_a_korean_sentence_flips_it_and_the_frame_is_korean() -> None:
    assert _answer("재택 근무 가능한가요?", KOREAN, korean=True).startswith("아니요. 재택 근무는")
    assert _answer("출장 가능한가요?", KOREAN, korean=True).startswith("예. ")


def test_a_resume_silent_on_the_condition_says_so_rather_than_no() -> None:
    told = _answer("Does she need visa sponsorship?", SUMMARY, voice=THIRD)
    assert told == "Léa Martin's profile does not say anything about visa or work authorization."
    assert _answer("비자 필요하세요?", SUMMARY, korean=True) == (
        "제 프로필에는 비자·취업 자격에 대한 내용이 없습니다."
    )


def test_not_needing_sponsorship_answers_whether_she_may_work_there() -> None:
    fact = Fact(source="basics.summary", text="EU citizen; does not need sponsorship.")
    assert _answer("Does she need a visa sponsor?", fact).startswith("No. ")
    assert _answer("Is she authorized to work in Germany?", fact).startswith("Yes. ")


def test_a_question_of_no_working_condition_is_not_read() -> None:
    assert read("When did she join Maplewave?", [SUMMARY]) is None
    assert read("Which databases has she used for high availability?", [SUMMARY]) is None


RESUME = {
    "basics": {
        "name": "Léa Martin",
        "label": "Data Engineer",
        "email": "lea@example.com",
        "summary": "Data engineer building Spark pipelines. Open to fully remote roles; "
        "not looking to relocate outside the Lyon area. Available to start after a "
        "two-month notice period.",
        "location": {"city": "Lyon", "countryCode": "FR"},
    },
    "work": [
        {
            "name": "Ardent Data",
            "position": "Data Engineer",
            "startDate": "2021-02",
            "summary": "Builds Spark and Airflow pipelines for retail clients.",
        }
    ],
    "skills": [{"name": "Data", "keywords": ["Spark", "Airflow", "Python"]}],
}


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    folder: Path = tmp_path_factory.mktemp("stance")
    (folder / "resume.json").write_text(json.dumps(RESUME, ensure_ascii=False), encoding="utf-8")
    return load_profile(folder)


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("Is she open to remote work?", "Yes. Open to fully remote roles"),
        ("Could she relocate to Paris?", "No. Open to fully remote roles"),
        ("What is her notice period?", "My profile says: Available to start after a two-month"),
        ("Is she willing to travel for work?", "My profile does not say anything about travel."),
        ("원격 근무 가능한가요?", "예. Open to fully remote roles"),
        ("파리로 이사 가능해요?", "아니요. Open to fully remote roles"),
    ],
)
async def test_a_resume_without_faq_answers_working_conditions_from_its_own_words(
    question: str,
    starts: str,
    profile: Profile,
    settings: Settings,
    converse: Callable[..., Awaitable[TurnOutcome]],
) -> None:
    graph: AgentGraph = build_agent_graph(profile=profile)
    context = ChatContext(user_id="u", session_id="s", profile=profile, settings=settings)
    outcome = await converse(graph, context, (question,))
    assert outcome.agent == "career"
    assert outcome.answer.startswith(starts), outcome.answer


def test_whether_the_resume_says_so_is_answered_no_when_it_is_silent() -> None:
    from ask_applicant.agents.offline.stance import Said, answer
    from ask_applicant.agents.offline.voice import Voice
    from ask_applicant.tools.conditions import topic

    silent = Said(topic("remote"), None, None)
    asked = "재택근무를 원하는지 이력서에 나와 있어요?"
    assert answer(silent, Voice(), korean=True, yes_no=True, question=asked).startswith("아니요, ")
    plain = answer(silent, Voice(), korean=True, yes_no=True, question="원격 근무 가능해요?")
    assert not plain.startswith("아니요")


def test_a_notice_period_of_weeks_or_months_is_no_to_starting_immediately() -> None:
    fact = Fact(source="basics.summary", text="Notice period: 3 months.")
    assert _answer("Can she start immediately?", fact).startswith("No. Notice period")
    assert _answer("바로 입사 가능해요?", fact, korean=True).startswith("아니요.")
    ready = Fact(source="basics.summary", text="Available to start immediately.")
    assert _answer("Can she start immediately?", ready).startswith("Yes. ")


def test_the_clause_naming_the_place_asked_about_answers_in_either_language() -> None:
    fact = Fact(
        source="basics.summary",
        text="Australian citizen: no sponsorship needed in Australia or New Zealand, "
        "but I would need visa sponsorship for roles in the US or Europe.",
    )
    assert _answer("Would he need a visa to work in the US?", fact).startswith("Yes. ")
    assert _answer("Does he need sponsorship for Australia?", fact).startswith("No. ")
    assert _answer("미국에서 근무하면 비자 스폰서가 필요한가요?", fact, korean=True).startswith(
        "예."
    )
    assert _answer("호주에서 일하려면 비자가 필요한가요?", fact, korean=True).startswith("아니요.")


def test_work_without_sponsorship_is_no_need_and_remote_only_is_no_hybrid() -> None:
    summary = Fact(
        "basics.summary",
        "Based in Porto; remote only, with four hours of overlap with CET. Portuguese "
        "citizen, so I can work for any EU company without sponsorship.",
    )
    visa = read("Would he need visa sponsorship to work for us?", [summary])
    assert visa is not None and visa.lead is False
    hybrid = read("하이브리드 근무도 가능한가요?", [summary])
    assert hybrid is not None and hybrid.lead is False
    remote = read("Can he work remotely?", [summary])
    assert remote is not None and remote.lead is True
