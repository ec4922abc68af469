from __future__ import annotations

import json

import pytest

from ask_applicant.profile import Profile
from ask_applicant.tools.resume import (
    get_awards,
    get_basics,
    get_certificates,
    get_education,
    get_languages,
    get_publications,
    get_skills,
    search_resume,
)


def test_basics_give_name_summary_and_public_contact_but_no_private_field(sample: Profile) -> None:
    result = get_basics(sample)
    by_source = {fact.source: fact.text for fact in result.facts}
    assert "한도윤" in by_source["basics.name"]
    assert "doyoon.han@example.com" in by_source["basics.email"]
    assert "Seoul" in by_source["basics.location"]
    assert not {"basics.phone", "basics.birthDate"} & by_source.keys()
    assert "월드컵북로" not in by_source["basics.location"]


@pytest.mark.parametrize(
    ("tool", "source", "expected"),
    [
        (get_education, "education[0]", "한빛대학교"),
        (get_skills, "skills[0]", "FastAPI"),
        (get_certificates, "certificates[0]", "정보처리기사"),
        (get_awards, "awards[1]", "Engineer of the Year"),
        (get_publications, "publications[0]", "PyCon Korea 2021"),
        (get_languages, "languages[1]", "English"),
    ],
)
def test_each_section_tool_returns_its_entries_with_their_sources(
    sample: Profile, tool, source: str, expected: str
) -> None:
    facts = {fact.source: fact.text for fact in tool(sample).facts}
    assert expected in facts[source]
    assert all(key.startswith(source.split("[")[0] + "[") for key in facts)


def test_a_section_the_resume_lacks_gives_a_note_not_an_error(official: Profile) -> None:
    result = get_certificates(official)
    assert result.facts == []
    assert result.note == "The resume lists no certificates."


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("Kafka", "skills[3]"),
        ("대학교", "education[0]"),
        ("해커톤", "awards[0]"),
        ("marathon 🏃", "interests[1]"),
        ("CKAD", "certificates[2]"),
        ("Japanese", "languages[2]"),
    ],
)
def test_search_finds_english_and_korean_keywords(sample: Profile, query: str, source: str) -> None:
    sources = [fact.source for fact in search_resume(sample, query=query).facts]
    assert source in sources[:3], sources


def test_search_answers_the_official_sample(official: Profile) -> None:
    sources = [fact.source for fact in search_resume(official, query="compression award").facts]
    assert sources[0] == "awards[0]"


@pytest.mark.parametrize("query", ["", "   ", "🤷‍♀️🎉", "?!"])
def test_an_empty_search_asks_for_words(sample: Profile, query: str) -> None:
    result = search_resume(sample, query=query)
    assert result.facts == [] and result.note and "Give words" in result.note


def test_a_search_with_no_match_says_so(sample: Profile) -> None:
    result = search_resume(sample, query="Haskell")
    assert result.facts == [] and result.note == "Nothing in the resume matches that query."


def test_a_huge_hostile_query_is_capped_not_crashed(sample: Profile) -> None:
    query = ("Kafka '; DROP TABLE users; -- <script>" * 5_000) + "\x00"
    result = search_resume(sample, query=query)
    assert result.facts and len(result.to_json()) < 10_000


def test_results_serialise_with_hangul_kept(sample: Profile) -> None:
    text = get_education(sample).to_json()
    assert "한빛대학교" in text and "\\u" not in text
    assert json.loads(text)["facts"][0]["source"] == "education[0]"
