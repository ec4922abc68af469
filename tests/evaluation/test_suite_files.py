"""Suite files: valid ones load; every problem names the file, the case and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from ask_applicant.evaluation.suite_files import SuiteError, load_suites, parse_suite, read_suite

FILE = Path("evals/example.yaml")


def _error(text: str) -> str:
    with pytest.raises(SuiteError) as caught:
        parse_suite(text, FILE)
    return str(caught.value)


def test_a_full_suite_loads_with_every_expectation_key() -> None:
    suite = parse_suite(
        """
suite: routing
cases:
  - id: edu-en-1
    question: "Where did you study?"
    expect:
      agent: resume
      handoffs: [resume]
      tools: [get_education]
      tools_not: [assess_job_fit]
      tool_args: {get_project: {name: "chat"}}
      contains: ["University"]
      not_contains: ["010-"]
      regex: "20(1|2)[0-9]"
      refused: false
      max_latency_ms: 3000
      rubric: "Names the university."
    tags: [ko, routing]
  - id: multi
    turns: ["Tell me about the chat service", "What was your role?"]
""",
        FILE,
    )
    first, second = suite.cases
    assert suite.name == "routing" and suite.file == FILE
    assert first.expect.kinds() == [
        "agent", "handoffs", "tools", "tools_not", "tool_args", "contains", "not_contains",
        "regex", "refused", "max_latency_ms", "rubric",
    ]  # fmt: skip
    assert first.questions == ["Where did you study?"]
    assert second.questions == ["Tell me about the chat service", "What was your role?"]
    assert second.expect.kinds() == []


def test_an_unknown_expectation_key_names_the_file_case_and_key() -> None:
    message = _error(
        "suite: s\ncases:\n  - id: edu-1\n    question: hi\n    expect: {agnet: resume}\n"
    )
    assert message == "evals/example.yaml: case 'edu-1': expect.agnet: unknown key"


def test_an_unknown_case_key_without_an_id_names_the_case_by_position() -> None:
    message = _error(
        "suite: s\ncases:\n  - id: a\n    question: hi\n  - question: ho\n    tagz: [x]\n"
    )
    assert "evals/example.yaml: case #2: tagz: unknown key" in message
    assert "evals/example.yaml: case #2: id: required key is missing" in message


def test_an_unknown_top_level_key_is_named() -> None:
    message = _error("suite: s\nprofil: x\ncases:\n  - {id: a, question: hi}\n")
    assert message == "evals/example.yaml: profil: unknown key"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            "{id: a, question: hi, expect: {agent: resmue}}",
            "case 'a': expect.agent: Input should be",
        ),
        (
            "{id: a, question: hi, expect: {handoffs: [resume, hr]}}",
            "case 'a': expect.handoffs[1]:",
        ),
        ("{id: a, question: hi, expect: {regex: '(unclosed'}}", "not a valid regular expression"),
        ("{id: a, question: hi, expect: {refused: maybe}}", "case 'a': expect.refused:"),
        ("{id: a, question: hi, expect: {max_latency_ms: 0}}", "expect.max_latency_ms:"),
        ("{id: a, question: hi, expect: {contains: []}}", "expect.contains: empty"),
        ("{id: a, question: hi, expect: {tools: ['']}}", "expect.tools: an empty string"),
        (
            "{id: a, question: hi, expect: {tool_args: {get_project: chat}}}",
            "tool_args.get_project:",
        ),
        ("{id: a, question: hi, turns: [ho]}", "case 'a': give either `question` or `turns`"),
        ("{id: a}", "case 'a': give either `question` or `turns`"),
        ("{id: a, question: '   '}", "case 'a': `question` is blank"),
        ("{id: a, turns: [hi, '']}", "case 'a': turns: every turn needs a question"),
        ("{id: 'has space', question: hi}", "case 'has space': id: String should match"),
    ],
)
def test_each_invalid_case_is_a_clear_error(case: str, expected: str) -> None:
    message = _error(f"suite: s\ncases:\n  - {case}\n")
    assert message.startswith("evals/example.yaml: ") and expected in message


def test_a_repeated_case_id_is_an_error() -> None:
    message = _error("suite: s\ncases:\n  - {id: a, question: hi}\n  - {id: a, question: ho}\n")
    assert message == "evals/example.yaml: case 'a': id: used by an earlier case too"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("suite: [\n", "not valid YAML (line"),
        ("- just a list\n", "expected a mapping with `suite` and `cases`"),
        ("", "expected a mapping"),
        ("suite: s\ncases: []\n", "cases: List should have at least 1 item"),
        ("cases:\n  - {id: a, question: hi}\n", "suite: required key is missing"),
    ],
)
def test_a_broken_file_is_a_clear_error(text: str, expected: str) -> None:
    assert expected in _error(text)


def test_a_single_string_where_a_list_is_meant_is_a_list_of_one() -> None:
    suite = parse_suite(
        "suite: s\ncases:\n  - {id: a, question: hi, tags: ko, expect: {contains: Seoul}}\n", FILE
    )
    assert suite.cases[0].tags == ["ko"] and suite.cases[0].expect.contains == ["Seoul"]


def test_korean_and_emoji_questions_load_unchanged() -> None:
    suite = parse_suite(
        "suite: s\ncases:\n  - {id: ko-1, question: '어디서 공부했나요? 🎓'}\n", FILE
    )
    assert suite.cases[0].question == "어디서 공부했나요? 🎓"


def test_the_profile_is_resolved_against_the_suite_file(tmp_path: Path) -> None:
    (tmp_path / "profiles" / "me").mkdir(parents=True)
    (tmp_path / "evals").mkdir()
    file = tmp_path / "evals" / "s.yaml"
    file.write_text("suite: s\nprofile: ../profiles/me\ncases:\n  - {id: a, question: hi}\n")
    assert read_suite(file).profile == (tmp_path / "profiles" / "me").resolve()


def test_a_profile_that_does_not_exist_is_named(tmp_path: Path) -> None:
    file = tmp_path / "s.yaml"
    file.write_text("suite: s\nprofile: nowhere\ncases:\n  - {id: a, question: hi}\n")
    with pytest.raises(SuiteError, match=r"s\.yaml: profile: .*nowhere does not exist"):
        read_suite(file)


def test_a_folder_loads_its_yaml_files_in_name_order(tmp_path: Path) -> None:
    for name in ("b", "a"):
        (tmp_path / f"{name}.yaml").write_text(
            f"suite: {name}\ncases:\n  - {{id: x, question: hi}}\n"
        )
    (tmp_path / "notes.txt").write_text("not a suite")
    assert [suite.name for suite in load_suites([tmp_path])] == ["a", "b"]


def test_every_broken_file_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("suite: a\ncases:\n  - {id: x, question: hi, nope: 1}\n")
    (tmp_path / "b.yaml").write_text("suite: [\n")
    with pytest.raises(SuiteError) as caught:
        load_suites([tmp_path])
    lines = str(caught.value).splitlines()
    assert any("a.yaml: case 'x': nope: unknown key" in line for line in lines)
    assert any("b.yaml: not valid YAML" in line for line in lines)


def test_two_suites_with_one_name_are_an_error(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text("suite: same\ncases:\n  - {id: x, question: hi}\n")
    with pytest.raises(SuiteError, match="suite 'same' is also defined in"):
        load_suites([tmp_path])


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", None])
def test_unreadable_paths_are_clear_errors(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "s.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SuiteError, match=r"s\.yaml: (not UTF-8|no such file)"):
        load_suites([path])


def test_a_folder_without_suites_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SuiteError, match=r"no \*\.yaml suites"):
        load_suites([tmp_path])
