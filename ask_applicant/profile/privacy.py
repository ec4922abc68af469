"""Private fields: finding them by dotted path, dropping them, and scrubbing their values."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

from ask_applicant.profile.dates import parse_date

PrivateKind = Literal["phone", "address", "email", "date", "text"]
REDACTED = "[private]"
_Data = TypeVar("_Data")
_STEP = re.compile(r"([^.\[\]]+)(?:\[(\d+|\*)\])?")
_BIRTH_KEYS = frozenset(
    {"dob", "birthdate", "dateofbirth", "birthday", "birth", "생년월일", "생일"}
)


@dataclass(frozen=True)
class PrivateValue:
    """One value that must never be disclosed, with where it came from.

    Attributes:
        kind: How to compare it: phone (digits only), address/email/text (normalised
            text) or date (any common spelling of the same day).
        path: The concrete location in the resume, e.g. ``basics.phone``.
        value: The value as written in the resume.
    """

    kind: PrivateKind
    path: str
    value: str


def is_birth_key(key: str) -> bool:
    """True for keys holding a birth date, however spelt (birthDate, date_of_birth, 생년월일)."""
    folded = re.sub(r"[^0-9a-z\uac00-\ud7a3]", "", key.lower())
    return folded in _BIRTH_KEYS or "birth" in folded


def _steps(path: str) -> list[tuple[str, str | None]]:
    return [(m.group(1), m.group(2)) for m in _STEP.finditer(path)]


def _locate(
    data: Any, steps: list[tuple[str, str | None]], where: str
) -> Iterator[tuple[Any, Any, str]]:
    """Yield (container, key, concrete path) for every place a dotted path points at.

    A list met without an index stands for all of its elements, so ``work.location``
    means the location of every job.
    """
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _locate(item, steps, f"{where}[{i}]")
        return
    if not steps or not isinstance(data, dict):
        return
    (key, index), rest = steps[0], steps[1:]
    if key not in data:
        return
    here = f"{where}.{key}" if where else key
    if index is None:
        if rest:
            yield from _locate(data[key], rest, here)
        else:
            yield data, key, here
        return
    items = data[key]
    if not isinstance(items, list):
        return
    chosen = range(len(items)) if index == "*" else [int(index)]
    for i in chosen:
        if 0 <= i < len(items):
            if rest:
                yield from _locate(items[i], rest, f"{here}[{i}]")
            else:
                yield items, i, f"{here}[{i}]"


def _birth_fields(data: Any, where: str = "") -> Iterator[tuple[Any, Any, str]]:
    if isinstance(data, dict):
        for key, value in list(data.items()):
            here = f"{where}.{key}" if where else key
            if is_birth_key(str(key)):
                yield data, key, here
            else:
                yield from _birth_fields(value, here)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _birth_fields(item, f"{where}[{i}]")


def _with_postal_codes(paths: list[str]) -> list[str]:
    # A postal code is part of the home address: wherever an address is private, the
    # postal code beside it is too, whether or not profile.yaml names it.
    extra = [
        f"{path.removesuffix('address')}postalCode"
        for path in paths
        if path.endswith("location.address")
    ]
    return list(dict.fromkeys([*paths, *extra]))


def _private_places(data: dict[str, Any], paths: list[str]) -> list[tuple[Any, Any, str]]:
    paths = _with_postal_codes(paths)
    places = [place for path in paths for place in _locate(data, _steps(path), "")]
    return places + list(_birth_fields(data))


def _kind(path: str) -> PrivateKind:
    lowered = path.lower()
    if any(word in lowered for word in ("phone", "mobile", "tel", "fax", "전화")):
        return "phone"
    if any(word in lowered for word in ("mail",)):
        return "email"
    if is_birth_key(path.rsplit(".", 1)[-1]) or "date" in lowered:
        return "date"
    if any(word in lowered for word in ("address", "location", "postal", "주소")):
        return "address"
    return "text"


def _leaves(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{where}[{i}]")
    elif value is not None and str(value).strip():
        yield where, str(value).strip()


def private_values(data: dict[str, Any], paths: list[str]) -> list[PrivateValue]:
    """Every private value in a resume, one per leaf string.

    Args:
        data: The resume as JSON data.
        paths: Dotted paths of private fields; birth dates are always included.
    """
    found: dict[tuple[str, str], PrivateValue] = {}
    for container, key, where in _private_places(data, paths):
        for leaf_path, leaf in _leaves(container[key], where):
            found.setdefault((leaf_path, leaf), PrivateValue(_kind(leaf_path), leaf_path, leaf))
    return list(found.values())


def without_private(data: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """A deep copy of the resume with every private field removed.

    A private list element becomes an empty object so that the indexes used as
    sources (``work[2]``) keep pointing at the same entries.
    """
    public = copy.deepcopy(data)
    for container, key, _ in reversed(_private_places(public, paths)):
        if isinstance(container, dict):
            container.pop(key, None)
        else:
            container[key] = {}
    return public


# Spaces a value may be written with. Not `\s`: that also matches the ASCII record and
# unit separators (\x1c-\x1f) that framings such as `git log` output put between fields.
_SPACE = r"[ \t\r\n\u00a0\u3000]"


def _bounded(pattern: str, text: str) -> str:
    # A value that starts or ends with a digit never takes a neighbouring digit with it:
    # "03925" is not found inside "1039251", and "[private]5" never replaces "…175".
    head = r"(?<!\d)" if text[:1].isdigit() else ""
    tail = r"(?!\d)" if text[-1:].isdigit() else ""
    return f"{head}(?:{pattern}){tail}"


def _loose(text: str) -> str:
    words = text.split()
    return _bounded(rf"(?:{_SPACE}|,)+".join(re.escape(word) for word in words), text.strip())


def _phone_pattern(digits: str) -> str:
    # The last eight digits identify the line; before them only this number's own
    # digits may stand ("010", "(010)", "+82 10", "+1 (912)"), any tail of them, since
    # the country code and the leading 0 are often left out. Never some other number.
    body = r"[ ().-]{0,3}".join(digits[-8:])
    head = digits[:-8]
    tails = sorted({head[k:] for k in range(len(head))}, key=len, reverse=True)
    area = "|".join(r"[ ().-]{0,2}".join(tail) for tail in tails)
    country = r"(?:(?:\+|00)\d{1,3}[ .-]{0,2})?"
    prefix = rf"(?:{country}\(?(?:{area})\)?[ .-]{{0,2}})?" if area else country
    return rf"(?<![\d+]){prefix}{body}(?!\d)"


def _pattern(value: PrivateValue) -> str | None:
    text = value.value
    if value.kind == "phone":
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 7:
            return _phone_pattern(digits)
    if value.kind == "date":
        try:
            day = parse_date(text)
        except ValueError:
            day = None
        if day and day.month and day.day:
            sep = rf"{_SPACE}*(?:[-./]|년|월)?{_SPACE}*"
            # Month and day end where their digits end: "0?1" is January, never half of "11".
            spelled = rf"{day.year}{sep}0?{day.month}(?!\d){sep}0?{day.day}(?!\d)(?:{_SPACE}?일)?"
            compact = f"{day.year}{day.month:02d}{day.day:02d}"
            return rf"(?<!\d)(?:{spelled}|{compact}(?!\d))"
    if len(text.strip()) < 3:
        return None
    return _loose(text)


def redact(text: str, values: list[PrivateValue]) -> str:
    """Replace every private value found in text with ``[private]``.

    Args:
        text: Text about to leave a tool.
        values: The profile's private values.
    """
    for value in values:
        pattern = _pattern(value)
        if pattern:
            text = re.sub(pattern, REDACTED, text, flags=re.IGNORECASE)
    return text


def redact_all(data: _Data, values: Sequence[PrivateValue]) -> _Data:
    """A copy of JSON-like data with `redact` applied to every string in it (keys kept).

    Args:
        data: Strings, lists and dicts, nested.
        values: The profile's private values.
    """
    if isinstance(data, str):
        return cast(_Data, redact(data, list(values)))
    if isinstance(data, list):
        return cast(_Data, [redact_all(item, values) for item in data])
    if isinstance(data, dict):
        return cast(_Data, {key: redact_all(item, values) for key, item in data.items()})
    return data
