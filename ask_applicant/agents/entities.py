"""The names of the things each specialist's profile sections hold, for routing.

A recruiter who names the chat service, Haneul Pay or Hanbit University is asking about
that thing, whatever else the question says ("the chat service's tech stack" is a
project question, though "tech stack" alone belongs to the resume). The offline model
gives the area that names a thing a bonus (`OfflineModel(names=...)`), and an area that
only refers to it (an award's awarder, a project's company) half of one
(`OfflineModel(references=...)`): "the award I won at Haneul Pay" is about an award,
"what I did at Haneul Pay" about the job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ask_applicant.profile import Profile

Field = tuple[str, str]

# The resume fields that name a thing, per specialist: (section, field).
NAMED_FIELDS: Mapping[str, tuple[Field, ...]] = {
    "resume": (("education", "institution"), ("certificates", "name"), ("awards", "title")),
    "project": (("projects", "name"),),
    "career": (("work", "name"), ("volunteer", "organization")),
}

# The resume fields that refer to a thing some section names, per specialist.
REFERENCE_FIELDS: Mapping[str, tuple[Field, ...]] = {
    "resume": (("awards", "awarder"), ("certificates", "issuer"), ("publications", "publisher")),
    "project": (("projects", "entity"),),
}

# Shorter names are words, not names ("Go", "AI", "상").
_MIN_LATIN_CHARS = 4
_MIN_HANGUL_CHARS = 3
# "Haneul Pay (하늘페이)": the name in each script is a name of its own.
_ALTERNATE = re.compile(r"\s*\(([^)]*)\)\s*")


def entity_names(*, profile: Profile, names: Mapping[str, str]) -> dict[str, list[str]]:
    """The names each specialist's sections hold, keyed by the agent's NAME.

    Args:
        profile: The applicant's profile (only the public resume is read).
        names: Agent key → agent name, for the specialists.

    Returns:
        Agent name → the spellings of its projects (with their slugs and aliases),
        employers or schools, certificates and awards.
    """
    resume = profile.public_resume()
    found: dict[str, list[str]] = {}
    for key, agent_name in names.items():
        groups = _groups(resume, NAMED_FIELDS.get(key, ()))
        if key == "project":
            for _index, slug, _project in profile.projects():
                extra = profile.extras.projects.get(slug)
                groups += [_spellings(alias) for alias in [slug.replace("-", " ")]]
                groups += [_spellings(alias) for alias in (extra.aliases if extra else [])]
        found[agent_name] = _unique(spelling for group in groups for spelling in group)
    return found


def entity_references(*, profile: Profile, names: Mapping[str, str]) -> dict[str, list[str]]:
    """The names each specialist's sections refer to, keyed by the agent's NAME.

    A reference brings every spelling of the thing it names ("Haneul Pay" as an awarder
    brings "하늘페이", the employer's other spelling, too).

    Args:
        profile: The applicant's profile (only the public resume is read).
        names: Agent key → agent name, for the specialists.

    Returns:
        Agent name → the spellings of the employers, issuers and publishers it mentions.
    """
    resume = profile.public_resume()
    named = [group for fields in NAMED_FIELDS.values() for group in _groups(resume, fields)]
    found: dict[str, list[str]] = {}
    for key, agent_name in names.items():
        spellings: list[str] = []
        for group in _groups(resume, REFERENCE_FIELDS.get(key, ())):
            spellings += group
            folded = [spelling.casefold() for spelling in group]
            for other in named:
                if any(name.casefold() in ref for name in other for ref in folded):
                    spellings += other
        found[agent_name] = _unique(spellings)
    return found


def _groups(resume: Mapping[str, Any], fields: Iterable[Field]) -> list[list[str]]:
    """The spellings of each value of the fields, one list per value."""
    return [
        _spellings(value)
        for section, field in fields
        for value in _field_values(resume, section, field)
    ]


def _field_values(resume: Mapping[str, Any], section: str, field: str) -> Iterable[str]:
    entries = resume.get(section)
    if not isinstance(entries, list):
        return
    for entry in entries:
        value = entry.get(field) if isinstance(entry, Mapping) else None
        if isinstance(value, str):
            yield value


def _spellings(name: str) -> list[str]:
    inner = _ALTERNATE.findall(name)
    outer = _ALTERNATE.sub(" ", name)
    parts = [part.strip() for part in (name, outer, *inner)]
    return [part for part in parts if _long_enough(part)]


def _long_enough(name: str) -> bool:
    hangul = len(re.findall(r"[\uac00-\ud7a3]", name))
    latin = len(re.findall(r"[A-Za-z0-9]", name))
    return hangul >= _MIN_HANGUL_CHARS or latin >= _MIN_LATIN_CHARS


def _unique(spellings: Iterable[str]) -> list[str]:
    """Spellings without case-only repeats, in order."""
    seen: dict[str, str] = {}
    for spelling in spellings:
        seen.setdefault(spelling.casefold(), spelling)
    return list(seen.values())
