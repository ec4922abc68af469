"""A scratch `ask-applicant serve` and Chromium for the screenshot scripts.

Both `take.py` and `take_console.py` start the service on a temporary SQLite database
(offline model, MCP off), run CLI commands against the same database, and drive
Debian's Chromium through Playwright.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
READY_SECONDS = 120


@dataclass(frozen=True)
class ScratchService:
    """A running scratch service: its URL and the environment its CLI commands need."""

    url: str
    env: dict[str, str]

    def cli(self, *args: str) -> str:
        """Run `ask-applicant ARGS` on the service's database; its stdout, stripped."""
        command = [sys.executable, "-m", "ask_applicant", *args]
        done = subprocess.run(
            command, env=self.env, cwd=ROOT, check=True, capture_output=True, text=True
        )
        return done.stdout.strip()


@contextmanager
def scratch_service() -> Iterator[tuple[ScratchService, Browser]]:
    """Serve on a free loopback port until `/healthz` answers; Chromium beside it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite+aiosqlite:///{scratch}/shots.db",
            "MCP_ENABLED": "false",
            "PUBLIC_URL": url,
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "ask_applicant", "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + READY_SECONDS
            while True:
                try:
                    if httpx.get(f"{url}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)  # the port is not open yet
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--no-sandbox"]
                )
                try:
                    yield ScratchService(url, env), browser
                finally:
                    browser.close()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)
