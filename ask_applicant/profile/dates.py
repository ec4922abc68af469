"""JSON Resume dates: strings of YYYY, YYYY-MM or YYYY-MM-DD, read leniently."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# Besides the schema's ISO forms, resumes in the wild write 2019.03, 2019/03 and
# 2019년 3월; an end date may say that the entry is still going on.
_DATE = re.compile(
    r"^\s*(?P<year>[12]\d{3})(?:\s*(?:[-./]|년)\s*(?P<month>\d{1,2})"
    r"(?:\s*(?:[-./]|월)\s*(?P<day>\d{1,2}))?)?\s*(?:월|일)?\s*(?:T[\d:.+\-Z]*)?\s*$"
)
ONGOING_WORDS = frozenset(
    {"present", "current", "now", "ongoing", "today", "현재", "재직중", "진행중"}
)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        """The earliest day this date can mean (for a start date)."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day this date can mean (for an end date)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text


def is_ongoing(text: str | None) -> bool:
    """True when an end date is missing or says the entry continues ("Present", "현재")."""
    return text is None or not text.strip() or text.strip().lower() in ONGOING_WORDS


def parse_date(text: str | None) -> PartialDate | None:
    """Parse a resume date; None for an empty or ongoing marker.

    Args:
        text: The date as written in the resume.

    Raises:
        ValueError: When the text is not a date at all.
    """
    if is_ongoing(text):
        return None
    assert text is not None
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"not a date: {text[:40]!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"not a date: {text[:40]!r} (month {month} is out of range)")
    if month is not None and day is not None:
        try:
            date(year, month, day)
        except ValueError as error:
            raise ValueError(f"not a date: {text[:40]!r} ({error})") from None
    return PartialDate(year, month, day)
