"""`ask-applicant keys`: create prints the key once, list shows holders, revoke disables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import anyio
import pytest
from typer.testing import CliRunner

from ask_applicant.cli import app
from ask_applicant.persistence import create_engine, open_db
from ask_applicant.persistence.users import get_user_by_api_key
from ask_applicant.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]


async def _cli(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    with anyio.fail_after(60):
        done = await anyio.run_process(
            [sys.executable, "-m", "ask_applicant", *args],
            env={**os.environ, "DATABASE_URL": database_url},
            cwd=ROOT,
            check=False,
        )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


async def _holder(database_url: str, key: str) -> object | None:
    engine = create_engine(database_url)
    try:
        async with open_db(engine) as db:
            return await get_user_by_api_key(db, api_key=key)
    finally:
        await engine.dispose()


async def test_a_key_is_created_printed_once_listed_and_revoked(
    database_url_at_head: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = database_url_at_head
    created = await _cli("keys", "create", "--name", "Acme 채용팀 🎯", database_url=url)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    assert key.startswith("aa_") and "\n" not in key
    assert "shown only now" in created.stderr
    holder = await _holder(url, key)
    assert holder is not None and holder.role == "recruiter"  # type: ignore[attr-defined]

    listed = await anyio.to_thread.run_sync(_invoke, ["keys", "list"], url, monkeypatch)
    assert "Acme 채용팀 🎯" in listed.stdout and key[:10] in listed.stdout
    assert key not in listed.stdout and "active" in listed.stdout

    revoked = await anyio.to_thread.run_sync(
        _invoke, ["keys", "revoke", key[:10]], url, monkeypatch
    )
    assert revoked.exit_code == 0, revoked.output
    assert await _holder(url, key) is None
    after = await anyio.to_thread.run_sync(_invoke, ["keys", "list"], url, monkeypatch)
    assert "revoked" in after.stdout


@pytest.fixture
async def database_url_at_head(empty_database_url: str) -> str:
    from ask_applicant.persistence import upgrade_to_head_async

    await upgrade_to_head_async(empty_database_url)
    return empty_database_url


def _invoke(args: list[str], database_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, args)
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["keys", "create", "--name", "   "], "non-empty name"),
        (["keys", "create", "--name", "x" * 201], "at most 200"),
        (["keys", "create", "--name", "Acme", "--role", "admin"], "admin"),
        (["keys", "create"], "--name"),
        (["keys", "revoke", "aa_nobody"], "no single key matches"),
    ],
)
async def test_bad_input_is_a_clear_message_and_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'keys.db'}"
    result = await anyio.to_thread.run_sync(_invoke, args, url, monkeypatch)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Traceback" not in result.output


async def test_the_owner_role_is_available(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'keys.db'}"
    result = await anyio.to_thread.run_sync(
        _invoke, ["keys", "create", "--name", "Me", "--role", "owner"], url, monkeypatch
    )
    assert result.exit_code == 0, result.output
    holder = await _holder(url, result.stdout.strip())
    assert holder is not None and holder.role == "owner"  # type: ignore[attr-defined]
