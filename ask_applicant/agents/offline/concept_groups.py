"""Concept groups: the many words, in both languages, for one thing a resume names once.

A recruiter asks "병역은 마쳤나요?" or "Did he do his military service?"; the resume has a
work entry for 대한민국 육군 (the army) and never says 병역. No spelling links these, and
the glossary's English concepts do not reach the profile's own Korean words. A group
lists the words for one thing; a text that holds any of them holds the terms of all, so
the question meets the entry in routing, in the lexicon and in the answer's support.
Groups are for kinds of things any resume may name (not for one profile's names, which
`linking` spells across scripts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ask_applicant.agents.offline.terms import terms

# Each group: the words for one thing. Latin ones match as whole words, Hangul ones as
# substrings (particles glue onto nouns). "전역" is left out: it is also "global".
_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "military service",
        "military",
        "army",
        "navy",
        "air force",
        "marine corps",
        "conscription",
        "병역",
        "군 복무",
        "군복무",
        "군필",
        "군대",
        "육군",
        "해군",
        "공군",
        "해병대",
        "입대",
        "현역",
        "사회복무",
        "대체복무",
    ),
    ("patent", "patents", "특허"),
    ("volunteer", "volunteering", "volunteered", "봉사"),
    ("thesis", "dissertation", "학위논문", "졸업논문"),
    # Leading people; "managed" is left out: one manages a cluster as well as a team.
    (
        "lead",
        "leads",
        "led",
        "leading",
        "team lead",
        "tech lead",
        "leadership",
        "리드",
        "리딩",
        "리더",
        "주도",
        "이끌",
        "이끈",
        "팀장",
    ),
    ("mentor", "mentors", "mentored", "mentoring", "멘토", "멘토링"),
    ("intern", "interns", "internship", "internships", "co-op", "인턴", "인턴십"),
    (
        "teacher",
        "teaching",
        "taught",
        "lecturer",
        "instructor",
        "tutor",
        "선생님",
        "교사",
        "강사",
        "교직",
    ),
    # Degrees by level, as resumes abbreviate them.
    ("master's", "masters", "master", "ms", "msc", "m.s.", "ma", "meng", "mba", "석사"),
    ("bachelor's", "bachelors", "bachelor", "bs", "bsc", "b.s.", "ba", "beng", "학사"),
    ("phd", "ph.d.", "doctorate", "doctoral", "dphil", "박사"),
    # Managing people, not systems: "configuration management" is no such thing.
    (
        "managed people",
        "manage people",
        "managing people",
        "people manager",
        "people management",
        "direct reports",
        "line manager",
        "managed a team",
        "manage a team",
        "managing a team",
        "engineering manager",
        "팀 관리",
        "팀을 관리",
        "팀원 관리",
        "팀원을 관리",
        "인원 관리",
    ),
)


def _pattern(word: str) -> re.Pattern[str]:
    if word.isascii():
        return re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])")
    return re.compile(re.escape(word))


_COMPILED = tuple(
    (tuple(_pattern(word) for word in group), tuple(dict.fromkeys(terms(" ".join(group)))))
    for group in _GROUPS
)


@lru_cache(maxsize=4096)
def group_terms(text: str) -> tuple[str, ...]:
    """The terms of every word of each group a text names ("병역" gives "육군", "army"...).

    Args:
        text: A question or a line of the profile.

    Returns:
        Search terms, each once; empty when the text names no group.
    """
    lowered = text.lower()
    found: dict[str, None] = {}
    for patterns, group in _COMPILED:
        if any(pattern.search(lowered) for pattern in patterns):
            found.update(dict.fromkeys(group))
    return tuple(found)


@lru_cache(maxsize=4096)
def groups_named(text: str) -> frozenset[int]:
    """Which groups a text names (their indexes); empty when it names none."""
    lowered = text.lower()
    return frozenset(
        index
        for index, (patterns, _) in enumerate(_COMPILED)
        if any(pattern.search(lowered) for pattern in patterns)
    )
