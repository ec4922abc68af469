"""Follow-ups are made whole with the turn before them; other questions stand alone."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ask_applicant.agents.offline.follow_up import resolve
from ask_applicant.agents.offline.transcript import Exchange, PastTurn


def _turn(question: str, *calls: tuple[str, dict[str, Any]]) -> PastTurn:
    exchanges = tuple(
        Exchange(f"c{i}", name, json.dumps(arguments), "{}", is_handoff=False)
        for i, (name, arguments) in enumerate(calls)
    )
    return PastTurn(question, exchanges)


YEARS = _turn("How many years of Python do you have?", ("years_of_experience", {"skill": "Python"}))
YEARS_KO = _turn("파이썬 경력이 몇 년이에요?", ("years_of_experience", {"skill": "Python"}))
PROJECT = _turn("Tell me about the chat service.", ("get_project", {"name": "chat service"}))
CERTIFICATES = _turn("Which certificates do you hold?", ("get_certificates", {}))


@pytest.mark.parametrize(
    ("question", "previous", "whole"),
    [
        ("And how about Kotlin?", YEARS, "How many years of Kotlin do you have?"),
        ("What about Go?", YEARS, "How many years of Go do you have?"),
        ("Terraform?", YEARS, "How many years of Terraform do you have?"),
        ("코틀린은요?", YEARS_KO, "코틀린 경력이 몇 년이에요?"),
        ("그럼 자바는 어때요?", YEARS_KO, "자바 경력이 몇 년이에요?"),
        ("And the settlement pipeline?", PROJECT, "Tell me about the settlement pipeline."),
    ],
)
def test_an_ellipsis_swaps_its_subject_into_the_previous_question(
    question: str, previous: PastTurn, whole: str
) -> None:
    follow_up = resolve(question, [previous])
    assert follow_up is not None and follow_up.kind == "ellipsis"
    assert follow_up.text == whole
    assert follow_up.judged_text == whole


def test_an_anaphor_carries_the_previous_name_quoted_and_is_judged_by_its_own_words() -> None:
    follow_up = resolve("What was your role in it?", [PROJECT])
    assert follow_up is not None and follow_up.kind == "anaphor"
    assert follow_up.text == 'What was your role in it? "chat service"'
    assert follow_up.judged_text == "What was your role in it?"


def test_without_a_name_an_anaphor_carries_the_previous_topic_words_unquoted() -> None:
    follow_up = resolve("Which one did you get most recently?", [CERTIFICATES])
    assert follow_up is not None
    assert follow_up.text == "Which one did you get most recently? certificates hold"


def test_a_chain_of_ellipses_keeps_the_frame_of_the_question_that_started_it() -> None:
    kotlin = _turn("And Kotlin?", ("years_of_experience", {"skill": "Kotlin"}))
    follow_up = resolve("And Go?", [YEARS, kotlin])
    assert follow_up is not None
    assert follow_up.text == "How many years of Go do you have?"


@pytest.mark.parametrize(
    "question",
    [
        "Do you know Rust?",
        "Where did you study?",
        "And what kind of role do you want next?",
        "Is it possible to work remotely?",
        "Is there a project with Kafka?",
        "What about remote work?",
        "원격 근무는요?",
        "이직 이유가 뭔가요?",
        "Sorry about that. Which university did you attend?",
    ],
)
def test_a_question_that_stands_alone_is_left_alone(question: str) -> None:
    assert resolve(question, [YEARS]) is None


def test_nothing_before_means_nothing_to_lean_on() -> None:
    assert resolve("And Kotlin?", []) is None


def test_a_short_question_about_time_asks_about_the_previous_subject() -> None:
    follow_up = resolve("When did you start?", [PROJECT])
    assert follow_up is not None
    assert follow_up.own == "When did you start?" and "chat service" in follow_up.text.lower()


def test_after_a_tool_without_arguments_an_ellipsis_swaps_the_yes_no_subject() -> None:
    # get_skills takes no argument: the subject is the last thing the question named.
    previous = _turn("Does Jordan know React?", ("get_skills", {}))
    follow_up = resolve("How about Vue?", [previous])
    assert follow_up is not None
    assert follow_up.text == "Does Jordan know Vue?"


def test_a_time_question_after_a_tool_without_arguments_leans_on_the_named_subject() -> None:
    # get_work_history names nothing; the previous question named the employer.
    previous = _turn("What did he build at Orbit Bank?", ("get_work_history", {}))
    follow_up = resolve("When did he quit?", [previous])
    assert follow_up is not None and follow_up.kind == "anaphor"
    assert "Orbit Bank" in follow_up.text and follow_up.judged_text == "When did he quit?"


@pytest.mark.parametrize(
    "question", ["무슨 언어로 짰어요?", "역할은 뭐였어요?", "어떤 기술을 썼나요?"]
)
def test_a_korean_past_question_without_a_subject_leans_on_the_previous_one(question: str) -> None:
    previous = _turn("정산 시스템 알려주세요", ("get_project", {"name": "정산 시스템"}))
    follow_up = resolve(question, [previous])
    assert follow_up is not None and follow_up.text == f'{question} "정산 시스템"'


@pytest.mark.parametrize(
    "question",
    [
        "주로 어떤 기술을 쓰나요?",  # the present tense: in general
        "코틀린 써 봤어요?",  # a subject of its own
        "Kafka는 언제 썼어요?",
        "Which tools did you use?",  # English names its subject ("it", "there")
    ],
)
def test_a_question_with_a_subject_or_in_the_present_is_not_a_zero_anaphor(
    question: str,
) -> None:
    previous = _turn("정산 시스템 알려주세요", ("get_project", {"name": "정산 시스템"}))
    follow_up = resolve(question, [previous])
    assert follow_up is None or follow_up.kind == "ellipsis"


def test_there_after_an_answer_telling_one_job_is_that_job() -> None:
    before = PastTurn(
        "Where did she work before Lakeshore?",
        (Exchange("c0", "get_work_history", "{}", "{}", is_handoff=False),),
        answer="Consultant at Fenwick Analytics Group (2018-09-04 – 2019-05-24). SAS. (work[2])",
    )
    found = resolve("How long was she there?", [before])
    assert found is not None and found.text == 'How long was she there? "Fenwick Analytics Group"'
    first = PastTurn(
        "첫 직장은 어디였어요?",
        (Exchange("c0", "get_work_history", "{}", "{}", is_handoff=False),),
        answer="Northgate Hosting · Junior Engineer (2013년 7월 – 2015년 8월). (work[4])",
    )
    found = resolve("거기서 얼마나 일했어요?", [first])
    assert found is not None and found.text.endswith('"Northgate Hosting"')


def test_that_as_a_pronoun_at_the_end_leans_on_the_previous_topic() -> None:
    previous = _turn("When did she start working as a technical writer?", ("get_work_history", {}))
    follow_up = resolve("So how many years is that in total?", [previous])
    assert follow_up is not None and follow_up.kind == "anaphor"
    assert follow_up.text == "So how many years is that in total? start technical writer"
    assert resolve("Is that a remote role at Kakao?", [previous]) is None


def test_after_a_search_that_told_one_entry_a_follow_up_leans_on_that_entry() -> None:
    search = PastTurn(
        "스트리트카 버디는 어떤 앱이에요?",
        (
            Exchange(
                "c0", "search_projects", '{"query": "스트리트카 버디 앱"}', "{}", is_handoff=False
            ),
        ),
        "Streetcar Buddy (2021-06-01 – present) iOS app. (projects[0])",
    )
    follow_up = resolve("그 앱 링크 있어요?", [search])
    assert follow_up is not None and follow_up.text == '그 앱 링크 있어요? "Streetcar Buddy"'
