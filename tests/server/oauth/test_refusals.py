"""Every way an OAuth request can be wrong is refused with the right OAuth error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import update

from ask_applicant.persistence import OAuthToken, create_engine, open_db
from ask_applicant.persistence.columns import utcnow

from ..conftest import Api, StartApi
from ..held_model import HeldModel
from ..test_mcp_mounts import INITIALIZE, MCP_HEADERS
from .person import REDIRECT_URI, RawClient, pkce, query_of


@pytest.fixture
async def api(start_api: StartApi) -> Api:
    return await start_api(model=HeldModel())


@pytest.fixture
async def raw(api: Api) -> AsyncIterator[RawClient]:
    async with api.client() as http:
        client = RawClient(http, api.url)
        assert (await client.register()).status_code == 201
        yield client


async def _initialize(api: Api, mount: str, token: str) -> tuple[int, str]:
    async with api.client(token) as http:
        reply = await http.post(f"/mcp/{mount}", json=INITIALIZE, headers=MCP_HEADERS)
    return reply.status_code, reply.headers.get("www-authenticate", "")


@pytest.mark.parametrize(
    "uri",
    ["http://evil.example/callback", "https://app.example/cb#fragment", "javascript:alert(1)"],
)
async def test_registering_an_unsafe_redirect_uri_is_refused(api: Api, uri: str) -> None:
    async with api.client() as http:
        reply = await RawClient(http, api.url).register([uri])
    assert reply.status_code == 400
    assert reply.json()["error"] in {"invalid_redirect_uri", "invalid_client_metadata"}


async def test_an_unregistered_redirect_uri_is_refused_without_redirecting(
    raw: RawClient,
) -> None:
    _verifier, challenge = pkce()
    query = raw.authorize_query(challenge, redirect_uri="https://evil.example/steal")
    reply = await raw.http.get(query)
    assert reply.status_code == 400
    assert "location" not in reply.headers
    assert reply.json()["error"] == "invalid_request"


async def test_a_resource_other_than_the_mounts_is_refused_with_invalid_target(
    raw: RawClient,
) -> None:
    _verifier, challenge = pkce()
    reply = await raw.http.get(raw.authorize_query(challenge, resource="https://evil.example/mcp"))
    assert reply.status_code == 302
    back = query_of(reply.headers["location"])
    assert reply.headers["location"].startswith(REDIRECT_URI)
    assert back["error"] == "invalid_target"
    assert back["state"] == "s-1"


async def test_a_plain_pkce_challenge_method_is_refused(raw: RawClient) -> None:
    _verifier, challenge = pkce()
    reply = await raw.http.get(raw.authorize_query(challenge, code_challenge_method="plain"))
    assert reply.status_code == 302
    assert query_of(reply.headers["location"])["error"] == "invalid_request"


async def test_a_wrong_pkce_verifier_gets_invalid_grant(api: Api, raw: RawClient) -> None:
    _verifier, challenge = pkce()
    code = await raw.code(await api.new_key(), challenge)
    other_verifier, _challenge = pkce()
    reply = await raw.exchange(code, other_verifier)
    assert reply.status_code == 400
    assert reply.json()["error"] == "invalid_grant"


async def test_a_replayed_code_gets_invalid_grant_and_ends_the_tokens_it_gave(
    api: Api, raw: RawClient
) -> None:
    verifier, challenge = pkce()
    code = await raw.code(await api.new_key(), challenge)
    first = await raw.exchange(code, verifier)
    assert first.status_code == 200, first.text
    token = first.json()["access_token"]
    assert (await _initialize(api, "profile", token))[0] == 200
    replayed = await raw.exchange(code, verifier)
    assert replayed.status_code == 400
    assert replayed.json()["error"] == "invalid_grant"
    assert (await _initialize(api, "profile", token))[0] == 401


async def test_an_expired_access_token_is_refused_with_invalid_token(
    api: Api, raw: RawClient
) -> None:
    token = (await raw.tokens(await api.new_key()))["access_token"]
    engine = create_engine(api.database_url)
    try:
        async with open_db(engine) as db:
            past = utcnow() - timedelta(seconds=1)
            await db.exec(update(OAuthToken).values(expires_at=past))
            await db.commit()
    finally:
        await engine.dispose()
    status, challenge = await _initialize(api, "profile", token)
    assert status == 401
    assert 'error="invalid_token"' in challenge
    assert f'resource_metadata="{api.url}/.well-known/oauth-protected-resource/mcp/profile"' in (
        challenge
    )


async def test_a_revoked_token_is_refused_and_its_refresh_token_ends_with_it(
    api: Api, raw: RawClient
) -> None:
    tokens = await raw.tokens(await api.new_key())
    revoked = await raw.http.post(
        "/oauth/revoke",
        # The SDK's revocation handler wants the field present, even empty, for a public client.
        data={"token": tokens["access_token"], "client_id": raw.client_id, "client_secret": ""},
    )
    assert revoked.status_code == 200
    assert (await _initialize(api, "profile", tokens["access_token"]))[0] == 401
    refresh = await raw.http.post(
        "/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": raw.client_id,
        },
    )
    assert refresh.status_code == 400
    assert refresh.json()["error"] == "invalid_grant"


async def test_revoking_the_api_key_ends_the_tokens_it_approved(api: Api, raw: RawClient) -> None:
    user, key = await api.new_user()
    tokens = await raw.tokens(key)
    await api.revoke(user.id)
    status, challenge = await _initialize(api, "profile", tokens["access_token"])
    assert status == 401
    assert 'error="invalid_token"' in challenge


async def test_a_token_for_the_other_mount_is_refused_with_invalid_token(
    api: Api, raw: RawClient
) -> None:
    token = (await raw.tokens(await api.new_key(), mount="profile"))["access_token"]
    status, challenge = await _initialize(api, "portfolio", token)
    assert status == 401
    assert 'error="invalid_token"' in challenge
    assert "oauth-protected-resource/mcp/portfolio" in challenge
    assert (await _initialize(api, "profile", token))[0] == 200


async def test_a_refresh_gives_new_tokens_and_the_old_refresh_token_is_spent(
    api: Api, raw: RawClient
) -> None:
    tokens = await raw.tokens(await api.new_key())
    data = {
        "grant_type": "refresh_token",
        "refresh_token": tokens["refresh_token"],
        "client_id": raw.client_id,
    }
    fresh = await raw.http.post("/oauth/token", data=data)
    assert fresh.status_code == 200, fresh.text
    assert (await _initialize(api, "profile", fresh.json()["access_token"]))[0] == 200
    assert (await _initialize(api, "profile", tokens["access_token"]))[0] == 401
    again = await raw.http.post("/oauth/token", data=data)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


async def test_an_api_key_still_opens_both_mounts(api: Api) -> None:
    key = await api.new_key()
    assert (await _initialize(api, "profile", key))[0] == 200
    assert (await _initialize(api, "portfolio", key))[0] == 200
