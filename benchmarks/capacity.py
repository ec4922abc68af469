"""Capacity benchmark: how many concurrent streams the service holds, and the SDK floor.

At each step the load keeps `c` streams in flight (spread over a ramp, then held); a step
passes with zero errors and a p95 time to first delta within the stated bound. The
concurrency doubles until a step fails or the cap is reached, then a few bisection steps
narrow the limit. CPU seconds and resident memory of the service's processes (uvicorn's
workers included) are measured during every step; so are the load generator's and the
fake upstream's CPU shares, since on a small machine they compete for the same cores.
The same search runs the SDK floor (`Runner.run_streamed` in the benchmark process) as
the yardstick, and the service with `REDIS_URL` set, so that its workers share live
streams, cancels and limits as replicas would.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from benchmarks.databases import DEFAULT_MYSQL_URL, Backend, scratch_database
from benchmarks.floor import SdkFloor
from benchmarks.load import QUESTION, LoadResult, Turn, hold_load, service_client, service_turn
from benchmarks.resources import Usage, measured
from benchmarks.service import new_api_key, running_service

MIB = 2**20


@dataclass(frozen=True)
class CapacityPlan:
    """How the search steps: start, cap, bisections, ramp and hold, and the bound."""

    start: int
    cap: int
    bisections: int
    ramp_seconds: float
    hold_seconds: float
    ttfd_bound_ms: float


@dataclass
class CapacityStep:
    """One concurrency tried: the load's result and what each process group used."""

    load: LoadResult
    service: Usage
    client: Usage
    upstream: Usage
    bound_ms: float

    @property
    def passed(self) -> bool:
        """Zero errors and p95 time to first delta within the bound."""
        first = self.load.first_delta()
        return self.load.errors == 0 and first is not None and first.p95 <= self.bound_ms

    def to_json(self) -> dict[str, Any]:
        """As JSON data, with per-stream CPU and memory."""
        completed = max(1, len(self.load.timings) - self.load.errors)
        concurrency = self.load.concurrency
        return {
            **self.load.to_json(),
            "passed": self.passed,
            "service_cpu_seconds_per_stream": round(self.service.cpu_seconds / completed, 4),
            "service_cpu_share": round(self.service.cpu_share, 3),
            "service_rss_mib_before": round(self.service.rss_before / MIB, 1),
            "service_rss_mib_peak": round(self.service.rss_peak / MIB, 1),
            "service_rss_kib_per_stream": round(
                (self.service.rss_peak - self.service.rss_before) / 1024 / concurrency, 1
            ),
            "client_cpu_share": round(self.client.cpu_share, 3),
            "upstream_cpu_share": round(self.upstream.cpu_share, 3),
            "machine_cpu_share": round(self.service.machine_share, 3),
        }


@dataclass
class CapacityResult:
    """One search: which service, every step, and the largest passing concurrency."""

    backend: str
    workers: int
    bound_ms: float
    steps: list[CapacityStep] = field(default_factory=list)
    redis: bool = False
    floor: bool = False

    @property
    def capacity(self) -> int:
        """The most concurrent streams of a passing step (0 if none passed)."""
        return max((s.load.concurrency for s in self.steps if s.passed), default=0)

    def best(self) -> CapacityStep | None:
        """The passing step at the capacity."""
        passing = [s for s in self.steps if s.passed and s.load.concurrency == self.capacity]
        return passing[0] if passing else None

    def to_json(self) -> dict[str, Any]:
        """As JSON data."""
        return {
            "backend": self.backend,
            "workers": self.workers,
            "redis": self.redis,
            "floor": self.floor,
            "ttfd_bound_ms": self.bound_ms,
            "capacity": self.capacity,
            "steps": [step.to_json() for step in self.steps],
        }


