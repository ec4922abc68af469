"""The reports on disk: the full JSON record, JUnit XML that CI can read, and Markdown."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from ask_applicant.evaluation.report import EvalReport
from ask_applicant.evaluation.report_files import write_reports
from ask_applicant.evaluation.runner import Plan, run_suites
from ask_applicant.evaluation.suite_files import parse_suite
from ask_applicant.evaluation.transcript import ToolCall, TurnRecord
from tests.evaluation.scripted_target import ScriptedTarget

SUITES = [
    parse_suite(
        """
suite: routing
cases:
  - {id: ok, question: "Where did you study?", expect: {agent: resume}}
  - {id: wrong-agent, question: "왜 이직하시나요? 🙂", expect: {agent: career, contains: [이직]}}
  - {id: broken, question: "break please", expect: {agent: resume}}
""",
        Path("evals/routing.yaml"),
    ),
    parse_suite(
        "suite: tone\ncases:\n  - {id: polite, question: hi, expect: {rubric: Is polite.}}\n",
        Path("evals/tone.yaml"),
    ),
]


def _answer(question: str, index: int) -> TurnRecord:
    if question == "break please":
        return TurnRecord(question=question, error="max_turns: the run took too many turns")
    return TurnRecord(
        question=question,
        answer=f"Answer to {question} with a control char \x01 and <xml> & stuff",
        agent="resume",
        handoffs=["resume"],
        tool_calls=[ToolCall(name="search_resume", arguments={"query": question}, agent="resume")],
        latency_ms=42.0,
    )


async def _report(scripted: Callable[..., ScriptedTarget], repeat: int = 1) -> EvalReport:
    return await run_suites(SUITES, scripted(_answer), Plan(repeat=repeat))


async def test_the_json_report_holds_every_run_with_its_verdicts(
    scripted: Callable[..., ScriptedTarget], tmp_path: Path
) -> None:
    write_reports(await _report(scripted, repeat=2), tmp_path)
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["passed"] is False and data["repeat"] == 2 and data["target"] == "scripted"
    assert [(r["suite"], r["case"], r["repeat"]) for r in data["results"]][:2] == [
        ("routing", "ok", 1),
        ("routing", "ok", 2),
    ]
    wrong = next(r for r in data["results"] if r["case"] == "wrong-agent")
    assert wrong["questions"] == ["왜 이직하시나요? 🙂"]
    assert wrong["status"] == "failed"
    assert wrong["agent_path"] == [{"agent": "resume", "handoffs": ["resume"]}]
    assert wrong["latency_ms"] == 42.0 and wrong["tokens"] == 0
    turn = wrong["transcript"]["turns"][0]
    assert turn["tool_calls"] == [
        {
            "name": "search_resume",
            "arguments": {"query": "왜 이직하시나요? 🙂"},
            "agent": "resume",
            "output": None,
        }
    ]
    assert [(v["kind"], v["status"]) for v in wrong["verdicts"]] == [
        ("agent", "failed"),
        ("contains", "passed"),
    ]
    assert "answered by 'resume'" in wrong["verdicts"][0]["reason"]
    assert "왜 이직하시나요? 🙂" in (tmp_path / "report.json").read_text(encoding="utf-8")
    routing = data["suites"][0]
    assert (routing["runs"], routing["passed"], routing["failed"], routing["errors"]) == (
        6,
        2,
        4,
        2,
    )


async def test_the_junit_report_counts_failures_errors_and_skips_per_suite(
    scripted: Callable[..., ScriptedTarget], tmp_path: Path
) -> None:
    write_reports(await _report(scripted), tmp_path)
    root = ET.parse(tmp_path / "junit.xml").getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == (
        "4", "1", "1", "1",
    )  # fmt: skip
    routing, tone = root.findall("testsuite")
    assert routing.get("name") == "routing" and routing.get("failures") == "1"
    cases = {case.get("name"): case for case in routing.findall("testcase")}
    assert set(cases) == {"ok", "wrong-agent", "broken"}
    assert cases["ok"].find("failure") is None and cases["ok"].get("classname") == "routing"
    failure = cases["wrong-agent"].find("failure")
    assert failure is not None
    assert failure.get("message") == "agent: expected 'career'; answered by 'resume'"
    assert "seen: agent=resume" in (failure.text or "")
    error = cases["broken"].find("error")
    assert error is not None and "max_turns" in (error.get("message") or "")
    skipped = tone.find("testcase/skipped")
    assert skipped is not None and "no judge model" in (skipped.get("message") or "")
    out = cases["ok"].find("system-out")
    assert out is not None and "<xml> & stuff" in (out.text or "")


async def test_repeated_runs_get_distinct_junit_names(
    scripted: Callable[..., ScriptedTarget], tmp_path: Path
) -> None:
    write_reports(await _report(scripted, repeat=2), tmp_path)
    names = [case.get("name") for case in ET.parse(tmp_path / "junit.xml").iter("testcase")]
    assert names[:2] == ["ok#1", "ok#2"] and len(set(names)) == len(names)


async def test_the_markdown_report_has_the_table_and_what_was_seen(
    scripted: Callable[..., ScriptedTarget], tmp_path: Path
) -> None:
    write_reports(await _report(scripted), tmp_path)
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "**FAILED**" in text
    assert "| routing | 3 | 3 | 1 | 2 | 0 | 33.3% | 42 | 42 |" in text
    assert "| tone | 1 | 1 | 0 | 0 | 1 | 0.0% |" in text
    assert "### routing / wrong-agent" in text and "1. 왜 이직하시나요? 🙂" in text
    assert "- **agent** failed: expected 'career'; answered by 'resume'" in text
    assert "- seen: agent=resume; handoffs=['resume']; tools=['search_resume']" in text
    assert "### routing / ok" not in text


async def test_reports_go_into_a_new_nested_folder(
    scripted: Callable[..., ScriptedTarget], tmp_path: Path
) -> None:
    files = write_reports(await _report(scripted), tmp_path / "a" / "b")
    assert sorted(f.name for f in files) == ["junit.xml", "report.json", "report.md"]
    assert all(f.is_file() for f in files)
