"""The record of an evaluation run: every case's result and each suite's summary."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from ask_applicant.evaluation.assertions import Verdict
from ask_applicant.evaluation.transcript import Transcript

CaseStatus = Literal["passed", "failed", "skipped", "error"]


class CaseResult(BaseModel):
    """One run of one case.

    Attributes:
        suite: The suite's name.
        case: The case's id.
        repeat: Which repetition, from 1.
        tags: The case's tags.
        questions: The questions asked, in order.
        status: `error` when a turn failed, `failed` when a verdict failed, `skipped`
            when one was skipped and none failed, else `passed`.
        verdicts: One per expectation.
        transcript: Everything the conversation did.
    """

    suite: str
    case: str
    repeat: int = 1
    tags: list[str] = Field(default_factory=list)
    questions: list[str]
    status: CaseStatus
    verdicts: list[Verdict]
    transcript: Transcript

    @property
    def latency_ms(self) -> float:
        """The last turn's latency: the one the expectation is about."""
        return self.transcript.last.latency_ms

    @property
    def problems(self) -> list[Verdict]:
        """The verdicts that kept the case from passing (failed first, then skipped)."""
        failed = [v for v in self.verdicts if v.status == "failed"]
        return failed + [v for v in self.verdicts if v.status == "skipped"]


def case_status(verdicts: list[Verdict], transcript: Transcript) -> CaseStatus:
    """The status a case's verdicts add up to; skipped is never a pass."""
    if transcript.error is not None:
        return "error"
    if any(v.status == "failed" for v in verdicts):
        return "failed"
    if any(v.status == "skipped" for v in verdicts):
        return "skipped"
    return "passed"


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile of `values` (None for none)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


class SuiteSummary(BaseModel):
    """How one suite did.

    Attributes:
        suite: The suite's name.
        file: The suite's file.
        profile: The profile it ran against (None: the target's default or a server's).
        cases: Distinct cases run.
        runs: Case runs (cases × repeats).
        passed: Runs that passed.
        failed: Runs that failed, errors included.
        errors: Runs whose turn failed.
        skipped: Runs with a skipped verdict and no failed one.
        pass_rate: passed / runs.
        p50_ms: Median latency of the last turns.
        p95_ms: 95th percentile latency of the last turns.
    """

    suite: str
    file: str | None = None
    profile: str | None = None
    cases: int
    runs: int
    passed: int
    failed: int
    errors: int
    skipped: int
    pass_rate: float
    p50_ms: float | None
    p95_ms: float | None


def summarise(
    suite: str, results: list[CaseResult], *, file: str | None = None, profile: str | None = None
) -> SuiteSummary:
    """The summary of one suite's results."""
    statuses = [result.status for result in results]
    latencies = [r.latency_ms for r in results if r.status != "error"]
    runs = len(results)
    passed = statuses.count("passed")
    return SuiteSummary(
        suite=suite,
        file=file,
        profile=profile,
        cases=len({result.case for result in results}),
        runs=runs,
        passed=passed,
        failed=statuses.count("failed") + statuses.count("error"),
        errors=statuses.count("error"),
        skipped=statuses.count("skipped"),
        pass_rate=passed / runs if runs else 0.0,
        p50_ms=percentile(latencies, 0.50),
        p95_ms=percentile(latencies, 0.95),
    )


class EvalReport(BaseModel):
    """The whole run: what was evaluated, how, and every result.

    Attributes:
        target: What answered (in-process with a model, or a server URL).
        judge: The judge model for rubrics, if any.
        started_at: When the run started (UTC).
        duration_s: How long it took.
        repeat: Runs per case.
        concurrency: Cases run at once.
        tags: The `--tag` filter.
        min_pass_rate: The rate every suite must reach.
        suites: One summary per suite.
        results: Every case run, by suite, case and repeat.
    """

    target: str
    judge: str | None = None
    started_at: datetime
    duration_s: float
    repeat: int
    concurrency: int
    tags: list[str] = Field(default_factory=list)
    min_pass_rate: float
    suites: list[SuiteSummary]
    results: list[CaseResult]

    @property
    def passed(self) -> bool:
        """True when every suite reached `min_pass_rate`."""
        return all(suite.pass_rate >= self.min_pass_rate for suite in self.suites)

    @property
    def below_rate(self) -> list[SuiteSummary]:
        """The suites that did not reach `min_pass_rate`."""
        return [suite for suite in self.suites if suite.pass_rate < self.min_pass_rate]

    def not_passed(self) -> list[CaseResult]:
        """The runs that did not pass, in report order."""
        return [result for result in self.results if result.status != "passed"]
