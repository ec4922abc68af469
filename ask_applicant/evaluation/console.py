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


def show_report(console: Console, report: EvalReport) -> None:
    """Print the suite table, the not-passed cases and the verdict on the pass rate."""
    console.print(suite_table(report))
    problems = problems_table(report)
    if problems is not None:
        console.print(problems)
    if report.passed:
        console.print(f"[green]every suite reached {report.min_pass_rate:.0%}[/green]")
        return
    below = ", ".join(f"{s.suite} ({s.pass_rate:.1%})" for s in report.below_rate)
    console.print(
        f"[red]below the minimum pass rate {report.min_pass_rate:.0%}: {escape(below)}[/red]"
    )
