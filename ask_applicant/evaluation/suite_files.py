"""Reading suite files: YAML in, validated `Suite`s out, problems named precisely.

Every problem is reported as `FILE: case 'ID': KEY: what is wrong` (one per line, all
files at once), so a broken suite is fixed without reading a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ask_applicant.evaluation.suite import Suite

MAX_SUITE_BYTES = 2_000_000
_SHOWN_ERRORS = 8


class SuiteError(ValueError):
    """A suite file that cannot be used; the message names the file, case and key."""


def _where(loc: tuple[int | str, ...], data: Any) -> str:
    """`case 'ID': key.path` for a pydantic error location in the raw YAML data."""
    parts = list(loc)
    prefix = ""
    if len(parts) >= 2 and parts[0] == "cases" and isinstance(parts[1], int):
        index = parts[1]
        raw = data.get("cases") if isinstance(data, dict) else None
        case = raw[index] if isinstance(raw, list) and index < len(raw) else None
        case_id = case.get("id") if isinstance(case, dict) else None
        prefix = f"case {case_id!r}: " if isinstance(case_id, str) else f"case #{index + 1}: "
        parts = parts[2:]
    key = ""
    for part in parts:
        if isinstance(part, int):
            key += f"[{part}]"
        elif not str(part).startswith(("function-", "list[", "dict[", "literal[", "str", "int")):
            key += f".{part}" if key else str(part)
    return prefix + (f"{key}: " if key else "")


def _message(problem: dict[str, Any]) -> str:
    if problem["type"] == "extra_forbidden":
        return "unknown key"
    if problem["type"] == "missing":
        return "required key is missing"
    return str(problem["msg"]).removeprefix("Value error, ")


def parse_suite(text: str, file: Path) -> Suite:
    """Validate one suite's YAML text.

    Args:
        text: The YAML text.
        file: Where it came from: named in errors, and the base of a relative `profile`.

    Returns:
        The suite, with `profile` made absolute.

    Raises:
        SuiteError: Naming the file, the case and the key of every problem shown.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or "malformed"
        raise SuiteError(f"{file}: not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise SuiteError(f"{file}: expected a mapping with `suite` and `cases` at the top")
    try:
        suite = Suite.model_validate(data)
    except ValidationError as error:
        lines = [
            f"{file}: {_where(problem['loc'], data)}{_message(dict(problem))}"
            for problem in error.errors()[:_SHOWN_ERRORS]
        ]
        if error.error_count() > _SHOWN_ERRORS:
            lines.append(f"{file}: … and {error.error_count() - _SHOWN_ERRORS} more problems")
        raise SuiteError("\n".join(lines)) from None
    seen: set[str] = set()
    for case in suite.cases:
        if case.id in seen:
            raise SuiteError(f"{file}: case {case.id!r}: id: used by an earlier case too")
        seen.add(case.id)
    suite.file = file
    if suite.profile is not None:
        suite.profile = (file.parent / suite.profile).resolve()
        if not suite.profile.exists():
            raise SuiteError(f"{file}: profile: {suite.profile} does not exist")
    return suite


def read_suite(file: Path) -> Suite:
    """Read and validate one suite file.

    Raises:
        SuiteError: When it cannot be read or is not a valid suite.
    """
    try:
        if file.stat().st_size > MAX_SUITE_BYTES:
            raise SuiteError(f"{file}: larger than {MAX_SUITE_BYTES // 1_000_000} MB")
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise SuiteError(f"{file}: not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise SuiteError(f"{file}: cannot be read ({error.strerror})") from None
    return parse_suite(text, file)


def suite_files(paths: list[Path]) -> list[Path]:
    """The suite files named by `paths`: files as given, folders' `*.yaml`/`*.yml` sorted.

    Raises:
        SuiteError: For a path that does not exist or a folder without suites.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
            if not found:
                raise SuiteError(f"{path}: no *.yaml suites in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise SuiteError(f"{path}: no such file or folder")
    return list(dict.fromkeys(files))


def load_suites(paths: list[Path]) -> list[Suite]:
    """Read every suite named by `paths` (files, or folders searched for `*.yaml`).

    Raises:
        SuiteError: With every broken file's problems, one per line; or for two suites
            with the same name.
    """
    suites: list[Suite] = []
    problems: list[str] = []
    for file in suite_files(paths):
        try:
            suites.append(read_suite(file))
        except SuiteError as error:
            problems.append(str(error))
    names: dict[str, Path | None] = {}
    for suite in suites:
        if suite.name in names:
            problems.append(
                f"{suite.file}: suite {suite.name!r} is also defined in {names[suite.name]}"
            )
        names[suite.name] = suite.file
    if problems:
        raise SuiteError("\n".join(problems))
    return suites
