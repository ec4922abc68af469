"""Grouping unanswered questions: which wordings count as the same question."""

from __future__ import annotations

from ask_applicant.persistence.insights import normalise


def test_case_punctuation_emoji_and_spacing_do_not_make_a_new_question() -> None:
    same = ["Does she know COBOL?", "does she know cobol", "  Does  she know COBOL?!? 🤔 "]
    assert {normalise(text) for text in same} == {"does she know cobol"}


def test_korean_and_full_width_forms_are_kept_and_folded() -> None:
    assert (
        normalise("코볼 경험이 있나요?")
        == normalise("코볼  경험이 있나요!!😊")
        == "코볼 경험이 있나요"
    )
    assert normalise("ＣＯＢＯＬ") == "cobol"


def test_different_words_stay_different_and_pure_symbols_vanish() -> None:
    assert normalise("Does she know Rust?") != normalise("Does she know Go?")
    assert normalise("🎯!!!") == ""
