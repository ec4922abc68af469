"""`/healthz`, `/readyz` and the OpenAPI docs."""

from __future__ import annotations

from ..conftest import StartApi


async def test_liveness_and_readiness_answer_without_a_key(start_api: StartApi) -> None:
    api = await start_api()
    async with api.client() as http:
        live = await http.get("/healthz")
        ready = await http.get("/readyz")
        # Uptime checkers often probe with HEAD.
        heads = [await http.head(path) for path in ("/healthz", "/readyz")]
    assert [head.status_code for head in heads] == [200, 200]
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "database": "ok", "mcp": [], "model": "offline"}


async def test_health_checks_name_every_method_they_accept(start_api: StartApi) -> None:
    api = await start_api()
    async with api.client() as http:
        for path in ("/healthz", "/readyz"):
            options = await http.options(path)
            assert options.status_code == 204, options.text
            assert options.headers["allow"] == "GET, HEAD, OPTIONS"
            wrong = await http.post(path)
            assert wrong.status_code == 405
            assert wrong.headers["content-type"] == "application/problem+json"
            assert wrong.headers["allow"] == "GET, HEAD, OPTIONS"
        chat = await http.put("/v1/chat")
    assert chat.status_code == 405 and chat.headers["allow"] == "POST, OPTIONS"


async def test_the_openapi_docs_describe_every_endpoint(start_api: StartApi) -> None:
    api = await start_api()
    async with api.client() as http:
        docs = await http.get("/docs")
        spec = (await http.get("/openapi.json")).json()
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert {
        "/v1/chat",
        "/v1/chat/stream",
        "/v1/runs/{run_id}",
        "/v1/runs/{run_id}/stream",
        "/v1/runs/{run_id}/cancel",
        "/v1/sessions",
        "/v1/sessions/{session_id}",
        "/v1/agents",
        "/healthz",
        "/readyz",
    } <= set(spec["paths"])
    assert (
        "text/event-stream"
        in spec["paths"]["/v1/chat/stream"]["post"]["responses"]["200"]["content"]
    )
