"""One benchmark run: every part on every database, then JSON, Markdown and the chart."""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.capacity import run_capacity, run_floor_capacity
from benchmarks.chart import render_chart
from benchmarks.conversation import measure_conversation
from benchmarks.databases import Backend, masked, mysql_version, scratch_database
from benchmarks.fake_openai import FakeOpenAI
from benchmarks.floor import SdkFloor
from benchmarks.machine import describe_machine
from benchmarks.overhead import measure_overhead
from benchmarks.plan import Plan
from benchmarks.replicas import REDIS_URL, log_path, measure_replicas, redis_answers
from benchmarks.report import render_markdown
from benchmarks.resources import background_cores
from benchmarks.resume import measure_resume
from benchmarks.service import new_api_key, running_service
from benchmarks.session_store import run_session_store

BACKGROUND_SECONDS = 2.0
BUSY_MACHINE_CORES = 0.25


@dataclass(frozen=True)
class Outputs:
    """The files a run wrote."""

    json: Path
    markdown: Path
    chart: Path | None


async def available_backends(
    wanted: tuple[Backend, ...], mysql_url: str
) -> tuple[tuple[Backend, ...], dict[str, str], str | None]:
    """The wanted databases that can be used, why the others are skipped, MariaDB's version."""
    version = await mysql_version(mysql_url) if "mysql" in wanted else None
    skipped: dict[str, str] = {}
    if "mysql" in wanted and version is None:
        skipped["mysql"] = f"no server answered at {masked(mysql_url)}"
    return tuple(b for b in wanted if b not in skipped), skipped, version


