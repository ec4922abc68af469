"""The fake OpenAI upstream speaks both wire formats as the openai package parses them."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.responses import Response, ResponseStreamEvent, ResponseTextDeltaEvent
from pydantic import TypeAdapter

from benchmarks.fake_openai import FakeConfig, FakeOpenAI
from benchmarks.fake_openai.__main__ import main as fake_openai_cli

ANSWER_TOKENS = FakeConfig().answer_tokens


async def _sse(fake: FakeOpenAI, path: str, body: dict[str, Any]) -> list[tuple[str | None, str]]:
    """(event name, data) of every server-sent event, read off the raw wire."""
    events: list[tuple[str | None, str]] = []
    name, data = None, ""
    async with (
        httpx.AsyncClient() as http,
        http.stream("POST", f"{fake.base_url}/{path}", json=body) as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        async for line in response.aiter_lines():
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data = line.removeprefix("data: ")
            elif not line and data:
                events.append((name, data))
                name, data = None, ""
    return events


async def test_a_streamed_response_is_the_real_event_sequence_of_openai_types(fake: FakeOpenAI):
    events = await _sse(
        fake, "responses", {"model": "gpt-test", "input": "안녕 🎉", "stream": True}
    )

    adapter: TypeAdapter[ResponseStreamEvent] = TypeAdapter(ResponseStreamEvent)
    parsed = [adapter.validate_json(data) for _, data in events]
    assert [name for name, _ in events] == [event.type for event in parsed]
    assert [event.sequence_number for event in parsed] == list(range(len(parsed)))
    assert [event.type for event in parsed] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * ANSWER_TOKENS,
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    text = "".join(e.delta for e in parsed if isinstance(e, ResponseTextDeltaEvent))
    completed = parsed[-1].response  # type: ignore[union-attr]
    assert text.startswith("You asked: 안녕 🎉")
    assert completed.output_text == text
    assert completed.usage is not None and completed.usage.output_tokens == ANSWER_TOKENS


async def test_a_plain_response_validates_as_an_openai_response(fake: FakeOpenAI):
    async with httpx.AsyncClient() as http:
        raw = await http.post(f"{fake.base_url}/responses", json={"model": "m", "input": "Hi"})
    response = Response.model_validate(raw.json())

    assert raw.headers["x-request-id"].startswith("req_")
    assert response.status == "completed" and response.model == "m"
    assert len(response.output_text.split()) == ANSWER_TOKENS


async def test_the_openai_client_streams_a_responses_answer(fake: FakeOpenAI):
    async with fake.client() as client:
        stream = await client.responses.create(model="gpt-test", input="Hello", stream=True)
        events = [event async for event in stream]

    assert events[-1].type == "response.completed"
    assert events[-1].response.output_text.startswith("You asked: Hello")


async def test_chat_completion_chunks_are_openai_chunks_with_usage_then_done(fake: FakeOpenAI):
    body = {
        "model": "gpt-test",
        "messages": [{"role": "user", "content": "Hello"}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    events = await _sse(fake, "chat/completions", body)

    assert events[-1] == (None, "[DONE]")
    chunks = [ChatCompletionChunk.model_validate_json(data) for _, data in events[:-1]]
    content = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert content.startswith("You asked: Hello")
    assert chunks[-2].choices[0].finish_reason == "stop"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == ANSWER_TOKENS


async def test_a_plain_chat_completion_validates_as_an_openai_chat_completion(fake: FakeOpenAI):
    body = {"model": "m", "messages": [{"role": "user", "content": "Hello"}]}
    async with httpx.AsyncClient() as http:
        raw = await http.post(f"{fake.base_url}/chat/completions", json=body)
    completion = ChatCompletion.model_validate(raw.json())

    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None and completion.usage.completion_tokens == ANSWER_TOKENS


async def test_the_openai_client_gets_the_same_chat_answer_streamed_and_not(fake: FakeOpenAI):
    messages: Any = [{"role": "user", "content": "Hello"}]
    async with fake.client() as client:
        plain = await client.chat.completions.create(model="gpt-test", messages=messages)
        stream = await client.chat.completions.create(
            model="gpt-test", messages=messages, stream=True
        )
        chunks = [chunk async for chunk in stream]

    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert plain.choices[0].message.content == streamed
    assert all(chunk.usage is None for chunk in chunks)  # usage was not asked for


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("responses", b"{not json"),
        ("responses", b"[]"),
        ("responses", {"model": "m"}),
        ("responses", {"input": "Hi"}),
        ("responses", {"model": "m", "input": [1]}),
        ("responses", {"model": "m", "input": "Hi", "tools": "all"}),
        ("chat/completions", {"model": "m", "messages": []}),
        (
            "chat/completions",
            {
                "model": "m",
                "messages": [{"role": "user", "content": "x"}],
                "tools": [{"type": "function", "function": 7}],
            },
        ),
    ],
)
async def test_a_malformed_request_gets_an_openai_shaped_400(
    fake: FakeOpenAI, path: str, body: Any
):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{fake.base_url}/{path}", content=raw, headers={"content-type": "application/json"}
        )

    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"


async def test_an_unknown_path_gets_an_openai_shaped_404(fake: FakeOpenAI):
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{fake.base_url}/embeddings", json={})

    assert response.status_code == 404
    assert "/v1/embeddings" in response.json()["error"]["message"]


def test_the_cli_rejects_an_unknown_fault_clearly(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exited:
        fake_openai_cli(["--fault", "explode"])

    assert exited.value.code == 2
    assert "unknown fault 'explode'" in capsys.readouterr().err
