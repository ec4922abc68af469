"""Driving turns at a fixed concurrency, in-process (the floor) or over HTTP (the service)."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from benchmarks.sse import StreamTiming, timed_stream
from benchmarks.stats import Summary, summarize_ms

QUESTION = "Which projects has she built with Python?"
HTTP_TIMEOUT = httpx.Timeout(120.0, connect=30.0)

Turn = Callable[[], Awaitable[StreamTiming]]


@dataclass(frozen=True)
class LoadResult:
    """Turns run at one concurrency: their timings and how long the batch took."""

    concurrency: int
    timings: list[StreamTiming]
    wall_seconds: float

    @property
    def errors(self) -> int:
        """Turns that did not complete with a streamed answer."""
        return sum(1 for timing in self.timings if not timing.ok)

    def first_delta(self) -> Summary | None:
        """Time to first delta of the turns that streamed one."""
        return summarize_ms([t.first_delta for t in self.timings if t.first_delta is not None])

    def terminal(self) -> Summary | None:
        """Time to the terminal event of the successful turns."""
        return summarize_ms([t.terminal for t in self.timings if t.ok])

    def to_json(self) -> dict[str, Any]:
        """As JSON data, with the most common error outcomes."""
        first, end = self.first_delta(), self.terminal()
        failures = Counter(f"{t.outcome}: {t.error}" for t in self.timings if not t.ok)
        return {
            "concurrency": self.concurrency,
            "turns": len(self.timings),
            "errors": self.errors,
            "error_kinds": dict(failures.most_common(5)),
            "wall_seconds": round(self.wall_seconds, 3),
            "first_delta_ms": first.to_json() if first else None,
            "terminal_ms": end.to_json() if end else None,
        }


async def run_load(turn: Turn, *, concurrency: int, turns: int) -> LoadResult:
    """Run `turns` turns with `concurrency` of them in flight at any time.

    Each of `concurrency` workers starts its next turn as soon as its last one ends, so
    when `turns == concurrency` they all start together.
    """
    timings: list[StreamTiming] = []
    remaining = turns

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            timings.append(await turn())

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(concurrency, turns))))
    return LoadResult(concurrency, timings, time.perf_counter() - started)


async def hold_load(
    turn: Turn, *, concurrency: int, ramp_seconds: float, hold_seconds: float
) -> LoadResult:
    """Keep `concurrency` turns in flight for a while, as steady traffic would.

    The workers start evenly spread over `ramp_seconds` (not in one burst); each then
    starts its next turn as soon as its last one ends, until `ramp_seconds +
    hold_seconds` have passed. Turns under way at the deadline are waited for.
    """
    timings: list[StreamTiming] = []
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + ramp_seconds + hold_seconds

    async def worker(index: int) -> None:
        await asyncio.sleep(ramp_seconds * index / concurrency)
        while loop.time() < deadline:
            timings.append(await turn())

    await asyncio.gather(*(worker(index) for index in range(concurrency)))
    return LoadResult(concurrency, timings, loop.time() - started)


def service_client(url: str, key: str) -> httpx.AsyncClient:
    """An HTTP client for the service with no connection cap (streams are the load)."""
    return httpx.AsyncClient(
        base_url=url,
        headers={"Authorization": f"Bearer {key}"},
        timeout=HTTP_TIMEOUT,
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=None),
    )


def service_turn(client: httpx.AsyncClient, question: str = QUESTION) -> Turn:
    """One question to `POST /v1/chat/stream` in a new conversation, timed."""

    async def turn() -> StreamTiming:
        return await timed_stream(client, "POST", "/v1/chat/stream", json={"message": question})

    return turn
