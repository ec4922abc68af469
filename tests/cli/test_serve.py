"""`ask-applicant serve`: the API under uvicorn, its first owner key, and refusals."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import anyio
import httpx
import pytest
from typer.testing import CliRunner

from ask_applicant.cli import app
from ask_applicant.cli.serve import prepare_database
from ask_applicant.persistence import create_engine
from ask_applicant.persistence.schema import current_revision, head_revision
from ask_applicant.server.startup import StartupError
from ask_applicant.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(port: int, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ask_applicant", "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def test_serve_on_a_new_sqlite_file_prints_an_owner_key_that_works(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'served.db'}",
        "MCP_ENABLED": "false",
    }
    server = await anyio.to_thread.run_sync(_start, port, env)
    try:
        with anyio.fail_after(60):
            first_line = await anyio.to_thread.run_sync(server.stdout.readline)  # type: ignore[union-attr]
            key = (
                first_line.strip().partition("OWNER_API_KEY=")[2]
                or (
                    await anyio.to_thread.run_sync(server.stdout.readline)  # type: ignore[union-attr]
                )
                .strip()
                .partition("OWNER_API_KEY=")[2]
            )
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                while True:
                    try:
                        if (await http.get("/healthz")).status_code == 200:
                            break
                    except httpx.TransportError:
                        await anyio.sleep(0.1)
                anonymous = await http.get("/v1/agents")
                owner = await http.get("/v1/agents", headers={"Authorization": f"Bearer {key}"})
    finally:
        server.send_signal(signal.SIGTERM)
        await anyio.to_thread.run_sync(server.wait, 30)
    assert key.startswith("aa_")
    assert anonymous.status_code == 401
    assert owner.status_code == 200 and owner.json()["start"] == "triage"
    # uvicorn shuts down gracefully, then re-raises the signal it caught.
    assert server.returncode in (0, -signal.SIGTERM)
    assert "Traceback" not in server.stderr.read()  # type: ignore[union-attr]


async def test_the_first_owner_key_is_made_once_and_the_schema_checked(
    empty_database_url: str,
) -> None:
    settings = Settings(_env_file=None, database_url=empty_database_url)  # type: ignore[call-arg]
    if not settings.is_sqlite:
        with pytest.raises(StartupError, match="ask-applicant db upgrade"):
            await prepare_database(settings)
        return
    first = await prepare_database(settings)
    second = await prepare_database(settings)
    assert first is not None and first.startswith("aa_")
    assert second is None
    engine = create_engine(empty_database_url)
    try:
        assert await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()


def _invoke(args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, args)
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["serve", "--port", "0"], {}, "--port"),
        (["serve", "--port", "http"], {}, "--port"),
        (["serve", "--workers", "0"], {}, "--workers"),
        (["serve"], {"PROFILE_PATH": "/nonexistent/profile"}, "cannot load the profile"),
    ],
)
async def test_bad_input_is_a_clear_message_and_exit_code_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    says: str,
) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", **env}
    result = await anyio.to_thread.run_sync(_invoke, args, env, monkeypatch)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output


async def test_with_log_format_json_uvicorn_logs_through_our_handler_as_json_lines(
    tmp_path: Path,
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'served.db'}",
        "MCP_ENABLED": "false",
        "LOG_FORMAT": "json",
    }
    server = await anyio.to_thread.run_sync(_start, port, env)
    try:
        with anyio.fail_after(60):
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                while True:
                    try:
                        if (await http.get("/healthz")).status_code == 200:
                            break
                    except httpx.TransportError:
                        await anyio.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        await anyio.to_thread.run_sync(server.wait, 30)
    stderr = server.stderr.read()  # type: ignore[union-attr]
    # The command's own messages are plain; everything logged is one JSON object a line.
    logged = [line for line in stderr.splitlines() if line and not line.startswith("serving on")]
    records = [json.loads(line) for line in logged]
    said = {(record["logger"], record["message"]) for record in records}
    assert ("uvicorn.error", "Application startup complete.") in said
    assert any(
        name == "uvicorn.access" and "GET /healthz" in message and message.endswith("200")
        for name, message in said
    )
