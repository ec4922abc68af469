"""`/`, `/static/*` and `/widget.js` over HTTP (no browser)."""

from __future__ import annotations

from ..conftest import StartApi


async def test_without_a_cookie_the_page_is_html_saying_to_open_the_share_link(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite()
    async with api.client() as http:
        english = await http.get("/")
        korean = await http.get("/", headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.8"})
        head = await http.head("/")

    assert english.status_code == 200
    assert english.headers["content-type"].startswith("text/html")
    assert "Open your share link" in english.text and '<html lang="en">' in english.text
    assert '<main id="signed-out" class="signed-out" >' in english.text
    assert "공유 링크를 열어 주세요" in korean.text and '<html lang="ko">' in korean.text
    assert head.status_code == 200
    for header in ("content-security-policy", "x-content-type-options", "referrer-policy"):
        assert header in english.headers


async def test_the_page_frames_only_in_the_applicants_own_listed_sites(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(cors_origins=["https://doyoon.example.dev"])
    async with api.client() as http:
        page = await http.get("/")

    policy = page.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://doyoon.example.dev" in policy


async def test_scripts_styles_and_the_widget_are_served_without_a_key(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite()
    async with api.client() as http:
        app = await http.get("/static/app.js")
        style = await http.get("/static/style.css")
        widget = await http.get("/widget.js")
        missing = await http.get("/static/nothing-here.js")

    assert app.status_code == 200 and "javascript" in app.headers["content-type"]
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")
    assert widget.status_code == 200 and "javascript" in widget.headers["content-type"]
    assert widget.headers["cross-origin-resource-policy"] == "cross-origin"
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
