"""The OpenAPI document names the key scheme and every problem+json a route answers."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import StartApi

PROBLEM = {"$ref": "#/components/schemas/Problem"}


@pytest.fixture
async def spec(start_api_on_sqlite: StartApi) -> dict[str, Any]:
    api = await start_api_on_sqlite()
    async with api.client() as http:
        reply = await http.get("/openapi.json")
    assert reply.status_code == 200
    return reply.json()


def _problem_statuses(operation: dict[str, Any]) -> set[str]:
    return {
        status
        for status, response in operation["responses"].items()
        if response.get("content", {}).get("application/problem+json", {}).get("schema") == PROBLEM
    }


async def test_routes_needing_a_key_declare_the_bearer_scheme_and_401_and_429(
    spec: dict[str, Any],
) -> None:
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert scheme == {"type": "http", "scheme": "bearer", "description": scheme["description"]}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if path.startswith("/v1/"):
                assert operation["security"] == [{"bearerAuth": []}], (method, path)
                assert {"401", "429"} <= _problem_statuses(operation), (method, path)
            else:
                assert "security" not in operation, (method, path)


async def test_each_route_documents_the_problems_it_answers(spec: dict[str, Any]) -> None:
    paths = spec["paths"]
    chat = _problem_statuses(paths["/v1/chat"]["post"])
    assert {"400", "401", "404", "409", "413", "422", "429"} <= chat
    assert {"400", "409", "413", "422"} <= _problem_statuses(paths["/v1/chat/stream"]["post"])
    assert "404" in _problem_statuses(paths["/v1/runs/{run_id}"]["get"])
    assert "409" in _problem_statuses(paths["/v1/sessions/{session_id}"]["delete"])
    assert "204" in paths["/v1/sessions/{session_id}"]["delete"]["responses"]
    assert "204" in paths["/v1/runs/{run_id}/stream"]["get"]["responses"]
    # FastAPI's own JSON validation error is not what the API answers.
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for operations in paths.values():
        for operation in operations.values():
            for response in operation["responses"].values():
                assert "application/json" not in response.get("content", {}) or (
                    response.get("content", {})["application/json"].get("schema") != PROBLEM
                )


async def test_the_problem_schema_and_the_message_bounds_are_documented(
    spec: dict[str, Any],
) -> None:
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail"} <= set(problem["required"])
    message = spec["components"]["schemas"]["ChatRequest"]["properties"]["message"]
    assert message["minLength"] == 1 and message["maxLength"] >= 4000
