"""Showing an evaluation on the terminal: a progress bar, then tables of what happened."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ask_applicant.evaluation.assertions import snippet
from ask_applicant.evaluation.report import CaseResult, EvalReport
from ask_applicant.evaluation.report_files import case_name

_STATUS_STYLE = {"passed": "green", "failed": "red", "error": "red", "skipped": "yellow"}


def progress_bar(console: Console) -> Progress:
    """A progress bar for case runs (use as a context manager)."""
    return Progress(
        TextColumn("[bold]eval[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} not passed"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def suite_table(report: EvalReport) -> Table:
    """One row per suite: cases, runs, passed, failed, skipped, pass rate, p50/p95."""
    table = Table(title=f"Evaluation · {escape(report.target)}", title_justify="left")
    for column in ("Suite", "Cases", "Runs", "Passed", "Failed", "Skipped", "Pass rate"):
        table.add_column(column, justify="left" if column == "Suite" else "right")
    table.add_column("p50 ms", justify="right")
    table.add_column("p95 ms", justify="right")
    for s in report.suites:
        style = "green" if s.pass_rate >= report.min_pass_rate else "red"
        table.add_row(
            escape(s.suite),
            str(s.cases),
            str(s.runs),
            str(s.passed),
            str(s.failed),
            str(s.skipped),
            f"[{style}]{s.pass_rate:.1%}[/{style}]",
            _ms(s.p50_ms),
            _ms(s.p95_ms),
        )
    return table


def _problem_row(result: CaseResult, repeat: int) -> tuple[str, str, str, str]:
    turn = result.transcript.last
    seen = (
        f"agent {turn.agent} · handoffs {turn.handoffs} · tools {turn.tools}"
        + (" · refused" if turn.refused else "")
        + f"\n{snippet(turn.answer, 120)}"
    )
    failing = "\n".join(
        f"[{_STATUS_STYLE[v.status]}]{v.kind}[/{_STATUS_STYLE[v.status]}]: {escape(v.reason)}"
        for v in result.problems
    )
    return (
        f"{escape(result.suite)}/{escape(case_name(result, repeat))}",
        escape(snippet(result.questions[-1], 80)),
        failing,
        escape(seen),
    )


def problems_table(report: EvalReport) -> Table | None:
    """The case runs that did not pass, with their failing assertions and what was seen."""
    problems = report.not_passed()
    if not problems:
        return None
    table = Table(title="Not passed", title_justify="left", show_lines=True)
    for column in ("Case", "Question", "Assertion", "Seen"):
        table.add_column(column, overflow="fold")
    for result in problems:
        table.add_row(*_problem_row(result, report.repeat))
    return table


def plain_report(report: EvalReport) -> list[str]:
    """The report as plain lines (tab-separated suite rows), for a pipe or a file.

    A table drawn for a terminal is cut to its width (suite names became `conve…`);
    piped output is read by programs and people alike, so nothing is shortened.
    """
    lines = [
        f"Evaluation · {report.target}",
        "suite\tcases\truns\tpassed\tfailed\tskipped\tpass_rate\tp50_ms\tp95_ms",
    ]
    for s in report.suites:
        counts = (s.cases, s.runs, s.passed, s.failed, s.skipped)
        lines.append(
            "\t".join([s.suite, *map(str, counts), f"{s.pass_rate:.1%}"])
            + f"\t{_ms(s.p50_ms)}\t{_ms(s.p95_ms)}"
        )
    for result in report.not_passed():
        turn = result.transcript.last
        lines.append(
            f"not passed: {result.suite}/{case_name(result, report.repeat)}"
            f" · question: {snippet(result.questions[-1], 80)}"
        )
        lines.extend(f"  {v.kind}: {v.reason}" for v in result.problems)
        lines.append(f"  seen: agent {turn.agent} · {snippet(turn.answer, 120)}")
    lines.append(_verdict(report))
    return lines


def _verdict(report: EvalReport) -> str:
    if report.passed:
        return f"every suite reached {report.min_pass_rate:.0%}"
    below = ", ".join(f"{s.suite} ({s.pass_rate:.1%})" for s in report.below_rate)
    return f"below the minimum pass rate {report.min_pass_rate:.0%}: {below}"


def show_report(console: Console, report: EvalReport) -> None:
    """Print the suite table, the not-passed cases and the verdict on the pass rate.

    On a terminal as tables; anywhere else as `plain_report`'s lines.
    """
    if not console.is_terminal:
        # Written as they are: rich would expand the tabs that separate the columns.
        console.file.write("".join(f"{line}\n" for line in plain_report(report)))
        return
    console.print(suite_table(report))
    problems = problems_table(report)
    if problems is not None:
        console.print(problems)
    style = "green" if report.passed else "red"
    console.print(f"[{style}]{escape(_verdict(report))}[/{style}]")
