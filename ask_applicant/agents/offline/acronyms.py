"""Acronyms: "a real-time operating system" is the RTOS of FreeRTOS, and the reverse.

Resumes write a technology's acronym ("FreeRTOS", "CI/CD", "NLP") where recruiters write
it out, and the other way round. A run of two to five words of one text whose initials
(hyphenated parts each count) spell an upper-case run of the other names the same thing.
Only acronyms of three letters or more count: two letters are spelt by too many pairs
of plain words ("can I" is not CI).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+")
# An upper-case run inside a word: "RTOS" of FreeRTOS, "NLP", "AWS".
_UPPER = re.compile(r"[A-Z]{3,}")
# Words that begin or end no written-out name ("the", "a real-time ...").
_EDGE_WORDS = frozenset("a an the of and or with in on at for to is was has have he she".split())
_MIN_LETTERS = 3
_MAX_WORDS = 5


@lru_cache(maxsize=4096)
def initials(text: str) -> frozenset[str]:
    """The initials of every run of two to five words of a text, lower-cased."""
    words = _WORD.findall(text)
    found: set[str] = set()
    for start in range(len(words)):
        if words[start].lower() in _EDGE_WORDS:
            continue
        for end in range(start + 2, min(start + _MAX_WORDS, len(words)) + 1):
            if words[end - 1].lower() in _EDGE_WORDS:
                continue
            spelt = "".join(word[0] for word in words[start:end]).lower()
            if len(spelt) >= _MIN_LETTERS:
                found.add(spelt)
    return frozenset(found)


@lru_cache(maxsize=4096)
def acronyms(text: str) -> frozenset[str]:
    """The upper-case runs of three letters or more in a text, lower-cased."""
    return frozenset(run.lower() for run in _UPPER.findall(text))


def abbreviated(question: str, text: str) -> bool:
    """True when one text writes out an acronym the other holds, either way round, or
    both hold it, one inside a longer name ("RTOS" of FreeRTOS)."""
    asked = acronyms(question)
    held = acronyms(text)
    return bool((initials(question) & held) or (asked & initials(text)) or (asked & held))
