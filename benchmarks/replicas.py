"""Two replicas on one database: how late a run's events reach a listener on the other.

A question is asked on replica A; while it streams, one listener follows the run on A
(same worker) and one on B (the other replica). Each event's arrival is timed against
its arrival on the asker's own stream. Measured with Redis (B blocks on the run's Redis
stream) and without it (B polls the database every 200 ms).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from redis.asyncio import Redis
from redis.exceptions import RedisError

from benchmarks.load import service_client
from benchmarks.sse import read_events
from benchmarks.stats import summarize_ms

QUESTION = "What did they build at their last job?"
REDIS_URL = "redis://127.0.0.1:6379/0"


@dataclass(frozen=True)
class FollowResult:
    """Delays of one configuration.

    Attributes:
        mode: `redis` or `polling`.
        backend: The shared database.
        turns: Questions asked.
        errors: Turns whose followers did not see every event.
        same_worker: Seconds after the asker's stream, per event, on A.
        other_replica: The same on B.
    """

    mode: str
    backend: str
    turns: int
    errors: int
    same_worker: list[float]
    other_replica: list[float]

    def to_json(self) -> dict[str, Any]:
        """Both delay summaries in ms."""
        same, other = summarize_ms(self.same_worker), summarize_ms(self.other_replica)
        return {
            "mode": self.mode,
            "backend": self.backend,
            "turns": self.turns,
            "errors": self.errors,
            "same_worker_delay_ms": same.to_json() if same else None,
            "other_replica_delay_ms": other.to_json() if other else None,
        }


async def measure_replicas(
    *,
    mode: str,
    backend: str,
    start_service: Callable[[str, dict[str, str]], Any],
    key: str,
    turns: int,
    log: Callable[[str], None],
) -> FollowResult:
    """Start two replicas (`start_service(name, env)`) and time `turns` followed questions."""
    env = {"REDIS_URL": REDIS_URL, "REDIS_PREFIX": f"bench-{uuid.uuid4().hex[:8]}:"}
    if mode != "redis":
        env = {}
    same: list[float] = []
    other: list[float] = []
    errors = 0
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(start_service("a", env))
        second = await stack.enter_async_context(start_service("b", env))
        asker = await stack.enter_async_context(service_client(first.url, key))
        near = await stack.enter_async_context(service_client(first.url, key))
        far = await stack.enter_async_context(service_client(second.url, key))
        for _ in range(turns):
            delays = await _one_turn(asker, near, far)
            if delays is None:
                errors += 1
                continue
            same += delays[0]
            other += delays[1]
        log(f"replicas {mode} {backend}: {turns} turns, {errors} errors")
    return FollowResult(mode, backend, turns, errors, same, other)


async def _one_turn(
    asker: httpx.AsyncClient, near: httpx.AsyncClient, far: httpx.AsyncClient
) -> tuple[list[float], list[float]] | None:
    async with asker.stream("POST", "/v1/chat/stream", json={"message": QUESTION}) as response:
        events = read_events(response)
        created = await anext(events)
        run_id = created.data["run_id"]
        followers = [asyncio.create_task(_arrivals(client, run_id)) for client in (near, far)]
        own: dict[str, float] = {}
        async for event in events:
            own[event.id or ""] = time.perf_counter()
        near_times, far_times = await asyncio.gather(*followers)
    if set(near_times) < set(own) or set(far_times) < set(own):
        return None
    return (
        [max(0.0, near_times[i] - own[i]) for i in own],
        [max(0.0, far_times[i] - own[i]) for i in own],
    )


async def _arrivals(client: httpx.AsyncClient, run_id: str) -> dict[str, float]:
    times: dict[str, float] = {}
    url = f"/v1/runs/{run_id}/stream"
    async with client.stream("GET", url, headers={"Last-Event-ID": f"{run_id}:1"}) as response:
        async for event in read_events(response):
            times[event.id or ""] = time.perf_counter()
    return times


async def redis_answers() -> bool:
    """Whether the Redis at `REDIS_URL` answers a ping."""
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        return bool(await client.ping())
    except (RedisError, OSError):
        return False
    finally:
        await client.aclose()


def log_path(workdir: Path, mode: str, name: str) -> Path:
    """Where a replica's output goes."""
    return workdir / f"serve-replicas-{mode}-{name}.log"
