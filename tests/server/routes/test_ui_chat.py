"""`/v1/ui/chat` on the wire: the UI message stream's chunks, resume, and bad input."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest

from ..conftest import Api, StartApi
from ..held_model import DEFAULT_ANSWER, HeldModel

TIMEOUT = 30
QUESTION = "Where did she study?"


def _body(chat_id: str, text: str = QUESTION, **extra: object) -> dict:
    message = {"id": "m1", "role": "user", "parts": [{"type": "text", "text": text}]}
    return {"id": chat_id, "messages": [message], "trigger": "submit-message", **extra}


async def _chunks(response: httpx.Response, *, limit: int | None = None) -> list:
    """The stream's `data:` payloads (JSON, or the closing "[DONE]")."""
    found: list = []
    async for line in response.aiter_lines():
        if line.startswith("data: "):
            payload = line[len("data: ") :]
            found.append(payload if payload == "[DONE]" else json.loads(payload))
            if limit is not None and len(found) >= limit:
                break
    return found


async def _conversations(api: Api, key: str) -> list[dict]:
    async with api.client(key) as http:
        return (await http.get("/v1/sessions")).json()["sessions"]


async def test_an_answer_streams_as_ui_message_chunks_ending_with_done(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    async with (
        api.client(await api.new_key()) as http,
        http.stream(
            "POST", "/v1/ui/chat", json=_body("chat-1", extraField={"kept": "out"})
        ) as response,
    ):
        with anyio.fail_after(TIMEOUT):
            chunks = await _chunks(response)
    assert response.status_code == 200
    assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
    assert response.headers["content-type"].startswith("text/event-stream")
    types = [c["type"] for c in chunks[:-1]]
    assert types[0] == "start" and chunks[0]["messageId"].startswith("r_")
    assert types[1] == "text-start"
    assert types[-3:] == ["text-end", "data-sources", "finish"]
    assert chunks[-1] == "[DONE]"
    text = "".join(c["delta"] for c in chunks[:-1] if c["type"] == "text-delta")
    assert text == DEFAULT_ANSWER
    assert {c["id"] for c in chunks[:-1] if c["type"].startswith("text-")} == {chunks[1]["id"]}
    finish = chunks[-2]
    assert finish["finishReason"] == "stop"
    assert finish["messageMetadata"]["runId"] == chunks[0]["messageId"]


async def test_resume_replays_the_answer_in_progress_and_finds_nothing_after_it(
    start_api: StartApi,
) -> None:
    model = HeldModel(hold=True)
    api = await start_api(model=model)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            async with http.stream("POST", "/v1/ui/chat", json=_body("chat-r")) as first:
                start = (await _chunks(first, limit=1))[0]
                await anyio.to_thread.run_sync(model.holding.wait)
                async with http.stream("GET", "/v1/ui/chat/chat-r/stream") as resumed:
                    model.release.set()
                    replayed = await _chunks(resumed)
            after = await http.get("/v1/ui/chat/chat-r/stream")
    assert resumed.headers["x-vercel-ai-ui-message-stream"] == "v1"
    assert replayed[0] == start
    assert "".join(c["delta"] for c in replayed[:-1] if c["type"] == "text-delta") == DEFAULT_ANSWER
    assert replayed[-2]["type"] == "finish" and replayed[-1] == "[DONE]"
    assert after.status_code == 204


async def test_another_callers_conversation_id_is_404_and_starts_nothing(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    mine, theirs = await api.new_key(), await api.new_key(name="Other recruiter")
    async with api.client(mine) as http:
        async with http.stream("POST", "/v1/ui/chat", json=_body("chat-mine")) as response:
            session = (await _chunks(response))[-2]["messageMetadata"]["sessionId"]
    async with api.client(theirs) as http:
        foreign = await http.post("/v1/ui/chat", json=_body(session))
        resume = await http.get(f"/v1/ui/chat/{session}/stream")
        # The same client-made chat id is theirs alone: a conversation of their own.
        async with http.stream("POST", "/v1/ui/chat", json=_body("chat-mine")) as response:
            own = (await _chunks(response))[-2]["messageMetadata"]["sessionId"]
    assert foreign.status_code == 404 and foreign.json()["type"] == "error"
    assert resume.status_code == 404
    assert own != session
    assert len(await _conversations(api, theirs)) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"id": "chat-x", "messages": []},
        {"id": "", "messages": _body("c")["messages"]},
        {"id": "챗" * 10, "messages": _body("c")["messages"]},
        {"id": "x" * 300, "messages": _body("c")["messages"]},
        _body("chat-x", text="   "),
        _body("chat-x", text="a" * 5000),
        {"id": "chat-x", "messages": [{"id": "m", "role": "robot", "parts": []}]},
        {"id": "chat-x", "messages": [{"id": "m", "role": "assistant", "parts": []}]},
        {"id": "chat-x", "messages": "hello"},
        {"messages": _body("c")["messages"]},
    ],
)
async def test_bad_input_is_a_400_error_chunk_and_starts_no_run(
    start_api_on_sqlite: StartApi, body: dict
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    key = await api.new_key()
    async with api.client(key) as http:
        reply = await http.post("/v1/ui/chat", json=body)
    assert reply.status_code == 400, reply.text
    assert reply.json()["type"] == "error" and reply.json()["errorText"]
    assert await _conversations(api, key) == []


async def test_without_a_key_the_answer_is_401_in_the_protocols_shape(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    async with api.client() as http:
        reply = await http.post("/v1/ui/chat", json=_body("chat-1"))
    assert reply.status_code == 401
    assert reply.headers["www-authenticate"].startswith("Bearer")
    assert reply.json()["type"] == "error"


async def test_a_body_over_the_servers_limit_is_a_413_error_chunk(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    async with api.client(await api.new_key()) as http:
        reply = await http.post("/v1/ui/chat", json=_body("chat-1", text="x" * (1024 * 1024 + 1)))
    assert reply.status_code == 413
    assert reply.json()["type"] == "error" and reply.json()["errorText"]
