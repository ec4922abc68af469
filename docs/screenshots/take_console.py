"""Takes the README's screenshots of the applicant's console (Playwright, Debian Chromium).

    uv run python docs/screenshots/take_console.py

Starts `ask-applicant serve` on a scratch SQLite database (offline model), lets two
recruiters ask questions through share links (one leaves a lead), signs in with
`ask-applicant owner-link` and saves pictures of the console beside this file.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page
from scratch_service import scratch_service

HERE = Path(__file__).resolve().parent
RECRUITERS = [
    ("Toss 채용팀", ["Where did you study?", "How many years of COBOL experience do you have?"]),
    ("Acme Corp", ["What did you build at Haneul Pay?", "Do you have a pilot licence?"]),
]


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
    with scratch_service() as (service, browser):
        for index, (name, questions) in enumerate(RECRUITERS):
            link = service.cli("links", "create", "--name", name)
            recruiter(browser, link, questions, lead=index == 0)
        size = {"width": 1280, "height": 760}
        context = browser.new_context(locale="en-US", viewport=size)
        page = context.new_page()
        page.goto(service.cli("owner-link"))
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


if __name__ == "__main__":
    main()
