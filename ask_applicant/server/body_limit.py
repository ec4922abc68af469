"""A hard cap on request bodies, counted in bytes as they arrive.

A `Content-Length` over the cap is refused before anything is read; a body without
one (chunked) is counted chunk by chunk and refused the moment it passes the cap.
Pure ASGI, so it also guards the mounted MCP transports and never buffers a body.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ask_applicant.server.problems import Problem

DEFAULT_MAX_BODY_BYTES = 1024 * 1024


class BodyTooLargeError(Problem):
    """The request body passed the cap while it was being read."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"The request body is larger than {limit} bytes.",
            kind="body-too-large",
        )


class BodyLimitMiddleware:
    """Answers 413 problem+json to HTTP requests whose body is over `max_bytes`.

    Args:
        app: The application to guard.
        max_bytes: The largest body accepted.
        responder: Answers the 413 in another shape for some paths (the client adapters
            speak their own protocols' errors); None, or returning None: problem+json.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int = DEFAULT_MAX_BODY_BYTES,
        responder: Callable[[str, Problem], Response | None] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.responder = responder

    def _refusal(self, scope: Scope, problem: Problem) -> Response:
        shaped = self.responder(scope.get("path", ""), problem) if self.responder else None
        return shaped if shaped is not None else problem.response()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = BodyTooLargeError(self.max_bytes)
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refusal(scope, too_large)(scope, receive, send)
            return

        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise too_large
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                if exceeded:
                    # The app caught the error and answered something else (a 400, say):
                    # the client still learns the real reason.
                    started = True
                    await self._refusal(scope, too_large)(scope, _no_body, send)
                    return
                started = True
            elif exceeded:
                return
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLargeError:
            if not started:
                await self._refusal(scope, too_large)(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
