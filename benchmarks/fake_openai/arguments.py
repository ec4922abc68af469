"""Plausible values for a JSON schema: tool arguments and structured answers."""

from __future__ import annotations

from typing import Any

_MAX_DEPTH = 8


def sample_value(schema: dict[str, Any], question: str) -> Any:
    """A value that satisfies ``schema``, with the question text wherever a string goes.

    Handles what the Agents SDK emits for tools and output types: objects (only required
    properties, which is all of them in strict mode), arrays, scalars, ``enum``, ``const``,
    ``default``, ``anyOf``/``oneOf`` (the first non-null branch) and local ``$ref``.

    Args:
        schema: A JSON schema, usually a tool's ``parameters``.
        question: The latest user message, used for string values.

    Returns:
        A JSON-serialisable value.
    """
    definitions = {**schema.get("definitions", {}), **schema.get("$defs", {})}
    return _sample(schema, question, definitions, 0)


def _sample(schema: Any, question: str, definitions: dict[str, Any], depth: int) -> Any:
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return _sample(definitions.get(ref.rsplit("/", 1)[-1]), question, definitions, depth + 1)
    if "const" in schema:
        return schema["const"]
    if "default" in schema:
        return schema["default"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        branches = [b for b in schema.get(key) or [] if _type_of(b) != "null"]
        if branches:
            return _sample(branches[0], question, definitions, depth + 1)
    kind = _type_of(schema)
    if kind == "object" or "properties" in schema:
        properties: dict[str, Any] = schema.get("properties") or {}
        required = schema.get("required") or list(properties)
        return {
            name: _sample(properties[name], question, definitions, depth + 1)
            for name in required
            if name in properties
        }
    if kind == "array":
        count = int(schema.get("minItems") or 0)
        return [_sample(schema.get("items"), question, definitions, depth + 1)] * count
    if kind == "string":
        return _string(schema, question)
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        value = max(1, low + 1 if "exclusiveMinimum" in schema else low) if low is not None else 1
        high = schema.get("maximum")
        value = min(value, high) if high is not None else value
        return int(value) if kind == "integer" else float(value)
    if kind == "boolean":
        return False
    return None


def _type_of(schema: Any) -> str | None:
    if not isinstance(schema, dict):
        return None
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        return kinds[0] if kinds else "null"
    return kind if isinstance(kind, str) else None


def _string(schema: dict[str, Any], question: str) -> str:
    text = question or "fake"
    longest = schema.get("maxLength")
    if isinstance(longest, int):
        text = text[:longest]
    shortest = schema.get("minLength")
    if isinstance(shortest, int) and len(text) < shortest:
        text = text.ljust(shortest, ".")
    return text
