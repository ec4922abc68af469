"""How a client finds the authorization server: the 401, then the two metadata documents."""

from __future__ import annotations

import pytest

from ..conftest import Api, StartApi
from ..held_model import HeldModel
from ..test_mcp_mounts import INITIALIZE, MCP_HEADERS


@pytest.fixture
async def api(start_api_on_sqlite: StartApi) -> Api:
    return await start_api_on_sqlite(model=HeldModel())


@pytest.mark.parametrize("mount", ["profile", "portfolio"])
async def test_a_401_from_a_mount_names_its_protected_resource_metadata(
    api: Api, mount: str
) -> None:
    async with api.client() as http:
        missing = await http.post(f"/mcp/{mount}", json=INITIALIZE, headers=MCP_HEADERS)
    async with api.client("aa_not-a-real-key") as http:
        wrong = await http.post(f"/mcp/{mount}", json=INITIALIZE, headers=MCP_HEADERS)
    expected = f'resource_metadata="{api.url}/.well-known/oauth-protected-resource/mcp/{mount}"'
    for reply in (missing, wrong):
        assert reply.status_code == 401
        assert reply.headers["www-authenticate"].startswith("Bearer ")
        assert expected in reply.headers["www-authenticate"]


@pytest.mark.parametrize("mount", ["profile", "portfolio"])
async def test_each_mount_publishes_protected_resource_metadata(api: Api, mount: str) -> None:
    async with api.client() as http:
        reply = await http.get(f"/.well-known/oauth-protected-resource/mcp/{mount}")
    assert reply.status_code == 200
    body = reply.json()
    assert body["resource"] == f"{api.url}/mcp/{mount}"
    assert body["authorization_servers"] == [api.url]


async def test_the_authorization_server_metadata_lists_its_endpoints_and_s256_only(
    api: Api,
) -> None:
    async with api.client() as http:
        reply = await http.get("/.well-known/oauth-authorization-server")
    body = reply.json()
    assert reply.status_code == 200
    assert body["issuer"] == api.url
    assert body["authorization_endpoint"] == f"{api.url}/oauth/authorize"
    assert body["token_endpoint"] == f"{api.url}/oauth/token"
    assert body["registration_endpoint"] == f"{api.url}/oauth/register"
    assert body["revocation_endpoint"] == f"{api.url}/oauth/revoke"
    assert body["code_challenge_methods_supported"] == ["S256"]
    assert set(body["grant_types_supported"]) == {"authorization_code", "refresh_token"}


async def test_metadata_for_a_foreign_host_is_refused_with_421(api: Api) -> None:
    async with api.client(Host="evil.example") as http:
        reply = await http.get("/.well-known/oauth-authorization-server")
    assert reply.status_code == 421


async def test_with_a_public_url_the_metadata_names_it_whatever_the_host(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(model=HeldModel(), public_url="https://applicant.example.com/")
    async with api.client() as http:
        server = (await http.get("/.well-known/oauth-authorization-server")).json()
        resource = (await http.get("/.well-known/oauth-protected-resource/mcp/profile")).json()
    assert server["issuer"] == "https://applicant.example.com"
    assert resource["resource"] == "https://applicant.example.com/mcp/profile"
