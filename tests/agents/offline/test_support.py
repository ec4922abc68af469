"""Which facts speak of what a question names, and which a listed answer keeps."""

from __future__ import annotations

from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.intent import Intent
from ask_applicant.agents.offline.support import focus, subject_of, supports

SKILLS = [
    Fact("skills[0]", "Data (Advanced) Keywords: SQL; dbt; Airflow."),
    Fact("skills[1]", "Web (Beginner) Keywords: Svelte; CSS."),
]
BASICS = [
    Fact("basics.name", "name: Noa Levi"),
    Fact("basics.email", "email: noa@example.com"),
    Fact("basics.location", "location: Haifa, IL"),
]


def test_a_description_keeps_the_facts_that_hold_its_subject() -> None:
    kept = focus(SKILLS, "How good is she with dbt?", Intent.DESCRIBE)
    assert [fact.source for fact in kept] == ["skills[0]"]


def test_a_description_of_everything_keeps_everything() -> None:
    assert focus(SKILLS, "Tell me about her skills.", Intent.DESCRIBE) == SKILLS
    # A list is a list: every item stays.
    assert focus(SKILLS, "Which skills does she list?", Intent.LIST) == SKILLS


def test_where_without_a_fact_that_names_the_place_keeps_the_location() -> None:
    kept = focus(BASICS, "Where is she based?", Intent.WHERE)
    assert [fact.source for fact in kept] == ["basics.location"]


def test_a_link_to_a_code_host_makes_a_project_open_source() -> None:
    fact = Fact("projects[0]", "geo-tiles A tile server. URL: https://github.com/noa/geo-tiles.")
    question = "Does she have open-source work?"
    assert supports(fact, question, subject_of(question))


def test_a_korean_question_names_its_subject_in_english_without_its_category() -> None:
    subject = subject_of("포르투갈어 할 줄 알아요?")
    assert "portugues" in subject and "languag" not in subject


def test_a_korean_word_the_glossary_knows_stands_for_its_translation() -> None:
    # "국어" of 중국어 must not find 한국어: Chinese is what was asked.
    subject = subject_of("중국어로 일할 수 있나요?")
    assert "chines" in subject and "국어" not in subject
    korean = Fact("languages[0]", "Korean (한국어) — Native")
    assert not supports(korean, "중국어로 일할 수 있나요?", subject)
