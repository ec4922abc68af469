"""Time spans of jobs and projects, merged so that overlapping months count once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ask_applicant.profile.dates import is_ongoing, parse_date

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, order=True)
class Span:
    """An inclusive range of days."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def span_of(start: str | None, end: str | None, *, today: date) -> Span | None:
    """The span of a resume entry, or None without a valid start date or before it starts.

    A year-only or month-only start counts from its first day and an end from its
    last day; a missing or "present" end means today. Future dates are cut at today.

    Args:
        start: The entry's startDate.
        end: The entry's endDate.
        today: The day "present" means.
    """
    try:
        first = parse_date(start)
        last = None if is_ongoing(end) else parse_date(end)
    except ValueError:
        return None
    if first is None or first.first_day() > today:
        return None
    begin = first.first_day()
    finish = min(last.last_day() if last else today, today)
    return Span(begin, finish) if finish >= begin else None


def merge(spans: list[Span]) -> list[Span]:
    """Merge overlapping or touching spans into disjoint ones, in date order."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end + timedelta(days=1):
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def years(spans: list[Span]) -> float:
    """Total years covered by spans, overlaps counted once, to one decimal."""
    return round(sum(span.days for span in merge(spans)) / DAYS_PER_YEAR, 1)
