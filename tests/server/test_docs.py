"""/docs and /redoc work offline: their scripts and styles come from this server."""

from __future__ import annotations

import re

import pytest

from .conftest import StartApi

URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_the_docs_page_loads_every_asset_from_this_server(
    start_api_on_sqlite: StartApi, page: str
) -> None:
    api = await start_api_on_sqlite()
    async with api.client() as http:
        reply = await http.get(page)
        assert reply.status_code == 200
        assert URL.findall(reply.text) == []
        assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", reply.text)
        assert any(asset.endswith(".js") for asset in assets)
        for asset in assets:
            assert asset.startswith("/"), asset
            loaded = await http.get(asset)
            assert loaded.status_code == 200, asset
            assert len(loaded.content) > 100