async def run_suite(
    *,
    plan: Plan,
    parts: tuple[str, ...],
    backends: tuple[Backend, ...],
    fake: FakeOpenAI,
    mysql_url: str,
    command: str,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run the chosen parts; return the results as JSON data.

    Args:
        plan: How much to measure.
        parts: Any of `store`, `overhead`, `capacity`, `resume`, `conversation`, `replicas`.
        backends: The databases to use (unreachable ones are skipped and said so).
        fake: The running fake upstream (in its own process).
        mysql_url: The MariaDB server, a user allowed to create databases.
        command: The command line, recorded with the results.
        log: Progress lines.
    """
    started, clock = datetime.now(UTC), time.perf_counter()
    usable, skipped, version = await available_backends(backends, mysql_url)
    background = await background_cores(BACKGROUND_SECONDS)
    if background > BUSY_MACHINE_CORES:
        log(f"warning: other processes keep {background:.2f} cores busy; results will suffer")
    results: dict[str, Any] = {
        "command": command,
        "started_at": started.isoformat(timespec="seconds"),
        "plan": plan.to_json(),
        "machine": describe_machine(version),
        "backends": list(usable),
        "skipped": skipped,
        "background_cpu_cores": round(background, 3),
    }
    with tempfile.TemporaryDirectory(prefix="ask-applicant-bench-") as scratch:
        workdir = Path(scratch)
        if "store" in parts:
            timings = await run_session_store(
                backends=usable,
                sizes=plan.store_sizes,
                repeats=plan.store_repeats,
                workdir=workdir,
                mysql_url=mysql_url,
                log=log,
            )
            results["session_store"] = [timing.to_json() for timing in timings]
        if "overhead" in parts or "resume" in parts:
            await asyncio.to_thread(fake.configure, plan.overhead_pacing)
            results.update(
                await _overhead_and_resume(plan, parts, usable, fake, workdir, mysql_url, log)
            )
        if "capacity" in parts:
            await asyncio.to_thread(fake.configure, plan.capacity_pacing)
            searches = []
            for backend in usable[: plan.capacity_backends]:
                for workers in plan.capacity_workers:
                    search = await run_capacity(
                        upstream_url=fake.base_url,
                        backend=backend,
                        workers=workers,
                        plan=plan.capacity,
                        workdir=workdir,
                        mysql_url=mysql_url,
                        log=log,
                    )
                    searches.append(search.to_json())
            if plan.capacity_redis_workers and usable and await redis_answers():
                for workers in plan.capacity_redis_workers:
                    search = await run_capacity(
                        upstream_url=fake.base_url,
                        backend=usable[-1],
                        workers=workers,
                        plan=plan.capacity,
                        workdir=workdir,
                        mysql_url=mysql_url,
                        redis_url=REDIS_URL,
                        log=log,
                    )
                    searches.append(search.to_json())
            if plan.capacity_floor:
                floor = await run_floor_capacity(
                    upstream_url=fake.base_url, plan=plan.capacity, log=log
                )
                searches.append(floor.to_json())
            results["capacity"] = searches
        if "conversation" in parts:
            await asyncio.to_thread(fake.configure, plan.overhead_pacing)
            results["conversation"] = await _conversation(
                plan, usable, fake, workdir, mysql_url, log
            )
        if "replicas" in parts and usable:
            await asyncio.to_thread(fake.configure, plan.overhead_pacing)
            results["replicas"] = await _replicas(plan, usable[-1], fake, workdir, mysql_url, log)
    results["duration_seconds"] = round(time.perf_counter() - clock, 1)
    return results


async def _overhead_and_resume(
    plan: Plan,
    parts: tuple[str, ...],
    backends: tuple[Backend, ...],
    fake: FakeOpenAI,
    workdir: Path,
    mysql_url: str,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Both parts on one service per database: overhead first, then the stored run's replay."""
    overhead: list[dict[str, Any]] = []
    resume: list[dict[str, Any]] = []
    floor = SdkFloor(fake.base_url)
    try:
        for backend in backends:
            async with (
                scratch_database(backend, workdir=workdir, mysql_url=mysql_url) as url,
                running_service(
                    database_url=url,
                    upstream_url=fake.base_url,
                    log=workdir / f"serve-{backend}.log",
                ) as service,
            ):
                if "overhead" in parts:
                    rows = await measure_overhead(
                        backend=backend,
                        service=service,
                        key=await new_api_key(url),
                        floor=floor,
                        levels=plan.overhead_levels,
                        warmup=plan.warmup,
                        log=log,
                    )
                    overhead += [row.to_json() for row in rows]
                if "resume" in parts:
                    replayed = await measure_resume(
                        backend=backend,
                        database_url=url,
                        service_url=service.url,
                        events=plan.resume_events,
                        replays=plan.resume_replays,
                        log=log,
                    )
                    resume.append(replayed.to_json())
    finally:
        await floor.aclose()
    found: dict[str, Any] = {}
    if "overhead" in parts:
        found["overhead"] = overhead
    if "resume" in parts:
        found["resume"] = resume
    return found


async def _conversation(
    plan: Plan,
    backends: tuple[Backend, ...],
    fake: FakeOpenAI,
    workdir: Path,
    mysql_url: str,
    log: Callable[[str], None],
) -> list[dict[str, Any]]:
    """One long conversation per database, on a service of its own."""
    found = []
    for backend in backends:
        async with (
            scratch_database(backend, workdir=workdir, mysql_url=mysql_url) as url,
            running_service(
                database_url=url,
                upstream_url=fake.base_url,
                log=workdir / f"serve-conversation-{backend}.log",
            ) as service,
        ):
            result = await measure_conversation(
                backend=backend,
                service=service,
                key=await new_api_key(url),
                turns=plan.conversation_turns,
                log=log,
            )
            found.append(result.to_json())
    return found


async def _replicas(
    plan: Plan,
    backend: Backend,
    fake: FakeOpenAI,
    workdir: Path,
    mysql_url: str,
    log: Callable[[str], None],
) -> list[dict[str, Any]]:
    """Two replicas on one database (MariaDB when there is one), with Redis and without."""
    found = []
    modes = ("redis", "polling") if await redis_answers() else ("polling",)
    if "redis" not in modes:
        log(f"replicas: no Redis at {REDIS_URL}; measuring polling only")
    for mode in modes:
        async with scratch_database(backend, workdir=workdir, mysql_url=mysql_url) as url:

            def start(name: str, env: dict[str, str], mode: str = mode, url: str = url) -> Any:
                return running_service(
                    database_url=url,
                    upstream_url=fake.base_url,
                    log=log_path(workdir, mode, name),
                    extra_env=env,
                )

            result = await measure_replicas(
                mode=mode,
                backend=backend,
                start_service=start,
                key=await new_api_key(url),
                turns=plan.replica_turns,
                log=log,
            )
            found.append(result.to_json())
    return found


def write_outputs(results: dict[str, Any], out_dir: Path) -> Outputs:
    """Write `<plan>.json`, `<plan>.md` and (with overhead rows) `<plan>.png` to `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    name = results["plan"]["name"]
    json_path = out_dir / f"{name}.json"
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    markdown_path = out_dir / f"{name}.md"
    markdown_path.write_text(render_markdown(results), "utf-8")
    chart_path = out_dir / f"{name}.png"
    drawn = render_chart(results.get("overhead", []), chart_path)
    return Outputs(json_path, markdown_path, chart_path if drawn else None)
