"""Takes the README's screenshots of the chat page with Playwright and Debian's Chromium.

    uv run python docs/screenshots/take.py

Starts `ask-applicant serve` on a scratch SQLite database (offline model), makes share
links with `ask-applicant links create`, asks a question in English and in Korean, and
saves desktop (1280 px) and phone (375 px) pictures beside this file.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser
from scratch_service import scratch_service

HERE = Path(__file__).resolve().parent
SCENES = [
    # file, locale, width, height, questions (each a new conversation)
    (
        "chat-en-desktop.png",
        "en-US",
        1280,
        860,
        ["What did you build at Haneul Pay?", "Where did you study?"],
    ),
    (
        "chat-ko-desktop.png",
        "ko-KR",
        1280,
        860,
        ["경력이 어떻게 되나요?", "어떤 프로젝트를 했나요?"],
    ),
    ("chat-en-375.png", "en-US", 375, 812, ["Which languages do you speak?"]),
    ("chat-ko-375.png", "ko-KR", 375, 812, []),
]


def shoot(
    browser: Browser, link: str, name: str, locale: str, size: tuple[int, int], questions: list[str]
) -> None:
    context = browser.new_context(locale=locale, viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(link)
    page.wait_for_selector("body[data-ready='true']")
    for index, question in enumerate(questions):
        if index:
            page.get_by_role(
                "button", name=("새 대화" if locale.startswith("ko") else "New conversation")
            ).click()
        page.fill("#question", question)
        page.press("#question", "Enter")
        page.wait_for_selector(".bubble.assistant[data-state]", timeout=60_000)
    page.evaluate("document.activeElement.blur()")
    page.wait_for_timeout(300)  # let the last frame paint; screenshots only, not a test
    page.screenshot(path=str(HERE / name))
    context.close()


def main() -> None:
    with scratch_service() as (service, browser):
        for name, locale, width, height, questions in SCENES:
            link = service.cli("links", "create", "--name", f"Screenshots {name}")
            shoot(browser, link, name, locale, (width, height), questions)
            print(HERE / name)


if __name__ == "__main__":
    main()
