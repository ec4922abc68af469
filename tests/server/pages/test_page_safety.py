"""Nothing from a question, the profile or the model can run as script or become HTML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from playwright.async_api import expect

from ask_applicant.settings import DEFAULT_PROFILE_PATH

from .conftest import OpenSite

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


async def assert_inert(page) -> None:  # type: ignore[no-untyped-def]
    assert await page.evaluate("window.__pwned") is None
    assert await page.locator("main img, #app img, #app script, #log iframe").count() == 0


async def test_html_and_script_in_a_question_are_shown_as_text(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor(token=await site.new_link())
    question = f"Where did you study? {HOSTILE} [click](javascript:window.__pwned=3)"

    await page.locator("#question").fill(question)
    await page.locator("#question").press("Enter")

    await expect(page.locator(".bubble.assistant")).to_have_attribute("data-state", "completed")
    await expect(page.locator(".bubble.user .question")).to_have_text(question)
    await assert_inert(page)
    await page.reload()
    await expect(page.locator(".bubble.user .question")).to_have_text(question)
    await expect(page.locator("#conversation-list a").first).to_contain_text("<img src=x")
    await assert_inert(page)


async def test_html_and_script_in_the_profile_are_shown_as_text(
    open_site_on_sqlite: OpenSite, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    shutil.copytree(DEFAULT_PROFILE_PATH, profile)
    resume = json.loads((profile / "resume.json").read_text(encoding="utf-8"))
    resume["basics"]["label"] = f"Backend Engineer {HOSTILE}"
    resume["basics"]["summary"] = f"I build payments. {HOSTILE} [x](javascript:alert(1))"
    resume["education"][0]["institution"] = f"Seoul Tech {HOSTILE}"
    (profile / "resume.json").write_text(json.dumps(resume, ensure_ascii=False), encoding="utf-8")
    site = await open_site_on_sqlite(profile_path=profile)
    page = await site.visitor(token=await site.new_link())

    await expect(page.locator("#applicant-headline")).to_have_text(f"Backend Engineer {HOSTILE}")
    await page.locator("#question").fill("Where did you study?")
    await page.locator("#question").press("Enter")

    answer = page.locator(".bubble.assistant").last
    await expect(answer).to_have_attribute("data-state", "completed")
    await expect(answer.locator(".answer")).to_contain_text("<script>window.__pwned=2</script>")
    await assert_inert(page)


async def test_the_markdown_renderer_allows_a_safe_subset_only(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor()
    await page.goto(f"{site.url}/")

    html = await page.evaluate(
        """async (source) => {
            const { renderMarkdown } = await import('/static/markdown.js');
            const box = document.createElement('div');
            box.append(renderMarkdown(source));
            return box.innerHTML;
        }""",
        "\n".join(
            [
                "**Bold** and *italic* and `code <b>` and snake_case_name.",
                "",
                "- one [docs](https://example.dev/a?b=1)",
                "- two [bad](javascript:alert(1)) [data](data:text/html,hi)",
                "",
                "1. first",
                "2. second https://example.dev/x.",
                "",
                "<img src=x onerror=alert(1)> <script>alert(2)</script>",
                "```",
                "<b>kept</b>",
                "```",
            ]
        ),
    )

    assert "<strong>Bold</strong>" in html and "<em>italic</em>" in html
    assert "<code>code &lt;b&gt;</code>" in html and "snake_case_name" in html
    assert '<a href="https://example.dev/a?b=1" rel="noopener noreferrer nofollow"' in html
    assert "javascript:" not in html.split("bad")[0] and 'href="javascript' not in html
    assert 'href="data:' not in html
    assert "<ol><li>first</li>" in html and 'href="https://example.dev/x"' in html
    assert "&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<pre><code>&lt;b&gt;kept&lt;/b&gt;</code></pre>" in html
    assert "<img" not in html and "<script" not in html


async def test_the_page_forbids_scripts_from_anywhere_but_its_own_origin(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor()
    response = await page.goto(f"{site.url}/")

    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    assert "frame-ancestors 'self'" in policy
