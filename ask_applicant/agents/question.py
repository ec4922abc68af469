"""Checking a recruiter's question before a turn starts."""

from __future__ import annotations

import re

# C0 and C1 control characters other than tab, newline and carriage return, plus lone
# surrogates (which cannot be encoded as UTF-8 and break storage and JSON).
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class QuestionError(ValueError):
    """The question cannot be asked as written; the message says why."""


def validate_question(text: str, *, max_chars: int) -> str:
    """Return the question with surrounding whitespace removed, or say what is wrong.

    Korean, emoji and any other printable text pass through unchanged.

    Args:
        text: The question as received.
        max_chars: The longest question accepted (`Settings.max_message_chars`).

    Raises:
        QuestionError: When the question is empty, too long, or holds control
            characters or lone surrogates.
    """
    question = text.strip()
    if not question:
        raise QuestionError("the question is empty")
    if len(question) > max_chars:
        raise QuestionError(
            f"the question is {len(question)} characters long; the limit is {max_chars}"
        )
    bad = _FORBIDDEN.search(question)
    if bad:
        code = ord(bad.group())
        # Undecodable input bytes reach Python as lone surrogates (U+DC80-U+DCFF).
        what = "text that is not valid UTF-8" if 0xD800 <= code <= 0xDFFF else "a control character"
        raise QuestionError(
            f"the question contains {what} (U+{code:04X}) at position {bad.start()}"
        )
    return question
