"""Sends that arrive at once: retried first messages and the per-key cap, on real servers."""

from __future__ import annotations

import anyio
import httpx

from ..conftest import StartApi
from ..held_model import DEFAULT_ANSWER, HeldModel
from ..sse import events

TIMEOUT = 60
QUESTION = "Where did you study?"
COPIES = 8
ROUNDS = 6


async def _send_copies(clients: list[httpx.AsyncClient], body: dict) -> list[httpx.Response]:
    replies: list[httpx.Response] = []

    async def send(http: httpx.AsyncClient) -> None:
        replies.append(await http.post("/v1/chat", json=body))

    async with anyio.create_task_group() as group:
        for copy in range(COPIES):
            group.start_soon(send, clients[copy % len(clients)])
    return replies


async def test_eight_copies_of_a_first_message_sent_at_once_start_one_run_and_one_model_call(
    start_api: StartApi,
) -> None:
    model = HeldModel()
    # Two servers on one database, as two workers: only the database can decide.
    first, second = await start_api(model=model), await start_api(model=model)
    key = await first.new_key()
    async with first.client(key) as one, second.client(key) as other:
        with anyio.fail_after(TIMEOUT):
            rounds = [
                await _send_copies(
                    [one, other], {"message": QUESTION, "client_message_id": f"first-{n}"}
                )
                for n in range(ROUNDS)
            ]
            conversations = (await one.get("/v1/sessions")).json()["sessions"]
    for replies in rounds:
        assert [reply.status_code for reply in replies] == [200] * COPIES
        answers = [reply.json() for reply in replies]
        assert len({answer["run_id"] for answer in answers}) == 1
        assert len({answer["session_id"] for answer in answers}) == 1
        assert all(a["status"] == "completed" and a["answer"] == DEFAULT_ANSWER for a in answers)
    assert model.calls == ROUNDS
    assert len(conversations) == ROUNDS


async def test_eight_copies_of_a_follow_up_sent_at_once_start_one_run_not_409_busy(
    start_api: StartApi,
) -> None:
    model = HeldModel()
    first, second = await start_api(model=model), await start_api(model=model)
    key = await first.new_key()
    async with first.client(key) as one, second.client(key) as other:
        with anyio.fail_after(TIMEOUT):
            opened = (await one.post("/v1/chat", json={"message": QUESTION})).json()
            body = {
                "message": "And your degree?",
                "session_id": opened["session_id"],
                "client_message_id": "follow-up",
            }
            replies = await _send_copies([one, other], body)
    assert [reply.status_code for reply in replies] == [200] * COPIES
    assert len({reply.json()["run_id"] for reply in replies}) == 1
    assert model.calls == 2


async def test_a_client_message_id_sent_again_with_another_message_gets_409_saying_so(
    start_api: StartApi,
) -> None:
    model = HeldModel()
    api = await start_api(model=model)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            first = (
                await http.post("/v1/chat", json={"message": QUESTION, "client_message_id": "m-1"})
            ).json()
            new_conversation = await http.post(
                "/v1/chat", json={"message": "What is your phone?", "client_message_id": "m-1"}
            )
            same_conversation = await http.post(
                "/v1/chat",
                json={
                    "message": "And your degree?",
                    "client_message_id": "m-1",
                    "session_id": first["session_id"],
                },
            )
            retried = await http.post(
                "/v1/chat", json={"message": f"  {QUESTION}\n", "client_message_id": "m-1"}
            )
    for reused in (new_conversation, same_conversation):
        assert reused.status_code == 409
        assert reused.headers["content-type"] == "application/problem+json"
        problem = reused.json()
        assert problem["type"].endswith("client-message-id-reused")
        assert "client_message_id" in problem["detail"] and "different message" in problem["detail"]
        assert problem["run_id"] == first["run_id"]
    # The same question (surrounding blanks aside) is a retry, not a different message.
    assert retried.status_code == 200 and retried.json()["run_id"] == first["run_id"]
    assert model.calls == 1


async def test_ten_sends_at_once_with_a_cap_of_four_get_four_answers_and_six_429(
    start_api: StartApi,
) -> None:
    model = HeldModel(hold=True)
    api = await start_api(model=model, max_concurrent_runs_per_key=4)
    statuses: list[int] = []
    retry_after: list[str] = []
    terminals: list[str] = []
    all_answered = anyio.Event()

    async def send(http: httpx.AsyncClient, number: int) -> None:
        body = {"message": f"Question number {number}: where did you study?"}
        async with http.stream("POST", "/v1/chat/stream", json=body) as response:
            statuses.append(response.status_code)
            if response.status_code == 429:
                retry_after.append(response.headers["retry-after"])
            if len(statuses) == 10:
                all_answered.set()
            if response.status_code == 200:
                terminals.append((await events(response))[-1].event)

    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            async with anyio.create_task_group() as group:
                for number in range(10):
                    group.start_soon(send, http, number)
                await all_answered.wait()
                # Every run is held mid-answer until all ten sends have their answer.
                model.release.set()
            after = await http.post("/v1/chat", json={"message": QUESTION})
    assert sorted(statuses) == [200] * 4 + [429] * 6
    assert all(int(seconds) > 0 for seconds in retry_after)
    assert terminals == ["run.completed"] * 4
    # Finished runs give their places back.
    assert after.status_code == 200 and after.json()["status"] == "completed"
