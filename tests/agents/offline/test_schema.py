"""The argument checker agrees with a reference JSON Schema validator."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from ask_applicant.agents.offline.schema import is_valid, violations

OBJECT = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 2, "maxLength": 5, "pattern": "^[a-z]+$"},
        "limit": {"type": "integer", "minimum": 1, "maximum": 10},
        "mode": {"enum": ["a", "b"]},
        "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "maybe": {"anyOf": [{"type": "number"}, {"type": "null"}]},
        "ref": {"$ref": "#/$defs/Flag"},
    },
    "required": ["name"],
    "additionalProperties": False,
    "$defs": {"Flag": {"type": "boolean"}},
}

CASES: list[tuple[Any, dict[str, Any]]] = [
    ({"name": "abc"}, OBJECT),
    ({}, OBJECT),
    ({"name": "a"}, OBJECT),
    ({"name": "abcdef"}, OBJECT),
    ({"name": "ABC"}, OBJECT),
    ({"name": "abc", "extra": 1}, OBJECT),
    ({"name": "abc", "limit": 0}, OBJECT),
    ({"name": "abc", "limit": 3}, OBJECT),
    ({"name": "abc", "limit": 3.0}, OBJECT),
    ({"name": "abc", "limit": 3.5}, OBJECT),
    ({"name": "abc", "limit": True}, OBJECT),
    ({"name": "abc", "mode": "c"}, OBJECT),
    ({"name": "abc", "mode": "b"}, OBJECT),
    ({"name": "abc", "tags": []}, OBJECT),
    ({"name": "abc", "tags": ["x"]}, OBJECT),
    ({"name": "abc", "tags": [1]}, OBJECT),
    ({"name": "abc", "maybe": None}, OBJECT),
    ({"name": "abc", "maybe": "x"}, OBJECT),
    ({"name": "abc", "ref": False}, OBJECT),
    ({"name": "abc", "ref": "no"}, OBJECT),
    ("text", {"type": ["string", "null"]}),
    (None, {"type": ["string", "null"]}),
    (1, {"oneOf": [{"type": "integer"}, {"type": "number"}]}),
    (1.5, {"oneOf": [{"type": "integer"}, {"type": "number"}]}),
    (5, {"type": "number", "exclusiveMinimum": 5}),
    (6, {"type": "number", "exclusiveMaximum": 6}),
    (9, {"type": "integer", "multipleOf": 3}),
    (10, {"type": "integer", "multipleOf": 3}),
    (1, {"const": True}),
    (True, {"const": True}),
    ("x", {"not": {"type": "string"}}),
    ([1, 1], {"type": "array", "uniqueItems": True}),
    ({"a": 1}, {"type": "object", "additionalProperties": {"type": "string"}}),
    ({}, {}),
    ({}, {"type": "object", "properties": {}}),
]


@pytest.mark.parametrize(("value", "schema"), CASES)
def test_the_checker_agrees_with_jsonschema(value: Any, schema: dict[str, Any]) -> None:
    expected = jsonschema.Draft202012Validator(schema).is_valid(value)
    assert is_valid(value, schema) is expected, violations(value, schema)


def test_violations_name_the_failing_path() -> None:
    problems = violations({"name": "a", "extra": 1}, OBJECT)
    assert any("$.name" in problem for problem in problems)
    assert any("extra" in problem for problem in problems)


def test_a_broken_pattern_is_a_violation_not_a_crash() -> None:
    assert not is_valid("x", {"type": "string", "pattern": "("})
