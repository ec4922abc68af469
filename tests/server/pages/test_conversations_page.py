"""The recruiter's conversations on the page, and who may see which."""

from __future__ import annotations

from playwright.async_api import Page, expect

from .conftest import OpenSite


async def ask(page: Page, question: str) -> None:
    await page.locator("#question").fill(question)
    await page.locator("#question").press("Enter")
    await expect(page.locator(".bubble.assistant").last).to_have_attribute(
        "data-state", "completed"
    )


async def test_conversations_are_listed_reopened_renamed_and_deleted(open_site: OpenSite) -> None:
    site = await open_site()
    page = await site.visitor(token=await site.new_link())
    await ask(page, "Where did you study?")
    first = page.url
    await page.get_by_role("button", name="New conversation").click()
    await expect(page.locator("#log > li")).to_have_count(0)
    await ask(page, "What projects have you built?")
    titles = page.locator("#conversation-list .conversation-title")
    await expect(titles).to_have_text(["What projects have you built?", "Where did you study?"])

    await titles.nth(1).click()
    await expect(page.locator(".bubble.user .question")).to_have_text(["Where did you study?"])
    assert page.url == first
    await page.go_back()
    await expect(page.locator(".bubble.user .question")).to_have_text(
        ["What projects have you built?"]
    )

    await page.get_by_role("button", name="Rename: Where did you study?").click()
    await page.get_by_role("textbox", name="New title for the conversation").fill("교육 🎓")
    await page.keyboard.press("Enter")
    # Renaming is activity: the renamed conversation comes first.
    await expect(titles).to_have_text(["교육 🎓", "What projects have you built?"])
    await page.reload()
    await expect(titles).to_have_text(["교육 🎓", "What projects have you built?"])

    await page.get_by_role("button", name="Delete: What projects have you built?").click()
    await page.locator("#delete-dialog").get_by_role("button", name="Delete").click()
    await expect(titles).to_have_text(["교육 🎓"])
    await expect(page.locator("#log > li")).to_have_count(0)
    await expect(page.locator("#welcome")).to_be_visible()


async def test_another_recruiters_conversation_in_the_address_is_not_shown(
    open_site: OpenSite,
) -> None:
    site = await open_site()
    alice = await site.visitor(token=await site.new_link("Alice at Acme"))
    await ask(alice, "Why are you changing jobs?")
    bob = await site.visitor(token=await site.new_link("Bob at Beta"))

    await bob.goto(alice.url)

    await expect(bob.locator("#notice")).to_contain_text("belongs to someone else")
    await expect(bob.locator("#log > li")).to_have_count(0)
    await expect(bob.locator("#conversation-list")).not_to_contain_text("changing jobs")
    assert "?c=" not in bob.url


async def test_a_revoked_link_signs_its_browser_out(open_site: OpenSite) -> None:
    site = await open_site()
    token = await site.new_link()
    page = await site.visitor(token=token)
    await ask(page, "Where did you study?")

    await site.revoke_link(token)
    await page.reload()

    await expect(page.locator("#signed-out h1")).to_have_text("Open your share link")
    await expect(page.locator("#app")).to_be_hidden()
    response = await page.goto(f"{site.url}/r/{token}")
    assert response is not None and response.status == 410
    assert "text/html" in response.headers["content-type"]


async def test_without_a_cookie_the_page_asks_for_the_share_link_in_the_browsers_language(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor(locale="ko-KR")
    response = await page.goto(f"{site.url}/")

    assert response is not None and "text/html" in response.headers["content-type"]
    await expect(page.locator("#signed-out h1")).to_have_text("공유 링크를 열어 주세요")
    await expect(page.locator("#app")).to_be_hidden()
