"""`/v1/runs/{id}`: state, resumable stream, cancel; and a run whose server died."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import anyio
import httpx

from ..conftest import StartApi
from ..held_model import DEFAULT_ANSWER, HeldModel
from ..sse import EventReader, Frame, answer_text, events, frames

TIMEOUT = 30
QUESTION = "Where did she study?"
HERE = Path(__file__).resolve().parent.parent


async def _finished_run(http: httpx.AsyncClient) -> list[Frame]:
    async with http.stream("POST", "/v1/chat/stream", json={"message": QUESTION}) as response:
        return await events(response)


async def _replay(http: httpx.AsyncClient, run_id: str, **kwargs: object) -> httpx.Response:
    return await http.get(f"/v1/runs/{run_id}/stream", **kwargs)  # type: ignore[arg-type]


def _parse(raw: httpx.Response) -> list[tuple[str, str]]:
    lines = raw.text.splitlines()
    return [
        (line[len("event: ") :], lines[i + 2][len("id: ") :])
        for i, line in enumerate(lines)
        if line.startswith("event: ")
    ]


async def test_a_finished_run_replays_from_the_start_or_after_any_event_and_ends_with_its_terminal(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            live = await _finished_run(http)
            run_id = live[0].data["run_id"]
            everything = await _replay(http, run_id)
            after_header = await _replay(http, run_id, headers={"Last-Event-ID": live[2].id})
            after_query = await _replay(http, run_id, params={"after": live[2].seq})
            after_last = await _replay(http, run_id, headers={"Last-Event-ID": live[-1].id})
            past_end = [
                await _replay(
                    http, run_id, headers={"Last-Event-ID": f"{run_id}:{live[-1].seq + 1}"}
                ),
                await _replay(http, run_id, params={"after": 10**6}),
            ]
    assert [(f.event, f.id) for f in live] == _parse(everything)
    assert _parse(after_header) == _parse(after_query) == [(f.event, f.id) for f in live[3:]]
    # Whoever has the terminal event is told there is nothing more: 204 stops EventSource.
    assert after_last.status_code == 204 and after_last.text == ""
    # No client can hold an id past the stored events: a clear error, not an endless stream.
    for response in past_end:
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
    assert _parse(everything)[-1][0] == "run.completed"


async def test_a_run_reports_its_state_and_answer(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            live = await _finished_run(http)
            run = (await http.get(f"/v1/runs/{live[0].data['run_id']}")).json()
    assert run["status"] == "completed"
    assert run["answer"] == DEFAULT_ANSWER and run["message"] == QUESTION
    assert run["last_seq"] == live[-1].seq
    assert run["stream_url"] == f"/v1/runs/{run['id']}/stream"
    assert run["finished_at"] is not None and run["error"] is None


async def test_cancelling_twice_stops_the_run_once_and_keeps_its_partial_answer(
    start_api: StartApi,
) -> None:
    model = HeldModel(hold=True)
    api = await start_api(model=model)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            async with http.stream(
                "POST", "/v1/chat/stream", json={"message": QUESTION}
            ) as response:
                reader = EventReader(response)
                seen = await reader.until("message.delta")
                run_id = seen[0].data["run_id"]
                first = await http.post(f"/v1/runs/{run_id}/cancel")
                rest = await reader.rest()
            second = await http.post(f"/v1/runs/{run_id}/cancel")
            replay = await _replay(http, run_id)
            model.release.set()
    assert first.status_code == second.status_code == 200
    assert first.json()["status"] == "cancelled"
    assert second.json() == first.json()
    terminal = [f for f in seen + rest if f.event.startswith("run.") and f.seq > 1]
    assert [f.event for f in terminal] == ["run.cancelled"]
    partial = terminal[0].data["partial_text"]
    assert partial == answer_text(seen + rest) != ""
    assert DEFAULT_ANSWER.startswith(partial) and partial != DEFAULT_ANSWER
    assert first.json()["answer"] == partial
    assert [e for e, _ in _parse(replay)].count("run.cancelled") == 1


async def test_cancelling_a_finished_run_returns_its_final_state(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            live = await _finished_run(http)
            run_id = live[0].data["run_id"]
            cancelled = await http.post(f"/v1/runs/{run_id}/cancel")
            replay = await _replay(http, run_id)
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "completed"
    assert cancelled.json()["answer"] == DEFAULT_ANSWER
    assert [e for e, _ in _parse(replay)][-1] == "run.completed"


async def test_an_idle_stream_sends_keep_alive_comments(start_api: StartApi) -> None:
    model = HeldModel(hold=True)
    api = await start_api(model=model, keepalive_seconds=0.2)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            async with http.stream(
                "POST", "/v1/chat/stream", json={"message": QUESTION}
            ) as response:
                comments = 0
                async for frame in frames(response):
                    if frame.comments and frame.event is None and "keep-alive" in frame.comments:
                        comments += 1
                        if comments == 2:
                            break
            model.release.set()
    assert comments == 2


async def test_a_run_left_running_by_a_killed_server_is_ended_as_failed_by_the_next_one(
    start_api: StartApi, migrated_database_url: str
) -> None:
    api_first = await start_api()  # only to make a key on this database
    key = await api_first.new_key()
    env = {
        **os.environ,
        "DATABASE_URL": migrated_database_url,
        "MCP_ENABLED": "false",
        "HEARTBEAT_SECONDS": "0.2",
        "STALE_RUN_SECONDS": "30",
    }
    doomed = await anyio.to_thread.run_sync(_start_held_server, env)
    try:
        with anyio.fail_after(60):
            port_line = await anyio.to_thread.run_sync(doomed.stdout.readline)  # type: ignore[union-attr]
            doomed_url = f"http://127.0.0.1:{int(port_line)}"
            async with httpx.AsyncClient(
                base_url=doomed_url, headers={"Authorization": f"Bearer {key}"}, timeout=30
            ) as http:
                async with http.stream(
                    "POST", "/v1/chat/stream", json={"message": QUESTION}
                ) as response:
                    seen = await EventReader(response).until("message.delta")
                    doomed.send_signal(signal.SIGKILL)
                    await anyio.to_thread.run_sync(doomed.wait)
    finally:
        if doomed.poll() is None:
            doomed.kill()
            doomed.wait()
    run_id = seen[0].data["run_id"]
    # The new server ends the dead run at start-up (its process is provably gone); the
    # short heartbeat settings would let its sweeper end it too on a host it cannot judge.
    survivor = await start_api(heartbeat_seconds=0.2, stale_run_seconds=2)
    async with survivor.client(key) as http:
        with anyio.fail_after(TIMEOUT):
            # A server publishes only what it has stored, so resuming from the last id the
            # client read gets exactly the rest, closed by the terminal event the new server stored.
            rest = await events(await _open_stream(http, run_id, seen[-1].id))
            replay = await events(await _open_stream(http, run_id, f"{run_id}:0"))
            run = (await http.get(f"/v1/runs/{run_id}")).json()
    assert [f.seq for f in rest] == list(range(seen[-1].seq + 1, seen[-1].seq + 1 + len(rest)))
    assert [f.event for f in rest][-1] == "run.failed"
    assert [f.id for f in replay[len(seen) :]] == [f.id for f in rest]
    assert [f.id for f in replay[: len(seen)]] == [f.id for f in seen]
    assert replay[0].event == "run.created" and replay[-1].event == "run.failed"
    assert [f.event for f in replay].count("run.failed") == 1
    assert replay[-1].data["code"] == "internal" and "Traceback" not in replay[-1].data["message"]
    assert [f.seq for f in replay] == list(range(1, len(replay) + 1))
    assert run["status"] == "failed"
    assert run["answer"] == answer_text(replay)
    assert DEFAULT_ANSWER.startswith(answer_text(seen))


async def test_a_killed_servers_runs_have_ended_by_the_time_a_server_on_its_host_serves_again(
    start_api: StartApi, migrated_database_url: str
) -> None:
    api_first = await start_api()  # only to make a key on this database
    key = await api_first.new_key()
    # The defaults: a heartbeat every 5 s, stale after 60 s. The heartbeat sweep alone
    # would leave these runs running for a minute.
    env = {**os.environ, "DATABASE_URL": migrated_database_url, "MCP_ENABLED": "false"}
    for name in ("HEARTBEAT_SECONDS", "STALE_RUN_SECONDS"):
        env.pop(name, None)
    doomed = await anyio.to_thread.run_sync(_start_held_server, env)
    seen: list[list[Frame]] = []
    try:
        with anyio.fail_after(60):
            port_line = await anyio.to_thread.run_sync(doomed.stdout.readline)  # type: ignore[union-attr]
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{int(port_line)}",
                headers={"Authorization": f"Bearer {key}"},
                timeout=30,
            ) as http:
                for question in (QUESTION, "이직 이유가 뭔가요?"):
                    request = http.build_request(
                        "POST", "/v1/chat/stream", json={"message": question}
                    )
                    response = await http.send(request, stream=True)
                    seen.append(await EventReader(response).until("message.delta"))
                doomed.send_signal(signal.SIGKILL)
                await anyio.to_thread.run_sync(doomed.wait)
    finally:
        if doomed.poll() is None:
            doomed.kill()
            doomed.wait()
    survivor = await start_api()
    async with survivor.client(key) as http:
        with anyio.fail_after(TIMEOUT):
            # Asked as soon as the new server serves: no waiting on a heartbeat.
            run_ids = [got[0].data["run_id"] for got in seen]
            runs = [(await http.get(f"/v1/runs/{run_id}")).json() for run_id in run_ids]
            stopped = {"code": "internal", "message": "the server running this answer stopped"}
            assert [(run["status"], run["error"]) for run in runs] == [("failed", stopped)] * 2
            rests = [
                await events(await _open_stream(http, run_id, got[-1].id))
                for run_id, got in zip(run_ids, seen, strict=True)
            ]
    for run, got, rest in zip(runs, seen, rests, strict=True):
        assert run["answer"] == answer_text(got + rest)
        last = got[-1].seq
        assert [f.seq for f in rest] == list(range(last + 1, last + 1 + len(rest)))
        assert [f.event for f in rest][-1] == "run.failed"


def _start_held_server(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HERE / "held_server.py")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


async def _open_stream(http: httpx.AsyncClient, run_id: str, last_id: str) -> httpx.Response:
    request = http.build_request(
        "GET", f"/v1/runs/{run_id}/stream", headers={"Last-Event-ID": last_id}
    )
    response = await http.send(request, stream=True)
    assert response.status_code == 200
    return response
