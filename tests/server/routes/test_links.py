"""`/v1/links`: the applicant creates, lists and revokes share links; recruiters may not."""

from __future__ import annotations

import pytest

from ..conftest import StartApi
from ..held_model import HeldModel
from ..share_link_helpers import browser, open_link


async def test_the_owner_creates_lists_and_revokes_a_link_over_the_api(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel(), public_url="https://applicant.example.com")
    owner_key = await api.new_key(role="owner", name="Applicant")
    async with api.client(owner_key) as http:
        created = await http.post(
            "/v1/links", json={"name": "Acme 채용팀 🎯", "expires_in_days": 30}
        )
        assert created.status_code == 201, created.text
        link = created.json()
        assert link["url"] == f"https://applicant.example.com/r/{link['token']}"
        assert link["prefix"] == link["token"][:10] and link["status"] == "active"
        assert link["expires_at"] is not None and link["conversations"] == 0
        listed = (await http.get("/v1/links")).json()["links"]
        assert [(item["id"], item["name"]) for item in listed] == [(link["id"], "Acme 채용팀 🎯")]
        assert "token" not in listed[0] and "url" not in listed[0]
        reply, cookie = await open_link(api, link["token"])
        assert reply.status_code == 303
        assert (await http.delete(f"/v1/links/{link['id']}")).status_code == 204
        assert (await http.delete(f"/v1/links/{link['id']}")).status_code == 204
        missing = await http.delete("/v1/links/0123456789abcdef0123456789abcdef")
        assert missing.status_code == 404
        after = (await http.get("/v1/links")).json()["links"][0]
    assert after["status"] == "revoked" and after["revoked_at"] is not None
    assert after["last_used_at"] is not None
    async with browser(api, cookie) as http:
        assert (await http.get("/v1/me")).status_code == 401


async def test_recruiters_cannot_manage_links_by_key_or_cookie(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    owner_key = await api.new_key(role="owner", name="Applicant")
    async with api.client(owner_key) as http:
        link = (await http.post("/v1/links", json={"name": "Acme"})).json()
    _reply, cookie = await open_link(api, link["token"])
    recruiter_key = await api.new_key()
    for client in [api.client(recruiter_key), browser(api, cookie, Origin=api.url)]:
        async with client as http:
            for method, path, body in [
                ("POST", "/v1/links", {"name": "Mine"}),
                ("GET", "/v1/links", None),
                ("DELETE", f"/v1/links/{link['id']}", None),
            ]:
                reply = await http.request(method, path, json=body)
                assert reply.status_code == 403, (method, path)
                assert reply.headers["content-type"] == "application/problem+json"
                assert link["token"] not in reply.text


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": ""},
        {"name": "   "},
        {"name": "x" * 201},
        {"name": "Acme", "expires_in_days": 0},
        {"name": "Acme", "expires_in_days": "soon"},
        {"name": "Acme", "token": "ln_mine"},
    ],
)
async def test_a_bad_link_request_is_a_422_problem(
    start_api_on_sqlite: StartApi, body: dict
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    owner_key = await api.new_key(role="owner", name="Applicant")
    async with api.client(owner_key) as http:
        reply = await http.post("/v1/links", json=body)
        assert reply.status_code == 422, reply.text
        assert reply.headers["content-type"] == "application/problem+json"
        assert (await http.get("/v1/links")).json()["links"] == []
