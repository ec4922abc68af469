"""Each expectation kind passes and fails on what the last turn did, and says what it saw."""

from __future__ import annotations

from typing import Any

import pytest

from ask_applicant.evaluation.assertions import check_deterministic, matches_subset
from ask_applicant.evaluation.suite import Expectation
from ask_applicant.evaluation.transcript import ToolCall, TurnRecord

TURN = TurnRecord(
    question="Where did you study?",
    answer="I studied Computer Science at 한빛대학교 (Hanbit University) from 2010 to 2016.",
    agent="resume",
    handoffs=["resume"],
    tool_calls=[
        ToolCall(name="get_education", arguments={}, agent="resume"),
        ToolCall(name="get_project", arguments={"name": "Chat Service", "depth": 2}),
    ],
    refused=False,
    latency_ms=120.0,
)


CASES: list[tuple[dict[str, Any], str, str]] = [
    ({"agent": "resume"}, "passed", "answered by 'resume'"),
    ({"agent": "career"}, "failed", "expected 'career'; answered by 'resume'"),
    ({"handoffs": ["resume"]}, "passed", "saw ['resume']"),
    ({"handoffs": []}, "failed", "expected []; saw ['resume']"),
    ({"handoffs": ["triage", "resume"]}, "failed", "saw ['resume']"),
    (
        {"tools": ["get_education", "get_project"]},
        "passed",
        "called ['get_education', 'get_project']",
    ),
    ({"tools": ["get_education", "get_skills"]}, "failed", "not called: ['get_skills']"),
    ({"tools_not": ["assess_job_fit"]}, "passed", "none of ['assess_job_fit'] called"),
    ({"tools_not": ["get_education"]}, "failed", "called: ['get_education']"),
    ({"tool_args": {"get_project": {"name": "chat"}}}, "passed", "arguments include"),
    ({"tool_args": {"get_project": {"name": "settlement"}}}, "failed", '"name": "Chat Service"'),
    ({"tool_args": {"get_project": {"depth": 3}}}, "failed", "none includes"),
    ({"tool_args": {"get_skills": {"x": 1}}}, "failed", "get_skills was not called"),
    ({"contains": ["hanbit university", "한빛대학교"]}, "passed", "has all of"),
    ({"contains": ["Hanbit", "Seoul National"]}, "failed", "missing ['Seoul National']"),
    ({"not_contains": ["010-1234"]}, "passed", "none of ['010-1234']"),
    ({"not_contains": ["COMPUTER science"]}, "failed", "found ['COMPUTER science']"),
    ({"regex": r"20(1|2)[0-9]"}, "passed", "matched '2010'"),
    ({"regex": r"19[0-9]{2}"}, "failed", "no match"),
    ({"refused": False}, "passed", "not refused"),
    ({"refused": True}, "failed", "expected refused=True; not refused"),
    ({"max_latency_ms": 500}, "passed", "120 ms (limit 500)"),
    ({"max_latency_ms": 100}, "failed", "120 ms (limit 100)"),
]


@pytest.mark.parametrize(("expect", "status", "reason"), CASES)
def test_each_expectation_kind_passes_or_fails_with_what_it_saw(
    expect: dict[str, Any], status: str, reason: str
) -> None:
    (verdict,) = check_deterministic(Expectation.model_validate(expect), TURN)
    assert verdict.kind == next(iter(expect))
    assert verdict.status == status
    assert reason in verdict.reason


def test_every_expectation_kind_is_covered_both_ways() -> None:
    kinds = set(Expectation.model_fields) - {"rubric"}
    for status in ("passed", "failed"):
        assert {next(iter(e)) for e, s, _ in CASES if s == status} == kinds


def test_a_failing_answer_reason_shows_the_start_of_the_answer() -> None:
    (verdict,) = check_deterministic(Expectation(contains=["Kafka"]), TURN)
    assert "answer: 'I studied Computer Science at 한빛대학교" in verdict.reason


def test_a_refused_turn_says_which_guardrail() -> None:
    refused = TURN.model_copy(update={"refused": True, "guardrail": "question_guardrail"})
    (verdict,) = check_deterministic(Expectation(refused=True), refused)
    assert verdict.passed and "refused by 'question_guardrail'" in verdict.reason


def test_verdicts_follow_the_format_key_order() -> None:
    expect = Expectation(refused=False, agent="resume", contains=["Hanbit"])
    assert [v.kind for v in check_deterministic(expect, TURN)] == ["agent", "contains", "refused"]


def test_a_failed_turn_fails_the_case_with_the_error_instead_of_checking() -> None:
    failed = TurnRecord(question="q", error="max_turns: too many turns")
    (verdict,) = check_deterministic(Expectation(not_contains=["x"]), failed)
    assert verdict.kind == "run" and verdict.status == "failed"
    assert "max_turns: too many turns" in verdict.reason


def test_a_case_without_expectations_passes_on_a_finished_turn() -> None:
    assert check_deterministic(Expectation(), TURN) == []


def test_contains_matches_decomposed_hangul_and_ignores_case() -> None:
    decomposed = TURN.model_copy(update={"answer": "\u1112\u1161\u11ab\u1107\u1175\u11be DAEHAK"})
    (verdict,) = check_deterministic(Expectation(contains=["한빛", "daehak"]), decomposed)
    assert verdict.passed


@pytest.mark.parametrize(
    ("expected", "actual", "result"),
    [
        ({"name": "chat"}, {"name": "Chat Service"}, True),
        ({"name": "chat"}, {"title": "chat"}, False),
        ({"filters": {"year": 2020}}, {"filters": {"year": 2020, "x": 1}}, True),
        ({"filters": {"year": 2020}}, {"filters": {"year": 2021}}, False),
        ({"skills": ["kafka"]}, {"skills": ["Python", "Kafka"]}, True),
        ({"skills": ["go"]}, {"skills": ["Python"]}, False),
        ({"limit": 1}, {"limit": True}, False),
        ({"flag": True}, {"flag": True}, True),
        ({"name": "chat"}, "raw string arguments", False),
    ],
)
def test_tool_arguments_match_as_a_subset(expected: Any, actual: Any, result: bool) -> None:
    assert matches_subset(expected, actual) is result
