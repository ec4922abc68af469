"""Choices: the known values of a tool parameter, and the one a question names.

Some parameters take one of a known set of values that their schema does not list: the
portfolio tools' `project` wants a project slug ("chat-service"), while a recruiter
writes "the chat service" or "채팅 서비스". The agent graph supplies each such parameter's
values with the spellings that name them; the offline model fills the parameter with the
value whose spelling the question contains. The longest spelling found wins, so "support
chat" beats a bare "chat". A name written in the other script (Hangul for Latin, or
the reverse) counts when no spelling is found as written (see `linking`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ask_applicant.agents.offline.linking import names_in

# Spellings differ from questions in case, hyphens and spacing ("chat-service",
# "Chat Service", "채팅서비스"); Korean particles may follow a Hangul spelling directly.
_SEPARATORS = re.compile(r"[\s_\-·/]+")
_LATIN_EDGE = re.compile(r"[0-9a-z]")


@dataclass(frozen=True)
class Choice:
    """The value picked for a parameter, and the words of the question that named it."""

    value: str
    spelling: str


class Choices:
    """Known values per parameter name.

    Args:
        values: Parameter name → value → the spellings that name it (the value itself
            counts as one of them).
    """

    def __init__(self, values: Mapping[str, Mapping[str, Sequence[str]]] | None = None) -> None:
        self._patterns: dict[str, list[tuple[re.Pattern[str], str, str]]] = {}
        for parameter, options in (values or {}).items():
            patterns = [
                (_pattern(spelling), value, spelling)
                for value, spellings in options.items()
                for spelling in dict.fromkeys([value, *spellings])
                if _words(spelling)
            ]
            # Longest first: the most specific spelling decides.
            patterns.sort(key=lambda entry: -len("".join(_words(entry[2]))))
            self._patterns[parameter] = patterns

    def __contains__(self, parameter: object) -> bool:
        return parameter in self._patterns

    def pick(self, parameter: str, question: str) -> Choice | None:
        """Return the value of `parameter` the question names, if it names one.

        Args:
            parameter: The parameter's name, e.g. `project`.
            question: The question as asked.

        Returns:
            The value and the spelling found, or None (unknown parameter, or no value named).
        """
        text = question.lower()
        patterns = self._patterns.get(parameter, ())
        for pattern, value, spelling in patterns:
            if pattern.search(text):
                return Choice(value=value, spelling=spelling)
        # "Naver" for 네이버, 크레딧스위스 for Credit Suisse: the name in the other script.
        for _pattern, value, spelling in patterns:
            if names_in(question, spelling):
                return Choice(value=value, spelling=spelling)
        return None


def _words(spelling: str) -> list[str]:
    return [word for word in _SEPARATORS.split(spelling.lower()) if word]


def _pattern(spelling: str) -> re.Pattern[str]:
    words = _words(spelling)
    body = r"[\s_\-·/]*".join(re.escape(word) for word in words)
    left = r"(?<![0-9a-z])" if _LATIN_EDGE.match(words[0][0]) else ""
    right = r"(?![0-9a-z])" if _LATIN_EDGE.match(words[-1][-1]) else ""
    return re.compile(f"{left}{body}{right}")
