"""Logging: one plain (or JSON) handler on the root logger, whatever the app builds.

Each case runs in a fresh interpreter, as a server process starts: pytest's own log
capture puts handlers on the root logger, which would hide what a library installs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Builds the app, runs its lifespan (which builds the MCP servers), reports the root
# logger's handlers on stdout, then logs one exception on stderr.
_PROGRAM = """
import asyncio, json, logging
from ask_applicant.server.app import create_app

async def main():
    app = create_app()
    async with app.router.lifespan_context(app):
        handlers = [
            {"class": type(h).__name__, "module": type(h).__module__, "name": h.get_name()}
            for h in logging.getLogger().handlers
        ]
    print(json.dumps(handlers), flush=True)
    try:
        {}["missing"]
    except KeyError:
        logging.getLogger("ask_applicant.check").exception("the lookup failed: %s", "키 🔑")

asyncio.run(main())
"""


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'log.db'}",
        "OPENAI_AGENTS_DISABLE_TRACING": "1",
        **env,
    }
    environment.pop("OPENAI_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


# MCP on and off: the HTTP mounts build MCP servers either way; "on" adds the stdio ones.
@pytest.mark.parametrize(("mcp_enabled", "log_format"), [("false", "text"), ("true", "json")])
def test_after_the_app_starts_the_root_logger_has_only_our_handler(
    tmp_path: Path, mcp_enabled: str, log_format: str
) -> None:
    done = _run(tmp_path, MCP_ENABLED=mcp_enabled, LOG_FORMAT=log_format)

    handlers = json.loads(done.stdout.splitlines()[-1])
    assert handlers == [{"class": "StreamHandler", "module": "logging", "name": "ask_applicant"}]
    # Plain text: no colours, no boxes drawn around a traceback.
    assert "\x1b[" not in done.stderr
    assert "╭" not in done.stderr and "│" not in done.stderr
    if log_format == "text":
        _assert_one_plain_line_and_traceback(done.stderr)
    else:
        _assert_one_json_object(done.stderr)


def _assert_one_plain_line_and_traceback(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if "ask_applicant.check" in line]
    assert len(lines) == 1
    assert lines[0].endswith("ERROR ask_applicant.check: the lookup failed: 키 🔑")
    tail = stderr[stderr.index(lines[0]) :].splitlines()
    assert tail[1] == "Traceback (most recent call last):"
    assert tail[-1] == "KeyError: 'missing'"


def _assert_one_json_object(stderr: str) -> None:
    # Every line the process logged is one JSON object.
    records = [json.loads(line) for line in stderr.splitlines() if line.strip()]
    ours = [record for record in records if record["logger"] == "ask_applicant.check"]
    assert len(ours) == 1
    record = ours[0]
    assert record["level"] == "ERROR"
    assert record["message"] == "the lookup failed: 키 🔑"
    assert record["exception"].startswith("Traceback (most recent call last):")
    assert record["exception"].endswith("KeyError: 'missing'")
    assert record["time"].endswith("+00:00")
