"""Turning resume entries into readable, sourced facts.

Works on the public resume (a dict), so a private field cannot reach a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ask_applicant.profile.dates import is_ongoing
from ask_applicant.tools.places import place
from ask_applicant.tools.result import Fact

# Keys already spoken for in an entry's sentence; anything else is an extra field
# the schema allows, appended as "key: value" so it stays answerable.
_DESCRIBED = {
    "name", "position", "organization", "institution", "title", "language", "network",
    "startDate", "endDate", "date", "releaseDate", "summary", "description", "highlights",
    "keywords", "courses", "roles", "level", "fluency", "area", "studyType", "score",
    "awarder", "issuer", "publisher", "entity", "type", "url", "location", "reference",
    "username", "image", "profiles", "email", "label", "phone",
}  # fmt: skip


def period(entry: dict[str, Any], start_key: str = "startDate", end_key: str = "endDate") -> str:
    """``2019-01 – 2022-02`` style period; an open end reads "present"."""
    start = entry.get(start_key)
    if not start:
        return ""
    end = entry.get(end_key)
    return f"{start} – {'present' if is_ongoing(end) else end}"


def _join(*parts: Any) -> str:
    return " ".join(str(p).strip() for p in parts if p and str(p).strip())


def _list(label: str, items: Any) -> str:
    if not isinstance(items, list):
        return ""
    words = [str(item) for item in items if item]
    return f"{label}: {'; '.join(words)}." if words else ""


def _extras(entry: dict[str, Any]) -> str:
    pairs = [
        f"{key}: {value}."
        for key, value in entry.items()
        if key not in _DESCRIBED
        and not key.startswith("$")
        and isinstance(value, str | int | float)
    ]
    return " ".join(pairs)


def _bracket(text: str) -> str:
    return f"({text})" if text else ""


def _sentence(text: Any) -> str:
    """Text ending in punctuation, so joined fields read as separate sentences."""
    text = str(text or "").strip()
    return text if not text or text[-1] in ".!?。…)" else f"{text}."


def _comma(*parts: Any) -> str:
    return ", ".join(str(p).strip() for p in parts if p and str(p).strip())


def _work(e: dict[str, Any]) -> str:
    at = "at" if e.get("position") and e.get("name") else ""
    return _join(
        e.get("position"), at, e.get("name"), _bracket(_comma(period(e), e.get("location"))),
        _sentence(e.get("description")), _sentence(e.get("summary")),
        _list("Highlights", e.get("highlights")),
    )  # fmt: skip


def _volunteer(e: dict[str, Any]) -> str:
    at = "at" if e.get("position") and e.get("organization") else ""
    return _join(
        e.get("position"), at, e.get("organization"), _bracket(period(e)),
        _sentence(e.get("summary")), _list("Highlights", e.get("highlights")),
    )  # fmt: skip


def _education(e: dict[str, Any]) -> str:
    return _join(
        _comma(e.get("studyType"), e.get("area")), "—" if e.get("institution") else "",
        e.get("institution"), _bracket(period(e)),
        f"Score: {e['score']}." if e.get("score") else "", _list("Courses", e.get("courses")),
    )  # fmt: skip


def _project(e: dict[str, Any]) -> str:
    return _join(
        e.get("name"), _bracket(period(e)), _sentence(e.get("description")),
        f"For {e['entity']}." if e.get("entity") else "",
        _list("Highlights", e.get("highlights")), _list("Keywords", e.get("keywords")),
        _list("Roles", e.get("roles")), f"Type: {e['type']}." if e.get("type") else "",
    )  # fmt: skip


def _dated(name_key: str, by_key: str, date_key: str) -> Callable[[dict[str, Any]], str]:
    def line(e: dict[str, Any]) -> str:
        when = _bracket(_comma(e.get(by_key), e.get(date_key)))
        return _join(e.get(name_key), when, _sentence(e.get("summary")))

    return line


_DESCRIBERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "work": _work,
    "volunteer": _volunteer,
    "education": _education,
    "projects": _project,
    "awards": _dated("title", "awarder", "date"),
    "certificates": _dated("name", "issuer", "date"),
    "publications": _dated("name", "publisher", "releaseDate"),
    "skills": lambda e: _join(
        e.get("name"), _bracket(e.get("level", "")), _list("Keywords", e.get("keywords"))
    ),
    "languages": lambda e: _join(
        e.get("language"), "—" if e.get("fluency") else "", e.get("fluency")
    ),
    "interests": lambda e: _join(e.get("name"), _list("Keywords", e.get("keywords"))),
    "references": lambda e: _join(
        _comma(e.get("name")) + (":" if e.get("name") else ""), e.get("reference")
    ),
}


def describe(section: str, entry: dict[str, Any]) -> str:
    """One resume entry as a sentence-like line of text.

    Args:
        section: The JSON Resume section (``work``, ``skills``, …).
        entry: The entry from the public resume.
    """
    describer = _DESCRIBERS.get(section)
    head = describer(entry) if describer else ""
    url = entry.get("url")
    link = f"URL: {url}." if isinstance(url, str) and url else ""
    return _join(head, link, _extras(entry))


def section_facts(public: dict[str, Any], section: str) -> list[Fact]:
    """Every entry of one list section of the public resume, as facts (``work[0]`` …)."""
    entries = public.get(section)
    if not isinstance(entries, list):
        return []
    facts = []
    for i, entry in enumerate(entries):
        text = describe(section, entry) if isinstance(entry, dict) else str(entry)
        if text:
            facts.append(Fact(source=f"{section}[{i}]", text=text))
    return facts


def basics_facts(public: dict[str, Any]) -> list[Fact]:
    """The public basics, one fact per field (``basics.name``, ``basics.location`` …)."""
    basics = public.get("basics")
    if not isinstance(basics, dict):
        return []
    facts = []
    for key, value in basics.items():
        if key == "image" or value in (None, "", [], {}):
            continue
        if key == "location" and isinstance(value, dict):
            text = place(value)
        elif key == "profiles" and isinstance(value, list):
            text = "; ".join(
                _join(p.get("network"), p.get("username"), p.get("url"))
                for p in value
                if isinstance(p, dict)
            )
        elif isinstance(value, dict | list):
            continue
        else:
            text = str(value)
        if text:
            facts.append(Fact(source=f"basics.{key}", text=f"{key}: {text}"))
    return facts


RESUME_SECTIONS = (
    "work", "volunteer", "education", "awards", "certificates", "publications",
    "skills", "languages", "interests", "references", "projects",
)  # fmt: skip


def all_facts(public: dict[str, Any]) -> list[Fact]:
    """Every fact of the public resume: the basics, then each list section in schema order."""
    facts = basics_facts(public)
    for section in RESUME_SECTIONS:
        facts.extend(section_facts(public, section))
    return facts
