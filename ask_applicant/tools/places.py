"""A location as a recruiter reads it: "Cambridge, England, GB", never a street address.

Real resume files fill `basics.location` loosely: only some of city, region and
country code, empty strings, the region repeating the city, or a whole postal address
typed into `city`. The place is told from the general to nothing more precise than a
district: city, region, country; a part with a house number or a postal code is left
out, and so is a Korean address from its road name on ("서울특별시 마포구 월드컵로
12길 34" is "서울특별시 마포구").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# The order a place is told in; other keys (a theme's "name") follow.
_ORDER = ("city", "region", "countryCode", "country")
# What is never a place to tell: the private street address and postal code.
_SKIPPED = frozenset({"address", "postalCode", "postal_code", "zip", "street"})
_DIGIT = re.compile(r"\d")
# A Korean road or lot name: where a street address starts.
_KOREAN_ROAD = re.compile(r"[\uac00-\ud7a3]+(로|길|번길|대로|번지)$")


def place(location: Mapping[str, Any]) -> str:
    """The public place of a location object, its parts in order, each once.

    Args:
        location: `basics.location` (private fields may already be gone).

    Returns:
        "City, Region, CC", with whichever parts exist; "" when none does.
    """
    keys = [*(key for key in _ORDER if key in location), *location]
    parts: list[str] = []
    for key in dict.fromkeys(keys):
        value = location.get(key)
        if key in _SKIPPED or not isinstance(value, str):
            continue
        for part in _public_parts(value):
            if part.casefold() not in {seen.casefold() for seen in parts}:
                parts.append(part)
    return ", ".join(parts)


def _public_parts(value: str) -> list[str]:
    """The parts of one field a place may show: no house numbers, no postal codes."""
    kept = []
    for chunk in value.split(","):
        words = chunk.split()
        general = []
        for word in words:
            if _DIGIT.search(word) or _KOREAN_ROAD.search(word):
                break
            general.append(word)
        # A chunk that starts with a number ("2712 Broadway St") is a street: all of it goes.
        text = " ".join(general).strip(" .;")
        if text and (len(general) == len(words) or not _DIGIT.match(words[0])):
            kept.append(text)
    return kept
