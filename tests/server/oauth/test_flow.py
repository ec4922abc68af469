"""The MCP SDK's own OAuth client signs in to a mount and uses it, end to end."""

from __future__ import annotations

from html import unescape

import anyio
import httpx2
import pytest
from mcp import Client
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import OAuthClientMetadata
from pydantic import AnyUrl

from ..conftest import Api, StartApi
from ..held_model import HeldModel
from .person import REDIRECT_URI, MemoryStorage, Person

TIMEOUT = 60


@pytest.fixture
async def api(start_api: StartApi) -> Api:
    return await start_api(model=HeldModel())


def _oauth(api: Api, mount: str, person: Person, storage: MemoryStorage) -> OAuthClientProvider:
    return OAuthClientProvider(
        server_url=f"{api.url}/mcp/{mount}",
        client_metadata=OAuthClientMetadata(
            client_name="Claude (test)",
            redirect_uris=[AnyUrl(REDIRECT_URI)],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            token_endpoint_auth_method="none",
        ),
        storage=storage,
        redirect_handler=person.open,
        callback_handler=person.callback,
    )


async def test_an_mcp_client_signs_in_with_oauth_then_lists_the_tools_and_calls_one(
    api: Api,
) -> None:
    person, storage = Person(await api.new_key()), MemoryStorage()
    with anyio.fail_after(TIMEOUT):
        async with (
            httpx2.AsyncClient(auth=_oauth(api, "profile", person, storage), timeout=30) as http,
            Client(streamable_http_client(f"{api.url}/mcp/profile", http_client=http)) as client,
        ):
            names = [tool.name for tool in (await client.list_tools()).tools]
            result = await client.call_tool("get_resume_section", {"section": "basics"})
    assert "get_resume_section" in names
    assert not result.is_error
    assert storage.tokens is not None and storage.tokens.access_token.startswith("aat_")
    assert storage.tokens.refresh_token
    assert "Claude (test) asks to read the applicant's résumé" in unescape(person.pages[0])


async def test_the_same_client_signs_in_to_the_portfolio_mount_with_its_own_token(
    api: Api,
) -> None:
    person, storage = Person(await api.new_key()), MemoryStorage()
    with anyio.fail_after(TIMEOUT):
        async with (
            httpx2.AsyncClient(auth=_oauth(api, "portfolio", person, storage), timeout=30) as http,
            Client(streamable_http_client(f"{api.url}/mcp/portfolio", http_client=http)) as client,
        ):
            result = await client.call_tool("list_projects", {})
    assert not result.is_error
    assert "the applicant's portfolio code" in unescape(person.pages[0])
