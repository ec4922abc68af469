"""Request bodies over 1 MiB are refused with 413, announced or chunked."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import anyio
import httpx
from starlette.types import Message, Receive, Scope, Send

from ask_applicant.server.body_limit import BodyLimitMiddleware

from .conftest import StartApi
from .held_model import HeldModel

TIMEOUT = 30
MIB = 1024 * 1024


def _big_body(size: int) -> bytes:
    body = json.dumps({"message": "x" * size}).encode()
    return body


async def _chunks(body: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


async def test_bodies_over_one_mib_get_413_whether_announced_or_chunked(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    key = await api.new_key()
    body = _big_body(MIB + 10)
    async with api.client(key) as http:
        with anyio.fail_after(TIMEOUT):
            announced = await http.post(
                "/v1/chat", content=body, headers={"Content-Type": "application/json"}
            )
            chunked = await http.post(
                "/v1/chat/stream",
                content=_chunks(body),
                headers={"Content-Type": "application/json"},
            )
            just_under = await http.post(
                "/v1/chat",
                content=_big_body(MIB - 100),
                headers={"Content-Type": "application/json"},
            )
            mcp = await http.post(
                "/mcp/profile",
                content=_chunks(body),
                headers={"Content-Type": "application/json", "Accept": "application/json"},
            )
    for reply in (announced, chunked, mcp):
        assert reply.status_code == 413, reply.text
        assert reply.headers["content-type"] == "application/problem+json"
        assert reply.json()["status"] == 413
    assert "chunked" not in announced.request.headers.get("transfer-encoding", "")
    assert chunked.request.headers["transfer-encoding"] == "chunked"
    assert just_under.status_code == 422  # read in full, then refused as too long a message


async def test_an_app_that_swallows_the_error_still_answers_413() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        try:
            while (await receive()).get("more_body"):
                pass
        except Exception:
            await send({"type": "http.response.start", "status": 400, "headers": []})
            await send({"type": "http.response.body", "body": b"bad"})
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    guarded = BodyLimitMiddleware(app, max_bytes=10)
    transport = httpx.ASGITransport(app=guarded)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        small = await http.post("/", content=_chunks(b"0123456789", 3))
        large = await http.post("/", content=_chunks(b"01234567890", 3))
    assert small.status_code == 200
    assert large.status_code == 413 and large.json()["status"] == 413


async def test_lifespan_and_websocket_scopes_pass_through() -> None:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])

    async def receive() -> Message:
        return {"type": "lifespan.startup"}

    async def send(_message: Message) -> None:
        return None

    await BodyLimitMiddleware(app)({"type": "lifespan"}, receive, send)
    assert seen == ["lifespan"]
