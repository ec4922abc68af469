"""`/v1/sessions`: list, read, rename, delete; a recruiter's own, the applicant's all."""

from __future__ import annotations

import anyio
import httpx

from ..conftest import StartApi
from ..held_model import DEFAULT_ANSWER, HeldModel
from ..sse import EventReader

TIMEOUT = 30


async def _ask(http: httpx.AsyncClient, message: str, session_id: str | None = None) -> dict:
    reply = await http.post("/v1/chat", json={"message": message, "session_id": session_id})
    assert reply.status_code == 200, reply.text
    return reply.json()


async def test_a_conversation_lists_its_messages_in_order_with_role_agent_and_status(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            first = await _ask(http, "Where did she study?")
            await _ask(http, "그리고 전공은요? 🎓", first["session_id"])
            detail = (await http.get(f"/v1/sessions/{first['session_id']}")).json()
    messages = detail["messages"]
    assert [(m["role"], m["text"]) for m in messages] == [
        ("user", "Where did she study?"),
        ("assistant", DEFAULT_ANSWER),
        ("user", "그리고 전공은요? 🎓"),
        ("assistant", DEFAULT_ANSWER),
    ]
    assert all(m["status"] == "completed" and m["agent"] for m in messages[1::2])
    assert all(m["created_at"] for m in messages)
    assert detail["title"] and detail["active_run_id"] is None


async def test_a_conversation_still_answering_shows_the_text_streamed_so_far(
    start_api: StartApi,
) -> None:
    model = HeldModel(hold=True)
    api = await start_api(model=model)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            async with http.stream(
                "POST", "/v1/chat/stream", json={"message": "Where did she study?"}
            ) as response:
                seen = await EventReader(response).until("message.delta")
                session_id = seen[0].data["session_id"]
                for _ in range(100):  # deltas are stored in batches: poll, bounded
                    detail = (await http.get(f"/v1/sessions/{session_id}")).json()
                    if detail["messages"][1]["text"]:
                        break
                    await anyio.sleep(0.05)
            model.release.set()
    answer = detail["messages"][1]
    assert answer["status"] == "running"
    assert DEFAULT_ANSWER.startswith(answer["text"]) and answer["text"]
    assert detail["active_run_id"] == seen[0].data["run_id"]


async def test_recruiters_list_only_their_own_conversations_and_the_owner_lists_all(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    alice, alice_key = await api.new_user(name="Alice")
    _bob, bob_key = await api.new_user(name="Bob")
    owner_key = await api.new_key(role="owner", name="Applicant")
    async with api.client(alice_key) as alice_http, api.client(bob_key) as bob_http:
        with anyio.fail_after(TIMEOUT):
            a = await _ask(alice_http, "Where did she study?")
            b = await _ask(bob_http, "Where does she work?")
            alice_list = (await alice_http.get("/v1/sessions")).json()
            bob_list = (await bob_http.get("/v1/sessions", params={"owner": alice.id})).json()
    async with api.client(owner_key) as owner_http:
        everyone = (await owner_http.get("/v1/sessions")).json()
        only_alice = (await owner_http.get("/v1/sessions", params={"owner": alice.id})).json()
        paged = (await owner_http.get("/v1/sessions", params={"limit": 1, "offset": 1})).json()
    assert [s["id"] for s in alice_list["sessions"]] == [a["session_id"]]
    assert [s["id"] for s in bob_list["sessions"]] == [b["session_id"]]
    assert {s["id"] for s in everyone["sessions"]} == {a["session_id"], b["session_id"]}
    assert [s["id"] for s in only_alice["sessions"]] == [a["session_id"]]
    assert len(paged["sessions"]) == 1 and paged["limit"] == 1 and paged["offset"] == 1


async def test_renaming_keeps_korean_and_emoji_and_drops_control_characters(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            chat = await _ask(http, "Where did she study?")
            renamed = await http.patch(
                f"/v1/sessions/{chat['session_id']}", json={"title": "면접 준비\x07 🎯\n2차"}
            )
            listed = (await http.get("/v1/sessions")).json()
    assert renamed.status_code == 200
    assert renamed.json()["title"] == "면접 준비 🎯 2차"
    assert listed["sessions"][0]["title"] == "면접 준비 🎯 2차"


async def test_deleting_a_conversation_removes_its_runs_too(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            chat = await _ask(http, "Where did she study?")
            deleted = await http.delete(f"/v1/sessions/{chat['session_id']}")
            again = await http.delete(f"/v1/sessions/{chat['session_id']}")
            run = await http.get(f"/v1/runs/{chat['run_id']}")
            stream = await http.get(f"/v1/runs/{chat['run_id']}/stream")
    assert deleted.status_code == 204 and deleted.content == b""
    assert again.status_code == run.status_code == stream.status_code == 404


async def test_a_conversation_still_answering_cannot_be_deleted(start_api: StartApi) -> None:
    model = HeldModel(hold=True)
    api = await start_api(model=model)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            async with http.stream(
                "POST", "/v1/chat/stream", json={"message": "Where did she study?"}
            ) as response:
                created = (await EventReader(response).until("run.created"))[0].data
                refused = await http.delete(f"/v1/sessions/{created['session_id']}")
                model.release.set()
            still_there = await http.get(f"/v1/sessions/{created['session_id']}")
    assert refused.status_code == 409
    assert refused.json()["active_run_id"] == created["run_id"]
    assert still_there.status_code == 200
