"""Scripted agent evaluations: YAML suites, deterministic assertions, reports.

    suites = load_suites([Path("evals")])
    async with open_in_process_target(settings, model="offline") as target:
        report = await run_suites(suites, target, Plan(repeat=1, concurrency=4))
    write_reports(report, Path("reports"))     # report.json, junit.xml, report.md

`ask-applicant eval` (`ask_applicant.cli.eval`) is the command line over these.
"""

from __future__ import annotations

from ask_applicant.evaluation.assertions import Verdict, check_deterministic
from ask_applicant.evaluation.http_target import HttpTarget, open_http_target
from ask_applicant.evaluation.in_process import InProcessTarget, open_in_process_target
from ask_applicant.evaluation.judge import Judge
from ask_applicant.evaluation.report import CaseResult, EvalReport, SuiteSummary
from ask_applicant.evaluation.report_files import write_reports
from ask_applicant.evaluation.runner import Plan, run_suites
from ask_applicant.evaluation.suite import Case, Expectation, Suite
from ask_applicant.evaluation.suite_files import SuiteError, load_suites, parse_suite
from ask_applicant.evaluation.target import Target
from ask_applicant.evaluation.transcript import ToolCall, Transcript, TurnRecord

__all__ = [
    "Case",
    "CaseResult",
    "EvalReport",
    "Expectation",
    "HttpTarget",
    "InProcessTarget",
    "Judge",
    "Plan",
    "Suite",
    "SuiteError",
    "SuiteSummary",
    "Target",
    "ToolCall",
    "Transcript",
    "TurnRecord",
    "Verdict",
    "check_deterministic",
    "load_suites",
    "open_http_target",
    "open_in_process_target",
    "parse_suite",
    "run_suites",
    "write_reports",
]
