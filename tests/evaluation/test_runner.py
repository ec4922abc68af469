"""The runner: selects cases by tag, repeats them, bounds concurrency and sums up suites."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ask_applicant.evaluation.runner import Plan, run_suites
from ask_applicant.evaluation.suite import Suite
from ask_applicant.evaluation.suite_files import parse_suite
from ask_applicant.evaluation.transcript import TurnRecord
from tests.evaluation.scripted_target import ScriptedTarget

SUITE = parse_suite(
    """
suite: demo
cases:
  - id: pass-1
    question: "Where did you study?"
    expect: {agent: resume, contains: [study]}
    tags: [en]
  - {id: fail-1, question: "어디서 일하셨나요?", expect: {agent: career}, tags: [ko]}
  - id: multi
    turns: ["first question", "second question"]
    expect: {handoffs: [], contains: [second]}
    tags: [en, multi]
  - {id: rubric, question: "Anything?", expect: {rubric: "Is polite."}, tags: [rubric]}
""",
    Path("demo.yaml"),
)


async def test_every_case_runs_and_the_suite_is_summed_up(
    scripted: Callable[..., ScriptedTarget],
) -> None:
    report = await run_suites([SUITE], scripted(), Plan())
    by_case = {result.case: result for result in report.results}
    assert by_case["pass-1"].status == "passed"
    assert by_case["fail-1"].status == "failed"
    assert by_case["multi"].status == "passed"
    assert by_case["rubric"].status == "skipped"
    (summary,) = report.suites
    assert (summary.cases, summary.runs, summary.passed, summary.failed, summary.skipped) == (
        4, 4, 2, 1, 1,
    )  # fmt: skip
    assert summary.pass_rate == 0.5
    assert not report.passed and report.below_rate == [summary]


async def test_the_expectation_applies_to_the_last_turn_of_a_conversation(
    scripted: Callable[..., ScriptedTarget],
) -> None:
    target = scripted()
    report = await run_suites([SUITE], target, Plan(tags=("multi",)))
    (result,) = report.results
    assert ([q for q, _ in target.conversations]) == [["first question", "second question"]]
    assert result.latency_ms == 20.0 and result.transcript.turns[0].handoffs == ["resume"]
    assert result.status == "passed"


async def test_tags_select_cases_with_any_of_them(scripted: Callable[..., ScriptedTarget]) -> None:
    report = await run_suites([SUITE], scripted(), Plan(tags=("ko", "rubric")))
    assert [result.case for result in report.results] == ["fail-1", "rubric"]


async def test_repeats_are_reported_in_case_then_repeat_order(
    scripted: Callable[..., ScriptedTarget],
) -> None:
    report = await run_suites([SUITE], scripted(), Plan(repeat=3, tags=("en",), concurrency=8))
    assert [(r.case, r.repeat) for r in report.results] == [
        ("pass-1", 1), ("pass-1", 2), ("pass-1", 3), ("multi", 1), ("multi", 2), ("multi", 3),
    ]  # fmt: skip
    assert report.suites[0].runs == 6 and report.suites[0].cases == 2


async def test_no_more_than_concurrency_cases_run_at_once(
    scripted: Callable[..., ScriptedTarget],
) -> None:
    target = scripted(hold_until=3)
    report = await run_suites([SUITE], target, Plan(repeat=5, concurrency=3))
    assert len(report.results) == 20
    assert target.most_in_flight == 3


async def test_the_plans_profile_overrides_the_suites(
    scripted: Callable[..., ScriptedTarget], tmp_path: Path
) -> None:
    own = Suite.model_validate({"suite": "s", "profile": tmp_path, "cases": SUITE.cases[:1]})
    target = scripted()
    first = await run_suites([own], target, Plan())
    second = await run_suites([own], target, Plan(profile=Path("/elsewhere")))
    assert [profile for _, profile in target.conversations] == [tmp_path, Path("/elsewhere")]
    assert (first.suites[0].profile, second.suites[0].profile) == (str(tmp_path), "/elsewhere")


async def test_a_failed_turn_is_an_error_that_counts_as_failed(
    scripted: Callable[..., ScriptedTarget],
) -> None:
    def broken(question: str, index: int) -> TurnRecord:
        return TurnRecord(question=question, error="model_error: upstream 500")

    report = await run_suites([SUITE], scripted(broken), Plan(tags=("en",)))
    assert {result.status for result in report.results} == {"error"}
    assert report.suites[0].errors == 2 and report.suites[0].failed == 2
    assert report.suites[0].p50_ms is None


async def test_a_pass_rate_at_the_minimum_passes_the_gate(
    scripted: Callable[..., ScriptedTarget],
) -> None:
    report = await run_suites([SUITE], scripted(), Plan(min_pass_rate=0.5))
    assert report.passed
    stricter = await run_suites([SUITE], scripted(), Plan(min_pass_rate=0.51))
    assert not stricter.passed


async def test_progress_is_reported_once_per_case_run(
    scripted: Callable[..., ScriptedTarget],
) -> None:
    seen: list[str] = []
    await run_suites([SUITE], scripted(), Plan(repeat=2), on_result=lambda r: seen.append(r.case))
    assert sorted(seen) == sorted([case.id for case in SUITE.cases] * 2)


@pytest.mark.parametrize(
    "plan", [{"repeat": 0}, {"concurrency": 0}, {"min_pass_rate": 1.5}, {"min_pass_rate": -0.1}]
)
def test_a_plan_rejects_impossible_settings(plan: dict) -> None:
    with pytest.raises(ValueError):
        Plan(**plan)
