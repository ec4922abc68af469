"""CORS_ORIGINS: listed sites' pages may call the API with credentials; others may not."""

from __future__ import annotations

from .conftest import StartApi
from .held_model import HeldModel
from .share_link_helpers import browser, new_link, open_link

LISTED = "https://portfolio.example.com"
UNLISTED = "https://evil.example"


def _preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, last-event-id",
    }


async def test_a_listed_origin_gets_its_preflight_answered_with_credentials(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel(), cors_origins=[LISTED])
    async with api.client(**_preflight(LISTED)) as http:
        reply = await http.options("/v1/chat/stream")
    assert reply.status_code == 200
    assert reply.headers["access-control-allow-origin"] == LISTED
    assert reply.headers["access-control-allow-credentials"] == "true"
    assert "POST" in reply.headers["access-control-allow-methods"]
    assert "last-event-id" in reply.headers["access-control-allow-headers"].lower()


async def test_an_unlisted_origin_gets_no_cors_grant(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel(), cors_origins=[LISTED])
    async with api.client(**_preflight(UNLISTED)) as http:
        reply = await http.options("/v1/chat/stream")
    assert reply.status_code == 400
    assert "access-control-allow-origin" not in reply.headers
    key = await api.new_key()
    async with api.client(key, Origin=UNLISTED) as http:
        simple = await http.get("/v1/sessions")
    assert "access-control-allow-origin" not in simple.headers


async def test_a_listed_sites_page_may_write_with_the_cookie(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel(), cors_origins=[LISTED])
    _link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    async with browser(api, cookie, Origin=LISTED) as http:
        reply = await http.post("/v1/chat", json={"message": "What did she build?"})
    assert reply.status_code == 200, reply.text
    assert reply.headers["access-control-allow-origin"] == LISTED
    assert reply.headers["access-control-allow-credentials"] == "true"


async def test_without_cors_origins_no_cors_headers_are_sent(start_api_on_sqlite: StartApi) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    async with api.client(**_preflight(LISTED)) as http:
        reply = await http.options("/v1/chat/stream")
    # A plain OPTIONS answer (204 with `Allow`), not a preflight grant.
    assert reply.status_code == 204 and reply.headers["allow"] == "POST, OPTIONS"
    assert "access-control-allow-origin" not in reply.headers
