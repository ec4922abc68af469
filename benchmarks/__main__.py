"""`uv run python -m benchmarks`: run the benchmarks; `--quick` for a smoke run.

Results go to `benchmarks/results/` (`full.json`, `full.md`, `full.png`; `quick.*` for a
smoke run). MariaDB is used when a server answers at `--mysql-url` (default
`mysql+asyncmy://root@127.0.0.1:3306/`, or `BENCH_MYSQL_URL`); each benchmark creates
and drops its own `bench_*` databases there.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import sys
from pathlib import Path

from benchmarks.databases import BACKENDS, DEFAULT_MYSQL_URL, Backend, masked
from benchmarks.fake_openai import FakeOpenAI
from benchmarks.plan import FULL, PARTS, QUICK
from benchmarks.suite import run_suite, write_outputs

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=(
            "Benchmark the service against the SDK floor (overhead), its capacity, our "
            "session store against the SDK's, replaying a long run (resume), and the cost per turn "
            "over one long conversation (conversation)."
        ),
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run (under a minute)")
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        metavar="PART",
        help=f"run only this part (repeatable): {', '.join(PARTS)}",
    )
    parser.add_argument(
        "--backend",
        action="append",
        choices=BACKENDS,
        help="database to use (repeatable; default: both, MariaDB when reachable)",
    )
    parser.add_argument(
        "--mysql-url",
        default=os.environ.get("BENCH_MYSQL_URL", DEFAULT_MYSQL_URL),
        help="MariaDB/MySQL server for scratch databases (mysql+asyncmy://...)",
    )
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="results directory")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; print where the results went."""
    arguments = sys.argv[1:] if argv is None else argv
    options = _parser().parse_args(arguments)
    plan = QUICK if options.quick else FULL
    parts = tuple(part for part in PARTS if not options.only or part in options.only)
    backends: tuple[Backend, ...] = tuple(options.backend or BACKENDS)
    shown = [masked(arg) if "://" in arg else arg for arg in arguments]
    command = shlex.join(["uv", "run", "python", "-m", "benchmarks", *shown])
    fake = FakeOpenAI(plan.overhead_pacing)
    # The fake runs in a process of its own, so its CPU is not charged to the floor.
    with fake.running(in_subprocess=True):
        results = asyncio.run(
            run_suite(
                plan=plan,
                parts=parts,
                backends=backends,
                fake=fake,
                mysql_url=options.mysql_url,
                command=command,
                log=lambda line: print(line, file=sys.stderr, flush=True),
            )
        )
    outputs = write_outputs(results, options.out)
    print(outputs.markdown.read_text("utf-8"))
    written = [outputs.json, outputs.markdown, *([outputs.chart] if outputs.chart else [])]
    print("wrote " + ", ".join(str(path) for path in written), file=sys.stderr)
    if outputs.chart is None and results.get("overhead"):
        print("no chart: matplotlib is missing (uv run --group bench ...)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
