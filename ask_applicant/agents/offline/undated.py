"""A skill the profile names without dates: listed, so known, but not countable in years.

A years tool that finds no dated job or project for a skill says where it is mentioned
instead ("No dated job or project mentions that skill. It is mentioned in skills[2],
without dates."). That is an answer, not an empty result: "Observability 경험 있어요?"
is yes (the skills list names it), and "How many years of it?" is that the profile
lists it without dates, so no years can be counted. Nothing else is worth a second
tool call: the work history would offer jobs that never name the skill.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline.transcript import Exchange

_MENTIONED = re.compile(r"\bmentioned in ([^.]*?(?:\[\d+\][^.]*?)*),? without dates\b", re.I)
_SOURCE = re.compile(r"[\w./-]+(?:\[\d+\])?(?:\.[\w-]+)*")


def undated_sources(notes: Sequence[str]) -> list[str]:
    """Where a tool's note says the thing is mentioned without dates ([] when it does not)."""
    for note in notes:
        found = _MENTIONED.search(note)
        if found:
            return _SOURCE.findall(found.group(1))
    return []


def asked_thing(calls: Sequence[Exchange]) -> str:
    """The first text argument the calls were made with (the skill asked about), or ""."""
    for call in calls:
        for value in call.parsed_arguments().values():
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""


def undated_answer(thing: str, sources: Sequence[str], *, korean: bool, yes_no: bool) -> str:
    """Say that the profile lists the thing, without dates.

    Args:
        thing: The skill as the call named it ("" when it named none).
        sources: Where the profile mentions it ("skills[2]").
        korean: Answer in Korean.
        yes_no: The question asked whether (answer "Yes" first); otherwise it asked how
            long, and the answer says why no years can be given.
    """
    where = ", ".join(sources)
    if korean:
        named = f"{thing}: " if thing else ""
        if yes_no:
            return f"예. {named}프로필의 {where}에 나와 있습니다 (기간은 적혀 있지 않습니다)."
        return f"{named}프로필의 {where}에 기간 없이 나와 있어 경력 연수를 셀 수 없습니다."
    told = thing or "it"
    if yes_no:
        return f"Yes. The profile lists {told} in {where}, without dates."
    return f"The profile lists {told} in {where}, without dates, so no years can be counted."
