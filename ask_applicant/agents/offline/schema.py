"""A small JSON Schema checker for tool arguments.

The offline model validates every argument object against the tool's
`params_json_schema` before emitting the call, so it never asks a tool for something
outside its contract. Tool schemas use a modest subset of JSON Schema (what pydantic and
MCP servers generate); that subset is checked here. Unknown keywords are ignored, as a
JSON Schema validator would.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

_TYPE_CHECKS = {
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: (
        (isinstance(value, int) and not isinstance(value, bool))
        or (isinstance(value, float) and value.is_integer())
    ),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "array": lambda value: isinstance(value, list),
    "object": lambda value: isinstance(value, dict),
    "null": lambda value: value is None,
}


def resolve(schema: Any, root: Mapping[str, Any]) -> Any:
    """Follow a local `$ref` (`#/$defs/Name`) to the schema it names.

    Args:
        schema: A schema that may be a `$ref`.
        root: The top-level schema holding the definitions.

    Returns:
        The referenced schema, or `schema` itself when it is not a resolvable reference.
    """
    seen = 0
    while isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str) and seen < 32:
        target: Any = root
        ref = schema["$ref"]
        if not ref.startswith("#"):
            return schema
        for part in ref.lstrip("#").strip("/").split("/"):
            if not part:
                continue
            if not isinstance(target, Mapping) or part not in target:
                return schema
            target = target[part]
        schema, seen = target, seen + 1
    return schema


def violations(value: Any, schema: Any, root: Mapping[str, Any] | None = None) -> list[str]:
    """List the ways a value breaks a schema.

    Args:
        value: The decoded JSON value.
        schema: The schema (a mapping, or a boolean schema).
        root: The document for `$ref` lookups; defaults to `schema`.

    Returns:
        Human-readable problems; empty when the value conforms.
    """
    if root is None:
        root = schema if isinstance(schema, Mapping) else {}
    return _check(value, schema, root, "$")


def is_valid(value: Any, schema: Any) -> bool:
    """Tell whether a value conforms to a schema."""
    return not violations(value, schema)


def _check(value: Any, schema: Any, root: Mapping[str, Any], path: str) -> list[str]:
    if schema is True or schema is None:
        return []
    if schema is False:
        return [f"{path}: no value is allowed"]
    if not isinstance(schema, Mapping):
        return []
    schema = resolve(schema, root)
    if not isinstance(schema, Mapping):
        return []
    problems: list[str] = []
    if "$ref" in schema:
        problems.append(f"{path}: unresolvable reference {schema['$ref']}")
    problems += _check_type(value, schema, path)
    if "enum" in schema and not any(_same(value, option) for option in schema["enum"]):
        problems.append(f"{path}: {value!r} is not one of {schema['enum']!r}")
    if "const" in schema and not _same(value, schema["const"]):
        problems.append(f"{path}: {value!r} is not {schema['const']!r}")
    for branch in schema.get("allOf", ()):
        problems += _check(value, branch, root, path)
    for keyword in ("anyOf", "oneOf"):
        branches = schema.get(keyword)
        if branches:
            passing = sum(1 for branch in branches if not _check(value, branch, root, path))
            if passing == 0 or (keyword == "oneOf" and passing > 1):
                problems.append(f"{path}: does not match {keyword}")
    if "not" in schema and not _check(value, schema["not"], root, path):
        problems.append(f"{path}: matches a forbidden schema")
    if isinstance(value, str):
        problems += _check_string(value, schema, path)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        problems += _check_number(value, schema, path)
    elif isinstance(value, list):
        problems += _check_array(value, schema, root, path)
    elif isinstance(value, dict):
        problems += _check_object(value, schema, root, path)
    return problems


def _check_type(value: Any, schema: Mapping[str, Any], path: str) -> list[str]:
    declared = schema.get("type")
    if declared is None:
        return []
    names = declared if isinstance(declared, list) else [declared]
    if any(_TYPE_CHECKS.get(name, lambda _v: True)(value) for name in names):
        return []
    return [f"{path}: expected {declared}, got {type(value).__name__}"]


def _check_string(value: str, schema: Mapping[str, Any], path: str) -> list[str]:
    problems = []
    if len(value) < schema.get("minLength", 0):
        problems.append(f"{path}: shorter than {schema['minLength']}")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        problems.append(f"{path}: longer than {schema['maxLength']}")
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        try:
            if not re.search(pattern, value):
                problems.append(f"{path}: does not match {pattern!r}")
        except re.error:
            problems.append(f"{path}: pattern {pattern!r} cannot be checked")
    return problems


def _check_number(value: float, schema: Mapping[str, Any], path: str) -> list[str]:
    problems = []
    if not math.isfinite(value):
        problems.append(f"{path}: not a finite number")
    if "minimum" in schema and value < schema["minimum"]:
        problems.append(f"{path}: below {schema['minimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        problems.append(f"{path}: above {schema['maximum']}")
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        problems.append(f"{path}: not above {schema['exclusiveMinimum']}")
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        problems.append(f"{path}: not below {schema['exclusiveMaximum']}")
    step = schema.get("multipleOf")
    if (
        isinstance(step, int | float)
        and step > 0
        and not math.isclose(value / step, round(value / step))
    ):
        problems.append(f"{path}: not a multiple of {step}")
    return problems


def _check_array(
    value: list[Any], schema: Mapping[str, Any], root: Mapping[str, Any], path: str
) -> list[str]:
    problems = []
    if len(value) < schema.get("minItems", 0):
        problems.append(f"{path}: fewer than {schema['minItems']} items")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        problems.append(f"{path}: more than {schema['maxItems']} items")
    if schema.get("uniqueItems") and len({repr(item) for item in value}) != len(value):
        problems.append(f"{path}: items are not unique")
    items = schema.get("items")
    if items is not None:
        for index, item in enumerate(value):
            problems += _check(item, items, root, f"{path}[{index}]")
    return problems


def _check_object(
    value: dict[str, Any], schema: Mapping[str, Any], root: Mapping[str, Any], path: str
) -> list[str]:
    problems = [
        f"{path}: missing required {name!r}"
        for name in schema.get("required", ())
        if name not in value
    ]
    properties = schema.get("properties") or {}
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if name in properties:
            problems += _check(item, properties[name], root, f"{path}.{name}")
        elif extra is False:
            problems.append(f"{path}: unexpected property {name!r}")
        elif isinstance(extra, Mapping):
            problems += _check(item, extra, root, f"{path}.{name}")
    if len(value) < schema.get("minProperties", 0):
        problems.append(f"{path}: fewer than {schema['minProperties']} properties")
    return problems


def _same(left: Any, right: Any) -> bool:
    # JSON equality: True is not 1, but 1 is 1.0.
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    return bool(left == right)
