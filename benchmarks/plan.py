"""What a benchmark run measures and how hard: the full run and the `--quick` smoke run."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from benchmarks.capacity import CapacityPlan
from benchmarks.fake_openai import FakeConfig

PARTS: tuple[str, ...] = ("store", "overhead", "capacity", "resume", "conversation", "replicas")


@dataclass(frozen=True)
class Plan:
    """Every knob of one benchmark run.

    Attributes:
        name: `full` or `quick`; also the results' file names.
        store_sizes: Conversation sizes of the session store benchmark.
        store_repeats: Timed calls per operation and size.
        overhead_pacing: The fake upstream during the overhead benchmark.
        overhead_levels: Concurrency → turns, for the overhead benchmark.
        warmup: Unmeasured turns before the overhead benchmark, on each side.
        capacity_pacing: The fake upstream during the capacity search (20 ms per token).
        capacity: The capacity search.
        capacity_workers: The service's worker counts to search (without Redis).
        capacity_redis_workers: Worker counts searched again with `REDIS_URL` set, on the
            last database (MariaDB when there is one), when Redis answers.
        capacity_floor: Search the SDK floor's capacity too (the yardstick).
        capacity_backends: At most this many databases get a capacity search.
        resume_events: Events of the stored run that is replayed.
        resume_replays: Timed replays.
        conversation_turns: Turns of the one long conversation (paced as the overhead part).
        replica_turns: Questions followed across two replicas, with Redis and without.
    """

    name: str
    store_sizes: tuple[int, ...]
    store_repeats: int
    overhead_pacing: FakeConfig
    overhead_levels: dict[int, int]
    warmup: int
    capacity_pacing: FakeConfig
    capacity: CapacityPlan
    capacity_workers: tuple[int, ...]
    capacity_backends: int
    resume_events: int
    resume_replays: int
    conversation_turns: int = 150
    replica_turns: int = 20
    capacity_redis_workers: tuple[int, ...] = ()
    capacity_floor: bool = True

    def to_json(self) -> dict[str, Any]:
        """The plan as JSON data, recorded with the results."""
        data = asdict(self)
        data["overhead_pacing"] = self.overhead_pacing.model_dump(mode="json")
        data["capacity_pacing"] = self.capacity_pacing.model_dump(mode="json")
        data["overhead_levels"] = {str(c): n for c, n in self.overhead_levels.items()}
        return data


FULL = Plan(
    name="full",
    store_sizes=(100, 1_000, 10_000),
    store_repeats=100,
    overhead_pacing=FakeConfig(ttft_ms=200, token_delay_ms=10, answer_tokens=40),
    overhead_levels={1: 15, 10: 50, 100: 200},
    warmup=3,
    capacity_pacing=FakeConfig(ttft_ms=200, token_delay_ms=20, answer_tokens=40),
    capacity=CapacityPlan(
        start=8, cap=512, bisections=2, ramp_seconds=2.0, hold_seconds=8.0, ttfd_bound_ms=2000
    ),
    capacity_workers=(1, 2),
    capacity_backends=2,
    resume_events=2_000,
    resume_replays=20,
    capacity_redis_workers=(1, 2, 4),
)

QUICK = Plan(
    name="quick",
    store_sizes=(100,),
    store_repeats=3,
    overhead_pacing=FakeConfig(ttft_ms=5, token_delay_ms=1, answer_tokens=8),
    overhead_levels={1: 2, 4: 4},
    warmup=1,
    capacity_pacing=FakeConfig(ttft_ms=5, token_delay_ms=2, answer_tokens=8),
    capacity=CapacityPlan(
        start=2, cap=4, bisections=0, ramp_seconds=0.2, hold_seconds=0.5, ttfd_bound_ms=2000
    ),
    capacity_workers=(1, 2),
    capacity_backends=1,
    resume_events=2_000,
    resume_replays=2,
    conversation_turns=12,
    replica_turns=2,
)
