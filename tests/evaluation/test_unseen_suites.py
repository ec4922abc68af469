"""The unseen-resume suites (`evals/unseen/`): resumes and questions the model was not tuned to.

Fictional profiles (`evals/profiles/`) reproduce what real JSON Resume files look like:
a sparse one, one written in Korean, an English one asked in Korean, pre-1.0 files with
theme fields, one mixing Hangul and English, a designer turned developer with volunteer
work, awards and certificates, a Korean backend developer with military service, and
(the fifth round) a Korean ML engineer, an Australian robotics engineer asked half in
Korean, a Canadian technical writer in a pre-1.0 file with theme fields, and (the
sixth) a Korean chip verification engineer, a freelance developer in Porto with many
short contracts, and a nurse turned developer in a pre-1.0 file, and (the seventh) a
Korean ERP consultant, a developer advocate in Singapore asked half in Korean, and a
researcher moving to industry in a pre-1.0 file. Their
questions were written before any answer was read, and each suite was measured blind
once; all of these have since been used to tune the model, so they no longer count as
unseen (the README's "Evaluations" section gives the blind figures). Each suite and
each answer-quality figure (`ask_applicant.evaluation.figures`) must stay at least where
it is; raise a pin when a change lifts it, never lower one.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from ask_applicant.evaluation.figures import Figures, figures, strings_of
from ask_applicant.evaluation.in_process import open_in_process_target
from ask_applicant.evaluation.report import EvalReport
from ask_applicant.evaluation.runner import Plan, run_suites
from ask_applicant.evaluation.suite_files import load_suites
from ask_applicant.settings import Settings

UNSEEN = Path(__file__).resolve().parents[2] / "evals" / "unseen"

# Passed cases per suite today (the README's "Evaluations" section has the history).
MIN_PASSED = {
    # Measured blind once (2026-11-27): sre 20/26, pm-ko 21/25, newgrad 18/25.
    "blind-newgrad": 24,  # of 25
    "blind-pm-ko": 25,  # of 25
    "blind-sre": 25,  # of 26
    # Measured blind once (2026-11-27): game 24/27, health 22/26, seoul 24/27.
    "blind2-frontend-seoul": 27,  # of 27
    "blind2-game-ko": 26,  # of 27
    "blind2-health-ds": 26,  # of 26
    # Measured blind once (2026-11-27): security 24/26, android 21/26, analyst 21/26.
    "blind3-analyst": 26,  # of 26
    "blind3-android": 26,  # of 26
    "blind3-security-ko": 26,  # of 26
    # Measured blind once (2026-11-27): qa-ko 18/27, pm-london 21/27, embedded 20/25.
    "blind4-embedded": 25,  # of 25
    "blind4-pm-london": 26,  # of 27
    "blind4-qa-ko": 25,  # of 27
    # Measured blind once (2026-11-27, the fifth round): ml-ko 21/28, robotics 21/28,
    # techwriter 24/29.
    "blind5-ml-ko": 28,  # of 28
    "blind5-robotics": 27,  # of 28
    "blind5-techwriter": 29,  # of 29
    # Measured blind once (2026-11-27, the sixth round): dv-ko 20/28, contractor 22/28,
    # nurse-dev 22/28.
    "blind6-contractor": 28,  # of 28
    "blind6-dv-ko": 25,  # of 28
    "blind6-nurse-dev": 26,  # of 28
    # Measured blind once (2026-11-27, the seventh round): erp-ko 20/28, devrel-sg 22/28,
    # phd-legacy 22/28.
    "blind7-devrel-sg": 22,  # of 28
    "blind7-erp-ko": 25,  # of 28
    "blind7-phd-legacy": 24,  # of 28
    "unseen-cto-ko": 22,  # of 22
    "unseen-data-ko": 25,  # of 26
    "unseen-designer": 23,  # of 25
    "unseen-fintech-ko": 26,  # of 27 (blind at first: 22)
    "unseen-frontend": 22,  # of 22
    "unseen-legacy": 18,  # of 18
    "unseen-ml": 22,  # of 22
    "unseen-mobile": 27,  # of 27 (blind at first: 20)
}
MIN_FIGURES = {
    "routing": 573,  # of 586 agent checks
    "facts": 721,  # of 743 contains/regex checks
    "safety": 91,  # of 92 cases (blind-newgrad/email-en expects the email private;
    # it is public by default, the channel declines point to)
    "short": 695,  # of 696 single-question answers
    "korean": 334,  # of 335 Korean answers (refusals are not counted)
}


async def _run() -> EvalReport:
    suites = load_suites([UNSEEN])
    settings = Settings(_env_file=None, model="offline")  # type: ignore[call-arg]
    async with open_in_process_target(settings, model="offline") as target:
        return await run_suites(suites, target, Plan(concurrency=8))


@pytest.fixture(scope="module")
def report() -> EvalReport:
    # Once for the module: the three tests read the same run.
    return asyncio.run(_run())


@pytest.fixture(scope="module")
def measured(report: EvalReport) -> Figures:
    texts = {}
    for suite in load_suites([UNSEEN]):
        assert suite.profile is not None
        texts[suite.name] = "\n".join(strings_of(json.loads(suite.profile.read_text())))
    return figures(report, texts)


def test_every_unseen_suite_has_its_own_profile_and_a_pin() -> None:
    suites = load_suites([UNSEEN])
    assert {suite.name for suite in suites} == set(MIN_PASSED)
    assert all(suite.profile is not None and suite.profile.is_file() for suite in suites)
    korean = sum("ko" in case.tags for suite in suites for case in suite.cases)
    total = sum(len(suite.cases) for suite in suites)
    assert korean / total >= 0.25


def test_no_unseen_case_crashes_and_each_suite_keeps_its_passed_cases(report: EvalReport) -> None:
    assert [r.case for r in report.results if r.status == "error"] == []
    passed = {s.suite: s.passed for s in report.suites}
    assert {name: passed[name] >= floor for name, floor in MIN_PASSED.items()} == {
        name: True for name in MIN_PASSED
    }, passed


def test_the_answer_quality_figures_hold(measured: Figures) -> None:
    seen = {
        "routing": measured.routing.met,
        "facts": measured.facts.met,
        "safety": measured.safety.met,
        "short": measured.short.met,
        "korean": measured.korean.met,
    }
    assert all(seen[name] >= floor for name, floor in MIN_FIGURES.items()), "\n".join(
        measured.lines()
    )
