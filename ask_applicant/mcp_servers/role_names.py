"""Common job-title abbreviations and their expansions, so "SRE" finds "Site Reliability
Engineer" and the other way round.

A role is searched as written plus the other form of every abbreviation or expansion it
contains. Abbreviations of three letters or more match in any case ("sre"); two-letter
ones only in capitals ("PM", not the "pm" of a time or the "de" of a name).
"""

from __future__ import annotations

import re

ROLE_ABBREVIATIONS: dict[str, str] = {
    "SRE": "site reliability engineer",
    "SWE": "software engineer",
    "SDE": "software development engineer",
    "SDET": "software development engineer in test",
    "MLE": "machine learning engineer",
    "ML": "machine learning",
    "AI": "artificial intelligence",
    "DE": "data engineer",
    "DS": "data scientist",
    "DBA": "database administrator",
    "QA": "quality assurance",
    "PM": "product manager",
    "TPM": "technical program manager",
    "EM": "engineering manager",
    "FE": "frontend engineer",
    "BE": "backend engineer",
    "UX": "user experience",
    "UI": "user interface",
    "CTO": "chief technology officer",
    "IC": "individual contributor",
}


def _abbreviation_pattern(short: str) -> re.Pattern[str]:
    flags = re.IGNORECASE if len(short) >= 3 else 0
    return re.compile(rf"(?<![\w]){re.escape(short)}(?![\w])", flags)


_PAIRS = [
    (
        _abbreviation_pattern(short),
        re.compile(rf"(?<![\w]){re.escape(long)}(?![\w])", re.IGNORECASE),
        short,
        long,
    )
    for short, long in ROLE_ABBREVIATIONS.items()
]


def expand_role(role: str) -> str:
    """`role` followed by the other form of each abbreviation or expansion in it.

    >>> expand_role("SRE")
    'SRE site reliability engineer'
    >>> expand_role("Senior Site Reliability Engineer")
    'Senior Site Reliability Engineer SRE'
    """
    extra: list[str] = []
    for short_pattern, long_pattern, short, long in _PAIRS:
        if short_pattern.search(role) and long not in extra:
            extra.append(long)
        if long_pattern.search(role) and short not in extra:
            extra.append(short)
    return " ".join([role, *extra])
