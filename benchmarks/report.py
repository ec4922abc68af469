"""The results as Markdown tables, rendered from the results' JSON data alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.machine import machine_line
from benchmarks.session_store import OURS, SDK_SQLALCHEMY, SDK_SQLITE

DB_NAMES = {"sqlite": "SQLite", "mysql": "MariaDB"}


def _ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.0f}"


def _pair(summary: dict[str, Any] | None) -> str:
    if not summary:
        return "–"
    return f"{_ms(summary['p50'])} / {_ms(summary['p95'])}"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def overhead_tables(rows: list[dict[str, Any]]) -> list[str]:
    """Time to first delta and to the terminal event: floor, service, added, ratio."""
    lines: list[str] = []
    for metric, title in (("first_delta", "first delta"), ("terminal", "terminal event")):
        key = f"{metric}_ms"
        table = []
        for row in rows:
            floor, service, added = row["floor"], row["service"], row["added"][metric]
            table.append(
                [
                    DB_NAMES.get(row["backend"], row["backend"]),
                    str(row["concurrency"]),
                    _pair(floor[key]),
                    _pair(service[key]),
                    f"{_ms(added['p50_ms'])} / {_ms(added['p95_ms'])}",
                    f"{_ratio(added['p50_ratio'])} / {_ratio(added['p95_ratio'])}",
                    f"{floor['errors']} / {service['errors']}",
                    f"{_ms(floor['cpu_ms_per_turn'])} / {_ms(service['cpu_ms_per_turn'])}",
                    f"{floor['machine_cpu_share']:.2f} / {service['machine_cpu_share']:.2f}",
                ]
            )
        lines += [f"Time to {title}, ms (p50 / p95):", ""]
        header = [
            "DB",
            "concurrency",
            "SDK floor",
            "service",
            "added",
            "ratio",
            "errors (floor / service)",
            "CPU ms per turn (floor / service)",
            "machine busy, cores (floor / service)",
        ]
        lines += [*_table(header, table), ""]
    return lines


def capacity_table(results: list[dict[str, Any]]) -> list[str]:
    """Per search: the capacity, per worker against the SDK floor's, and what it used."""
    floor = next((r["capacity"] for r in results if r.get("floor")), None)
    table = []
    for result in results:
        best = next(
            (s for s in result["steps"] if s["passed"] and s["concurrency"] == result["capacity"]),
            None,
        )
        tried = ", ".join(
            f"{s['concurrency']}{'' if s['passed'] else '✗'}" for s in result["steps"]
        )
        who = _capacity_subject(result)
        per_worker = result["capacity"] / result["workers"]
        of_floor = "–" if result.get("floor") or not floor else _ratio(per_worker / floor)
        if best is None:
            table.append([*who, "0", of_floor, *["–"] * 7, tried])
            continue
        table.append(
            [
                *who,
                str(result["capacity"]),
                of_floor,
                _ms(best["first_delta_ms"]["p95"]),
                f"{best['turns'] / best['wall_seconds']:.1f}",
                _ms(best["service_cpu_seconds_per_stream"] * 1000),
                f"{best['service_cpu_share']:.2f}",
                f"{best['service_rss_mib_peak']:.0f}",
                _ms(best["service_rss_kib_per_stream"]),
                f"{best['client_cpu_share']:.2f} / {best['upstream_cpu_share']:.2f} / "
                f"{best['machine_cpu_share']:.2f}",
                tried,
            ]
        )
    header = [
        "what",
        "DB",
        "workers",
        "streams held",
        "per worker ÷ floor",
        "p95 first delta, ms",
        "turns/s",
        "CPU ms per stream",
        "CPU (cores)",
        "RSS, MiB",
        "RSS KiB per stream",
        "load generator / upstream / whole machine CPU (cores)",
        "steps tried (✗ failed)",
    ]
    return _table(header, table)


def _capacity_subject(result: dict[str, Any]) -> list[str]:
    if result.get("floor"):
        return ["SDK floor (in the load generator's process)", "–", "–"]
    what = "service with Redis" if result.get("redis") else "service"
    return [what, DB_NAMES.get(result["backend"], result["backend"]), str(result["workers"])]


def store_table(timings: list[dict[str, Any]]) -> list[str]:
    """Per database, size and operation: each store's p50 / p95, and ours against the SDK's."""
    by_key = {(t["backend"], t["size"], t["operation"], t["store"]): t["ms"] for t in timings}
    keys = sorted({(b, size, op) for b, size, op, _ in by_key}, key=lambda k: (k[0] != "sqlite", k))
    table = []
    for backend, size, operation in keys:
        ours = by_key.get((backend, size, operation, OURS))
        alchemy = by_key.get((backend, size, operation, SDK_SQLALCHEMY))
        sqlite = by_key.get((backend, size, operation, SDK_SQLITE))
        table.append(
            [
                DB_NAMES.get(backend, backend),
                f"{size:,}",
                operation,
                _pair(ours),
                _pair(alchemy),
                _ratio(ours["p50"] / alchemy["p50"] if ours and alchemy else None),
                _pair(sqlite),
                _ratio(ours["p50"] / sqlite["p50"] if ours and sqlite else None),
            ]
        )
    header = [
        "DB",
        "items",
        "operation",
        f"{OURS} p50 / p95",
        f"{SDK_SQLALCHEMY} p50 / p95",
        "ours ÷ SQLAlchemySession (p50)",
        f"{SDK_SQLITE} p50 / p95",
        "ours ÷ SQLiteSession (p50)",
    ]
    return _table(header, table)


