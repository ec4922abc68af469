"""The chat page in a real browser: signing in by link, asking, and reading answers."""

from __future__ import annotations

from playwright.async_api import expect

from .conftest import OpenSite


async def test_a_share_link_opens_the_chat_with_the_applicant_and_suggested_questions(
    open_site: OpenSite,
) -> None:
    site = await open_site()
    page = await site.visitor(token=await site.new_link())

    assert page.url == f"{site.url}/"
    await expect(page.locator("#applicant-name")).to_contain_text("Han Do-yoon")
    await expect(page.locator("#applicant-headline")).to_contain_text("Backend Engineer")
    suggestions = page.locator("#suggestions button")
    await expect(suggestions.first).to_be_visible()
    assert 3 <= await suggestions.count() <= 6
    await expect(page.locator("#signed-out")).to_be_hidden()


async def test_an_english_question_streams_a_sourced_answer_from_the_specialist(
    open_site: OpenSite,
) -> None:
    site = await open_site()
    page = await site.visitor(token=await site.new_link())

    await page.locator("#question").fill("What did you build at Haneul Pay?")
    await page.locator("#question").press("Enter")

    answer = page.locator(".bubble.assistant").last
    await expect(answer).to_have_attribute("data-state", "completed")
    await expect(answer.locator(".answer")).to_contain_text("Haneul Pay")
    await expect(answer.locator(".chip")).to_have_text(["Career specialist"])
    await expect(answer.locator(".sources code").first).to_have_text("work[0]")
    tools = answer.locator("details.tools")
    await expect(tools).not_to_have_attribute("open", "")
    await expect(tools.locator(":scope > summary")).to_have_text("Tools used (1)")
    await expect(page.locator("#conversation-list a")).to_have_text(
        ["What did you build at Haneul Pay?"]
    )
    assert "?c=s_" in page.url
