"""Overhead benchmark: the service over HTTP SSE with persistence, against the SDK floor.

For each database and each concurrency, the same turn (triage → specialist → tool →
streamed answer, against the same fake upstream with fixed pacing) runs in-process
through `Runner.run_streamed` and then through `POST /v1/chat/stream` of a real
`ask-applicant serve` process, one right after the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psutil

from benchmarks.floor import SdkFloor
from benchmarks.load import QUESTION, LoadResult, run_load, service_client, service_turn
from benchmarks.resources import Usage, measured
from benchmarks.service import ServiceProcess
from benchmarks.stats import Summary, ratio


@dataclass(frozen=True)
class OverheadRow:
    """One database and concurrency: the floor's turns and the service's."""

    backend: str
    concurrency: int
    floor: LoadResult
    service: LoadResult
    floor_usage: Usage
    service_usage: Usage

    def to_json(self) -> dict[str, Any]:
        """As JSON data, with the added milliseconds and the ratios."""
        return {
            "backend": self.backend,
            "concurrency": self.concurrency,
            "floor": {
                **self.floor.to_json(),
                "cpu_ms_per_turn": _per_turn(self.floor_usage, self.floor),
                "machine_cpu_share": round(self.floor_usage.machine_share, 3),
            },
            "service": {
                **self.service.to_json(),
                "cpu_ms_per_turn": _per_turn(self.service_usage, self.service),
                "machine_cpu_share": round(self.service_usage.machine_share, 3),
            },
            "added": {
                "first_delta": _added(self.service.first_delta(), self.floor.first_delta()),
                "terminal": _added(self.service.terminal(), self.floor.terminal()),
            },
        }


def _per_turn(usage: Usage, load: LoadResult) -> float:
    return round(usage.cpu_seconds * 1000 / max(1, len(load.timings)), 1)


def _added(service: Summary | None, floor: Summary | None) -> dict[str, float | None]:
    if service is None or floor is None:
        return {"p50_ms": None, "p95_ms": None, "p50_ratio": None, "p95_ratio": None}
    p50_ratio, p95_ratio = ratio(service.p50, floor.p50), ratio(service.p95, floor.p95)
    return {
        "p50_ms": round(service.p50 - floor.p50, 3),
        "p95_ms": round(service.p95 - floor.p95, 3),
        "p50_ratio": round(p50_ratio, 3) if p50_ratio is not None else None,
        "p95_ratio": round(p95_ratio, 3) if p95_ratio is not None else None,
    }


async def measure_overhead(
    *,
    backend: str,
    service: ServiceProcess,
    key: str,
    floor: SdkFloor,
    levels: dict[int, int],
    warmup: int,
    log: Callable[[str], None] = print,
) -> list[OverheadRow]:
    """Measure the floor and the service at each concurrency, one right after the other.

    Args:
        backend: The service's database, for the rows.
        service: The running service (on the same fake upstream as `floor`).
        key: An API key of the service.
        floor: The in-process SDK floor.
        levels: Concurrency → number of turns at it.
        warmup: Turns run first, unmeasured, on each side.
        log: Progress lines.
    """
    rows: list[OverheadRow] = []
    async with service_client(service.url, key) as client:
        on_service = service_turn(client)
        for _ in range(warmup):
            await floor.turn(QUESTION)
            await on_service()
        for concurrency, turns in sorted(levels.items()):
            log(f"overhead: {backend}, concurrency {concurrency}, {turns} turns")
            # The floor runs in this process; the service in its own.
            async with measured(lambda: [psutil.Process()]) as floor_usage:
                floor_result = await run_load(
                    lambda: floor.turn(QUESTION), concurrency=concurrency, turns=turns
                )
            async with measured(service.processes) as service_usage:
                service_result = await run_load(on_service, concurrency=concurrency, turns=turns)
            rows.append(
                OverheadRow(
                    backend,
                    concurrency,
                    floor_result,
                    service_result,
                    floor_usage,
                    service_usage,
                )
            )
    return rows
