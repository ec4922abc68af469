"""Every command in the README runs as written from a fresh clone.

The README's fenced shell blocks are read line by line: each command's program must
exist (a project command through `uv run`, never a bare `ask-applicant` that only works
in an activated virtualenv), and each `ask-applicant` subcommand must be one the command
line knows.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from ask_applicant.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHELL_FENCE = re.compile(r"^```(?:bash|sh|shell|console)\s*\n(.*?)^```", re.MULTILINE | re.DOTALL)
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# Programs the README asks a reader to have from elsewhere (Docker, a browser, Node for a
# client example); they are checked by name only when installed here.
ELSEWHERE = {
    "docker",
    "curl",
    "npm",
    "npx",
    "node",
    "ollama",
    "llama-server",
    "apt-get",
    "mariadb",
    "git",
}
SHELL_WORDS = {"cd", "export", "source", "echo", "cat", "mkdir", "cp", "ln", "d=$(mktemp"}


def readme_commands() -> list[str]:
    """Each command line of the README's shell blocks, comments and output left out."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in SHELL_FENCE.findall(text):
        joined = re.sub(r"\\\n\s*", " ", block)  # continuation lines
        heredoc_end: str | None = None
        for raw in joined.splitlines():
            if heredoc_end is not None:  # a here-document's text is data, not commands
                heredoc_end = None if raw.strip() == heredoc_end else heredoc_end
                continue
            if opened := re.search(r"<<-?\s*['\"]?(\w+)['\"]?", raw):
                heredoc_end = opened.group(1)
            line = re.sub(r"\s+#.*$", "", raw.strip().removeprefix("$ "))
            if not line or line.startswith("#"):
                continue
            # `KEY=$(command)`: the command inside runs too.
            inner = re.findall(r"\$\(([^()]*)\)", line)
            line = re.sub(r"\$\([^()]*\)", "SUBSTITUTED", line)
            # A line of a multi-command block: `a && b`, `a; b`, `a | b`.
            for part in [*re.split(r"\s*(?:&&|\|\||;|\|)\s*", line), *inner]:
                if part.strip():
                    commands.append(part.strip())
    return commands


def _words(command: str) -> list[str]:
    words = shlex.split(command, posix=True)
    while words and ASSIGNMENT.match(words[0]):
        words.pop(0)
    return words


COMMANDS = readme_commands()


def test_the_readme_has_the_two_commands() -> None:
    assert "uv run ask-applicant serve" in " ".join(COMMANDS) or any(
        c.startswith("uv run --no-dev ask-applicant serve") for c in COMMANDS
    )
    assert any(c.strip() == "uv run pytest" or c.startswith("uv run pytest ") for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_readme_command_names_a_program_that_exists(command: str) -> None:
    words = _words(command)
    if not words or words[0] in SHELL_WORDS:
        return
    program = words[0]
    assert program != "ask-applicant", f"prefix `uv run`: {command!r}"
    if program in ELSEWHERE:
        return
    if program in {"uv", "bash", "python", "python3"}:
        return
    assert shutil.which(program), f"{program!r} is not a program here: {command!r}"


def _project_args(words: list[str]) -> list[str] | None:
    if words[:2] != ["uv", "run"]:
        return None
    rest = words[2:]
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in {"--group", "--with", "--python", "--env-file"} and rest:
            rest.pop(0)
    return rest


@pytest.mark.parametrize("command", [c for c in COMMANDS if "ask-applicant" in c])
def test_each_ask_applicant_command_in_the_readme_is_known_to_the_cli(command: str) -> None:
    args = _project_args(_words(command))
    if args is None or not args or args[0] != "ask-applicant":
        return
    # `--help` of the deepest known command: unknown subcommands fail with exit 2.
    path = [word for word in args[1:3] if not word.startswith("-")]
    group = get_command(app)
    known: list[str] = []
    for word in path:
        sub = getattr(group, "get_command", None)
        if sub is None:
            break
        found = group.get_command(None, word)  # type: ignore[arg-type]
        if found is None:
            break
        known.append(word)
        group = found
    assert known, f"{args[1]!r} is not an ask-applicant command: {command!r}"
    result = CliRunner().invoke(app, [*known, "--help"])
    assert result.exit_code == 0, f"{command!r}: {result.output}"


def test_uv_run_programs_exist_in_the_project_environment() -> None:
    bin_dir = Path(sys.executable).parent
    for command in COMMANDS:
        args = _project_args(_words(command))
        if not args or args[0] in {"python", "python3"}:
            continue
        assert (bin_dir / args[0]).exists() or shutil.which(args[0]), command
