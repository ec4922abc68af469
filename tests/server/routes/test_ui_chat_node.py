"""The real `ai` npm package's client code against a real server (tests/node).

Runs `node --test tests/node` with the server's URL and a key. Needs `node` and the
pinned packages (`npm ci` in tests/node, which `.ci/run` does); outside CI it is
skipped, saying why, when either is missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import anyio
import pytest

from ..conftest import StartApi

NODE_DIR = Path(__file__).parents[2] / "node"
NODE_TIMEOUT_SECONDS = 180


def _node() -> str:
    node = shutil.which("node")
    installed = (NODE_DIR / "node_modules" / "ai").is_dir()
    if node is not None and installed:
        return node
    why = (
        "node is not installed"
        if node is None
        else "the pinned npm packages are missing: run `npm ci` in tests/node"
    )
    if os.environ.get("CI"):
        pytest.fail(f"the AI SDK client test cannot run in CI: {why}")
    pytest.skip(f"AI SDK client test skipped: {why}")


async def test_the_ai_sdk_client_reads_answers_tools_handoffs_and_resumes(
    start_api: StartApi,
) -> None:
    node = _node()
    api = await start_api()
    key = await api.new_key()
    env = {**os.environ, "ASK_URL": api.url, "ASK_KEY": key}
    with anyio.fail_after(NODE_TIMEOUT_SECONDS):
        done = await anyio.run_process(
            [node, "--test", "--test-reporter=spec", "ui_chat.test.mjs"],
            cwd=NODE_DIR,
            env=env,
            check=False,
        )
    output = done.stdout.decode() + done.stderr.decode()
    assert done.returncode == 0, output
    assert "# fail 0" in output or "fail 0" in output, output