def upstream_processes() -> list[psutil.Process]:
    """The fake upstream when it runs as a child of this process (else nothing)."""
    return [
        child
        for child in psutil.Process().children()
        if "benchmarks.fake_openai" in " ".join(_cmdline(child))
    ]


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def next_concurrency(steps: list[CapacityStep], plan: CapacityPlan) -> int | None:
    """The next concurrency to try, or None when the search is over.

    Doubles from `plan.start` until a step fails or the cap passes; then bisects between
    the largest passing and the smallest failing concurrency, `plan.bisections` times at
    most, stopping early once they are within 10 % of each other.
    """
    if not steps:
        return plan.start
    passed = [s.load.concurrency for s in steps if s.passed]
    failed = [s.load.concurrency for s in steps if not s.passed]
    if not failed:
        top = max(passed)
        return None if top >= plan.cap else min(top * 2, plan.cap)
    first_failure = next(index for index, step in enumerate(steps) if not step.passed)
    if len(steps) - first_failure - 1 >= plan.bisections:
        return None
    high = min(failed)
    low = max((c for c in passed if c < high), default=0)
    middle = (low + high) // 2
    if middle <= low or high - low <= max(1, low // 10):
        return None
    return middle


async def run_capacity(
    *,
    upstream_url: str,
    backend: Backend,
    workers: int,
    plan: CapacityPlan,
    workdir: Path,
    mysql_url: str = DEFAULT_MYSQL_URL,
    redis_url: str | None = None,
    log: Callable[[str], None] = print,
) -> CapacityResult:
    """Search the capacity of a service with `workers` processes on `backend`.

    With `redis_url`, the workers share live streams, cancels and limits through it.
    """
    result = CapacityResult(backend, workers, plan.ttfd_bound_ms, redis=redis_url is not None)
    label = f"{backend}, {workers} worker(s){' with Redis' if redis_url else ''}"
    async with scratch_database(backend, workdir=workdir, mysql_url=mysql_url) as url:
        key = await new_api_key(url)
        service_log = workdir / f"serve-capacity-{backend}-{workers}-{result.redis}.log"
        async with AsyncExitStack() as stack:
            service = await stack.enter_async_context(
                running_service(
                    database_url=url,
                    upstream_url=upstream_url,
                    log=service_log,
                    workers=workers,
                    extra_env={"REDIS_URL": redis_url} if redis_url else None,
                )
            )
            client = await stack.enter_async_context(service_client(service.url, key))
            turn = service_turn(client, QUESTION)
            await turn()  # warm up: first connections, imports on first use
            await _search(result, turn, service.processes, plan, label, log)
    return result


async def run_floor_capacity(
    *, upstream_url: str, plan: CapacityPlan, log: Callable[[str], None] = print
) -> CapacityResult:
    """Search the SDK floor's capacity: the same turns in this process, no service."""
    result = CapacityResult("none", 1, plan.ttfd_bound_ms, floor=True)
    floor = SdkFloor(upstream_url)
    try:
        await floor.turn(QUESTION)  # warm up, as the service is
        turn: Turn = lambda: floor.turn(QUESTION)  # noqa: E731 (a Turn is a callable)
        await _search(result, turn, lambda: [psutil.Process()], plan, "SDK floor", log)
    finally:
        await floor.aclose()
    return result


async def _search(
    result: CapacityResult,
    turn: Turn,
    processes: Callable[[], list[psutil.Process]],
    plan: CapacityPlan,
    label: str,
    log: Callable[[str], None],
) -> None:
    while (concurrency := next_concurrency(result.steps, plan)) is not None:
        async with (
            measured(processes) as on_subject,
            measured(lambda: [psutil.Process()]) as on_client,
            measured(upstream_processes) as on_upstream,
        ):
            load = await hold_load(
                turn,
                concurrency=concurrency,
                ramp_seconds=plan.ramp_seconds,
                hold_seconds=plan.hold_seconds,
            )
        step = CapacityStep(load, on_subject, on_client, on_upstream, plan.ttfd_bound_ms)
        result.steps.append(step)
        first = load.first_delta()
        log(
            f"capacity: {label}, {concurrency} streams: "
            f"{'pass' if step.passed else 'FAIL'} (errors {load.errors}, p95 first "
            f"delta {first.p95 if first else float('nan'):.0f} ms, CPU "
            f"{on_subject.cpu_share:.2f})"
        )
