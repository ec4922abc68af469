"""Counts: "How many projects does she have?" answered with the number and the names.

A recruiter asking how many of something the resume lists (projects, jobs, employers,
certificates, languages, degrees, awards, publications) wants the number first and then
which ones, not the section's text. The entries are the facts of that section the tools
returned; employers are counted once however many roles were held there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline import entry
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.support import field

# The noun a count asks about, and the section whose entries it counts.
_NOUNS = (
    (r"projects?|프로젝트", "projects"),
    (r"companies|company|employers?|회사|직장", "employers"),
    (r"jobs?|roles?|positions?", "work"),
    (r"certificat(?:es?|ions?)|certs?|자격증", "certificates"),
    (r"(?:spoken\s+)?languages?|언어|외국어", "languages"),
    (r"degrees?|학위", "education"),
    (r"awards?|prizes?|수상", "awards"),
    (r"publications?|papers?|talks?|논문|발표", "publications"),
)
_ASKED = tuple(
    (
        re.compile(
            rf"\bhow\s+many\s+(?:\w+\s+)?(?:{noun})\b|(?:{noun})\S*\s*(?:은|는|이|가)?\s*몇\s*(?:개|곳|군데|건)",
            re.IGNORECASE,
        ),
        section,
    )
    for noun, section in _NOUNS
)


def asked(question: str) -> str | None:
    """The section a count question asks about ("employers" for companies), else None."""
    return next((section for pattern, section in _ASKED if pattern.search(question)), None)


def answer(facts: Sequence[Fact], section: str, *, korean: bool) -> str | None:
    """The number of entries and their names; None when the facts hold none of them."""
    wanted = "work" if section == "employers" else section
    entries = [fact for fact in facts if field(fact.source) == wanted]
    if not entries:
        return None
    names = list(dict.fromkeys(_name(fact, employer=section == "employers") for fact in entries))
    sources = ", ".join(fact.source for fact in entries)
    if korean:
        unit = "곳" if section == "employers" else "개"
        return f"{len(names)}{unit}입니다: {'; '.join(names)} ({sources})"
    return f"{len(names)}: {'; '.join(names)} ({sources})."


def _name(fact: Fact, *, employer: bool) -> str:
    heading = entry.heading(fact.text) or re.split(r" — | \(|: ", fact.text, maxsplit=1)[0]
    if " at " in heading:
        title, _, company = heading.partition(" at ")
        return company.strip() if employer else f"{title.strip()} at {company.strip()}"
    return heading.strip()
