"""Bearer keys on every `/v1` route: 401 without a good one, 404 for others' things."""

from __future__ import annotations

import anyio
import pytest

from .conftest import Api, StartApi
from .held_model import HeldModel

TIMEOUT = 30
SECRET_QUESTION = "Confidential: what is her salary expectation at Acme?"


def _routes(session_id: str, run_id: str) -> list[tuple[str, str, dict | None]]:
    return [
        ("POST", "/v1/chat", {"message": "Hello?", "session_id": session_id}),
        ("POST", "/v1/chat/stream", {"message": "Hello?", "session_id": session_id}),
        ("GET", f"/v1/runs/{run_id}", None),
        ("GET", f"/v1/runs/{run_id}/stream", None),
        ("POST", f"/v1/runs/{run_id}/cancel", None),
        ("GET", f"/v1/sessions/{session_id}", None),
        ("PATCH", f"/v1/sessions/{session_id}", {"title": "mine now"}),
        ("DELETE", f"/v1/sessions/{session_id}", None),
    ]


async def _alices_conversation(api: Api) -> tuple[str, dict]:
    key = await api.new_key(name="Alice")
    async with api.client(key) as http:
        with anyio.fail_after(TIMEOUT):
            reply = await http.post("/v1/chat", json={"message": SECRET_QUESTION})
    assert reply.status_code == 200
    return key, reply.json()


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Basic YWxpY2U6c2VjcmV0",
        "Bearer",
        "Bearer not-a-key",
        "Bearer aa_x",
        "bearer  aa_",
    ],
)
async def test_every_v1_route_answers_401_with_a_bearer_challenge_without_a_valid_key(
    start_api: StartApi, authorization: str | None
) -> None:
    api = await start_api(model=HeldModel())
    _key, chat = await _alices_conversation(api)
    headers = {} if authorization is None else {"Authorization": authorization}
    routes = [*_routes(chat["session_id"], chat["run_id"]), ("GET", "/v1/sessions", None)]
    routes.append(("GET", "/v1/agents", None))
    async with api.client(**headers) as http:
        for method, path, body in routes:
            reply = await http.request(method, path, json=body)
            assert reply.status_code == 401, (method, path, reply.text)
            assert reply.headers["www-authenticate"].startswith("Bearer")
            assert reply.headers["content-type"] == "application/problem+json"
            assert SECRET_QUESTION not in reply.text


async def test_a_revoked_key_stops_working_at_once(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    user, key = await api.new_user()
    async with api.client(key) as http:
        assert (await http.get("/v1/sessions")).status_code == 200
        await api.revoke(user.id)
        refused = await http.get("/v1/sessions")
    assert refused.status_code == 401
    assert 'error="invalid_token"' in refused.headers["www-authenticate"]


async def test_another_recruiters_conversation_and_run_are_404_on_every_route(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    alice_key, chat = await _alices_conversation(api)
    bob_key = await api.new_key(name="Bob")
    async with api.client(bob_key) as http:
        for method, path, body in _routes(chat["session_id"], chat["run_id"]):
            reply = await http.request(method, path, json=body)
            assert reply.status_code == 404, (method, path, reply.text)
            assert reply.headers["content-type"] == "application/problem+json"
            assert SECRET_QUESTION not in reply.text
        listed = (await http.get("/v1/sessions")).json()
    assert listed["sessions"] == []
    async with api.client(alice_key) as http:
        mine = (await http.get(f"/v1/sessions/{chat['session_id']}")).json()
    assert mine["messages"][0]["text"] == SECRET_QUESTION
    assert mine["title"] != "mine now"


async def test_the_owner_sees_every_conversation_and_run(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    _alice_key, chat = await _alices_conversation(api)
    owner_key = await api.new_key(role="owner", name="Applicant")
    async with api.client(owner_key) as http:
        session = await http.get(f"/v1/sessions/{chat['session_id']}")
        run = await http.get(f"/v1/runs/{chat['run_id']}")
        stream = await http.get(f"/v1/runs/{chat['run_id']}/stream")
        # Reading is not writing: the applicant cannot post into a recruiter's conversation.
        post = await http.post(
            "/v1/chat", json={"message": "Hello?", "session_id": chat["session_id"]}
        )
    assert session.status_code == run.status_code == stream.status_code == 200
    assert session.json()["messages"][0]["text"] == SECRET_QUESTION
    assert "event: run.completed" in stream.text
    assert post.status_code == 404
