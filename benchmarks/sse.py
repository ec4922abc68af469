"""Reading the service's Server-Sent Events as a client does, and timing them."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx

TERMINAL_EVENTS = frozenset({"run.completed", "run.failed", "run.cancelled"})


@dataclass(frozen=True)
class SseEvent:
    """One named event of a stream.

    Attributes:
        event: The event name (`message.delta`, `run.completed`, ...).
        data: The parsed JSON data.
        id: The event id, `{run_id}:{seq}`.
    """

    event: str
    data: Any
    id: str | None = None

    @property
    def terminal(self) -> bool:
        """True for the event that ends a run's stream."""
        return self.event in TERMINAL_EVENTS


async def read_events(response: httpx.Response) -> AsyncIterator[SseEvent]:
    """The named events of a streaming response, in order; comments and retry hints skipped.

    Args:
        response: A response opened with `client.stream(...)`.
    """
    name: str | None = None
    event_id: str | None = None
    data: list[str] = []
    async for line in response.aiter_lines():
        if line:
            field_name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field_name == "event":
                name = value
            elif field_name == "data":
                data.append(value)
            elif field_name == "id":
                event_id = value
            continue
        if name is not None:
            yield SseEvent(name, json.loads("\n".join(data)) if data else None, event_id)
        name, event_id, data = None, None, []


@dataclass
class StreamTiming:
    """How one stream went, timed from just before the request was sent.

    Attributes:
        first_delta: Seconds to the first `message.delta` (None if there was none).
        terminal: Seconds to the terminal event, or to the end of a failed attempt.
        outcome: The terminal event's name, or `http <status>` / the exception's name.
        events: How many named events arrived.
        run_id: The run's id, from `run.created`.
        error: What went wrong, for a failed attempt.
    """

    first_delta: float | None = None
    terminal: float = 0.0
    outcome: str = ""
    events: int = 0
    run_id: str | None = None
    error: str | None = field(default=None)

    @property
    def ok(self) -> bool:
        """True when the run completed and streamed at least one delta."""
        return self.outcome == "run.completed" and self.first_delta is not None


async def timed_stream(
    client: httpx.AsyncClient, method: str, url: str, **request: Any
) -> StreamTiming:
    """Send one streaming request and time its events until the terminal one.

    Never raises for a failed request: the timing says what went wrong instead.

    Args:
        client: The HTTP client (its base URL, key and timeouts apply).
        method: `POST` (a new question) or `GET` (a replay).
        url: The path.
        **request: Passed to `client.stream` (`json=`, `params=`, `headers=`).
    """
    timing = StreamTiming()
    started = time.perf_counter()
    try:
        async with client.stream(method, url, **request) as response:
            if response.status_code != 200:
                body = (await response.aread()).decode("utf-8", "replace")
                timing.outcome = f"http {response.status_code}"
                timing.error = body[:300]
                return timing
            async for event in read_events(response):
                timing.events += 1
                if event.event == "message.delta" and timing.first_delta is None:
                    timing.first_delta = time.perf_counter() - started
                elif event.event == "run.created":
                    timing.run_id = str(event.data.get("run_id"))
                if event.terminal:
                    timing.outcome = event.event
                    if event.event == "run.failed":
                        timing.error = str(event.data.get("code"))
                    break
            else:
                timing.outcome = "cut"
                timing.error = "the stream ended without a terminal event"
    except httpx.HTTPError as error:
        timing.outcome = type(error).__name__
        timing.error = str(error)[:300] or type(error).__name__
    finally:
        timing.terminal = time.perf_counter() - started
    return timing
