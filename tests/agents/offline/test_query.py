"""A query keeps a question's own words apart from the synonyms the glossary adds."""

from __future__ import annotations

from ask_applicant.agents.offline.query import Query


def test_korean_translations_count_as_words_and_english_synonyms_as_concepts() -> None:
    korean = Query.of("학력이 어떻게 되나요?")
    english = Query.of("Where did she study?")
    assert "education" in korean.words
    assert "education" in english.concepts and "education" not in english.words


def test_the_applicant_and_ignored_names_route_nowhere() -> None:
    query = Query.of("What did the applicant Minji build?", ignore={"minji"})
    assert "applicant" not in query.all and "minji" not in query.all


def test_without_drops_terms_from_both_parts() -> None:
    query = Query.of("Where did she study?").without({"study", "education"})
    assert "study" not in query.all and "education" not in query.all
