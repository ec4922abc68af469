"""Signing in to the applicant's console: one-time owner links, owner keys, and no one else."""

from __future__ import annotations

from .conftest import StartApi
from .console_helpers import OWNER_COOKIE, age_tickets, owner_browser, owner_cookie, owner_ticket
from .held_model import HeldModel
from .share_link_helpers import browser, new_link, open_link


async def test_an_owner_link_signs_in_once_and_opens_the_console(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    token = await owner_ticket(api)
    async with api.client() as http:
        first = await http.get(f"/console/owner/{token}")
        again = await http.get(f"/console/owner/{token}")
    assert first.status_code == 303 and first.headers["location"] == "/console"
    assert first.headers["set-cookie"].startswith(f"{OWNER_COOKIE}=")
    assert "HttpOnly" in first.headers["set-cookie"]
    assert again.status_code == 410 and "already used or has expired" in again.text
    cookie = first.headers["set-cookie"].split(";", 1)[0].removeprefix(f"{OWNER_COOKIE}=")
    async with owner_browser(api, cookie) as http:
        page = await http.get("/console")
        links = await http.get("/v1/links")
    assert page.status_code == 200 and "/static/console.js" in page.text
    assert links.status_code == 200


async def test_an_expired_or_made_up_owner_link_signs_nobody_in(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    token = await owner_ticket(api)
    await age_tickets(api)
    async with api.client() as http:
        expired = await http.get(f"/console/owner/{token}")
        made_up = await http.get("/console/owner/ot_" + "A" * 43)
        hostile = await http.get("/console/owner/%27%20OR%201%3D1%20--%20한국어🎯")
    for reply in (expired, made_up, hostile):
        assert reply.status_code == 410
        assert "set-cookie" not in reply.headers


async def test_an_owner_key_is_exchanged_for_a_session_on_the_sign_in_form(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    owner_key = await api.new_key(role="owner", name="Applicant")
    recruiter_key = await api.new_key()
    async with api.client(Origin=api.url) as http:
        form = await http.get("/console/sign-in")
        signed_in = await http.post("/console/sign-in", data={"key": owner_key})
        refused = await http.post("/console/sign-in", data={"key": recruiter_key})
        nonsense = await http.post("/console/sign-in", data={"key": "🎯" * 40})
    assert form.status_code == 200 and 'name="key"' in form.text
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/console"
    assert refused.status_code == 401 and "not an owner key" in refused.text
    assert nonsense.status_code == 401
    assert "set-cookie" not in refused.headers
    async with api.client(Origin="https://evil.example") as http:
        forged = await http.post("/console/sign-in", data={"key": owner_key})
    assert forged.status_code == 403


async def test_recruiters_and_anonymous_visitors_never_see_the_console(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    _link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    async with api.client() as http:
        anonymous = await http.get("/console")
    async with browser(api, cookie) as http:
        recruiter = await http.get("/console")
        links = await http.get("/v1/links")
    assert anonymous.status_code == 401 and "console.js" not in anonymous.text
    assert recruiter.status_code == 403 and "console.js" not in recruiter.text
    assert links.status_code == 403


async def test_signing_out_or_a_forged_owner_cookie_ends_console_access(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    cookie = await owner_cookie(api)
    async with owner_browser(api, cookie) as http:
        out = await http.post("/console/sign-out")
    assert out.status_code == 303 and "Max-Age=0" in out.headers["set-cookie"]
    forged = cookie[:-4] + ("AAAA" if not cookie.endswith("AAAA") else "BBBB")
    async with owner_browser(api, forged) as http:
        reply = await http.get("/v1/links")
        page = await http.get("/console")
    assert reply.status_code == 401
    assert reply.headers["content-type"] == "application/problem+json"
    assert page.status_code == 401
