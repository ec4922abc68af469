"""Schema variants: what real resume.json files write instead of JSON Resume 1.0.

Many public files follow the pre-1.0 schema (`work[].company`, `website`, `gpa`,
`basics.picture`) or carry fields a theme reads for decoration (an `icon` class, a
skill bar's numeric `value`, empty placeholders). Each entry is mapped to the 1.0 names
before validation, so every tool sees one schema and a recruiter never reads
"icon: fa-flag" or "gpa: ." as content.
"""

from __future__ import annotations

from typing import Any

# Old name -> 1.0 name, per model; the 1.0 name wins when a file has both.
_RENAMED: dict[str, dict[str, str]] = {
    "Basics": {"website": "url", "picture": "image"},
    "Work": {"company": "name", "website": "url"},
    "Volunteer": {"website": "url"},
    "Education": {"gpa": "score", "website": "url"},
    "Project": {"website": "url"},
    "Award": {"website": "url"},
    "Certificate": {"website": "url"},
    "Publication": {"website": "url"},
}
# A project's `summary` stands in for its missing `description`.
_FALLBACKS: dict[str, dict[str, str]] = {"Project": {"description": "summary"}}
# Keys themes use for decoration, never content.
_DECORATIVE = frozenset({"icon", "iconClass", "icon_class", "color", "colour"})
# Numbers themes draw as bars ("value": 90); a number there says nothing in words.
_BAR_KEYS = frozenset({"value", "percent", "percentage"})


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def normalise(model: str, data: Any) -> Any:
    """One resume object rewritten to the 1.0 schema's names, decorations dropped.

    Args:
        model: The pydantic model's class name (`Work`, `Education`, ...).
        data: The raw JSON object (anything else is returned as it is).

    Returns:
        A new mapping: renamed keys, fallbacks filled, blank and decorative fields gone.
    """
    if not isinstance(data, dict):
        return data
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key in _DECORATIVE or _blank(value):
            continue
        if key in _BAR_KEYS and isinstance(value, int | float) and not isinstance(value, bool):
            continue
        result[key] = value
    for old, new in _RENAMED.get(model, {}).items():
        if old in result:
            value = result.pop(old)
            result.setdefault(new, value)
    for field, source in _FALLBACKS.get(model, {}).items():
        if field not in result and isinstance(result.get(source), str):
            result[field] = result[source]
    return result
