"""Questions are checked before a turn: clear errors for bad input, Korean and emoji kept."""

from __future__ import annotations

import pytest

from ask_applicant.agents.question import QuestionError, validate_question


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * 101, "limit is 100"),
        ("hello\x00world", "U+0000"),
        ("bell\x07", "U+0007"),
        ("escape \x1b[31m red", "U+001B"),
        ("lone \ud800 surrogate", "U+D800"),
    ],
)
def test_bad_questions_are_rejected_with_a_clear_reason(text: str, message: str) -> None:
    with pytest.raises(QuestionError, match=message.replace("+", r"\+")):
        validate_question(text, max_chars=100)


@pytest.mark.parametrize(
    "text",
    ["Where did she study?", "어디서 공부했나요? 🎓", "multi\nline\tquestion", "x" * 100],
)
def test_good_questions_pass_unchanged(text: str) -> None:
    assert validate_question(f"  {text}  ", max_chars=100) == text
