"""The HTTP target: a running server, asked over `POST /v1/chat/stream`.

Each turn reads the run's SSE events into a `TurnRecord`; the `session_id` from
`run.created` carries the conversation to the next turn. A stream that drops before its
terminal event is resumed with `Last-Event-ID`, and a 429 is retried after its
`Retry-After`, so a busy server slows an evaluation down instead of failing it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from ask_applicant.evaluation.sse import SseEvent, read_events
from ask_applicant.evaluation.transcript import ToolCall, Transcript, TurnRecord, Usage

TERMINAL = ("run.completed", "run.failed", "run.cancelled")
MAX_RESUMES = 3
MAX_RATE_LIMIT_RETRIES = 5
MAX_RETRY_AFTER_SECONDS = 60.0


class _TurnReader:
    """Folds one run's events into a `TurnRecord`."""

    def __init__(self, question: str, started: float) -> None:
        self.record = TurnRecord(question=question)
        self.started = started
        self.last_id: str | None = None
        self.finished = False
        self._seq = 0
        self._text = ""
        self._completed: str | None = None
        self._calls: dict[str, ToolCall] = {}

    def feed(self, event: SseEvent) -> None:
        seq = _seq_of(event.id)
        if seq is not None:
            if seq <= self._seq:
                return  # replayed after a resume: already seen
            self._seq = seq
        self.last_id = event.id or self.last_id
        try:
            data = json.loads(event.data)
        except json.JSONDecodeError:
            return
        if isinstance(data, dict):
            self._apply(event.event, data)

    def _apply(self, name: str, data: dict[str, Any]) -> None:
        record = self.record
        if name == "run.created":
            record.run_id = data.get("run_id")
            record.session_id = data.get("session_id")
            record.agent = data.get("agent", record.agent)
        elif name == "agent.updated":
            record.agent = data.get("agent", record.agent)
        elif name == "handoff":
            record.handoffs.append(str(data.get("to")))
        elif name == "tool.called":
            call = ToolCall(
                name=str(data.get("tool")), arguments=data.get("arguments"), agent=data.get("agent")
            )
            self._calls[str(data.get("call_id"))] = call
            record.tool_calls.append(call)
        elif name == "tool.output" and str(data.get("call_id")) in self._calls:
            self._calls[str(data.get("call_id"))].output = data.get("output")
        elif name == "message.delta":
            if record.first_text_ms is None:
                record.first_text_ms = (time.perf_counter() - self.started) * 1000
            self._text += str(data.get("delta", ""))
        elif name == "message.completed":
            self._completed = str(data.get("text", ""))
            self._text = ""
            record.agent = data.get("agent", record.agent)
        elif name == "guardrail.tripped":
            # Text streamed before the trip belongs to a withdrawn answer.
            record.refused = True
            record.guardrail = data.get("guardrail")
            self._text, self._completed = "", None
        elif name in TERMINAL:
            self._finish(name, data)

    def _finish(self, name: str, data: dict[str, Any]) -> None:
        record = self.record
        self.finished = True
        record.answer = self._completed if self._completed is not None else self._text
        if name == "run.completed":
            record.agent = data.get("agent", record.agent)
            try:
                record.usage = Usage.model_validate(data.get("usage") or {})
            except ValidationError:
                record.usage = Usage()
        elif name == "run.failed":
            record.error = f"{data.get('code', 'failed')}: {data.get('message', '')}"
        else:
            record.error = "cancelled"


def _seq_of(event_id: str | None) -> int | None:
    if not event_id:
        return None
    _, _, seq = event_id.rpartition(":")
    return int(seq) if seq.isdigit() else None


