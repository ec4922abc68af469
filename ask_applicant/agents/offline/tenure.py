"""Tenure: an entry that is still going on, told as what it is and since when.

"What is your current role?" wants one line: "Senior Backend Engineer at Haneul Pay,
since 2022-03-02 (Seoul, KR)." The tools write an entry as its heading, its period in
parentheses ("(2022-03-02 – present, Seoul, KR)"), then its description; the heading and
the start of the period are the answer, the description is not asked for.
"""

from __future__ import annotations

import re

from ask_applicant.agents.offline.korean import render

_DAY = r"[12]\d{3}(?:-\d{2}(?:-\d{2})?)?"
# The open period and what the tool wrote beside it in the same parentheses (a place).
_OPEN = re.compile(rf"\(\s*(?P<start>{_DAY}) – present(?:,\s*(?P<place>[^)]*))?\)")


def since(text: str, *, korean: bool, source: str = "") -> str | None:
    """The entry's heading and start ("X at Y, since 2022-03-02 (Seoul, KR)."), or None.

    Args:
        text: A fact's text, as a tool wrote it.
        korean: Write the frame in Korean (the resume's own words stay as written).
        source: The fact's source, for the Korean rendering of the tool's frames.

    Returns:
        One sentence, or None when the text has no open period to tell.
    """
    period = _OPEN.search(text)
    if period is None:
        return None
    heading = text[: period.start()].strip(" ,.·")
    if not heading:
        return None
    place = (period["place"] or "").strip()
    if korean:
        # The Korean frame ("Haneul Pay · Senior Backend Engineer") comes from `render`.
        start = render(period["start"])
        where = f", {place}" if place else ""
        # `render` reorders "X at Y (" only before a parenthesis: give it one to find.
        framed = render(f"{heading} ()", source).removesuffix(" ()")
        return f"{framed} ({start}부터 현재까지{where})입니다."
    where = f" ({place})" if place else ""
    return f"{heading}, since {period['start']}{where}."
