"""The whole path a person takes: `serve`, `links create`, the link opened in Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import httpx
import pytest
from playwright.async_api import Browser, expect

from .conftest import origin_of

ROOT = Path(__file__).resolve().parents[3]
START_TIMEOUT_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


@pytest.fixture
async def served(migrated_database_url: str) -> AsyncIterator[tuple[str, dict[str, str]]]:
    """`ask-applicant serve` in its own process on a migrated database; its URL and env."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": migrated_database_url,
        "MCP_ENABLED": "false",
        "PUBLIC_URL": url,
    }
    command = [sys.executable, "-m", "ask_applicant", "serve", "--port", str(port)]
    server = await anyio.to_thread.run_sync(_start, command, env)
    try:
        with anyio.fail_after(START_TIMEOUT_SECONDS):
            async with httpx.AsyncClient(base_url=url) as http:
                while True:
                    assert server.poll() is None, server.stderr.read()  # type: ignore[union-attr]
                    try:
                        if (await http.get("/healthz")).status_code == 200:
                            break
                    except httpx.TransportError:
                        await anyio.sleep(0.2)
        yield url, env
    finally:
        server.send_signal(signal.SIGTERM)
        await anyio.to_thread.run_sync(server.wait, 30)


async def test_a_link_from_links_create_opens_a_chat_that_answers_and_survives_a_reload(
    served: tuple[str, dict[str, str]], browser: Browser
) -> None:
    url, env = served
    created = await anyio.run_process(
        [sys.executable, "-m", "ask_applicant", "links", "create", "--name", "Test"],
        env=env,
        cwd=ROOT,
    )
    link = created.stdout.decode().strip()
    assert link.startswith(f"{url}/r/ln_")
    context = await browser.new_context(locale="en-US")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = await context.new_page()

    await page.goto(link)
    await expect(page.locator("#applicant-name")).to_contain_text("Han Do-yoon")
    for question in ("Where did you study?", "어떤 프로젝트를 했나요?"):
        await page.locator("#question").fill(question)
        await page.locator("#question").press("Enter")
        answer = page.locator(".bubble.assistant").last
        await expect(answer).to_have_attribute("data-state", "completed", timeout=60_000)
        await expect(answer.locator(".sources code").first).to_be_visible()
    await page.reload()

    await expect(page.locator(".bubble.user .question")).to_have_text(
        ["Where did you study?", "어떤 프로젝트를 했나요?"]
    )
    await expect(page.locator(".bubble.assistant .chip")).to_have_text(
        ["Resume specialist", "Project specialist"]
    )
    assert {origin_of(request) for request in requests} == {url}
    await context.close()
