"""`uv run python -m benchmarks.startup`: how long the command line takes to start.

Times whole processes, as a person waits for them: `ask-applicant --help`, the key and
link commands (which only read a few rows), and `serve` from launch until `/healthz`
answers, with MCP off and on. For `serve` it also takes the resident memory of the
worker and every process it started, at the moment it is ready (with MCP on, the
specialists' servers are connected by then). Each command runs `--runs` times after one
warm-up; the tables give the median and the extremes, and the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import psutil

from benchmarks.machine import describe_machine, machine_line
from benchmarks.resources import rss_bytes
from benchmarks.stats import summarize_ms

MIB = 1024 * 1024

CLI = [sys.executable, "-m", "ask_applicant"]
COMMANDS: dict[str, list[str]] = {
    "--help": ["--help"],
    "keys list": ["keys", "list"],
    "links list": ["links", "list"],
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def time_command(args: Sequence[str], env: dict[str, str]) -> float:
    """Seconds one CLI run takes, from launch to exit."""
    started = time.perf_counter()
    subprocess.run([*CLI, *args], env=env, capture_output=True, check=True, timeout=300)
    return time.perf_counter() - started


def time_serve(env: dict[str, str], rss: list[int] | None = None) -> float:
    """Seconds from launching `serve` until `/healthz` answers 200.

    Args:
        env: The server's environment.
        rss: Gets the resident bytes of the server and all its children at that moment.
    """
    port = _free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [*CLI, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"serve exited with {server.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    elapsed = time.perf_counter() - started
                    if rss is not None:
                        process = psutil.Process(server.pid)
                        rss.append(rss_bytes([process, *process.children(recursive=True)]))
                    return elapsed
            except OSError:
                time.sleep(0.05)  # polling a port that is not open yet
    finally:
        server.terminate()
        server.wait(timeout=30)


def run(runs: int, workdir: Path) -> dict[str, Any]:
    """Time every command `runs` times after one warm-up; JSON data."""
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'start.db'}"}
    env.pop("OPENAI_API_KEY", None)
    subprocess.run([*CLI, "db", "upgrade"], env=env, capture_output=True, check=True)
    rows: dict[str, Any] = {}
    measures = {name: (lambda a=args: time_command(a, env)) for name, args in COMMANDS.items()}
    memory: dict[str, list[int]] = {}
    for mcp in ("off", "on"):
        name = f"serve → /healthz, MCP {mcp}"
        enabled = {**env, "MCP_ENABLED": "true" if mcp == "on" else "false"}
        samples = memory.setdefault(name, [])
        measures[name] = partial(time_serve, enabled, samples)
    for name, measure in measures.items():
        try:
            measure()  # warm-up: the first run also compiles bytecode
        except subprocess.CalledProcessError:
            rows[name] = None  # a command this checkout does not have
            continue
        memory.get(name, []).clear()
        summary = summarize_ms([measure() for _ in range(runs)])
        rows[name] = summary.to_json() if summary is not None else None
    rss = {name: _mib(samples) for name, samples in memory.items() if samples}
    return {"machine": describe_machine(), "runs": runs, "commands": rows, "rss_mib": rss}


def _mib(samples: list[int]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": round(ordered[len(ordered) // 2] / MIB, 1),
        "min": round(ordered[0] / MIB, 1),
        "max": round(ordered[-1] / MIB, 1),
    }


def markdown(results: dict[str, Any]) -> str:
    """The results as a Markdown table, in seconds."""
    lines = [
        f"Machine: {machine_line(results['machine'])}; {results['runs']} runs each.",
        "",
        "| Command | median s | min s | max s |",
        "|---|---:|---:|---:|",
    ]
    for name, row in results["commands"].items():
        if row is not None:
            cells = (row["p50"] / 1000, row["min"] / 1000, row["max"] / 1000)
            lines.append(f"| `{name}` | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
    if results.get("rss_mib"):
        lines += [
            "",
            "| Ready `serve` (worker and its children) | median RSS MiB | min | max |",
            "|---|---:|---:|---:|",
        ]
        for name, row in results["rss_mib"].items():
            cells = (row["p50"], row["min"], row["max"])
            lines.append(f"| `{name}` | " + " | ".join(f"{c:.0f}" for c in cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run, print the table, and write `startup.json` beside the other results."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        results = run(options.runs, Path(workdir))
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "startup.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
