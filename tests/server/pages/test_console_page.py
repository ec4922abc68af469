"""The applicant's console in a real browser, with a recruiter on the chat page beside it."""

from __future__ import annotations

import os
import sys

import anyio
from playwright.async_api import Page, expect

from .conftest import OpenSite, Site

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))


async def owner_link(site: Site) -> str:
    """`ask-applicant owner-link` against the site's database: the one-time URL."""
    env = {
        **os.environ,
        "DATABASE_URL": site.api.database_url,
        "PUBLIC_URL": site.url,
        "MCP_ENABLED": "false",
    }
    done = await anyio.run_process(
        [sys.executable, "-m", "ask_applicant", "owner-link"], env=env, cwd=ROOT
    )
    return done.stdout.decode().strip()


async def ask(page: Page, question: str) -> None:
    answers = page.locator(".bubble.assistant")
    before = await answers.count()
    await page.locator("#question").fill(question)
    await page.locator("#question").press("Enter")
    await expect(answers).to_have_count(before + 1)
    await expect(answers.last).to_have_attribute("data-state", "completed")


async def test_the_owner_reads_a_recruiters_questions_and_lead_then_revokes_their_link(
    open_site: OpenSite,
) -> None:
    site = await open_site()
    recruiter = await site.visitor(token=await site.new_link("Toss 채용팀"))
    await ask(recruiter, "Where did you study?")
    await ask(recruiter, "How many years of COBOL experience do you have?")
    await recruiter.get_by_role("button", name="Contact the applicant").click()
    dialog = recruiter.locator("#contact-dialog")
    await dialog.get_by_label("Your name").fill("김민지")
    await dialog.get_by_label("Your e-mail").fill("minji@toss.example")
    await dialog.get_by_label("Company").fill("Toss")
    await dialog.get_by_label("Message").fill("Could we schedule a call? 📞")
    await dialog.get_by_role("button", name="Send").click()
    await expect(dialog.locator("#contact-thanks")).to_be_visible()

    url = await owner_link(site)
    assert url.startswith(f"{site.url}/console/owner/ot_")
    owner = await site.visitor()
    await owner.goto(url)
    assert owner.url.startswith(f"{site.url}/console")
    rows = owner.locator("#conversation-rows .row-button")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("Toss 채용팀")
    await rows.first.click()
    cards = owner.locator(".turn-card")
    await expect(cards).to_have_count(2)
    await expect(cards.first).to_contain_text("Where did you study?")
    await expect(cards.first).to_contain_text("triage → resume")
    await expect(cards.first).to_contain_text("get_education")
    await expect(cards.first.locator(".kind")).to_have_text("answered")
    await expect(cards.last.locator(".kind")).to_have_text("not in profile")

    await owner.get_by_role("button", name="Unanswered").click()
    await expect(owner.locator(".console-table tbody tr")).to_have_count(1)
    await expect(owner.locator(".console-table")).to_contain_text("COBOL")

    await owner.get_by_role("button", name="Leads").click()
    lead = owner.locator(".console-table tbody tr")
    await expect(lead).to_contain_text("김민지")
    await expect(lead).to_contain_text("minji@toss.example")
    await expect(lead.locator(".delivery")).to_have_text("no webhook")

    await owner.get_by_role("button", name="Activity").click()
    await expect(owner.locator("img.chart")).to_have_count(2)
    await expect(owner.locator(".stat").first).to_contain_text("2")

    await owner.get_by_role("button", name="Links").click()
    link_row = owner.locator(".console-table tbody tr", has_text="Toss 채용팀")
    await link_row.get_by_role("button", name="Revoke").click()
    await link_row.get_by_role("button", name="Click again to confirm").click()
    await expect(link_row).to_contain_text("revoked")
    await owner.locator("#new-key input[name=name]").fill("Naver 인사팀")
    await owner.locator("#new-key").get_by_role("button", name="Create").click()
    await expect(owner.locator(".created-link code")).to_contain_text("aa_")
    await expect(owner.locator(".console-table").last).to_contain_text("Naver 인사팀")

    await recruiter.reload()
    await expect(recruiter.locator("#signed-out")).to_be_visible()
    await expect(recruiter.locator("#app")).to_be_hidden()


async def test_a_recruiter_cannot_open_the_console_and_the_korean_sign_in_form_works(
    open_site: OpenSite,
) -> None:
    site = await open_site()
    recruiter = await site.visitor(token=await site.new_link())
    response = await recruiter.goto(f"{site.url}/console")
    assert response is not None and response.status == 403
    await expect(recruiter.locator("#view")).to_have_count(0)
    owner_key = await site.api.new_key(role="owner", name="Applicant")
    owner = await site.visitor(locale="ko-KR")
    await owner.goto(f"{site.url}/console")
    await owner.get_by_label("소유자 키").fill(owner_key)
    await owner.get_by_role("button", name="로그인").click()
    await expect(owner.get_by_role("button", name="답하지 못한 질문")).to_be_visible()
    await expect(owner.locator("#view")).to_contain_text("조건에 맞는 대화가 없습니다")
