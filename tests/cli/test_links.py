"""`ask-applicant links`: create prints the URL alone, list shows each link, revoke ends it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import anyio
import pytest
from typer.testing import CliRunner

from ask_applicant.cli import app
from ask_applicant.cli.links import parse_lifetime
from ask_applicant.persistence import create_engine, open_db, upgrade_to_head_async
from ask_applicant.persistence.links import find_link_by_token, link_state
from ask_applicant.persistence.sessions import create_session
from ask_applicant.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def database_url_at_head(empty_database_url: str) -> str:
    await upgrade_to_head_async(empty_database_url)
    return empty_database_url


async def _cli(*args: str, database_url: str, **env: str) -> subprocess.CompletedProcess[str]:
    with anyio.fail_after(60):
        done = await anyio.run_process(
            [sys.executable, "-m", "ask_applicant", *args],
            env={**os.environ, "DATABASE_URL": database_url, **env},
            cwd=ROOT,
            check=False,
        )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def _invoke(args: list[str], database_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, args)
    finally:
        get_settings.cache_clear()


async def _state_of(database_url: str, token: str) -> tuple[str, str] | None:
    engine = create_engine(database_url)
    try:
        async with open_db(engine) as db:
            link = await find_link_by_token(db, token=token)
            if link is None:
                return None
            await create_session(db, owner_id=link.user_id)
            return link_state(link), link.token_prefix
    finally:
        await engine.dispose()


async def test_a_link_is_printed_alone_listed_with_its_conversations_and_revoked(
    database_url_at_head: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = database_url_at_head
    created = await _cli(
        "links",
        "create",
        "--name",
        "Acme 채용팀 🎯",
        "--expires",
        "30d",
        database_url=url,
        PUBLIC_URL="https://applicant.example.com/",
    )
    assert created.returncode == 0, created.stderr
    printed = created.stdout.strip()
    assert "\n" not in printed and printed.startswith("https://applicant.example.com/r/ln_")
    assert "shown only now" in created.stderr
    token = printed.rsplit("/", 1)[1]
    state = await _state_of(url, token)
    assert state is not None and state[0] == "active"
    prefix = state[1]

    listed = await anyio.to_thread.run_sync(_invoke, ["links", "list"], url, monkeypatch)
    line = next(row for row in listed.stdout.splitlines() if prefix in row)
    assert "Acme 채용팀 🎯" in line and "active" in line and token not in listed.stdout
    assert " 1  " in line  # the conversation started above
    assert "CONVERSATIONS" in listed.stdout and "LAST USED" in listed.stdout

    revoked = await anyio.to_thread.run_sync(_invoke, ["links", "revoke", prefix], url, monkeypatch)
    assert revoked.exit_code == 0, revoked.output
    state = await _state_of(url, token)
    assert state is not None and state[0] == "revoked"
    after = await anyio.to_thread.run_sync(_invoke, ["links", "list"], url, monkeypatch)
    assert "revoked" in after.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["links", "create", "--name", "   "], "non-empty name"),
        (["links", "create", "--name", "Acme", "--expires", "soon"], "e.g. 30d"),
        (["links", "create", "--name", "Acme", "--expires", "0d"], "more than zero"),
        (["links", "create", "--name", "Acme", "--expires", "99999w"], "ten years"),
        (["links", "create"], "--name"),
        (["links", "revoke", "ln_nobody"], "no single link matches"),
    ],
)
async def test_bad_input_is_a_clear_message_and_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'links.db'}"
    result = await anyio.to_thread.run_sync(_invoke, args, url, monkeypatch)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Traceback" not in result.output


async def test_an_empty_list_says_how_to_make_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'links.db'}"
    result = await anyio.to_thread.run_sync(_invoke, ["links", "list"], url, monkeypatch)
    assert result.exit_code == 0 and "links create --name" in result.output


def test_lifetimes_are_hours_days_or_weeks() -> None:
    assert parse_lifetime("12h") == timedelta(hours=12)
    assert parse_lifetime("30D") == timedelta(days=30)
    assert parse_lifetime(" 2w ") == timedelta(weeks=2)
