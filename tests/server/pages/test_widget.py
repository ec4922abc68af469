"""The widget on the applicant's own site opens the chat in a panel."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from playwright.async_api import expect

from ..live_server import LiveServer
from .conftest import OpenSite


@pytest.fixture
def portfolio() -> Iterator[tuple[LiveServer, dict[str, str]]]:
    """The applicant's portfolio site, on its own loopback port (another origin)."""
    page: dict[str, str] = {"html": ""}
    site = FastAPI()

    @site.get("/")
    async def home() -> HTMLResponse:
        return HTMLResponse(page["html"])

    server = LiveServer(site)
    server.start()
    try:
        yield server, page
    finally:
        server.stop()


async def test_the_widget_opens_a_signed_in_chat_panel_on_the_applicants_site(
    open_site_on_sqlite: OpenSite, portfolio: tuple[LiveServer, dict[str, str]]
) -> None:
    host, content = portfolio
    site = await open_site_on_sqlite(cors_origins=[host.url])
    site.other_origins.add(host.url)
    token = await site.new_link("Portfolio visitors")
    content["html"] = (
        "<!doctype html><html><head><title>Doyoon's portfolio</title></head><body>"
        "<h1>Portfolio</h1>"
        f'<script src="{site.url}/widget.js" data-link="{token}" defer></script>'
        "</body></html>"
    )
    page = await site.visitor()
    await page.goto(host.url)

    opener = page.get_by_role("button", name="Ask the applicant")
    await opener.click()
    await expect(opener).to_have_attribute("aria-expanded", "true")
    chat = page.frame_locator("iframe[title='Ask the applicant']")
    await expect(chat.locator("#applicant-name")).to_contain_text("Han Do-yoon")
    await chat.locator("#question").fill("Where did you study?")
    await chat.locator("#question").press("Enter")
    await expect(chat.locator(".bubble.assistant")).to_have_attribute("data-state", "completed")

    await page.get_by_role("button", name="Close the chat").click()
    await expect(opener).to_have_attribute("aria-expanded", "false")
    await expect(page.locator("iframe")).to_be_hidden()


async def test_on_an_unrelated_site_the_panel_offers_the_chat_in_a_new_tab(
    open_site_on_sqlite: OpenSite, portfolio: tuple[LiveServer, dict[str, str]]
) -> None:
    host, content = portfolio
    # localhost and 127.0.0.1 are different sites: the frame's SameSite=Lax cookie is
    # refused, as on a portfolio whose domain is not the service's.
    other_site = host.url.replace("127.0.0.1", "localhost")
    site = await open_site_on_sqlite(cors_origins=[other_site])
    site.other_origins.add(other_site)
    token = await site.new_link("Portfolio visitors")
    content["html"] = (
        f'<!doctype html><html><body><script src="{site.url}/widget.js" data-link="{token}"'
        " defer></script></body></html>"
    )
    page = await site.visitor()
    await page.goto(other_site)

    await page.get_by_role("button", name="Ask the applicant").click()

    chat = page.frame_locator("iframe")
    offer = chat.get_by_role("link", name="Open the chat in a new tab")
    await expect(offer).to_have_attribute("href", f"/r/{token}")
    async with page.context.expect_page() as opened:
        await offer.click()
    tab = await opened.value
    await expect(tab.locator("#applicant-name")).to_contain_text("Han Do-yoon")
