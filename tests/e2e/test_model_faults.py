"""Upstream failures on the real model path end the run cleanly, with a clear code."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from benchmarks.fake_openai import Fault
from benchmarks.sse import SseEvent, read_events

from .conftest import StartService

QUESTION = "Which projects has she built with Python?"
APIS = ["responses", "chat_completions"]
# The fault's kind, the model request it hits (1 triage, 2 the specialist's tool call,
# 3 its streamed answer), and the `run.failed` code the asker receives.
FAULTS = [
    pytest.param("rate_limit", 1, "rate_limited", id="429"),
    pytest.param("server_error", 2, "model_error", id="500"),
    pytest.param("stall", 3, "timeout", id="stall"),
    pytest.param("drop", 3, "model_error", id="drop"),
]


async def _stream(http: httpx.AsyncClient, body: dict[str, Any]) -> list[SseEvent]:
    async with http.stream("POST", "/v1/chat/stream", json=body) as response:
        assert response.status_code == 200, await response.aread()
        return [event async for event in read_events(response)]


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("kind", "nth", "code"), FAULTS)
async def test_an_upstream_fault_ends_the_run_with_run_failed_and_its_code(
    start_service: StartService, api: str, kind: Any, nth: int, code: str
):
    service = await start_service(api=api, faults=(Fault(kind=kind, nth=nth),))

    async with service.client() as http:
        events = await _stream(http, {"message": QUESTION})
        run_id = events[0].data["run_id"]
        session_id = events[0].data["session_id"]
        run = (await http.get(f"/v1/runs/{run_id}")).json()
        detail = (await http.get(f"/v1/sessions/{session_id}")).json()

    terminal = [event for event in events if event.terminal]
    assert terminal == [events[-1]] and events[-1].event == "run.failed"
    assert events[-1].data["code"] == code
    message = events[-1].data["message"]
    assert message and "Traceback" not in message and "fake" not in message.lower()
    assert service.fake.stats()["faults"] == {kind: 1}
    assert run["status"] == "failed" and run["error"]["code"] == code
    assert detail["active_run_id"] is None, "nothing is left running"
    assert detail["messages"][0] == {**detail["messages"][0], "role": "user", "text": QUESTION}
    assert detail["messages"][1]["status"] == "failed"


@pytest.mark.parametrize("api", APIS)
async def test_the_conversation_goes_on_after_a_failed_run(start_service: StartService, api: str):
    service = await start_service(api=api, faults=(Fault(kind="server_error", nth=1),))

    async with service.client() as http:
        failed = await _stream(http, {"message": QUESTION})
        session_id = failed[0].data["session_id"]
        retried = await _stream(http, {"message": QUESTION, "session_id": session_id})
        detail = (await http.get(f"/v1/sessions/{session_id}")).json()

    assert failed[-1].event == "run.failed" and retried[-1].event == "run.completed"
    statuses = [message["status"] for message in detail["messages"] if message["role"] != "user"]
    assert statuses == ["failed", "completed"]


async def test_a_rate_limit_is_retried_after_its_retry_after_when_retries_are_allowed(
    start_service: StartService,
):
    service = await start_service(
        faults=(Fault(kind="rate_limit", nth=1),), max_retries=1, retry_after_seconds=0.2
    )

    async with service.client() as http:
        events = await _stream(http, {"message": QUESTION})

    assert events[-1].event == "run.completed"
    stats = service.fake.stats()
    assert stats["faults"] == {"rate_limit": 1} and stats["requests"] == 4
