"""The glossary widens questions with the English concepts their phrases stand for."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.glossary import concept_terms, rewrite


def test_korean_section_words_translate_to_english_concepts() -> None:
    assert "education" in concept_terms("학력이 어떻게 되나요?", korean=True)
    assert "certificat" in concept_terms("자격증이 있나요?", korean=True)
    assert {"year", "experienc"} <= set(concept_terms("몇 년 했나요?", korean=True))


def test_english_synonyms_match_inflected_forms() -> None:
    assert "certificat" in concept_terms("Any certifications?", korean=False)
    assert "education" in concept_terms("Where did she study?", korean=False)


def test_script_filters_keep_translations_and_synonyms_apart() -> None:
    assert concept_terms("학력", korean=False) == []
    assert concept_terms("Where did she study?", korean=True) == []


def test_phrases_that_mislead_are_rewritten() -> None:
    assert "language" not in rewrite("What programming languages does she know?")
    assert "경력" not in rewrite("수상 경력이 있으신가요?")
    # Speaking at a conference is a talk: no spoken language.
    talks = concept_terms(rewrite("Has he spoken at any conferences?"))
    assert "publication" in talks and "languag" not in talks
    assert "languag" in concept_terms(rewrite("Does he speak German?"))
    # Awards won at work are awards.
    assert "work" not in rewrite("Has she won any awards at work?")
    # A portfolio site is a website, not a project.
    assert "project" not in concept_terms(rewrite("Does she have a portfolio site or a blog?"))
    assert concept_terms(rewrite("포트폴리오 사이트 있어요?"))[0] == "websit"


def test_language_test_scores_are_certificates_or_languages() -> None:
    for question in ("What's her TOEIC score?", "토익 점수가 어떻게 돼요?"):
        found = concept_terms(question)
        assert "certificat" in found and "languag" in found, question


@pytest.mark.parametrize(
    ("written", "language"),
    [("日本語 — 기초 회화", "japanes"), ("中文 (Mandarin)", "chines"), ("Español: B2", "spanish")],
)
def test_a_spoken_language_written_in_its_own_script_means_the_same_language(
    written: str, language: str
) -> None:
    # 일본어, Japanese and 日本語 all stand for one language.
    assert language in concept_terms(written)
    assert "languag" in concept_terms(written)
