"""Share links in a browser: /r/{token} signs in with a cookie; the cookie is the key.

Every test runs against a real uvicorn on SQLite and MariaDB.
"""

from __future__ import annotations

from datetime import timedelta

import anyio
import pytest

from ask_applicant.persistence.columns import utcnow

from .conftest import StartApi
from .held_model import HeldModel
from .share_link_helpers import browser, expire, new_link, open_link, revoke

TIMEOUT = 30
SECRET_QUESTION = "Confidential: what is her salary expectation at Acme?"


async def test_opening_a_link_sets_a_safe_cookie_that_signs_in_as_its_recruiter(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    link, token = await new_link(api, name="Acme 채용팀 🎯")
    reply, cookie = await open_link(api, token)
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    set_cookie = reply.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=lax" in set_cookie and "path=/" in set_cookie
    assert "secure" not in set_cookie  # PUBLIC_URL is http here
    assert token not in reply.headers["set-cookie"]
    async with browser(api, cookie) as http:
        me = (await http.get("/v1/me")).json()
    assert me["role"] == "recruiter" and me["auth"] == "cookie"
    assert me["id"] == link.user_id and me["name"] == "Acme 채용팀 🎯"
    assert me["link"]["id"] == link.id and me["link"]["name"] == "Acme 채용팀 🎯"


async def test_the_cookie_is_secure_when_the_public_url_is_https(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel(), public_url="https://applicant.example.com")
    _link, token = await new_link(api)
    reply, _cookie = await open_link(api, token)
    assert reply.status_code == 303
    assert "; secure" in reply.headers["set-cookie"].lower()


@pytest.mark.parametrize(
    ("token", "accept_language", "says"),
    [
        ("ln_" + "A" * 43, "en-US,en;q=0.9", "This link doesn't work"),
        ("ln_" + "A" * 43, "ko-KR,ko;q=0.9,en;q=0.8", "이 링크를 열 수 없습니다"),
        ("not-a-token", None, "This link doesn't work"),
        ("<script>alert(1)</script>", "ko", "이 링크를 열 수 없습니다"),
        ("a/b/c", "fr-FR, en;q=0.5", "This link doesn't work"),
        ("ln_" + "가" * 400, "en", "This link doesn't work"),
    ],
)
async def test_an_unknown_or_malformed_link_is_a_friendly_404_page_in_the_browsers_language(
    start_api: StartApi, token: str, accept_language: str | None, says: str
) -> None:
    api = await start_api(model=HeldModel())
    headers = {} if accept_language is None else {"Accept-Language": accept_language}
    async with api.client(**headers) as http:
        reply = await http.get(f"/r/{token}")
    assert reply.status_code == 404
    assert reply.headers["content-type"].startswith("text/html")
    assert says in reply.text and "<script>" not in reply.text
    assert "set-cookie" not in reply.headers


async def test_revoked_and_expired_links_are_410_pages_in_english_and_korean(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    revoked, revoked_token = await new_link(api)
    await revoke(api, revoked.id)
    expiring, expiring_token = await new_link(api, expires_at=utcnow() + timedelta(days=1))
    await expire(api, expiring.id)
    cases = [
        (revoked_token, "en", "This link has been turned off"),
        (revoked_token, "ko-KR", "사용이 중지된 링크입니다"),
        (expiring_token, "en-GB", "This link has expired"),
        (expiring_token, "ko", "기간이 끝난 링크입니다"),
    ]
    for token, language, says in cases:
        async with api.client(**{"Accept-Language": language}) as http:
            reply = await http.get(f"/r/{token}")
        assert reply.status_code == 410, reply.text
        assert reply.headers["content-type"].startswith("text/html")
        assert reply.headers["content-language"] == language[:2]
        assert says in reply.text and "set-cookie" not in reply.headers


async def test_revoking_a_link_signs_its_browser_out_on_the_next_request(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    async with browser(api, cookie) as http:
        assert (await http.get("/v1/sessions")).status_code == 200
        await revoke(api, link.id)
        refused = await http.get("/v1/sessions")
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert "revoked" in refused.json()["detail"]
    assert "max-age=0" in refused.headers["set-cookie"].lower()


async def test_an_expired_link_signs_its_browser_out_on_the_next_request(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    link, token = await new_link(api, expires_at=utcnow() + timedelta(days=1))
    _reply, cookie = await open_link(api, token)
    async with browser(api, cookie) as http:
        assert (await http.get("/v1/me")).json()["link"]["expires_at"] is not None
        await expire(api, link.id)
        refused = await http.get("/v1/me")
    assert refused.status_code == 401 and "expired" in refused.json()["detail"]


async def test_a_cookie_signed_by_another_deployment_is_refused(start_api: StartApi) -> None:
    here = await start_api(model=HeldModel())
    _link, token = await new_link(here)
    _reply, cookie = await open_link(here, token)
    # Same database, same link, but a deployment with its own signing key.
    elsewhere = await start_api(model=HeldModel(), session_secret="another-deployment-" + "k" * 32)
    async with browser(elsewhere, cookie) as http:
        refused = await http.get("/v1/me")
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    forged = cookie.rsplit(".", 1)[0] + ".A" + cookie.rsplit(".", 1)[1][1:]
    for bad in [forged, "v1.nonsense", "", "x" * 5000]:
        async with browser(here, bad) as http:
            assert (await http.get("/v1/me")).status_code == 401, bad


async def test_a_restart_without_a_configured_secret_keeps_the_browser_signed_in(
    start_api: StartApi,
) -> None:
    first = await start_api(model=HeldModel())
    _link, token = await new_link(first)
    _reply, cookie = await open_link(first, token)
    await first.stop()
    second = await start_api(model=HeldModel())
    async with browser(second, cookie) as http:
        assert (await http.get("/v1/me")).status_code == 200


async def test_a_write_by_cookie_from_another_sites_page_is_refused(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    _link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    ask = {"message": "What did she build?"}
    refusals = [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {},
    ]
    with anyio.fail_after(TIMEOUT):
        for headers in refusals:
            async with browser(api, cookie, **headers) as http:
                refused = await http.post("/v1/chat", json=ask)
            assert refused.status_code == 403, headers
            assert refused.headers["content-type"] == "application/problem+json"
            assert refused.json()["type"].endswith("cross-site-request")
        async with browser(api, cookie) as http:
            assert (await http.get("/v1/sessions")).json()["sessions"] == []
        for headers in [{"Origin": api.url}, {"Sec-Fetch-Site": "same-origin"}]:
            async with browser(api, cookie, **headers) as http:
                accepted = await http.post("/v1/chat", json=ask)
            assert accepted.status_code == 200, (headers, accepted.text)


async def test_a_bearer_key_wins_over_a_cookie_and_needs_no_origin(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    _link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    owner_key = await api.new_key(role="owner", name="Applicant")
    async with browser(
        api, cookie, Authorization=f"Bearer {owner_key}", Origin="https://evil.example"
    ) as http:
        me = (await http.get("/v1/me")).json()
        assert (await http.post("/v1/links", json={"name": "Beta"})).status_code == 201
    assert me["role"] == "owner" and me["auth"] == "bearer" and me["link"] is None


async def test_a_links_recruiter_cannot_read_another_recruiters_conversation(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    _acme, acme_token = await new_link(api, name="Acme")
    _beta, beta_token = await new_link(api, name="Beta")
    _reply, acme_cookie = await open_link(api, acme_token)
    _reply, beta_cookie = await open_link(api, beta_token)
    with anyio.fail_after(TIMEOUT):
        async with browser(api, acme_cookie, Origin=api.url) as http:
            asked = await http.post("/v1/chat", json={"message": SECRET_QUESTION})
        assert asked.status_code == 200
        chat = asked.json()
        async with browser(api, beta_cookie, Origin=api.url) as http:
            for method, path in [
                ("GET", f"/v1/sessions/{chat['session_id']}"),
                ("GET", f"/v1/runs/{chat['run_id']}"),
                ("DELETE", f"/v1/sessions/{chat['session_id']}"),
            ]:
                reply = await http.request(method, path)
                assert reply.status_code == 404, (method, path)
                assert SECRET_QUESTION not in reply.text
            assert (await http.get("/v1/sessions")).json()["sessions"] == []
        async with browser(api, acme_cookie) as http:
            mine = await http.get(f"/v1/sessions/{chat['session_id']}")
    assert mine.json()["messages"][0]["text"] == SECRET_QUESTION
