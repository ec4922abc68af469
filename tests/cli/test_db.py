"""`ask-applicant db` brings a database to head and reports where it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import anyio

ROOT = Path(__file__).resolve().parents[2]


async def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    with anyio.fail_after(60):
        done = await anyio.run_process(
            [sys.executable, "-m", "ask_applicant", *args],
            env={**os.environ, **env},
            cwd=ROOT,
            check=False,
        )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


async def test_db_upgrade_then_status_reports_head(empty_database_url: str) -> None:
    env = {"DATABASE_URL": empty_database_url}
    before = await _cli("db", "status", env=env)
    assert before.returncode == 1 and "database: empty" in before.stdout
    upgraded = await _cli("db", "upgrade", env=env)
    assert upgraded.returncode == 0, upgraded.stderr
    # MySQL notes that it ignores a primary key's name; that is not the user's concern.
    assert "ignored for PRIMARY key" not in upgraded.stderr
    after = await _cli("db", "status", env=env)
    assert after.returncode == 0, after.stderr


async def test_a_bad_database_url_is_a_clear_error_not_a_traceback() -> None:
    result = await _cli("db", "upgrade", env={"DATABASE_URL": "postgres://nope"})
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr and "Traceback" not in result.stderr


def test_no_top_level_package_hides_the_sdk() -> None:
    assert not (ROOT / "agents").exists()
    import agents

    assert Path(agents.__file__).is_relative_to(Path(sys.prefix))


async def test_an_unreachable_database_is_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    missing = f"sqlite+aiosqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}"
    for args in (("db", "status"), ("ask", "Where did you study?")):
        result = await _cli(*args, env={"DATABASE_URL": missing})
        assert result.returncode == 1, result.stderr
        assert "cannot use the database" in result.stderr and "Traceback" not in result.stderr
