"""The OpenAPI document, with the errors the API really answers.

FastAPI documents a JSON `HTTPValidationError` for 422 and nothing else. Every error
here is `application/problem+json` (see `problems`), so the document is finished
after FastAPI builds it: a `Problem` schema, and on each operation the refusals it
can answer: 401 and 429 where a key is needed (the `bearerAuth` scheme), 400, 413 and
422 where there is a body, 404 where an id is in the path, and the few statuses
particular to one route (409 busy conversation, 204 stream already over).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict, Field

from ask_applicant.server.problems import PROBLEM_JSON

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")

NEEDS_KEY = {
    401: "No key, a malformed `Authorization` header, or an unknown or revoked key.",
    429: "Over the key's request rate, or too many failed authentications from this "
    "address (`Retry-After` says when to try again).",
}
HAS_BODY = {
    400: "The body is not UTF-8 JSON or nests too deeply.",
    413: "The body is larger than 1 MiB.",
    422: "The body or a parameter is not valid (`errors` says where).",
}
HAS_PARAMETERS = {422: "A parameter is not valid (`errors` says where)."}
HAS_ID = {404: "Unknown, malformed or someone else's: the same answer for each."}
ON_ROUTE: dict[tuple[str, str], dict[int, str]] = {
    ("post", "/v1/chat"): {
        404: "`session_id` names no conversation of this key's (or someone else's).",
        409: "The conversation is still answering (`active_run_id`, `stream_url`).",
        429: "Over the request rate, or this key has too many answers in progress.",
        503: "The server is shutting down.",
    },
    ("delete", "/v1/sessions/{session_id}"): {409: "The conversation is still answering."},
}
ON_ROUTE[("post", "/v1/chat/stream")] = ON_ROUTE[("post", "/v1/chat")]
NO_CONTENT: dict[tuple[str, str], str] = {
    ("get", "/v1/runs/{run_id}/stream"): (
        "The run is over and the client already has its terminal event: stop reconnecting."
    ),
}


class ProblemSchema(BaseModel):
    """An error, as RFC 9457 `application/problem+json`; extensions vary by `type`."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = Field(description="`urn:ask-applicant:problem:<kind>`, or `about:blank`.")
    title: str = Field(description="A short summary of the status.")
    status: int = Field(description="The HTTP status, repeated.")
    detail: str = Field(description="What went wrong, for a person.")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="Validation errors (422): `loc`, `msg`, `type`."
    )
    active_run_id: str | None = Field(default=None, description="The busy run (409).")
    stream_url: str | None = Field(default=None, description="The busy run's stream (409).")


def install_openapi(app: FastAPI) -> None:
    """Make `app` serve the finished document at its OpenAPI URL."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = with_problems(document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def with_problems(document: dict[str, Any]) -> dict[str, Any]:
    """`document` with the `Problem` schema and every operation's error responses."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = ProblemSchema.model_json_schema()
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            _document_errors(operation, method, path)
    if not _mentions(document["paths"], "#/components/schemas/HTTPValidationError"):
        for name in _FASTAPI_VALIDATION_SCHEMAS:
            schemas.pop(name, None)
    return document


def _document_errors(operation: dict[str, Any], method: str, path: str) -> None:
    responses = operation.setdefault("responses", {})
    refusals: dict[int, str] = {}
    if operation.get("security"):
        refusals |= NEEDS_KEY
    if operation.get("parameters"):
        refusals |= HAS_PARAMETERS
    if "requestBody" in operation:
        refusals |= HAS_BODY
    if "{" in path:
        refusals |= HAS_ID
    refusals |= ON_ROUTE.get((method, path), {})
    for status, description in sorted(refusals.items()):
        responses[str(status)] = {
            "description": description,
            "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}},
        }
    if (method, path) in NO_CONTENT:
        responses["204"] = {"description": NO_CONTENT[(method, path)]}


def _mentions(value: Any, ref: str) -> bool:
    if isinstance(value, dict):
        return value.get("$ref") == ref or any(_mentions(v, ref) for v in value.values())
    if isinstance(value, list):
        return any(_mentions(v, ref) for v in value)
    return False
