"""The benchmarks run and produce well-formed results (smallest sizes; nothing is timed here)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from benchmarks.__main__ import main
from benchmarks.capacity import CapacityPlan, CapacityStep, next_concurrency
from benchmarks.fake_openai import FakeOpenAI
from benchmarks.load import LoadResult
from benchmarks.plan import QUICK
from benchmarks.resources import Usage
from benchmarks.session_store import OURS, SDK_SQLALCHEMY, SDK_SQLITE, run_session_store
from benchmarks.sse import StreamTiming
from benchmarks.stats import percentile
from benchmarks.suite import run_suite, write_outputs

MYSQL_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS: tuple[Any, ...] = ("sqlite", "mysql") if MYSQL_URL else ("sqlite",)
TINY = replace(
    QUICK,
    name="tiny",
    overhead_levels={1: 1, 2: 2},
    warmup=0,
    capacity=CapacityPlan(
        start=1, cap=2, bisections=0, ramp_seconds=0.1, hold_seconds=0.2, ttfd_bound_ms=5000
    ),
    capacity_workers=(1,),
    resume_events=60,
    resume_replays=1,
    conversation_turns=3,
)


@pytest.fixture(scope="module")
def upstream() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI(TINY.overhead_pacing)
    with fake.running():
        yield fake


@pytest.fixture(scope="module")
async def tiny_results(upstream: FakeOpenAI) -> dict[str, Any]:
    """One in-process run of every part but the store, on SQLite, at the smallest sizes."""
    return await run_suite(
        plan=TINY,
        parts=("overhead", "capacity", "resume", "conversation"),
        backends=("sqlite",),
        fake=upstream,
        mysql_url=MYSQL_URL or "mysql+asyncmy://nobody@127.0.0.1:1/",
        command="test",
        log=lambda line: None,
    )


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


async def test_overhead_rows_compare_the_floor_and_the_service_at_each_concurrency(
    tiny_results: dict[str, Any],
):
    rows = tiny_results["overhead"]

    assert [(row["backend"], row["concurrency"]) for row in rows] == [("sqlite", 1), ("sqlite", 2)]
    for row in rows:
        for side in ("floor", "service"):
            assert row[side]["errors"] == 0 and row[side]["turns"] == row["concurrency"]
            assert row[side]["first_delta_ms"]["p50"] > 0 and row[side]["cpu_ms_per_turn"] > 0
        service, floor = row["service"]["terminal_ms"], row["floor"]["terminal_ms"]
        assert row["added"]["terminal"]["p50_ms"] == pytest.approx(
            service["p50"] - floor["p50"], abs=0.01
        )


async def test_capacity_steps_up_and_reports_cpu_and_memory_per_stream(
    tiny_results: dict[str, Any],
):
    search, floor = tiny_results["capacity"]

    assert (search["workers"], search["redis"], search["floor"]) == (1, False, False)
    assert floor["floor"] and not search["floor"]
    for result in (search, floor):
        assert result["capacity"] == 2
        assert [step["concurrency"] for step in result["steps"]] == [1, 2]
        step = result["steps"][-1]
        assert step["passed"] and step["errors"] == 0
        assert step["service_cpu_seconds_per_stream"] > 0 and step["service_rss_mib_peak"] > 10


async def test_a_stored_run_is_replayed_whole_to_a_reconnecting_client(
    tiny_results: dict[str, Any],
):
    (replay,) = tiny_results["resume"]

    assert replay["errors"] == 0 and replay["received_events"] == [TINY.resume_events]
    assert replay["terminal_ms"]["p50"] >= replay["first_delta_ms"]["p50"] > 0


async def test_one_long_conversation_reports_cpu_per_turn_early_and_late(
    tiny_results: dict[str, Any],
):
    (conversation,) = tiny_results["conversation"]

    assert conversation["errors"] == 0 and len(conversation["cpu_ms"]) == TINY.conversation_turns
    assert all(cpu > 0 for cpu in conversation["cpu_ms"])
    assert conversation["late_to_early_cpu"] > 0
    assert conversation["late_first_delta_ms"]["p50"] > 0


async def test_results_are_written_as_json_and_markdown(
    tiny_results: dict[str, Any], tmp_path: Path
):
    outputs = write_outputs(tiny_results, tmp_path)

    assert json.loads(outputs.json.read_text("utf-8"))["plan"]["name"] == "tiny"
    markdown = outputs.markdown.read_text("utf-8")
    for heading in ("## Overhead", "## Capacity", "## Resume", "## Long conversation", "Machine: "):
        assert heading in markdown
    assert "| SQLite | 2 |" in markdown
    # The floor's row, and the service's streams per worker against it (2 ÷ 2).
    assert "| SDK floor (in the load generator's process) | – | – | 2 | – |" in markdown
    assert "| service | SQLite | 1 | 2 | 1.00× |" in markdown


async def test_the_results_get_a_png_chart(tiny_results: dict[str, Any], tmp_path: Path):
    pytest.importorskip(
        "matplotlib", reason="the chart needs the bench group: uv sync --group bench"
    )
    outputs = write_outputs(tiny_results, tmp_path)
    assert outputs.chart is not None and outputs.chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


async def test_an_unreachable_mariadb_is_skipped_and_said_so():
    results = await run_suite(
        plan=TINY,
        parts=(),
        backends=("sqlite", "mysql"),
        fake=FakeOpenAI(),
        mysql_url="mysql+asyncmy://bench:secret@127.0.0.1:1/",
        command="test",
        log=lambda line: None,
    )

    assert results["backends"] == ["sqlite"]
    assert "127.0.0.1:1" in results["skipped"]["mysql"]
    assert "secret" not in json.dumps(results)


async def test_every_session_store_is_timed_for_both_operations_at_each_size(tmp_path: Path):
    timings = await run_session_store(
        backends=BACKENDS,
        sizes=(12, 30),
        repeats=2,
        workdir=tmp_path,
        mysql_url=MYSQL_URL,
        log=lambda line: None,
    )

    found = {(t.backend, t.store, t.size, t.operation) for t in timings}
    stores = {"sqlite": (OURS, SDK_SQLALCHEMY, SDK_SQLITE), "mysql": (OURS, SDK_SQLALCHEMY)}
    expected = {
        (backend, store, size, operation)
        for backend in BACKENDS
        for store in stores[backend]
        for size in (12, 30)
        for operation in ("add_items(6)", "get_items(50)")
    }
    assert found == expected
    assert all(t.summary.n == 2 and 0 < t.summary.p50 <= t.summary.max for t in timings)


def _step(concurrency: int, passed: bool) -> CapacityStep:
    timing = StreamTiming(first_delta=0.1, terminal=0.2, outcome="run.completed")
    failed = StreamTiming(outcome="http 500")
    load = LoadResult(concurrency, [timing if passed else failed], 1.0)
    return CapacityStep(load, Usage(), Usage(), Usage(), bound_ms=1000)


def test_the_capacity_search_doubles_until_a_failure_then_bisects():
    plan = CapacityPlan(
        start=8, cap=512, bisections=2, ramp_seconds=1, hold_seconds=1, ttfd_bound_ms=1000
    )

    assert next_concurrency([], plan) == 8
    assert next_concurrency([_step(8, True)], plan) == 16
    assert next_concurrency([_step(8, True), _step(16, False)], plan) == 12
    assert next_concurrency([_step(8, True), _step(16, False), _step(12, True)], plan) == 14
    assert (
        next_concurrency(
            [_step(8, True), _step(16, False), _step(12, True), _step(14, False)], plan
        )
        is None
    ), "two bisections at most"
    assert next_concurrency([_step(8, False)], plan) == 4
    assert next_concurrency([_step(512, True)], plan) is None, "the cap ends the search"


def test_percentiles_interpolate_between_ranks():
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([5.0], 95) == 5.0
    assert percentile(list(range(101)), 95) == 95
    with pytest.raises(ValueError):
        percentile([], 50)


def test_an_unknown_part_is_refused_with_usage_help(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exited:
        main(["--only", "everything"])

    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
