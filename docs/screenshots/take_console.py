"""Takes the README's screenshots of the applicant's console (Playwright, Debian Chromium).

    uv run python docs/screenshots/take_console.py

Starts `ask-applicant serve` on a scratch SQLite database (offline model), lets two
recruiters ask questions through share links (one leaves a lead), signs in with
`ask-applicant owner-link` and saves pictures of the console beside this file.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RECRUITERS = [
    ("Toss 채용팀", ["Where did you study?", "How many years of COBOL experience do you have?"]),
    ("Acme Corp", ["What did you build at Haneul Pay?", "Do you have a pilot licence?"]),
]


def run(*args: str, env: dict[str, str]) -> str:
    command = [sys.executable, "-m", "ask_applicant", *args]
    return subprocess.run(
        command, env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def recruiter(browser: Browser, link: str, questions: list[str], lead: bool) -> None:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.goto(link)
    page.wait_for_selector("body[data-ready='true']")
    for count, question in enumerate(questions, start=1):
        page.fill("#question", question)
        page.press("#question", "Enter")
        page.wait_for_selector(f".bubble.assistant >> nth={count - 1}")
        page.wait_for_selector(".bubble.assistant[data-state='completed'] >> nth=" + str(count - 1))
    if lead:
        page.click("#contact-open")
        page.fill("#contact-dialog input[name=name]", "김민지")
        page.fill("#contact-dialog input[name=email]", "minji@toss.example")
        page.fill("#contact-dialog input[name=company]", "Toss")
        page.fill("#contact-dialog textarea[name=message]", "Could we schedule a call next week?")
        page.click("#contact-dialog button[type=submit]")
        page.wait_for_selector("#contact-thanks")
    context.close()


def shoot(page: Page, name: str) -> None:
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(300)  # let the last frame paint; screenshots only, not a test
    page.screenshot(path=str(HERE / name), full_page=True)
    print(HERE / name)


def main() -> None:
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
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(f"{url}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--no-sandbox"]
                )
                for index, (name, questions) in enumerate(RECRUITERS):
                    link = run("links", "create", "--name", name, env=env)
                    recruiter(browser, link, questions, lead=index == 0)
                size = {"width": 1280, "height": 760}
                context = browser.new_context(locale="en-US", viewport=size)
                page = context.new_page()
                page.goto(run("owner-link", env=env))
                page.click("#conversation-rows .row-button >> nth=1")
                page.wait_for_selector(".turn-card")
                shoot(page, "console-conversation.png")
                for tab, name in [("unanswered", None),
                                  ("leads", "console-leads.png"),
                                  ("activity", "console-activity.png")]:  # fmt: skip
                    page.click(f"[data-view={tab}]")
                    page.wait_for_selector(f"#view[data-view={tab}] > *")
                    page.wait_for_timeout(300)
                    if name is not None:
                        shoot(page, name)
                browser.close()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)


if __name__ == "__main__":
    main()
