"""Typing, small screens and failures: the composer, 375 px, and an answer that fails."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from agents.items import TResponseStreamEvent
from playwright.async_api import expect

from ..held_model import HeldModel
from .conftest import OpenSite


async def test_enter_sends_shift_enter_adds_a_line_and_ime_composition_never_sends(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor(token=await site.new_link(), locale="ko-KR")
    box = page.locator("#question")
    await box.fill("학력")
    # A Korean IME confirms the last syllable with Enter: that Enter must not send.
    for init in ({"isComposing": True}, {"keyCode": 229}):
        await box.evaluate(
            "(el, init) => el.dispatchEvent(new KeyboardEvent('keydown',"
            " {key: 'Enter', bubbles: true, cancelable: true, ...init}))",
            init,
        )
    await box.press("Shift+Enter")
    await box.press_sequentially("어디서 공부했나요?")
    assert await page.locator(".turn").count() == 0
    assert await box.input_value() == "학력\n어디서 공부했나요?"

    await box.press("Enter")

    await expect(page.locator(".bubble.user .question")).to_have_text(["학력\n어디서 공부했나요?"])
    assert await box.input_value() == ""
    await expect(page.locator(".bubble.assistant")).to_have_attribute("data-state", "completed")


async def test_the_page_fits_a_375_px_phone_and_the_list_opens_from_the_menu(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor(token=await site.new_link(), width=375)
    await page.locator("#question").fill("What is your current job?")
    await page.locator("#question").press("Enter")
    await expect(page.locator(".bubble.assistant")).to_have_attribute("data-state", "completed")

    assert await page.evaluate("document.documentElement.scrollWidth") <= 375
    await expect(page.get_by_role("button", name="Send")).to_be_in_viewport()
    await expect(page.locator("#sidebar")).not_to_be_in_viewport()
    await page.get_by_role("button", name="Conversations").click()
    await expect(page.locator("#sidebar")).to_be_in_viewport()
    await expect(page.locator("#conversation-list a")).to_have_text(["What is your current job?"])
    await page.keyboard.press("Escape")
    await expect(page.locator("#sidebar")).not_to_be_in_viewport()


class FailsFirst(HeldModel):
    """Fails its first answer like an unreachable upstream, then answers."""

    def __init__(self) -> None:
        super().__init__("Seoul National University, computer science (education[0]).")
        self.failures = 0

    async def stream_response(  # type: ignore[override]
        self, *args: Any, **kwargs: Any
    ) -> AsyncIterator[TResponseStreamEvent]:
        if self.failures == 0:
            self.failures += 1
            raise ConnectionError("the model could not be reached")
        async for event in super().stream_response(*args, **kwargs):
            yield event


async def test_a_failed_answer_says_so_and_try_again_answers(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite(model=FailsFirst())
    page = await site.visitor(token=await site.new_link())
    await page.locator("#question").fill("Where did you study?")
    await page.locator("#question").press("Enter")

    failed = page.locator(".bubble.assistant").last
    await expect(failed).to_have_attribute("data-state", "failed")
    await expect(failed.locator(".notice")).to_contain_text("could not be finished")
    await failed.get_by_role("button", name="Try again").click()

    answer = page.locator(".bubble.assistant").last
    await expect(answer).to_have_attribute("data-state", "completed")
    await expect(answer.locator(".answer")).to_contain_text("Seoul National University")
    await expect(answer.locator(".sources code")).to_have_text(["education[0]"])
