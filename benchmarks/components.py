"""Where a turn's CPU goes: `uv run --group bench python -m benchmarks.components`.

Runs the overhead part's turn through a real `ask-applicant serve` (one worker, MCP
off) at a fixed concurrency while py-spy samples the worker, then splits the worker's
measured CPU seconds per turn among its parts by the share of samples whose stack
passes through each part. The first matching part wins, in the order of `PARTS`, so a
session-store call made from inside the SDK's loop counts as the session store. Needs
py-spy (in the bench group) and permission to attach to a child process (root, or
`ptrace_scope` 0).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.databases import BACKENDS, DEFAULT_MYSQL_URL, Backend, scratch_database
from benchmarks.fake_openai import FakeConfig, FakeOpenAI
from benchmarks.load import run_load, service_client, service_turn
from benchmarks.resources import measured
from benchmarks.service import new_api_key, running_service

# (part, any of these in a sample's stack): the first part that matches takes the sample.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("event store (recorder writes)", ("RunRecorder.",)),
    ("session store (conversation history)", ("SqlSessionStore.",)),
    ("run execution (event translation, privacy gate)", ("RunExecution.", "DeltaGate.")),
    ("SDK runner and openai client", ("run_streamed.<locals>.run_loop", "openai/")),
    (
        "HTTP, auth and SSE delivery",
        ("starlette/", "fastapi/", "uvicorn/protocols", "event_batches", "sse_events"),
    ),
    ("database driver (frames outside any task)", ("sqlalchemy/", "asyncmy", "aiosqlite")),
    ("event loop (select, callbacks)", ("asyncio/base_events.py",)),
)
OTHER = "other"
PACING = FakeConfig(ttft_ms=200, token_delay_ms=10, answer_tokens=40)


def attribute(raw: str) -> Counter[str]:
    """Samples per part, from py-spy's raw output (`frame;frame;... count` lines)."""
    samples: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        part = next((name for name, marks in PARTS if any(m in stack for m in marks)), OTHER)
        samples[part] += int(count)
    return samples


async def measure(
    *, backend: Backend, concurrency: int, turns: int, mysql_url: str, workdir: Path
) -> dict[str, object]:
    """CPU ms per turn of the service's worker, split by part."""
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    fake = FakeOpenAI(PACING)
    with fake.running(in_subprocess=True):
        async with scratch_database(backend, workdir=workdir, mysql_url=mysql_url) as url:
            key = await new_api_key(url)
            log = workdir / "serve.log"
            async with (
                running_service(database_url=url, upstream_url=fake.base_url, log=log) as service,
                service_client(service.url, key) as client,
            ):
                turn = service_turn(client)
                for _ in range(3):
                    await turn()  # warm up
                raw = workdir / "samples.txt"
                worker = service.processes()[-1].pid  # uvicorn's worker (itself with one)
                spy = await asyncio.create_subprocess_exec(
                    *(py_spy, "record", "--pid", str(worker), "--format", "raw"),
                    *("--rate", "250", "--nonblocking", "-o", str(raw)),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                await asyncio.sleep(1.0)  # py-spy attaches
                async with measured(service.processes) as usage:
                    load = await run_load(turn, concurrency=concurrency, turns=turns)
                spy.send_signal(signal.SIGINT)
                await asyncio.wait_for(spy.wait(), 60)
    samples = attribute(raw.read_text())
    total = sum(samples.values()) or 1
    cpu_ms = usage.cpu_seconds * 1000 / max(1, len(load.timings))
    parts = {name: round(cpu_ms * samples[name] / total, 1) for name, _ in (*PARTS, (OTHER, ()))}
    return {
        "backend": backend,
        "concurrency": concurrency,
        "turns": len(load.timings),
        "errors": load.errors,
        "cpu_ms_per_turn": round(cpu_ms, 1),
        "samples": total,
        "parts_ms_per_turn": parts,
    }


def main(argv: list[str] | None = None) -> int:
    """Measure and print one table per database."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.components")
    parser.add_argument("--backend", choices=BACKENDS, default="mysql")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--turns", type=int, default=80)
    parser.add_argument("--mysql-url", default=DEFAULT_MYSQL_URL)
    parser.add_argument("--json", type=Path, help="also write the result here")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        result = asyncio.run(
            measure(
                backend=options.backend,
                concurrency=options.concurrency,
                turns=options.turns,
                mysql_url=options.mysql_url,
                workdir=Path(workdir),
            )
        )
    print(
        f"{result['backend']}, concurrency {result['concurrency']}, {result['turns']} turns "
        f"({result['errors']} errors): {result['cpu_ms_per_turn']} CPU ms per turn"
    )
    print("| part | CPU ms per turn |\n|---|---:|")
    parts = result["parts_ms_per_turn"]
    assert isinstance(parts, dict)
    for name, ms in parts.items():
        print(f"| {name} | {ms} |")
    if options.json:
        options.json.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
