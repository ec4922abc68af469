"""Browser tests: Debian's Chromium, driven by Playwright, against a real server.

async def test_something(open_site):
    site = await open_site()
    page = await site.visitor(token=await site.new_link())

Every page a test opens is watched: a request to any host but the server's own, or an
uncaught script error, fails the test; a failing test leaves a screenshot of each of its
pages in `test-artifacts/screenshots/`. Without Chromium the tests are skipped with the
reason, except in CI (`CI` set), where a missing browser fails them.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio
import pytest
from playwright.async_api import Browser, ConsoleMessage, Page, async_playwright, expect

from ask_applicant.persistence import create_engine, open_db
from ask_applicant.persistence.links import create_link, revoke_link

from ..conftest import Api, StartApi
from .held_offline import Gate, held_offline_model

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
# The machine is small and shared: waits are long, and end as soon as the page is ready.
expect.set_options(timeout=30_000)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium fonts-noto-cjk)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests", pytrace=False)
    pytest.skip(f"{reason}: browser tests skipped")


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    """A headless Chromium (Debian's; Playwright cannot download browsers here)."""
    _require_chromium()
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"]
        )
        try:
            yield chromium
        finally:
            await chromium.close()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class Site:
    """A running server and the browser pages a test opened on it."""

    api: Api
    browser: Browser
    gate: Gate | None
    pages: list[Page] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    other_origins: set[str] = field(default_factory=set)

    @property
    def url(self) -> str:
        return self.api.url

    async def new_link(self, name: str = "Acme Corp") -> str:
        """A share link's token (what `/r/{token}` takes)."""
        engine = create_engine(self.api.database_url)
        try:
            async with open_db(engine) as db:
                _link, token = await create_link(db, name=name)
        finally:
            await engine.dispose()
        return token

    async def revoke_link(self, token: str) -> None:
        """Revoke the link holding `token` (by its displayed prefix)."""
        engine = create_engine(self.api.database_url)
        try:
            async with open_db(engine) as db:
                assert await revoke_link(db, ident=token[:10]) is not None
        finally:
            await engine.dispose()

    async def visitor(
        self, *, token: str | None = None, locale: str = "en-US", width: int = 1280
    ) -> Page:
        """A new browser (own cookies) with one page, signed in by `token` if given."""
        context = await self.browser.new_context(
            locale=locale, viewport={"width": width, "height": 860}
        )
        context.on("request", lambda request: self.requests.append(request.url))
        page = await context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._on_console)
        self.pages.append(page)
        if token is not None:
            await page.goto(f"{self.url}/r/{token}")
            await expect(page.locator("body")).to_have_attribute("data-ready", "true")
        return page

    def _on_console(self, message: ConsoleMessage) -> None:
        # The page's own Content-Security-Policy refusing something is a bug of the page.
        if message.type == "error" and "Content Security Policy" in message.text:
            self.errors.append(message.text)

    def foreign_requests(self) -> list[str]:
        """Requests to any host but the server's own (and those a test allowed)."""
        allowed = {self.url, *self.other_origins}
        return [
            url
            for url in self.requests
            if not url.startswith(("data:", "about:")) and origin_of(url) not in allowed
        ]


OpenSite = Callable[..., Awaitable[Site]]


async def _screenshots(item: pytest.Item, pages: list[Page]) -> None:
    reports = item.stash.get(_REPORTS, {})
    if not any(report.failed for report in reports.values()):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", item.nodeid.split("::")[-1])
    for index, page in enumerate(pages):
        if not page.is_closed():
            await page.screenshot(path=str(SCREENSHOTS / f"{name}-{index}.png"), full_page=True)


async def _sites(
    start: StartApi, browser: Browser, item: pytest.Item, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[OpenSite]:
    sites: list[Site] = []

    async def open_site(*, held: bool = False, **overrides: Any) -> Site:
        gate = Gate() if held else None
        if gate is not None:
            monkeypatch.setattr("ask_applicant.agents.graph.OfflineModel", held_offline_model(gate))
        api = await start(**overrides)
        site = Site(api=api, browser=browser, gate=gate)
        sites.append(site)
        return site

    try:
        yield open_site
    finally:
        for site in sites:
            if site.gate is not None:
                site.gate.release.set()
            await _screenshots(item, site.pages)
    for site in sites:
        assert not site.errors, f"script errors on the page: {site.errors}"
        foreign = site.foreign_requests()
        assert not foreign, f"the page sent requests to other hosts: {foreign}"


@pytest.fixture
async def open_site(
    start_api: StartApi,
    browser: Browser,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[OpenSite]:
    """Opens sites on SQLite, then (with TEST_DATABASE_URL) on MySQL."""
    async for opener in _sites(start_api, browser, request.node, monkeypatch):
        yield opener


@pytest.fixture
async def open_site_on_sqlite(
    start_api_on_sqlite: StartApi,
    browser: Browser,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[OpenSite]:
    """Opens sites on SQLite only: for page behaviour that does not depend on the database."""
    async for opener in _sites(start_api_on_sqlite, browser, request.node, monkeypatch):
        yield opener


async def wait_until_held(site: Site) -> None:
    """Wait until the held model has stopped mid-answer."""
    assert site.gate is not None
    held = await anyio.to_thread.run_sync(site.gate.holding.wait, 60)
    assert held, "the answer never reached the hold"


def drop_connections(site: Site) -> int:
    """Cut every open connection to the server, as a failing network would (TCP reset).

    Browsers' offline emulation does not end a response already streaming, so the test
    drops it from the server's side; the run itself goes on.
    """
    connections = list(site.api.server.server.server_state.connections)
    for connection in connections:
        transport = connection.transport  # type: ignore[attr-defined]
        connection.loop.call_soon_threadsafe(transport.abort)  # type: ignore[attr-defined]
    return len(connections)
