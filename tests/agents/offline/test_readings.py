"""Readings: what a question's phrasing says beyond its words."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.readings import read, topics
from ask_applicant.agents.offline.small_talk import is_small_talk
from ask_applicant.agents.offline.terms import stem

HISTORY = {stem(word) for word in "work history date company".split()}
AVAILABILITY = {stem(word) for word in "start availability faq".split()}
JOB_FIT = {stem(word) for word in "fit job description".split()}
MOTIVATION = {stem(word) for word in "job change leave reason faq".split()}
DESIGN = {stem(word) for word in "design decision architecture".split()}


@pytest.mark.parametrize(
    ("question", "reading"),
    [
        ("When did he join Toss?", HISTORY),
        ("Where did you start your career?", HISTORY),
        ("What was her first job?", HISTORY),
        ("How long were you at Kakao?", HISTORY),
        ("토스에는 언제 입사하셨어요?", HISTORY),
        ("첫 직장이 어디였나요?", HISTORY),
        ("When can you start?", AVAILABILITY),
        ("How soon could she join?", AVAILABILITY),
        ("입사 가능 시기가 언제인가요?", AVAILABILITY),
        ("We are hiring a Go developer. Thoughts?", JOB_FIT),
        ("Our team needs someone for Kafka on-call.", JOB_FIT),
        ("저희 팀은 자바 개발자를 찾고 있어요", JOB_FIT),
        ("이 자리에 어울리실까요?", JOB_FIT),
        ("What would make you switch jobs?", MOTIVATION),
        ("Why are you on the job market?", MOTIVATION),
        ("새로운 직장을 찾는 이유는요?", MOTIVATION),
        ("Why did you choose Kafka over RabbitMQ?", DESIGN),
        ("What trade-offs did you make?", DESIGN),
        ("왜 레디스를 선택했나요?", DESIGN),
    ],
)
def test_phrasing_is_read_as_what_it_asks_for(question: str, reading: set[str]) -> None:
    found, _rest = read(question)
    assert reading <= set(found)


@pytest.mark.parametrize(
    ("question", "not_reading"),
    [
        ("When can you start?", HISTORY),
        ("When did you join Toss?", AVAILABILITY),
        ("What are you looking for in a role?", JOB_FIT),
        ("Why did you leave your last job?", DESIGN),
        ("왜 이 회사를 선택하셨나요?", DESIGN),
        ("Do you prefer remote rather than office work?", DESIGN),
    ],
)
def test_similar_phrasing_of_another_need_is_not_misread(
    question: str, not_reading: set[str]
) -> None:
    found, _rest = read(question)
    assert not (not_reading <= set(found))


def test_a_why_about_a_design_choice_is_explained_away_for_the_glossary() -> None:
    _found, rest = read("Why did you pick Redis over Kafka?")
    assert "why" not in rest.lower()
    _found, rest = read("Why did you leave Kakao?")
    assert "Why" in rest


def test_a_long_list_of_requirements_reads_as_a_job_description() -> None:
    posting = (
        "Backend engineer, payments. Requirements: 5+ years of Python or Go, PostgreSQL, "
        "Kafka, Kubernetes, AWS; on-call rotation; mentoring juniors; clear writing. "
        "Nice to have: Rust. Can you tell me about this person?"
    )
    found, _rest = read(posting)
    assert JOB_FIT <= set(found)
    short, _rest = read("Tell me about Python, Go and Kafka.")
    assert not (JOB_FIT <= set(short))


@pytest.mark.parametrize(
    "question",
    [
        "Does he know React?",
        "Does Doyoon use Redis?",
        "Is she familiar with Kafka?",
        "Kafka 쓸 줄 아세요?",
        "타입스크립트 쓸 줄 알아요?",
    ],
)
def test_whether_the_applicant_knows_a_thing_is_placed_in_the_skills(question: str) -> None:
    assert stem("skill") in topics(question)
    # The area only: the words still choose the tool, so the reading itself stays empty.
    assert stem("skill") not in read(question)[0]


@pytest.mark.parametrize(
    "question",
    ["Does he have experience with Kotlin?", "What did he use at Haneul Pay?", "Who knows?"],
)
def test_years_with_a_skill_and_open_questions_are_not_placed_in_the_skills(
    question: str,
) -> None:
    assert topics(question) == []


@pytest.mark.parametrize(
    "question", ["What is your current role?", "현재 직무가 뭐예요?", "What's his title now?"]
)
def test_a_role_held_now_reads_as_the_work_history(question: str) -> None:
    assert {stem("work"), stem("position")} <= set(read(question)[0])


def test_a_role_on_a_project_does_not_read_as_the_work_history() -> None:
    assert stem("position") not in read("What was her role in the ledger project?")[0]


@pytest.mark.parametrize(
    "question",
    ["Has he ever programmed in Scala?", "Have they used Vite?", "Had she written Rust before?"],
)
def test_whether_the_applicant_has_used_a_thing_is_placed_in_the_skills_too(
    question: str,
) -> None:
    assert stem("skill") in topics(question)
    # "used" is the reading's grammar, not a word of the projects ("technologies used").
    assert "used" not in read(question)[1]


@pytest.mark.parametrize(
    "question",
    ["How solid is his Kotlin?", "What is her proficiency in SQL?", "스칼라 숙련도는요?"],
)
def test_how_well_the_applicant_does_a_thing_asks_for_its_level(question: str) -> None:
    # The level is what the skills and languages list: it chooses their tools too.
    assert stem("level") in read(question)[0]


@pytest.mark.parametrize(
    "question",
    [
        "Could she present in French?",
        "Is his Mandarin good enough?",
        "What's her Spanish level?",
        "Can he interview in Japanese?",
    ],
)
def test_a_spoken_language_named_with_its_use_reads_as_languages(question: str) -> None:
    found, rest = read(question)
    assert stem("language") in found
    # "present" and "interview" are what one does in the language, not topics of their own.
    assert "present" not in rest.split() and "interview" not in rest.split()


def test_a_language_word_that_names_no_use_is_not_read_as_languages() -> None:
    assert stem("language") not in read("Did she work at Korean Air?")[0]


@pytest.mark.parametrize(
    "question",
    ["Tell us about her.", "Could you tell me more about him?", "Who is the candidate?"],
)
def test_asking_about_the_person_as_a_whole_reads_as_the_summary(question: str) -> None:
    assert stem("summary") in read(question)[0]
    assert not is_small_talk(question)


@pytest.mark.parametrize("question", ["스페인어로 업무 가능해요?", "중국어 실력은 어때요?"])
def test_a_korean_language_name_with_its_use_reads_as_languages(question: str) -> None:
    found, rest = read(question)
    assert stem("language") in found and "업무" not in rest
