"""The fake upstream's HTTP app: the two model endpoints, faults, and the ``/_fake`` controls."""

from __future__ import annotations

import asyncio
import json
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

import anyio
from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from benchmarks.fake_openai.chat_api import ChatWire
from benchmarks.fake_openai.config import FAULT_KINDS, FakeConfig, FaultKind
from benchmarks.fake_openai.exchange import Exchange, Pacing
from benchmarks.fake_openai.frame import json_bytes, paced_body
from benchmarks.fake_openai.reply import choose_reply
from benchmarks.fake_openai.responses_api import ResponsesWire
from benchmarks.fake_openai.transcript import BadRequest, Transcript

FAULT_HEADER = "x-fake-fault"
_RECENT = 200


@dataclass
class Stats:
    """Counters since start or the last reset, served at ``GET /_fake/stats``."""

    requests: int = 0
    by_endpoint: Counter[str] = field(default_factory=Counter)
    replies: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0

    def enter(self) -> None:
        """A reply started sending."""
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        """A reply finished, failed or was abandoned."""
        self.in_flight -= 1

    def snapshot(self) -> dict[str, Any]:
        """The counters as JSON."""
        return {
            "requests": self.requests,
            "by_endpoint": dict(self.by_endpoint),
            "replies": dict(self.replies),
            "faults": dict(self.faults),
            "in_flight": self.in_flight,
            "max_in_flight": self.max_in_flight,
        }


