"""Gaps between jobs: "Are there any gaps in his work history?" answered from the dates.

The work history tool notes the gaps between jobs longer than a month ("Gaps between
jobs: 2023-02-25 – 2023-10-02.") or that there is none. A question about a gap or a
break is answered with them, yes or no first, in the question's language; a resume
sentence on a break (a prepared answer) comes first (`stance`), and without the note the
tool that gives it is called.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ask_applicant.agents.offline.korean import korean_date, korean_duration
from ask_applicant.agents.offline.periods import english_duration
from ask_applicant.tools.conditions import TOPICS

_GAP_TOPIC = next(topic for topic in TOPICS if topic.key == "gap")
_GAPS = re.compile(r"Gaps between jobs: (?P<gaps>[^.]+)\.")
_NONE = "No gap between jobs"
_SPAN = re.compile(r"(?P<start>\d{4}-\d{2}-\d{2}) – (?P<end>\d{4}-\d{2}-\d{2})")
_DAYS_PER_MONTH = 30.44


def asked(question: str) -> bool:
    """True when the question asks about a gap or a break between jobs."""
    return bool(_GAP_TOPIC.cues(question))


def answer(notes: Sequence[str], *, korean: bool) -> str | None:
    """Yes and each gap with its length, or no; None when no note speaks of gaps."""
    for note in notes:
        if _NONE in note:
            return (
                "아니요. 경력 사이에 한 달이 넘는 공백은 없습니다."
                if korean
                else ("No. There is no gap of more than a month between jobs.")
            )
        found = _GAPS.search(note)
        if found:
            spans = list(_SPAN.finditer(found["gaps"]))
            told = [_told(span, korean=korean) for span in spans]
            if korean:
                return f"예. 경력 사이에 공백이 있습니다: {', '.join(told)}."
            return (
                f"Yes. There is a gap between jobs: {'; '.join(told)}."
                if len(told) == 1
                else (f"Yes. There are gaps between jobs: {'; '.join(told)}.")
            )
    return None


def _told(span: re.Match[str], *, korean: bool) -> str:
    start, end = date.fromisoformat(span["start"]), date.fromisoformat(span["end"])
    months = max(1, round(((end - start).days + 1) / _DAYS_PER_MONTH))
    if korean:
        return f"{korean_date(span.group())} ({korean_duration(months)})"
    return f"{span.group()} ({english_duration(months)})"
