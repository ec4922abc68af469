"""The consent page: what the person sees, in their language, and what each answer does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from html import unescape

import pytest

from ..conftest import Api, StartApi
from ..held_model import HeldModel
from .person import REDIRECT_URI, RawClient, hidden_fields, pkce, query_of


@pytest.fixture
async def api(start_api: StartApi) -> Api:
    return await start_api(model=HeldModel())


@pytest.fixture
async def raw(api: Api) -> AsyncIterator[RawClient]:
    async with api.client() as http:
        client = RawClient(http, api.url)
        assert (await client.register()).status_code == 201
        yield client


async def _consent_page(raw: RawClient, mount: str = "profile", **headers: str) -> str:
    _verifier, challenge = pkce()
    sent = await raw.http.get(raw.authorize_query(challenge, mount))
    page = await raw.http.get(sent.headers["location"], headers=headers)
    assert page.status_code == 200
    assert page.headers["x-frame-options"] == "DENY"
    return page.text


async def test_the_page_says_who_asks_for_what_in_english(raw: RawClient) -> None:
    page = unescape(await _consent_page(raw, "portfolio"))
    assert "Raw client asks to read the applicant's portfolio code" in page
    assert "it cannot change anything" in page


async def test_the_page_speaks_korean_when_the_browser_prefers_it(raw: RawClient) -> None:
    page = await _consent_page(raw, "profile", **{"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
    assert '<html lang="ko">' in page
    assert "지원자의 이력서" in page
    assert "API 키로 로그인하세요" in page


async def test_a_wrong_key_shows_the_form_again_with_401_and_no_code(raw: RawClient) -> None:
    form = hidden_fields(await _consent_page(raw))
    reply = await raw.http.post(
        "/oauth/consent", data={**form, "api_key": "aa_wrong 🙂 키", "decision": "allow"}
    )
    assert reply.status_code == 401
    assert "location" not in reply.headers
    assert "not valid or has been revoked" in reply.text


async def test_deny_sends_the_person_back_with_access_denied(raw: RawClient, api: Api) -> None:
    form = hidden_fields(await _consent_page(raw))
    reply = await raw.http.post(
        "/oauth/consent", data={**form, "api_key": await api.new_key(), "decision": "deny"}
    )
    assert reply.status_code == 302
    assert reply.headers["location"].startswith(REDIRECT_URI)
    back = query_of(reply.headers["location"])
    assert back["error"] == "access_denied"
    assert back["state"] == "s-1"
    assert "code" not in back


async def test_a_tampered_redirect_uri_is_shown_as_an_error_not_followed(raw: RawClient) -> None:
    form = hidden_fields(await _consent_page(raw))
    form["redirect_uri"] = "https://evil.example/steal"
    reply = await raw.http.post("/oauth/consent", data={**form, "decision": "deny"})
    assert reply.status_code == 400
    assert "location" not in reply.headers
    assert "not one this client registered" in reply.text


async def test_allow_with_a_key_sends_back_a_code_the_state_and_the_issuer(
    raw: RawClient, api: Api
) -> None:
    form = hidden_fields(await _consent_page(raw))
    reply = await raw.http.post(
        "/oauth/consent", data={**form, "api_key": await api.new_key(), "decision": "allow"}
    )
    back = query_of(reply.headers["location"])
    assert back["code"].startswith("aac_")
    assert back["state"] == "s-1"
    assert back["iss"] == api.url


async def test_an_overlong_scope_is_shown_as_an_error_not_stored(raw: RawClient) -> None:
    form = hidden_fields(await _consent_page(raw))
    form["scope"] = "read " * 100
    reply = await raw.http.post("/oauth/consent", data={**form, "decision": "allow"})
    assert reply.status_code == 400
    assert "too long" in reply.text
