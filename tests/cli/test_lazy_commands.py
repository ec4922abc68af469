"""The command line imports a command's heavy modules only when that command runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("agents", "openai", "sqlalchemy", "mcp", "alembic", "uvicorn", "fastapi")

PROBE = """
import json, sys
from typer.testing import CliRunner
from ask_applicant.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
print(json.dumps({"exit": result.exit_code, "output": result.output,
                  "loaded": sorted(m for m in sys.modules if "." not in m)}))
"""


def _loaded_by(*args: str, tmp_path: Path) -> dict[str, object]:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'lazy.db'}", "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_help_lists_every_command_without_importing_any_of_them(tmp_path: Path) -> None:
    shown = _loaded_by("--help", tmp_path=tmp_path)
    assert shown["exit"] == 0
    for command in ("serve", "ask", "chat", "eval", "db", "mcp", "keys", "links"):
        assert f" {command} " in str(shown["output"])
    assert not set(HEAVY) & set(shown["loaded"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "command", [["keys", "--help"], ["keys", "list"], ["links", "list"], ["db", "--help"]]
)
def test_key_and_database_commands_do_not_load_the_agent_stack(
    command: list[str], tmp_path: Path
) -> None:
    shown = _loaded_by(*command, tmp_path=tmp_path)
    assert shown["exit"] == 0, shown["output"]
    assert not {"agents", "openai", "mcp", "uvicorn", "fastapi"} & set(shown["loaded"])  # type: ignore[arg-type]


def test_a_command_still_gets_its_own_help(tmp_path: Path) -> None:
    shown = _loaded_by("ask", "--help", tmp_path=tmp_path)
    assert shown["exit"] == 0
    assert "--json" in str(shown["output"])
