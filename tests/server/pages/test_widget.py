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
