"""One long conversation: CPU and time to first delta per turn, early against late.

Every turn is a follow-up in the same conversation, asked one at a time, so a turn's
cost is what the service spends on it; what grows with the conversation's length
(re-reading and re-sending its history) shows as late turns costing more than early ones.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.load import service_client
from benchmarks.resources import cpu_seconds
from benchmarks.service import ServiceProcess
from benchmarks.sse import timed_stream
from benchmarks.stats import ratio, summarize_ms

QUESTIONS = (
    "What did they build at their last job?",
    "And before that?",
    "Which languages do they use most?",
    "그 프로젝트에서 어떤 역할을 했나요?",
)
WINDOW = 10


@dataclass(frozen=True)
class ConversationResult:
    """Per-turn costs of one long conversation on one database.

    Attributes:
        backend: `sqlite` or `mysql`.
        turns: Turns asked.
        errors: Turns that did not complete.
        cpu_ms: The service's CPU milliseconds per turn, in order.
        first_delta_ms: Time to the first delta per turn, in order.
    """

    backend: str
    turns: int
    errors: int
    cpu_ms: list[float]
    first_delta_ms: list[float]

    def to_json(self) -> dict[str, Any]:
        """Early and late windows summarized, with their ratio."""
        early, late = _window(self.cpu_ms, early=True), _window(self.cpu_ms, early=False)
        return {
            "backend": self.backend,
            "turns": self.turns,
            "errors": self.errors,
            "window": WINDOW,
            "early_cpu_ms": early,
            "late_cpu_ms": late,
            "late_to_early_cpu": ratio(late, early),
            "early_first_delta_ms": _summary(self.first_delta_ms[:WINDOW]),
            "late_first_delta_ms": _summary(self.first_delta_ms[-WINDOW:]),
            "cpu_ms": [round(value, 1) for value in self.cpu_ms],
        }


async def measure_conversation(
    *,
    backend: str,
    service: ServiceProcess,
    key: str,
    turns: int,
    log: Callable[[str], None],
) -> ConversationResult:
    """Ask `turns` questions in one conversation, one at a time, measuring each."""
    cpu: list[float] = []
    first_delta: list[float] = []
    errors = 0
    session_id: str | None = None
    async with service_client(service.url, key) as client:
        for turn in range(turns):
            body: dict[str, Any] = {"message": QUESTIONS[turn % len(QUESTIONS)]}
            if session_id is not None:
                body["session_id"] = session_id
            before = await asyncio.to_thread(cpu_seconds, service.processes())
            timing = await timed_stream(client, "POST", "/v1/chat/stream", json=body)
            after = await asyncio.to_thread(cpu_seconds, service.processes())
            if not timing.ok or timing.first_delta is None:
                errors += 1
                continue
            cpu.append((after - before) * 1000)
            first_delta.append(timing.first_delta)
            if session_id is None and timing.run_id is not None:
                run = (await client.get(f"/v1/runs/{timing.run_id}")).json()
                session_id = run["session_id"]
            if (turn + 1) % 25 == 0:
                log(f"conversation {backend}: {turn + 1}/{turns} turns")
    return ConversationResult(backend, turns, errors, cpu, first_delta)


def _window(values: list[float], *, early: bool) -> float | None:
    part = values[:WINDOW] if early else values[-WINDOW:]
    return round(sum(part) / len(part), 1) if part else None


def _summary(seconds: list[float]) -> dict[str, Any] | None:
    summary = summarize_ms(seconds)
    return summary.to_json() if summary else None
