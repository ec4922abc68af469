"""Schema-driven tool arguments: fill a tool's JSON schema from the question.

Each string parameter gets a role from its name and description (the whole text for a
job description, content words for a query, a name span for `name`, the skill term for
`skill`); numbers come from the question or the schema's default and bounds; enums take
a value the question mentions, else the default or the first. The result is validated
against the schema; a schema that cannot be satisfied yields no arguments at all. A
parameter with known values (`Choices`, such as the profile's project slugs) takes the
value the question names, and the words naming it are left out of the other parameters.
A literal text search ("plain text to find") gets one word, not a sentence.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ask_applicant.agents.offline.choices import Choices
from ask_applicant.agents.offline.schema import resolve, violations
from ask_applicant.agents.offline.spans import QuestionSpans, ignorable


class Role(enum.Enum):
    """What a string parameter wants from the question."""

    WHOLE = "whole"
    QUERY = "query"
    NAME = "name"
    SKILL = "skill"
    PATH = "path"
    TERM = "term"
    OTHER = "other"


_ROLE_NAMES = {
    Role.WHOLE: "job_description description jd text content posting job_posting requirements "
    "message question prompt input document body",
    Role.QUERY: "query q search search_query keyword keywords term terms topic phrase",
    Role.NAME: "name project project_name title slug id company employer school repo "
    "repository project_slug project_id",
    Role.SKILL: "skill skill_name technology tech tool language framework",
    Role.PATH: "path file file_path filepath filename file_name",
}
_NAME_TO_ROLE = {name: role for role, names in _ROLE_NAMES.items() for name in names.split()}
_DESCRIPTION_HINTS = (
    (Role.WHOLE, re.compile(r"job description|posting|full text|requirements", re.I)),
    (Role.SKILL, re.compile(r"\bskill|technolog|framework|programming language", re.I)),
    (Role.QUERY, re.compile(r"\bsearch|keyword|query|look for|free text", re.I)),
    (Role.NAME, re.compile(r"\bname\b|\btitle\b|\bslug\b", re.I)),
)
_LITERAL_HINT = re.compile(
    r"plain text|word or phrase|substring|literal|exact (?:text|phrase|string)", re.I
)


@dataclass(frozen=True)
class Arguments:
    """Arguments for one tool call, and how much of the question they carry.

    Attributes:
        values: The argument object, valid against the tool's schema.
        specific: A parameter that wants a span of the question (a query, a name, a
            skill) got one.
        starved: Such a parameter found nothing in the question and got the whole text.
        named: A parameter with known values took the one the question names.
    """

    values: dict[str, Any]
    specific: bool
    starved: bool
    named: bool = False


def role_of(name: str, schema: Mapping[str, Any]) -> Role:
    """Decide what a parameter wants from the question, by its name, then its description.

    A description that asks for literal text wins over the name: `query` of a substring
    search wants one word, where `query` of a keyword search takes several.
    """
    description = f"{schema.get('description', '')} {schema.get('title', '')}"
    if _LITERAL_HINT.search(description):
        return Role.TERM
    lowered = name.lower()
    if lowered in _NAME_TO_ROLE:
        return _NAME_TO_ROLE[lowered]
    for part in reversed(re.split(r"[_\W]+", lowered)):
        if part in _NAME_TO_ROLE:
            return _NAME_TO_ROLE[part]
    for role, hint in _DESCRIPTION_HINTS:
        if hint.search(description):
            return role
    return Role.OTHER


def fill(
    schema: Mapping[str, Any], spans: QuestionSpans, choices: Choices | None = None
) -> Arguments | None:
    """Fill a tool's parameter schema from a question.

    Args:
        schema: The tool's `params_json_schema` (an object schema; `{}` means no parameters).
        spans: The question, with the words to ignore.
        choices: Known values of some parameters, by parameter name.

    Returns:
        Valid arguments, or None when the schema cannot be satisfied from this question
        (including a required parameter with known values that the question does not name).
    """
    top = resolve(schema, schema)
    has_properties = isinstance(top, Mapping) and bool(top.get("properties"))
    properties = top["properties"] if has_properties else {}
    picks = {name: choices.pick(name, spans.question) for name in properties} if choices else {}
    chosen = {name: choice for name, choice in picks.items() if choice is not None}
    required = top.get("required", []) if has_properties else []
    unnamed = [name for name, choice in picks.items() if choice is None and name in (choices or ())]
    if any(name in required for name in unnamed):
        # A parameter with known values (a project slug) that the question does not name
        # would be filled with stray words the tool rejects: this tool cannot be called.
        return None
    if chosen:
        named = ignorable([choice.spelling for choice in chosen.values()])
        spans = QuestionSpans(spans.question, spans.ignore | named)
    filler = _Filler(schema, spans, {name: choice.value for name, choice in chosen.items()})
    values = filler.object(top) if has_properties else {}
    if not isinstance(values, dict) or violations(values, schema) or filler.no_skill:
        return None
    return Arguments(
        values=values, specific=filler.specific, starved=filler.starved, named=filler.named
    )


class _Omit:
    """Marks an optional property left out."""


_OMIT = _Omit()


class _Filler:
    def __init__(
        self, root: Mapping[str, Any], spans: QuestionSpans, chosen: Mapping[str, str]
    ) -> None:
        self.root = root
        self.spans = spans
        self.chosen = chosen
        self.named = False
        self.specific = False
        self.starved = False
        self.no_skill = False

    def value(self, schema: Any, *, name: str, required: bool) -> Any:
        schema = resolve(schema, self.root)
        if not isinstance(schema, Mapping):
            return self.text(name, {}) if required else _OMIT
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return self.choice(schema)
        branches = list(schema.get("anyOf") or schema.get("oneOf") or ())
        declared = schema.get("type")
        if isinstance(declared, list):
            branches = [{**schema, "type": kind} for kind in declared]
        if branches:
            return self.branch(branches, schema, name=name, required=required)
        if declared == "object" or "properties" in schema:
            return self.object(schema)
        if not required and role_of(name, schema) is Role.OTHER:
            return _OMIT
        if declared == "array":
            return self.array(schema, name=name)
        if declared in ("integer", "number"):
            return self.number(schema, integer=declared == "integer")
        if declared == "boolean":
            default = schema.get("default")
            return default if isinstance(default, bool) else False
        if declared == "null":
            return None
        return self.text(name, schema)

    def branch(
        self, branches: list[Any], parent: Mapping[str, Any], *, name: str, required: bool
    ) -> Any:
        resolved = [resolve(branch, self.root) for branch in branches]
        concrete = [b for b in resolved if not (isinstance(b, Mapping) and b.get("type") == "null")]
        nullable = len(concrete) < len(resolved)
        wants_text = role_of(name, parent) is not Role.OTHER and self.spans.content
        if nullable and not wants_text:
            return None if required else _OMIT
        if (
            "default" in parent
            and not wants_text
            and not violations(parent["default"], parent, self.root)
        ):
            return parent["default"]
        for candidate in concrete:
            value = self.value(candidate, name=name, required=True)
            if value is not _OMIT and not violations(value, candidate, self.root):
                return value
        return None if nullable else _OMIT

    def object(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        required = set(schema.get("required") or ())
        out: dict[str, Any] = {}
        for key, sub in (schema.get("properties") or {}).items():
            value = self.value(sub, name=key, required=key in required)
            if value is not _OMIT:
                out[key] = value
        return out

    def array(self, schema: Mapping[str, Any], *, name: str) -> list[Any]:
        minimum = int(schema.get("minItems", 0))
        if minimum == 0:
            return []
        item = self.value(schema.get("items", {}), name=name, required=True)
        return [item] * minimum

    def number(self, schema: Mapping[str, Any], *, integer: bool) -> float:
        low = schema.get("minimum", schema.get("exclusiveMinimum", -math.inf))
        high = schema.get("maximum", schema.get("exclusiveMaximum", math.inf))
        candidates = list(self.spans.numbers())
        if isinstance(schema.get("default"), int | float):
            candidates.append(schema["default"])
        if "exclusiveMinimum" in schema:
            candidates.append(math.floor(schema["exclusiveMinimum"]) + 1)
        candidates += [low if math.isfinite(low) else 0, high if math.isfinite(high) else 0]
        for candidate in candidates:
            value: float = int(candidate) if integer else float(candidate)
            if integer and value != candidate:
                continue
            if not violations(value, schema, self.root):
                return value
        return int(candidates[0]) if integer else float(candidates[0])

    def choice(self, schema: Mapping[str, Any]) -> Any:
        options = list(schema["enum"])
        lowered = self.spans.question.lower()
        for option in options:
            if (
                isinstance(option, str)
                and option
                and re.search(rf"(?<!\w){re.escape(option.lower())}(?!\w)", lowered)
            ):
                return option
        default = schema.get("default")
        return default if default in options else (options[0] if options else None)

    def text(self, name: str, schema: Mapping[str, Any]) -> str:
        value = self.chosen.get(name)
        if value is not None and not violations(value, {**schema, "type": "string"}, self.root):
            self.specific = self.named = True
            return value
        role = role_of(name, schema)
        spans = self.spans
        span = {
            Role.WHOLE: spans.whole,
            Role.QUERY: spans.query(),
            Role.NAME: spans.name(),
            Role.SKILL: spans.skill(),
            Role.PATH: spans.path(),
            Role.TERM: spans.term(),
            Role.OTHER: spans.query(),
        }[role]
        # The whole text is always there; only a span cut from it says the question fits.
        if role not in (Role.OTHER, Role.WHOLE):
            if span:
                self.specific = True
            else:
                self.starved = True
                # "How experienced is she?" names no skill: a skill's tool has nothing
                # to count, however well its description matches.
                self.no_skill = self.no_skill or role is Role.SKILL
        if not span:
            # A tool asked for nothing is asked for the question itself, never for "".
            default = schema.get("default")
            span = default if isinstance(default, str) and default else spans.whole
        return self.fit_text(span, schema)

    def fit_text(self, span: str, schema: Mapping[str, Any]) -> str:
        """Bend a span into the string constraints, trying other spans when it cannot."""
        limit = schema.get("maxLength")
        candidates = [span, self.spans.whole, *self.spans.content, *self.spans.words]
        for candidate in candidates:
            if isinstance(limit, int) and len(candidate) > limit:
                candidate = candidate[:limit].rstrip()
            if not violations(candidate, {**schema, "type": "string"}, self.root):
                return candidate
        return span
