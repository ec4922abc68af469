"""Answers in progress: Stop, a dropped connection and a reload, with the model held mid-answer."""

from __future__ import annotations

import httpx
from playwright.async_api import Page, expect

from .conftest import OpenSite, Site, drop_connections, wait_until_held

QUESTION = "What did you build at Haneul Pay?"
# How the answer to QUESTION starts: it is shown before the model is held.
OPENING = "Senior Backend Engineer at Haneul Pay"


async def ask_and_hold(site: Site, page: Page) -> None:
    await page.locator("#question").fill(QUESTION)
    await page.locator("#question").press("Enter")
    await wait_until_held(site)
    await expect(page.locator(".bubble.assistant .answer")).not_to_be_empty()


async def stored_answer(site: Site, page: Page) -> str:
    """The run's answer as the server stored it (read with the page's own cookie)."""
    cookies = {c["name"]: c["value"] for c in await page.context.cookies()}
    session_id = page.url.split("?c=")[1]
    async with httpx.AsyncClient(base_url=site.url, cookies=cookies) as http:
        detail = (await http.get(f"/v1/sessions/{session_id}")).json()
    return detail["messages"][-1]["text"]


async def test_a_dropped_connection_resumes_the_answer_without_repeating_text(
    open_site: OpenSite,
) -> None:
    site = await open_site(held=True)
    page = await site.visitor(token=await site.new_link())
    await ask_and_hold(site, page)
    # Every text the answer shows on the way, to catch text shown twice even briefly.
    await page.evaluate(
        """() => {
            const answer = document.querySelector('.bubble.assistant .answer');
            window.seenTexts = [];
            new MutationObserver(() => window.seenTexts.push(answer.textContent))
                .observe(answer, {childList: true, subtree: true, characterData: true});
        }"""
    )

    await page.context.set_offline(True)
    assert drop_connections(site) >= 1
    await expect(page.locator(".notice-offline")).to_be_visible()
    site.gate.release.set()  # type: ignore[union-attr]
    await page.context.set_offline(False)

    answer = page.locator(".bubble.assistant").last
    await expect(answer).to_have_attribute("data-state", "completed")
    text = await answer.locator(".answer").inner_text()
    stored = await stored_answer(site, page)
    assert text.count(OPENING) == 1
    assert " ".join(text.split()) == " ".join(stored.replace("- ", "").split())
    seen = await page.evaluate("window.seenTexts")
    assert seen and all(shown.count(OPENING) <= 1 for shown in seen)
    await expect(answer.locator(".chip")).to_have_text(["Career specialist"])
    await expect(answer.locator("details.tools > summary")).to_have_text("Tools used (1)")


async def test_stop_ends_the_answer_and_keeps_what_was_written(open_site: OpenSite) -> None:
    site = await open_site(held=True)
    page = await site.visitor(token=await site.new_link())
    await ask_and_hold(site, page)
    written = await page.locator(".bubble.assistant .answer").inner_text()

    await page.get_by_role("button", name="Stop").click()

    answer = page.locator(".bubble.assistant").last
    await expect(answer).to_have_attribute("data-state", "cancelled")
    await expect(answer.locator(".notice")).to_contain_text("Stopped")
    assert (await answer.locator(".answer").inner_text()).startswith(written.strip())
    await expect(page.get_by_role("button", name="Send")).to_be_visible()


async def test_reloading_mid_answer_shows_the_answer_continuing(open_site: OpenSite) -> None:
    site = await open_site(held=True)
    page = await site.visitor(token=await site.new_link())
    await ask_and_hold(site, page)

    await page.reload()
    await expect(page.locator(".bubble.user .question")).to_have_text([QUESTION])
    answer = page.locator(".bubble.assistant").last
    await expect(answer).to_have_attribute("aria-busy", "true")
    await expect(answer.locator(".answer")).to_contain_text(OPENING)
    site.gate.release.set()  # type: ignore[union-attr]

    await expect(answer).to_have_attribute("data-state", "completed")
    await expect(answer.locator(".chip")).to_have_text(["Career specialist"])
    text = await answer.locator(".answer").inner_text()
    assert text.count(OPENING) == 1
    stored = await stored_answer(site, page)
    assert " ".join(text.split()) == " ".join(stored.replace("- ", "").split())