def _problem(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    if isinstance(body, dict):
        detail = body.get("detail") or body.get("title") or body
        return f"HTTP {response.status_code}: {detail}"
    return f"HTTP {response.status_code}: {body}"


def _retry_after(response: httpx.Response) -> float:
    try:
        seconds = float(response.headers.get("retry-after", "1"))
    except ValueError:
        seconds = 1.0
    return min(max(seconds, 0.1), MAX_RETRY_AFTER_SECONDS)


class HttpTarget:
    """Runs conversations against a server's chat API.

    Create it with `open_http_target`, which owns the HTTP client.

    Args:
        client: A client with the server's base URL and the Bearer key.
        url: The server's URL, for reports.
        turn_timeout_s: The longest one turn may take, resumes and retries included.
    """

    def __init__(self, client: httpx.AsyncClient, *, url: str, turn_timeout_s: float) -> None:
        self._client = client
        self.url = url
        self.turn_timeout_s = turn_timeout_s

    @property
    def description(self) -> str:
        """`server URL`."""
        return f"server {self.url}"

    async def converse(self, questions: Sequence[str], *, profile: Path | None) -> Transcript:
        """Ask `questions` in one new conversation; the server's profile answers."""
        transcript = Transcript()
        session_id: str | None = None
        for question in questions:
            started = time.perf_counter()
            reader = _TurnReader(question, started)
            try:
                async with asyncio.timeout(self.turn_timeout_s):
                    await self._run(reader, session_id)
            except TimeoutError:
                reader.record.error = f"timeout: no terminal event in {self.turn_timeout_s:.0f} s"
            except httpx.HTTPError as error:
                reader.record.error = f"http: {type(error).__name__}: {error}"
            reader.record.latency_ms = (time.perf_counter() - started) * 1000
            transcript.turns.append(reader.record)
            if reader.record.error is not None:
                break
            session_id = reader.record.session_id
        return transcript

    async def _run(self, reader: _TurnReader, session_id: str | None) -> None:
        body = {"message": reader.record.question, "session_id": session_id}
        for _ in range(MAX_RATE_LIMIT_RETRIES + 1):
            delay = await self._ask(reader, body)
            if delay is None:
                break
            await asyncio.sleep(delay)
        else:
            reader.record.error = "HTTP 429: still rate limited after retries"
            return
        for _ in range(MAX_RESUMES):
            if reader.finished or reader.record.error or reader.record.run_id is None:
                break
            await self._resume(reader)
        if not reader.finished and reader.record.error is None:
            reader.record.error = "the stream ended without a terminal event"

    async def _ask(self, reader: _TurnReader, body: dict[str, Any]) -> float | None:
        """Post the question and read its stream; the delay to wait when rate limited."""
        async with self._client.stream("POST", "/v1/chat/stream", json=body) as response:
            if response.status_code == 429:
                await response.aread()
                return _retry_after(response)
            if response.status_code != 200:
                await response.aread()
                reader.record.error = _problem(response)
                return None
            await self._drain(reader, response)
            return None

    async def _resume(self, reader: _TurnReader) -> None:
        headers = {"Last-Event-ID": reader.last_id} if reader.last_id else {}
        path = f"/v1/runs/{reader.record.run_id}/stream"
        async with self._client.stream("GET", path, headers=headers) as response:
            if response.status_code != 200:
                await response.aread()
                reader.record.error = f"resuming the stream: {_problem(response)}"
                return
            await self._drain(reader, response)

    async def _drain(self, reader: _TurnReader, response: httpx.Response) -> None:
        try:
            async for event in read_events(response.aiter_lines()):
                reader.feed(event)
                if reader.finished:
                    return
        except (httpx.RemoteProtocolError, httpx.ReadError):
            return  # a dropped stream: resumed by the caller


@asynccontextmanager
async def open_http_target(
    url: str, *, api_key: str, turn_timeout_s: float = 180.0
) -> AsyncIterator[HttpTarget]:
    """An `HttpTarget` for the server at `url`, authenticating with `api_key`."""
    timeout = httpx.Timeout(connect=10.0, read=60.0, write=10.0, pool=None)
    headers = {"Authorization": f"Bearer {api_key}", "Accept": "text/event-stream"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=timeout) as client:
        yield HttpTarget(client, url=url, turn_timeout_s=turn_timeout_s)
