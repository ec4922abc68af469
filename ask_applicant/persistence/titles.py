"""Conversation titles: one line of text, cut only between whole characters.

A person sees `👩🏽‍💻` as one character; Python sees four code points joined by a
zero-width joiner (U+200D), a format character that `str.isprintable` rejects. Titles
keep the joiners that build such characters and never cut inside one when shortened.

Grapheme cluster boundaries (Unicode UAX #29) are followed for what titles meet in
practice: combining marks, joiner sequences, emoji modifiers and variation selectors,
tag sequences (subdivision flags), regional-indicator flags and Hangul jamo.
"""

from __future__ import annotations

import unicodedata

MAX_TITLE_LENGTH = 200
ELLIPSIS = "…"
ZWJ = "\u200d"
# Format characters that are part of the characters people see; every other
# non-printable character (controls, bidi overrides, ...) becomes a space.
_JOINERS = {ZWJ, "\u200c"}
_TAGS = range(0xE0020, 0xE0080)
_EXTENDERS = (
    range(0xFE00, 0xFE10),  # variation selectors
    range(0xE0100, 0xE01F0),  # variation selectors supplement
    range(0x1F3FB, 0x1F400),  # emoji skin-tone modifiers
    range(0x1160, 0x1200),  # Hangul jamo: vowels and final consonants
    range(0xD7B0, 0xD800),  # Hangul jamo extended-B
    _TAGS,
)
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)


def clean_title(title: str, max_length: int = MAX_TITLE_LENGTH) -> str:
    """A title on one line, without control characters, at most `max_length` long.

    Runs of whitespace and other non-printable characters become one space.
    """
    kept = "".join(ch if ch.isprintable() or _is_kept_format(ch) else " " for ch in title)
    return cut(" ".join(kept.split()), max_length)


def shortened(title: str, length: int) -> str:
    """`title` itself when it fits in `length` characters, else cut and ending in `…`."""
    if len(title) <= length:
        return title
    return cut(title, length - len(ELLIPSIS)).rstrip() + ELLIPSIS


def cut(text: str, length: int) -> str:
    """At most `length` code points of `text`, ending between two grapheme clusters.

    A single cluster longer than `length` (only nonsense text has one) is cut anyway:
    the limit is the column's.
    """
    if len(text) <= length:
        return text
    end = length
    while end > 0 and not _is_boundary(text, end):
        end -= 1
    return (text[:end] if end else text[:length]).rstrip()


def _is_kept_format(ch: str) -> bool:
    return ch in _JOINERS or ord(ch) in _TAGS


def _is_boundary(text: str, index: int) -> bool:
    ch, before = text[index], text[index - 1]
    if before == ZWJ or ch in _JOINERS:
        return False
    if unicodedata.category(ch) in ("Mn", "Me", "Mc"):
        return False
    if any(ord(ch) in extenders for extenders in _EXTENDERS):
        return False
    if ord(ch) in _REGIONAL_INDICATORS:
        # Flags are pairs: a boundary only after an even run of regional indicators.
        run = 0
        while index - run > 0 and ord(text[index - run - 1]) in _REGIONAL_INDICATORS:
            run += 1
        return run % 2 == 0
    return True
