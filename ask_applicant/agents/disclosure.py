"""Finding the applicant's private values in a piece of text, deterministically.

A value is recognised however it is written: phone numbers by their digits (with or
without the country code, any separators), dates by their day, month and year in the
usual English and Korean spellings, and everything else (addresses, e-mails) by its
letters and digits alone, ignoring case, whitespace and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ask_applicant.profile import PrivateValue, parse_date

# A value shorter than this, once normalised, is too common to police ("Seoul", "42").
_MIN_TEXT_CHARS = 6
_MIN_PHONE_DIGITS = 7

_DIGIT_RUN = re.compile(r"\d[\d\s().\-+/]*\d")
# Every four digits of a text, overlapping: a superset of the years any date pattern reads.
_FOUR_DIGITS = re.compile(r"(?=(\d{4}))")

_MONTHS = {
    name: index + 1
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_PREFIXES = "|".join(
    sorted({name[:k] for name in _MONTHS for k in range(1, len(name) + 1)}, key=len, reverse=True)
)
# Text that may still grow into a phone number or a date: nothing yet rules it out.
_PHONE_TAIL = re.compile(r"[+(]?\d[\d\s().\-+/]*")
# Whole month names inside, a month name half-written only at the very end.
_DATE_TAIL = re.compile(
    rf"(?:\d|[\s\-./,]|년|월|일|st|nd|rd|th|of|{_MONTH})*(?:{_MONTH_PREFIXES})?", re.IGNORECASE
)
_DATE_PATTERNS = [
    # 1990-03-15, 1990.3.15, 1990/03/15, 1990년 3월 15일
    (re.compile(r"(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})"), "ymd"),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), "ymd"),
    # 15/03/1990, 15.03.1990 and the US 03/15/1990: both readings are tried.
    (re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})"), "dmy"),
    # March 15, 1990 / Mar 15th 1990
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I), "mdy"),
    # 15 March 1990 / 15th of March, 1990
    (
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})", re.I),
        "dMy",
    ),
]

# Street-type words are abbreviated freely; fold both spellings to one.
_ABBREVIATIONS = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "apartment": "apt",
    "suite": "ste",
    "floor": "fl",
    "drive": "dr",
    "lane": "ln",
}


def _fold(text: str) -> str:
    """Lower-case letters and digits only, with street words abbreviated."""
    text = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"\w+", text)
    return "".join(_ABBREVIATIONS.get(word, word) for word in words).replace("_", "")


def _phone_cores(value: str) -> set[str]:
    """The digit strings that identify a phone number, whatever prefix precedes them."""
    digits = re.sub(r"\D", "", value)
    cores = {digits.lstrip("0")}
    if value.strip().startswith(("+", "00")):
        # The country code is one to three digits; which one is not known, so all are kept.
        international = digits[2:] if value.strip().startswith("00") else digits
        cores |= {international[k:].lstrip("0") for k in range(1, 4)}
    return {core for core in cores if len(core) >= _MIN_PHONE_DIGITS}


def _iso_day(value: str) -> set[date]:
    # A date the spelled-out patterns missed; a year or a month alone is not a day.
    try:
        day = parse_date(value)
    except ValueError:
        return set()
    if day is None or not (day.month and day.day):
        return set()
    return {date(day.year, day.month, day.day)}


def _dates_in(text: str) -> set[date]:
    found: set[date] = set()
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            candidates: list[tuple[int, int, int]] = []
            if order == "ymd":
                candidates = [(int(a), int(b), int(c))]
            elif order == "dmy":
                candidates = [(int(c), int(b), int(a)), (int(c), int(a), int(b))]
            elif order == "mdy":
                candidates = [(int(c), _MONTHS[a.casefold()], int(b))]
            else:
                candidates = [(int(c), _MONTHS[b.casefold()], int(a))]
            for year, month, day in candidates:
                try:
                    found.add(date(year, month, day))
                except ValueError:
                    continue
    return found


@dataclass
class DisclosureScanner:
    """Spots any of a profile's private values in text.

    Build it once per profile (or per turn) and call `find` as often as needed.

    Args:
        values: The private values, `Profile.private_values()`; each kind is compared its
            own way (phone: digits, date: the day, address/email/text: folded text).
        supplied: The asker's own question: a value it spells out is not reported by
            `find` (echoing a guess back must not tell a right guess from a wrong one).
    """

    values: Iterable[PrivateValue]
    supplied: str = ""
    _phones: set[str] = field(init=False, default_factory=set)
    _dates: set[date] = field(init=False, default_factory=set)
    _texts: set[str] = field(init=False, default_factory=set)
    _text_prefixes: set[str] = field(init=False, default_factory=set)
    _loud: tuple[set[str], set[date], set[str]] = field(init=False)

    def __post_init__(self) -> None:
        for private in self.values:
            value = private.value
            if not value.strip():
                continue
            if private.kind == "date":
                self._dates |= _dates_in(value) or _iso_day(value)
            elif private.kind == "phone" and len(re.sub(r"\D", "", value)) >= _MIN_PHONE_DIGITS:
                self._phones |= _phone_cores(value)
            else:
                self._texts |= self._text_forms(value, address=private.kind == "address")
        self._text_prefixes = {form[:k] for form in self._texts for k in range(1, len(form) + 1)}
        self._loud = self._not_supplied()

    def _not_supplied(self) -> tuple[set[str], set[date], set[str]]:
        # A value the asker wrote in the question is theirs to read back ("Is 1991-04-17
        # your project?"). Refusing only when it is right would confirm the guess, so it
        # is not reported; the model never sees private values, so it can only be an echo.
        # Streaming still holds back any value being written (`unsafe_start`), so a right
        # and a wrong guess stream in the same pieces.
        if not self.supplied:
            return self._phones, self._dates, self._texts
        runs = [re.sub(r"\D", "", run) for run in _DIGIT_RUN.findall(self.supplied)]
        phones = {core for core in self._phones if not any(core in run for run in runs)}
        folded = _fold(self.supplied)
        texts = {form for form in self._texts if form not in folded}
        return phones, self._dates - _dates_in(self.supplied), texts

    @staticmethod
    def _text_forms(value: str, *, address: bool) -> set[str]:
        forms = {_fold(value)}
        if address:
            # A partial address still locates the applicant: any run of two or more words
            # of one comma-separated part that includes the house number counts too
            # ("월드컵북로 123", "2712 Broadway").
            for part in value.split(","):
                words = part.split()
                for start in range(len(words)):
                    for end in range(start + 2, len(words) + 1):
                        window = " ".join(words[start:end])
                        if re.search(r"\d", window):
                            forms.add(_fold(window))
        return {form for form in forms if len(form) >= _MIN_TEXT_CHARS}

    def _mentions_a_private_year(self, text: str) -> bool:
        # Reading every date of a text is the costly part of a scan; most answers never
        # write the year of a private date, which settles it at once.
        years = {day.year for day in self._dates}
        return any(int(match.group(1)) in years for match in _FOUR_DIGITS.finditer(text))

    @property
    def empty(self) -> bool:
        """True when there is nothing to look for."""
        return not (self._phones or self._dates or self._texts)

    def find(self, text: str) -> str | None:
        """Say which kind of private value `text` discloses, if any.

        Args:
            text: An answer, or the part of one streamed so far.

        Returns:
            "phone", "date" or "text" for the first kind found (never the value itself),
            or None when the text discloses nothing private.
        """
        phones, dates, texts = self._loud
        if not (phones or dates or texts) or not text:
            return None
        if phones:
            for run in _DIGIT_RUN.findall(text):
                digits = re.sub(r"\D", "", run)
                if any(core in digits for core in phones):
                    return "phone"
        if dates and self._mentions_a_private_year(text) and dates & _dates_in(text):
            return "date"
        if texts:
            folded = _fold(text)
            if any(form in folded for form in texts):
                return "text"
        return None

    def unsafe_start(self, text: str, *, since: int = 0) -> int:
        """Where `text` may be starting to write a private value not yet complete.

        Everything before the returned index can be shown: no private value can begin
        there and still be unfinished. Only starts at or after `since` are considered
        (a value still being written began within its own length of the end).

        Returns:
            The earliest such index, or `len(text)` when the text may be shown whole.
        """
        end = len(text)
        if self.empty or since >= end:
            return end
        earliest = end
        for start in range(max(since, 0), end):
            char, before = text[start], text[start - 1] if start else " "
            if not (char.isalnum() or char in "+(") or (before.isalnum() and not char.isdigit()):
                continue
            tail = text[start:]
            if (self._phones and _PHONE_TAIL.fullmatch(tail)) or (
                self._dates and _DATE_TAIL.fullmatch(tail)
            ):
                earliest = start
                break
        if self._texts:
            folded = _fold(text[since:])
            # The longest folded ending that begins some private form; hold back at least
            # as much original text as folds to it.
            risky = next(
                (len(folded) - i for i in range(len(folded)) if folded[i:] in self._text_prefixes),
                0,
            )
            if risky:
                start = end
                while start > since and len(_fold(text[start:])) < risky:
                    start -= 1
                earliest = min(earliest, start)
        return earliest
