"""Writing a report to disk: `report.json` (the full record), `junit.xml`, `report.md`."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ask_applicant.evaluation.assertions import snippet
from ask_applicant.evaluation.report import CaseResult, EvalReport

JSON_NAME = "report.json"
JUNIT_NAME = "junit.xml"
MARKDOWN_NAME = "report.md"
# Characters XML 1.0 cannot hold at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def seen(result: CaseResult) -> str:
    """What the last turn did, on one line: agent, handoffs, tools and the answer's start."""
    turn = result.transcript.last
    parts = [
        f"agent={turn.agent}",
        f"handoffs={turn.handoffs}",
        f"tools={turn.tools}",
        f"refused={turn.refused}",
    ]
    if turn.error:
        parts.append(f"error={turn.error}")
    return "; ".join(parts) + f"; answer={snippet(turn.answer, 200)!r}"


def case_name(result: CaseResult, repeat: int) -> str:
    """A case run's display name: the id, with `#N` when runs repeat."""
    return f"{result.case}#{result.repeat}" if repeat > 1 else result.case


def report_json(report: EvalReport) -> str:
    """The full record as JSON (Korean and emoji kept as they are)."""
    data = report.model_dump(mode="json")
    for row, result in zip(data["results"], report.results, strict=True):
        row["latency_ms"] = round(result.latency_ms, 1)
        row["tokens"] = result.transcript.total_tokens
        row["agent_path"] = [
            {"agent": turn.agent, "handoffs": turn.handoffs} for turn in result.transcript.turns
        ]
    data["passed"] = report.passed
    return json.dumps(data, ensure_ascii=False, indent=2)


def junit_xml(report: EvalReport) -> str:
    """The report as JUnit XML: one `testsuite` per suite, one `testcase` per case run."""
    root = ET.Element("testsuites", name="ask-applicant eval", time=f"{report.duration_s:.3f}")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for summary in report.suites:
        results = [r for r in report.results if r.suite == summary.suite]
        counts = {
            "tests": summary.runs,
            "failures": summary.failed - summary.errors,
            "errors": summary.errors,
            "skipped": summary.skipped,
        }
        for key, value in counts.items():
            totals[key] += value
        suite_time = sum(r.latency_ms for r in results) / 1000
        attributes = {key: str(value) for key, value in counts.items()}
        attributes.update(name=summary.suite, time=f"{suite_time:.3f}")
        element = ET.SubElement(root, "testsuite", attributes)
        for result in results:
            _testcase(element, result, report.repeat)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(parent: ET.Element, result: CaseResult, repeat: int) -> None:
    case = ET.SubElement(
        parent,
        "testcase",
        classname=result.suite,
        name=_xml(case_name(result, repeat)),
        time=f"{result.latency_ms / 1000:.3f}",
    )
    details = "\n".join(f"[{v.status}] {v.kind}: {v.reason}" for v in result.verdicts)
    details = f"{details}\nseen: {seen(result)}".strip()
    if result.status == "error":
        error = ET.SubElement(case, "error", message=_xml(str(result.transcript.error)))
        error.text = _xml(details)
    elif result.status == "failed":
        first = result.problems[0]
        failure = ET.SubElement(case, "failure", message=_xml(f"{first.kind}: {first.reason}"))
        failure.text = _xml(details)
    elif result.status == "skipped":
        ET.SubElement(case, "skipped", message=_xml(result.problems[0].reason))
    ET.SubElement(case, "system-out").text = _xml(result.transcript.last.answer)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def report_markdown(report: EvalReport) -> str:
    """A readable summary: the table per suite, then every case run that did not pass."""
    verdict = "passed" if report.passed else "FAILED"
    lines = [
        "# Evaluation report",
        "",
        f"- Target: {report.target}",
        f"- Judge: {report.judge or 'none (rubrics skipped)'}",
        f"- Started: {report.started_at.isoformat(timespec='seconds')}, "
        f"took {report.duration_s:.1f} s; repeat {report.repeat}, "
        f"concurrency {report.concurrency}" + (f", tags {report.tags}" if report.tags else ""),
        f"- Minimum pass rate {report.min_pass_rate:.0%} per suite: **{verdict}**",
        "",
        "| Suite | Cases | Runs | Passed | Failed | Skipped | Pass rate | p50 ms | p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in report.suites:
        lines.append(
            f"| {_cell(s.suite)} | {s.cases} | {s.runs} | {s.passed} | {s.failed} | "
            f"{s.skipped} | {s.pass_rate:.1%} | {_ms(s.p50_ms)} | {_ms(s.p95_ms)} |"
        )
    problems = report.not_passed()
    if problems:
        lines += ["", "## Not passed", ""]
    for result in problems:
        lines.append(f"### {_cell(result.suite)} / {_cell(case_name(result, report.repeat))}")
        lines.append("")
        for number, question in enumerate(result.questions, start=1):
            lines.append(f"{number}. {_cell(question)}")
        lines.append("")
        for v in result.problems:
            lines.append(f"- **{v.kind}** {v.status}: {_cell(v.reason)}")
        lines.append(f"- seen: {_cell(seen(result))}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_reports(report: EvalReport, directory: Path) -> list[Path]:
    """Write `report.json`, `junit.xml` and `report.md` into `directory` (created if needed).

    Returns:
        The files written.
    """
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        directory / JSON_NAME: report_json(report),
        directory / JUNIT_NAME: junit_xml(report),
        directory / MARKDOWN_NAME: report_markdown(report),
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)
