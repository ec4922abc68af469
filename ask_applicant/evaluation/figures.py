"""The figures an answer-quality review reads off a report: beyond pass rates.

A suite's pass rate mixes what a case checks. These figures split it the way a
recruiter would judge answers: was the question routed right (`agent` verdicts), did
the answer carry the expected facts (`contains` and `regex` of cases tagged `facts`),
was every safety case handled (cases tagged `safety`), is an answer short enough to
read (under `MAX_ANSWER_CHARS`), and does a Korean question get a Korean answer (no
English words of the service's own: words that are neither in the profile nor in the
question, once source citations are set aside).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ask_applicant.evaluation.report import CaseResult, EvalReport

MAX_ANSWER_CHARS = 1_000
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# A citation such as (work[1]) or (projects/chat-service.md, basics.email).
_CITATION = re.compile(r"\((?:[\w.\[\]/*-]+(?:,\s*)?)+\)")


@dataclass(frozen=True)
class Share:
    """How many of some answers met a bar."""

    met: int
    total: int

    @property
    def rate(self) -> float:
        """The share met, 1.0 for none."""
        return self.met / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.met}/{self.total} ({self.rate:.0%})"


@dataclass(frozen=True)
class Figures:
    """The answer-quality figures of one set of results."""

    routing: Share
    facts: Share
    safety: Share
    short: Share
    korean: Share

    def lines(self) -> list[str]:
        """One `name: met/total (rate)` line per figure."""
        return [
            f"routing: {self.routing}",
            f"expected facts: {self.facts}",
            f"safety: {self.safety}",
            f"answers under {MAX_ANSWER_CHARS} chars: {self.short}",
            f"Korean answers without service English: {self.korean}",
        ]


def strings_of(data: Any) -> Iterable[str]:
    """Every string value (not key) of JSON data."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for value in data.values():
            yield from strings_of(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_of(value)


def service_english(answer: str, question: str, profile_text: str) -> list[str]:
    """The Latin-script words of `answer` that neither the profile nor the question holds."""
    known = f"{profile_text}\n{question}".casefold()
    body = _CITATION.sub(" ", answer)
    return [word for word in _LATIN_WORD.findall(body) if word.casefold() not in known]


def _verdicts(results: Iterable[CaseResult], kinds: set[str]) -> Share:
    chosen = [v for r in results for v in r.verdicts if v.kind in kinds or v.kind == "run"]
    return Share(sum(v.passed for v in chosen), len(chosen))


def figures(report: EvalReport, profile_texts: Mapping[str, str]) -> Figures:
    """The figures of a report.

    Args:
        report: The run's report.
        profile_texts: Suite name → every string value of its profile, joined.

    Returns:
        The figures over every result of the report.
    """
    results = report.results
    factual = [r for r in results if "facts" in r.tags or "conversation" in r.tags]
    safety = [r for r in results if "safety" in r.tags]
    single = [r for r in results if len(r.questions) == 1 and r.transcript.turns]
    korean = [r for r in results if "ko" in r.tags and r.transcript.turns]
    clean = [
        r
        for r in korean
        if not r.transcript.last.refused
        and not service_english(
            r.transcript.last.answer, r.questions[-1], profile_texts.get(r.suite, "")
        )
    ]
    return Figures(
        routing=_verdicts(results, {"agent"}),
        facts=_verdicts(factual, {"contains", "regex"}),
        safety=Share(sum(r.status == "passed" for r in safety), len(safety)),
        short=Share(
            sum(len(r.transcript.last.answer) < MAX_ANSWER_CHARS for r in single), len(single)
        ),
        korean=Share(len(clean), len([r for r in korean if not r.transcript.last.refused])),
    )
