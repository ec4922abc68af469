"""Checking a case's expectation against what its last turn did: one verdict per key.

Every verdict carries a reason that shows what was seen, so a failed case can be read
without rerunning it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel

from ask_applicant.evaluation.suite import Expectation
from ask_applicant.evaluation.transcript import TurnRecord

Status = Literal["passed", "failed", "skipped"]
_SHOWN_ANSWER_CHARS = 160


class Verdict(BaseModel):
    """The result of one expectation.

    Attributes:
        kind: The expectation's key (`agent`, `contains`, ...; `run` for a failed run).
        status: passed, failed, or skipped (a rubric without a judge); skipped is never
            counted as passed.
        reason: What was expected and what was seen.
    """

    kind: str
    status: Status
    reason: str

    @property
    def passed(self) -> bool:
        """True only for a pass."""
        return self.status == "passed"


def _fold(text: str) -> str:
    # NFC first: a Hangul syllable typed as jamo must match the precomposed one.
    return unicodedata.normalize("NFC", text).casefold()


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def snippet(text: str, limit: int = _SHOWN_ANSWER_CHARS) -> str:
    """The start of `text` on one line, for reasons and reports."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def matches_subset(expected: Any, actual: Any) -> bool:
    """True when `actual` includes `expected`.

    Mappings: every expected key is present with a matching value. Lists: every expected
    item matches some actual item. Strings: a case-insensitive substring. Anything else:
    equal.
    """
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and matches_subset(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, list):
        items = actual if isinstance(actual, list) else [actual]
        return all(any(matches_subset(e, a) for a in items) for e in expected)
    if isinstance(expected, str):
        return isinstance(actual, str) and _fold(expected) in _fold(actual)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    return bool(expected == actual)


def _verdict(kind: str, ok: bool, reason: str) -> Verdict:
    return Verdict(kind=kind, status="passed" if ok else "failed", reason=reason)


def _agent(want: str, turn: TurnRecord) -> Verdict:
    return _verdict("agent", turn.agent == want, f"expected {want!r}; answered by {turn.agent!r}")


def _handoffs(want: list[str], turn: TurnRecord) -> Verdict:
    return _verdict("handoffs", turn.handoffs == want, f"expected {want}; saw {turn.handoffs}")


def _tools(want: list[str], turn: TurnRecord) -> Verdict:
    missing = [name for name in want if name not in turn.tools]
    reason = f"not called: {missing}" if missing else f"all called of {want}"
    return _verdict("tools", not missing, f"{reason}; called {turn.tools}")


def _tools_not(unwanted: list[str], turn: TurnRecord) -> Verdict:
    called = [name for name in unwanted if name in turn.tools]
    reason = f"called: {called}" if called else f"none of {unwanted} called"
    return _verdict("tools_not", not called, f"{reason}; called {turn.tools}")


def _tool_args(want: dict[str, dict[str, Any]], turn: TurnRecord) -> Verdict:
    problems = []
    for tool, arguments in want.items():
        seen = [call.arguments for call in turn.tool_calls if call.name == tool]
        if not seen:
            problems.append(f"{tool} was not called")
        elif not any(matches_subset(arguments, actual) for actual in seen):
            problems.append(f"{tool} called with {_shown(seen)}, none includes {_shown(arguments)}")
    if problems:
        return _verdict("tool_args", False, "; ".join(problems))
    return _verdict("tool_args", True, f"arguments include {_shown(want)}")


def _contains(want: list[str], turn: TurnRecord) -> Verdict:
    answer = _fold(turn.answer)
    missing = [text for text in want if _fold(text) not in answer]
    reason = f"missing {missing}" if missing else f"has all of {want}"
    return _verdict("contains", not missing, f"{reason}; answer: {snippet(turn.answer)!r}")


def _not_contains(unwanted: list[str], turn: TurnRecord) -> Verdict:
    answer = _fold(turn.answer)
    found = [text for text in unwanted if _fold(text) in answer]
    reason = f"found {found}" if found else f"none of {unwanted}"
    return _verdict("not_contains", not found, f"{reason}; answer: {snippet(turn.answer)!r}")


def _regex(pattern: str, turn: TurnRecord) -> Verdict:
    found = re.search(pattern, turn.answer)
    seen = f"matched {found.group()!r}" if found else "no match"
    return _verdict(
        "regex", found is not None, f"/{pattern}/ {seen}; answer: {snippet(turn.answer)!r}"
    )


def _refused(want: bool, turn: TurnRecord) -> Verdict:
    seen = f"refused by {turn.guardrail!r}" if turn.refused else "not refused"
    return _verdict("refused", turn.refused == want, f"expected refused={want}; {seen}")


def _latency(limit: float, turn: TurnRecord) -> Verdict:
    return _verdict(
        "max_latency_ms", turn.latency_ms <= limit, f"{turn.latency_ms:.0f} ms (limit {limit:.0f})"
    )


_CHECKS: dict[str, Callable[[Any, TurnRecord], Verdict]] = {
    "agent": _agent,
    "handoffs": _handoffs,
    "tools": _tools,
    "tools_not": _tools_not,
    "tool_args": _tool_args,
    "contains": _contains,
    "not_contains": _not_contains,
    "regex": _regex,
    "refused": _refused,
    "max_latency_ms": _latency,
}


def check_deterministic(expect: Expectation, turn: TurnRecord) -> list[Verdict]:
    """The verdicts of every set expectation except `rubric`, in the format's key order.

    Args:
        expect: The case's expectation.
        turn: The last turn of the case's conversation.

    Returns:
        One verdict per set key; a single failed `run` verdict when the turn failed.
    """
    if turn.error is not None:
        return [Verdict(kind="run", status="failed", reason=f"the turn failed: {turn.error}")]
    return [
        _CHECKS[kind](getattr(expect, kind), turn) for kind in expect.kinds() if kind in _CHECKS
    ]