class FakeUpstream:
    """The state behind one fake server and the Starlette app serving it.

    Args:
        config: Initial behaviour; replaceable at ``PUT /_fake/config``.
    """

    def __init__(self, config: FakeConfig) -> None:
        self.config = config
        self.stats = Stats()
        self.recent: deque[dict[str, Any]] = deque(maxlen=_RECENT)
        self._closing = asyncio.Event()
        self.app: ASGIApp = Starlette(
            routes=[
                Route("/v1/responses", self._responses, methods=["POST"]),
                Route("/v1/chat/completions", self._chat_completions, methods=["POST"]),
                Route("/v1/models", self._models, methods=["GET"]),
                Route("/_fake/health", self._health, methods=["GET"]),
                Route("/_fake/stats", self._stats, methods=["GET"]),
                Route("/_fake/requests", self._requests, methods=["GET"]),
                Route("/_fake/reset", self._reset, methods=["POST"]),
                Route("/_fake/config", self._config, methods=["GET", "PUT"]),
            ],
            exception_handlers={HTTPException: _http_error},
        )

    def close(self) -> None:
        """Begin shutting down: stalls and paced replies stop waiting. Call on the server loop."""
        self._closing.set()

    async def pause(self, seconds: float) -> bool:
        """Wait ``seconds``; False, early, if the server is shutting down."""
        if seconds > 0 and not self._closing.is_set():
            with anyio.move_on_after(seconds):
                await self._closing.wait()
        return not self._closing.is_set()

    async def _responses(self, request: Request) -> Response:
        return await self._model_call(request, "responses")

    async def _chat_completions(self, request: Request) -> Response:
        return await self._model_call(request, "chat_completions")

    async def _model_call(self, request: Request, endpoint: str) -> Response:
        self.stats.requests += 1
        self.stats.by_endpoint[endpoint] += 1
        record: dict[str, Any] = {"n": self.stats.requests, "endpoint": endpoint}
        self.recent.append(record)
        config = self.config
        try:
            fault = self._fault(request, record["n"])
            record["fault"] = fault
            body = await _json_object(request)
            if fault == "rate_limit":
                return _rate_limited(config, body)
            if fault == "server_error":
                message = "The server had an error while processing your request."
                return _error(500, message, "server_error")
            read = Transcript.from_responses if endpoint == "responses" else Transcript.from_chat
            transcript = read(body)
        except BadRequest as error:
            return _error(400, str(error), "invalid_request_error", param=error.param)
        except (AttributeError, KeyError, TypeError) as error:
            # Nested parts of the wrong type; the real API answers those with a 400 too.
            return _error(400, f"Invalid request body: {error}", "invalid_request_error")
        reply = choose_reply(transcript, config.answer_tokens)
        streamed = body.get("stream") is True
        self.stats.replies[reply.kind] += 1
        record.update(
            model=transcript.model,
            stream=streamed,
            tools=[tool.name for tool in transcript.tools],
            reply=reply.kind,
            tool=reply.tool_name,
        )
        input_tokens = max(1, transcript.size // 4)
        wire = (
            ResponsesWire(body, reply, input_tokens)
            if endpoint == "responses"
            else ChatWire(body, reply, input_tokens)
        )
        return _ExchangeResponse(
            Exchange(
                wire.frames()
                if streamed
                else paced_body(json_bytes(wire.body()), len(reply.pieces)),
                streamed=streamed,
                pacing=Pacing(
                    first_token=config.ttft_ms / 1000,
                    token=config.token_delay_ms / 1000,
                    stall=config.stall_seconds,
                ),
                pause=self.pause,
                stall=fault == "stall",
                drop_after=config.drop_after_events if fault == "drop" else None,
                # Looked up at call time: a reset swaps the Stats object under a live reply.
                on_start=lambda: self.stats.enter(),
                on_end=lambda: self.stats.leave(),
            )
        )

    def _fault(self, request: Request, ordinal: int) -> FaultKind | None:
        asked = request.headers.get(FAULT_HEADER)
        if asked is None:
            fault = self.config.fault_for(ordinal)
        elif asked == "none":
            fault = None
        elif asked in FAULT_KINDS:
            fault = asked  # type: ignore[assignment]
        else:
            raise BadRequest(
                f"Unknown {FAULT_HEADER} {asked!r}; use none or {', '.join(FAULT_KINDS)}."
            )
        if fault is not None:
            self.stats.faults[fault] += 1
        return fault

    async def _models(self, request: Request) -> Response:
        return JSONResponse(
            {
                "object": "list",
                "data": [{"id": "gpt-test", "object": "model", "created": 0, "owned_by": "fake"}],
            }
        )

    async def _health(self, request: Request) -> Response:
        return JSONResponse({"ok": True})

    async def _stats(self, request: Request) -> Response:
        return JSONResponse(self.stats.snapshot())

    async def _requests(self, request: Request) -> Response:
        return JSONResponse(list(self.recent))

    async def _reset(self, request: Request) -> Response:
        in_flight = self.stats.in_flight
        self.stats = Stats(in_flight=in_flight, max_in_flight=in_flight)
        self.recent.clear()
        return JSONResponse(self.stats.snapshot())

    async def _config(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.config = FakeConfig.model_validate(await _json_object(request))
            except BadRequest as error:
                return _error(400, str(error), "invalid_request_error")
            except ValidationError as error:
                return _error(400, f"Invalid config: {error}", "invalid_request_error")
        return JSONResponse(self.config.model_dump(mode="json"))


class _ExchangeResponse(Response):
    """Lets an :class:`Exchange` stand where Starlette expects a response."""

    def __init__(self, exchange: Exchange) -> None:
        self._exchange = exchange

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self._exchange(scope, receive, send)


async def _json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        raise BadRequest(f"We could not parse the JSON body of your request: {error}") from error
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return body


def _rate_limited(config: FakeConfig, body: dict[str, Any]) -> Response:
    seconds = config.retry_after_seconds
    shown = str(int(seconds)) if seconds == int(seconds) else str(seconds)
    response = _error(
        429,
        f"Rate limit reached for {body.get('model', 'the model')}. Please try again in {shown}s.",
        "requests",
        code="rate_limit_exceeded",
    )
    response.headers["retry-after"] = shown
    response.headers["x-ratelimit-remaining-requests"] = "0"
    return response


def _error(
    status: int, message: str, kind: str, *, param: str | None = None, code: str | None = None
) -> JSONResponse:
    """An error with the body shape the OpenAI client reads."""
    return JSONResponse(
        {"error": {"message": message, "type": kind, "param": param, "code": code}},
        status_code=status,
    )


async def _http_error(request: Request, error: Exception) -> Response:
    status = error.status_code if isinstance(error, HTTPException) else 500
    detail = error.detail if isinstance(error, HTTPException) else str(error)
    return _error(status, f"{detail}: {request.method} {request.url.path}", "invalid_request_error")
