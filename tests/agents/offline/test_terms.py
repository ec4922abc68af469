"""Search terms: stemming, phrases, script detection and usage counting."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.terms import (
    count_tokens,
    identifier_terms,
    is_mostly_hangul,
    stem,
    terms,
    with_phrases,
)


@pytest.mark.parametrize(
    ("forms", "shared"),
    [
        (["worked", "working", "works", "work"], "work"),
        (["skills", "skill"], "skill"),
        (["studies", "studied", "study"], "study"),
        (["experience", "experienced", "experiences"], "experienc"),
        (["certificates", "certificate"], "certificat"),
        (["educational", "education"], "education"),
    ],
)
def test_inflected_forms_share_one_term(forms: list[str], shared: str) -> None:
    assert {stem(form) for form in forms} == {shared}


def test_short_words_and_hangul_are_left_alone() -> None:
    assert stem("aws") == "aws"
    assert stem("경력은") == "경력은"
    assert stem("process") == "process"


def test_korean_text_becomes_character_bigrams_and_english_stays_words() -> None:
    found = terms("파이썬 경력이 있나요? Kafka skills")
    assert "파이" in found and "이썬" in found and "경력" in found
    assert "kafka" in found and "skill" in found


def test_hyphenated_names_keep_their_parts_only_when_asked() -> None:
    assert terms("the chat-service project", parts=False) == ["chat-service", "project"]
    assert {"chat", "servic"} <= set(terms("the chat-service project"))


def test_phrases_pair_adjacent_english_terms() -> None:
    assert with_phrases(["chat", "servic", "경력"]) == ["chat", "servic", "경력", "chat servic"]


def test_identifier_terms_split_snake_and_camel_case_and_keep_every_part() -> None:
    assert identifier_terms("list_projects") == ["list", "project"]
    assert identifier_terms("yearsOfExperience") == ["year", "of", "experienc"]


@pytest.mark.parametrize(
    ("text", "korean"),
    [
        ("학력이 어떻게 되나요?", True),
        ("Python 경력은 몇 년이에요?", True),
        ("How many years of Python?", False),
        ("", False),
        ("🙂🙂", False),
    ],
)
def test_a_question_is_korean_when_hangul_outweighs_latin(text: str, korean: bool) -> None:
    assert is_mostly_hangul(text) is korean


def test_usage_counts_words_and_hangul_bigrams() -> None:
    assert count_tokens("one two three") == 3
    assert count_tokens("경력이") == 2
    assert count_tokens("") == 0


def test_a_name_with_a_version_glued_on_names_the_bare_name_too() -> None:
    from ask_applicant.agents.offline.terms import terms

    assert terms("C++17 and Python3") == ["c++17", "c++", "python3", "python"]
    assert terms("k8s") == ["k8s"]
