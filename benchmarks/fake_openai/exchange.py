"""One model request answered on the wire: pacing, stalls, dropped connections, disconnects."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import anyio
from starlette.types import Receive, Scope, Send

from benchmarks.fake_openai.frame import Frame, json_bytes

# Waits the given seconds; answers False when the server is shutting down instead.
Pause = Callable[[float], Awaitable[bool]]


class DroppedConnection(Exception):
    """Raised after a ``drop`` fault's partial reply, so that uvicorn cuts the connection."""


@dataclass(frozen=True)
class Pacing:
    """Seconds to wait, from :class:`~benchmarks.fake_openai.config.FakeConfig`."""

    first_token: float
    token: float
    stall: float

    def before(self, frame: Frame) -> float:
        """The wait before a frame."""
        if frame.wait == "first_token":
            return self.first_token
        return self.token if frame.wait == "token" else 0.0


class Exchange:
    """An ASGI response that sends frames at the configured pace, or fails as told.

    Args:
        frames: The reply, in order.
        streamed: Whether the frames are an SSE stream or one JSON body.
        pacing: The waits.
        pause: Waits that end early when the server shuts down.
        stall: Wait ``pacing.stall`` before the first byte.
        drop_after: Cut the connection after this many frames (for a JSON body, after half
            of it); ``None`` sends everything.
        on_start: Called when sending begins; ``on_end`` when it ends, however it ends.
    """

    def __init__(
        self,
        frames: list[Frame],
        *,
        streamed: bool,
        pacing: Pacing,
        pause: Pause,
        stall: bool = False,
        drop_after: int | None = None,
        on_start: Callable[[], None] = lambda: None,
        on_end: Callable[[], None] = lambda: None,
    ) -> None:
        self._frames = frames
        self._streamed = streamed
        self._pacing = pacing
        self._pause = pause
        self._stall = stall
        self._drop_after = drop_after
        self._on_start = on_start
        self._on_end = on_end

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Send the reply, stopping early if the client goes away."""
        self._on_start()
        dropped = False
        try:
            async with anyio.create_task_group() as group:
                # uvicorn's send() ignores a vanished client, so watch for it or we would pace
                # out a whole reply nobody reads.
                group.start_soon(_cancel_on_disconnect, receive, group.cancel_scope)
                dropped = await self._send(send)
                group.cancel_scope.cancel()
        finally:
            self._on_end()
        if dropped:
            raise DroppedConnection("fault injected: connection dropped mid-reply")

    async def _send(self, send: Send) -> bool:
        """Send the reply; True when a ``drop`` fault cut it short."""
        if self._stall and not await self._pause(self._pacing.stall):
            await _send_unavailable(send)
            return False
        if self._streamed:
            return await self._send_stream(send)
        return await self._send_body(send)

    async def _send_stream(self, send: Send) -> bool:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"text/event-stream; charset=utf-8"),
                    (b"cache-control", b"no-cache"),
                    (b"x-request-id", _request_id()),
                ],
            }
        )
        for index, frame in enumerate(self._frames):
            if self._drop_after is not None and index >= self._drop_after:
                return True
            if not await self._pause(self._pacing.before(frame)):
                return True
            await send({"type": "http.response.body", "body": frame.data, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return False

    async def _send_body(self, send: Send) -> bool:
        wait = sum(self._pacing.before(frame) for frame in self._frames)
        if not await self._pause(wait):
            await _send_unavailable(send)
            return False
        body = b"".join(frame.data for frame in self._frames)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-request-id", _request_id()),
                ],
            }
        )
        if self._drop_after is not None:
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
            return True
        await send({"type": "http.response.body", "body": body, "more_body": False})
        return False


async def _cancel_on_disconnect(receive: Receive, scope: anyio.CancelScope) -> None:
    while (await receive())["type"] != "http.disconnect":
        continue
    scope.cancel()


async def _send_unavailable(send: Send) -> None:
    body = json_bytes(
        {
            "error": {
                "message": "The fake upstream is shutting down.",
                "type": "server_error",
                "param": None,
                "code": "shutting_down",
            }
        }
    )
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


def _request_id() -> bytes:
    return f"req_{uuid.uuid4().hex}".encode()
