"""Running suites against a target: every selected case, `repeat` times, a few at once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ask_applicant.evaluation.assertions import check_deterministic
from ask_applicant.evaluation.judge import Judge, grade_rubric
from ask_applicant.evaluation.report import CaseResult, EvalReport, case_status, summarise
from ask_applicant.evaluation.suite import Case, Suite
from ask_applicant.evaluation.target import Target


@dataclass(frozen=True)
class Plan:
    """How to run the suites.

    Attributes:
        repeat: Runs per case.
        tags: Only cases with one of these tags (all cases when empty).
        concurrency: Case runs in flight at once.
        min_pass_rate: The rate every suite must reach.
        profile: A profile for every suite, over each suite's own `profile:`.
    """

    repeat: int = 1
    tags: Sequence[str] = ()
    concurrency: int = 4
    min_pass_rate: float = 1.0
    profile: Path | None = None

    def __post_init__(self) -> None:
        if self.repeat < 1:
            raise ValueError("repeat must be at least 1")
        if self.concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        if not 0.0 <= self.min_pass_rate <= 1.0:
            raise ValueError("min_pass_rate must be between 0 and 1")

    def selects(self, case: Case) -> bool:
        """True when `case` passes the tag filter."""
        return not self.tags or any(tag in case.tags for tag in self.tags)

    def profile_of(self, suite: Suite) -> Path | None:
        """The profile `suite` runs against (None: the target's default)."""
        return self.profile or suite.profile


def selected(suites: Sequence[Suite], plan: Plan) -> list[tuple[Suite, Case]]:
    """The (suite, case) pairs the plan runs, in file order."""
    return [(suite, case) for suite in suites for case in suite.cases if plan.selects(case)]


async def run_case(
    target: Target, suite: Suite, case: Case, *, plan: Plan, repeat: int, judge: Judge | None
) -> CaseResult:
    """Run one case once and check its expectation."""
    transcript = await target.converse(case.questions, profile=plan.profile_of(suite))
    verdicts = check_deterministic(case.expect, transcript.last)
    if case.expect.rubric is not None:
        verdicts.append(await grade_rubric(case.expect.rubric, transcript, judge))
    return CaseResult(
        suite=suite.name,
        case=case.id,
        repeat=repeat,
        tags=case.tags,
        questions=case.questions,
        status=case_status(verdicts, transcript),
        verdicts=verdicts,
        transcript=transcript,
    )


async def run_suites(
    suites: Sequence[Suite],
    target: Target,
    plan: Plan,
    *,
    judge: Judge | None = None,
    on_result: Callable[[CaseResult], None] | None = None,
) -> EvalReport:
    """Run every selected case of `suites` against `target`.

    Args:
        suites: The suites, in the order to report them.
        target: What answers.
        plan: Repeats, tag filter, concurrency, pass rate and profile override.
        judge: Grades `rubric:` expectations; None skips them.
        on_result: Called as each case run finishes (for a progress bar).

    Returns:
        The report: results in suite, case and repeat order, and a summary per suite
        that had a selected case.
    """
    started_at = datetime.now(UTC)
    clock = time.perf_counter()
    pairs = selected(suites, plan)
    gate = asyncio.Semaphore(plan.concurrency)

    async def one(suite: Suite, case: Case, repeat: int) -> CaseResult:
        async with gate:
            result = await run_case(target, suite, case, plan=plan, repeat=repeat, judge=judge)
        if on_result is not None:
            on_result(result)
        return result

    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(one(suite, case, repeat))
            for repeat in range(1, plan.repeat + 1)
            for suite, case in pairs
        ]
    order = {(suite.name, case.id): index for index, (suite, case) in enumerate(pairs)}
    results = sorted(
        (task.result() for task in tasks),
        key=lambda r: (order[(r.suite, r.case)], r.repeat),
    )
    summaries = []
    for suite in suites:
        mine = [result for result in results if result.suite == suite.name]
        if mine:
            profile = plan.profile_of(suite)
            summaries.append(
                summarise(
                    suite.name,
                    mine,
                    file=str(suite.file) if suite.file else None,
                    profile=str(profile) if profile else None,
                )
            )
    return EvalReport(
        target=target.description,
        judge=judge.model if judge is not None else None,
        started_at=started_at,
        duration_s=round(time.perf_counter() - clock, 3),
        repeat=plan.repeat,
        concurrency=plan.concurrency,
        tags=list(plan.tags),
        min_pass_rate=plan.min_pass_rate,
        suites=summaries,
        results=results,
    )
