"""`POST /v1/leads` and the lead webhook: validated, rate-limited, never lost."""

from __future__ import annotations

import anyio
import httpx

from ..conftest import Api, StartApi
from ..console_helpers import owner_browser, owner_cookie
from ..share_link_helpers import browser, new_link, open_link
from ..webhook_receiver import webhook_receiver

LEAD = {
    "name": "김민지 🎯",
    "email": "minji.kim@toss.example",
    "company": "토스 (Toss)",
    "message": "Could we schedule a call next week?\n다음 주에 통화 가능할까요? 📞",
}


async def _recruiter(api: Api) -> httpx.AsyncClient:
    _link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    return browser(api, cookie, Origin=api.url)


async def _owner_leads(api: Api) -> list[dict]:
    async with owner_browser(api, await owner_cookie(api)) as http:
        reply = await http.get("/v1/owner/leads")
    assert reply.status_code == 200, reply.text
    return reply.json()["leads"]


async def test_a_recruiter_leaves_a_lead_the_applicant_reads_it(start_api: StartApi) -> None:
    api = await start_api()
    async with await _recruiter(api) as http:
        reply = await http.post("/v1/leads", json=LEAD)
    assert reply.status_code == 201, reply.text
    assert reply.json()["delivery"] == "none"
    [lead] = await _owner_leads(api)
    assert {key: lead[key] for key in LEAD} == LEAD
    assert lead["source"] == "form" and lead["delivery_attempts"] == 0


async def test_bad_lead_fields_are_422_problems_and_nothing_is_stored(start_api: StartApi) -> None:
    api = await start_api()
    bad = [
        {"name": "Kim"},
        {"name": "", "email": "kim@acme.example"},
        {"name": "   \u0000 ", "email": "kim@acme.example"},
        {"name": "Kim", "email": "not-an-email"},
        {"name": "Kim", "email": "kim@localhost"},
        {"name": "Kim", "email": "kim @acme.example"},
        {"name": "Kim", "email": "김@토스"},
        {"name": "K" * 201, "email": "kim@acme.example"},
        {"name": "Kim", "email": "k" * 250 + "@acme.example"},
        {"name": "Kim", "email": "kim@acme.example", "company": "C" * 201},
        {"name": "Kim", "email": "kim@acme.example", "message": "🎯" * 4001},
        {"name": "Kim", "email": "kim@acme.example", "session_id": "s_" + "x" * 80},
        ["not", "an", "object"],
    ]
    async with await _recruiter(api) as http:
        for body in bad:
            reply = await http.post("/v1/leads", json=body)
            assert reply.status_code == 422, (body, reply.text)
            assert reply.headers["content-type"] == "application/problem+json"
        elsewhere = await http.post(
            "/v1/leads", json=LEAD | {"session_id": "s_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}
        )
        assert elsewhere.status_code == 404
    assert await _owner_leads(api) == []


async def test_leads_are_rate_limited_per_recruiter(start_api: StartApi) -> None:
    api = await start_api(leads_per_hour=2)
    async with await _recruiter(api) as http:
        codes = [(await http.post("/v1/leads", json=LEAD)).status_code for _ in range(3)]
        limited = await http.post("/v1/leads", json=LEAD)
    assert codes == [201, 201, 429]
    assert limited.headers["content-type"] == "application/problem+json"
    assert "retry-after" in limited.headers
    async with await _recruiter(api) as other:
        assert (await other.post("/v1/leads", json=LEAD)).status_code == 201
    assert len(await _owner_leads(api)) == 3


async def test_a_lead_from_another_site_or_without_sign_in_is_refused(start_api: StartApi) -> None:
    api = await start_api()
    _link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    async with browser(api, cookie, Origin="https://evil.example") as http:
        assert (await http.post("/v1/leads", json=LEAD)).status_code == 403
    async with api.client() as http:
        assert (await http.post("/v1/leads", json=LEAD)).status_code == 401
    assert await _owner_leads(api) == []


async def _wait_for_delivery(api: Api, state: str) -> dict:
    with anyio.fail_after(30):
        while True:
            [lead] = await _owner_leads(api)
            if lead["delivery"] == state:
                return lead
            await anyio.sleep(0.05)


async def test_a_failing_webhook_is_retried_until_it_takes_the_lead(start_api: StartApi) -> None:
    with webhook_receiver(fail_first=1) as receiver:
        api = await start_api(lead_webhook_url=receiver.url, lead_webhook_backoff_seconds=0.05)
        async with await _recruiter(api) as http:
            reply = await http.post("/v1/leads", json=LEAD)
        assert reply.status_code == 201 and reply.json()["delivery"] == "pending"
        assert await anyio.to_thread.run_sync(receiver.arrived(2).wait, 30)
        lead = await _wait_for_delivery(api, "delivered")
    assert receiver.statuses == [503, 204]
    assert receiver.bodies[0] == receiver.bodies[1]
    assert {key: receiver.bodies[1][key] for key in LEAD} == LEAD
    assert receiver.bodies[1]["id"] == lead["id"]
    assert lead["delivery_attempts"] == 2 and lead["delivered_at"] is not None


async def test_a_webhook_that_never_answers_marks_the_lead_failed_and_keeps_it(
    start_api: StartApi,
) -> None:
    with webhook_receiver(fail_first=99) as receiver:
        api = await start_api(
            lead_webhook_url=receiver.url,
            lead_webhook_backoff_seconds=0.05,
            lead_webhook_max_attempts=3,
        )
        async with await _recruiter(api) as http:
            assert (await http.post("/v1/leads", json=LEAD)).status_code == 201
        lead = await _wait_for_delivery(api, "failed")
    assert receiver.statuses == [503, 503, 503]
    assert lead["delivery_attempts"] == 3 and lead["delivery_error"] == "HTTP 503"
    assert lead["name"] == LEAD["name"]
