"""A whole turn on the real model path: API → run → SDK → OpenAI client → fake upstream."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from benchmarks.sse import SseEvent, read_events

from .conftest import StartService

QUESTION = "Which projects has she built with Python?"
APIS = ["responses", "chat_completions"]


async def _stream(http: httpx.AsyncClient, body: dict[str, Any]) -> list[SseEvent]:
    async with http.stream("POST", "/v1/chat/stream", json=body) as response:
        assert response.status_code == 200, await response.aread()
        return [event async for event in read_events(response)]


def _names(events: list[SseEvent]) -> list[str]:
    return [event.event for event in events]


@pytest.mark.parametrize("api", APIS)
async def test_a_question_is_triaged_handed_off_answered_with_a_tool_and_streamed(
    start_service: StartService, api: str
):
    service = await start_service(api=api)

    async with service.client() as http:
        events = await _stream(http, {"message": QUESTION})

    names = _names(events)
    assert names[0] == "run.created" and names[-1] == "run.completed"
    handoff = next(event.data for event in events if event.event == "handoff")
    assert handoff == {"from": "triage", "to": "project"}
    called = next(event.data for event in events if event.event == "tool.called")
    assert called["agent"] == "project" and called["tool"] in {"list_projects", "get_project"}
    output = next(event.data for event in events if event.event == "tool.output")
    assert output["call_id"] == called["call_id"] and "chat-service" in output["output"]
    deltas = [event.data["delta"] for event in events if event.event == "message.delta"]
    assert len(deltas) > 1, "the answer arrives in pieces, as the upstream streamed it"
    completed = next(event.data for event in events if event.event == "message.completed")
    assert "".join(deltas) == completed["text"] and completed["agent"] == "project"
    assert f"{called['tool']} says:" in completed["text"], "the answer quotes the tool"
    assert events[-1].data["usage"]["requests"] == 3
    endpoint = "responses" if api == "responses" else "chat_completions"
    assert service.fake.stats()["by_endpoint"] == {endpoint: 3}


@pytest.mark.parametrize("api", APIS)
async def test_the_next_question_of_a_conversation_starts_with_the_specialist_that_answered(
    start_service: StartService, api: str
):
    service = await start_service(api=api)

    async with service.client() as http:
        first = await _stream(http, {"message": QUESTION})
        session_id = first[0].data["session_id"]
        service.fake.reset()
        second = await _stream(
            http, {"message": "And what did the chat service use?", "session_id": session_id}
        )
        detail = (await http.get(f"/v1/sessions/{session_id}")).json()

    assert second[0].data["agent"] == "project" and _names(second)[-1] == "run.completed"
    opening = service.fake.requests()[0]
    assert opening["model"] == "gpt-test" and "list_projects" in opening["tools"]
    assert [(message["role"], message["status"]) for message in detail["messages"]] == [
        ("user", None),
        ("assistant", "completed"),
        ("user", None),
        ("assistant", "completed"),
    ]