def resume_table(results: list[dict[str, Any]]) -> list[str]:
    """Per database: the full replay's p50 / p95 and its rate."""
    table = []
    for result in results:
        end = result["terminal_ms"]
        rate = f"{result['stored_events'] / end['p50'] * 1000:,.0f}" if end else "–"
        table.append(
            [
                DB_NAMES.get(result["backend"], result["backend"]),
                f"{result['stored_events']:,}",
                str(result["turns"]),
                str(result["errors"]),
                _pair(result["first_delta_ms"]),
                _pair(end),
                rate,
            ]
        )
    header = [
        "DB",
        "events",
        "replays",
        "errors",
        "first event, ms (p50 / p95)",
        "whole replay, ms (p50 / p95)",
        "events/s",
    ]
    return _table(header, table)


def conversation_table(results: list[dict[str, Any]]) -> list[str]:
    """Per database: CPU per turn early and late in one conversation, and first delta."""
    table = []
    for result in results:
        late_ratio = result["late_to_early_cpu"]
        table.append(
            [
                DB_NAMES.get(result["backend"], result["backend"]),
                str(result["turns"]),
                str(result["errors"]),
                _ms(result["early_cpu_ms"]),
                _ms(result["late_cpu_ms"]),
                _ratio(late_ratio),
                _pair(result["early_first_delta_ms"]),
                _pair(result["late_first_delta_ms"]),
            ]
        )
    header = [
        "DB",
        "turns",
        "errors",
        "CPU ms per turn, first turns",
        "CPU ms per turn, last turns",
        "last / first",
        "first delta, ms, first turns (p50 / p95)",
        "first delta, ms, last turns (p50 / p95)",
    ]
    return _table(header, table)


def replicas_table(results: list[dict[str, Any]]) -> list[str]:
    """Per mode: how late events reach a listener on the same worker and on another replica."""
    table = [
        [
            result["mode"],
            DB_NAMES.get(result["backend"], result["backend"]),
            str(result["turns"]),
            str(result["errors"]),
            _pair(result["same_worker_delay_ms"]),
            _pair(result["other_replica_delay_ms"]),
        ]
        for result in results
    ]
    header = [
        "mode",
        "DB",
        "turns",
        "errors",
        "same worker, ms after the asker (p50 / p95)",
        "other replica, ms after the asker (p50 / p95)",
    ]
    return _table(header, table)


def render_markdown(results: dict[str, Any]) -> str:
    """Every table of a run, with the command, the machine and the pacing."""
    plan = results["plan"]
    lines = [
        f"# Benchmark results ({plan['name']})",
        "",
        f"Command: `{results['command']}`  ",
        f"Machine: {machine_line(results['machine'])}  ",
        f"Run: {results['started_at']}, {results['duration_seconds']:.0f} s; before it, "
        f"other processes kept {results['background_cpu_cores']:.2f} cores busy",
        "",
    ]
    for backend, reason in results.get("skipped", {}).items():
        lines += [f"Skipped {DB_NAMES.get(backend, backend)}: {reason}", ""]
    if results.get("overhead"):
        pacing = plan["overhead_pacing"]
        lines += [
            "## Overhead: the service over HTTP SSE with persistence vs the SDK floor",
            "",
            "One triage → specialist → tool → streamed answer turn (3 model requests) against "
            f"the fake upstream: {pacing['ttft_ms']:.0f} ms to first token, "
            f"{pacing['token_delay_ms']:.0f} ms per token, {pacing['answer_tokens']} answer "
            "tokens. The floor is `Runner.run_streamed` in-process with the same agents; the "
            "service is `ask-applicant serve` (one worker) read by an HTTP client.",
            "",
            *overhead_tables(results["overhead"]),
        ]
    if results.get("capacity"):
        search = plan["capacity"]
        pacing = plan["capacity_pacing"]
        lines += [
            "## Capacity: concurrent streams held by the service",
            "",
            f"Streams held steadily ({search['ramp_seconds']:g} s ramp, "
            f"{search['hold_seconds']:g} s hold), upstream at "
            f"{pacing['token_delay_ms']:.0f} ms per token ({pacing['ttft_ms']:.0f} ms to "
            "first token); a step passes with zero errors and p95 time to first delta "
            f"≤ {search['ttfd_bound_ms']:.0f} ms. The load generator and the fake upstream run on "
            "the same machine.",
            "",
            *capacity_table(results["capacity"]),
            "",
        ]
    if results.get("session_store"):
        lines += [
            "## Session store: `add_items` (6 items) and `get_items(limit=50)`, ms",
            "",
            *store_table(results["session_store"]),
            "",
        ]
    if results.get("resume"):
        lines += [
            "## Resume: replaying a finished run to a reconnecting client",
            "",
            "`GET /v1/runs/{id}/stream?after=0` read to its terminal event.",
            "",
            *resume_table(results["resume"]),
            "",
        ]
    if results.get("conversation"):
        window = results["conversation"][0]["window"]
        lines += [
            "## Long conversation: cost per turn, early against late",
            "",
            f"One conversation of {plan['conversation_turns']} follow-ups asked one at a time "
            f"(paced as the overhead part); the first and the last {window} turns compared. "
            "The history sent to the model is bounded (`MAX_HISTORY_ITEMS`).",
            "",
            *conversation_table(results["conversation"]),
            "",
        ]
    if results.get("replicas"):
        lines += [
            "## Two replicas: following a run on the other one",
            "",
            "A question asked on replica A, followed at once on A and on B; each event's "
            "arrival timed against the asker's own stream. `redis`: B blocks on the run's "
            "Redis stream; `polling`: no Redis, B reads the database every 200 ms.",
            "",
            *replicas_table(results["replicas"]),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
