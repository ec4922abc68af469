"""Two `serve` processes sharing MariaDB and Redis: follow, cancel and cap across them."""

from __future__ import annotations

import anyio
import httpx
import pytest

from tests.server.sse import EventReader, Frame, events

from .conftest import StartPair, closed_redis_url

pytestmark = pytest.mark.anyio

QUESTION = "What did they build at their last job?"
TIMEOUT = 60.0


async def _start(http: httpx.AsyncClient, message: str = QUESTION) -> httpx.Response:
    request = http.build_request("POST", "/v1/chat/stream", json={"message": message})
    return await http.send(request, stream=True)


async def _follow(http: httpx.AsyncClient, run_id: str, after: int = 0) -> httpx.Response:
    request = http.build_request(
        "GET", f"/v1/runs/{run_id}/stream", headers={"Last-Event-ID": f"{run_id}:{after}"}
    )
    response = await http.send(request, stream=True)
    assert response.status_code == 200
    return response


def _seqs(frames: list[Frame]) -> list[int]:
    return [frame.seq for frame in frames]


async def test_a_run_started_on_one_server_is_followed_on_the_other_every_event_once_in_order(
    start_pair: StartPair,
) -> None:
    pair = await start_pair(token_delay_ms=20, answer_tokens=60)
    async with pair.client(pair.first) as owner, pair.client(pair.second) as other:
        with anyio.fail_after(TIMEOUT):
            started = await _start(owner)
            assert started.status_code == 200
            reader = EventReader(started)
            first = await reader.until("run.created")
            run_id = first[-1].data["run_id"]
            # Joined while the answer streams: the start is replayed, the rest live.
            followed = await events(await _follow(other, run_id))
            owned = first + await reader.rest()
    assert _seqs(followed) == list(range(1, len(followed) + 1))
    assert [(f.id, f.event, f.data) for f in followed] == [(f.id, f.event, f.data) for f in owned]
    assert followed[-1].event == "run.completed"
    assert sum(f.event == "message.delta" for f in followed) >= 60
    # The owner published them: the follower had a stream to block on.
    assert await pair.redis.xlen(f"{pair.prefix}run:{run_id}") == len(followed) - 1


async def test_a_cancel_sent_to_the_other_server_ends_the_run_at_once(
    start_pair: StartPair,
) -> None:
    # The model never answers within the test, and the heartbeat is a minute away: only
    # a cancel delivered to the owner can end the owner's stream in time.
    pair = await start_pair(ttft_ms=120_000, heartbeat_seconds=60, stale_run_seconds=300)
    async with pair.client(pair.first) as owner, pair.client(pair.second) as other:
        with anyio.fail_after(TIMEOUT):
            started = await _start(owner)
            reader = EventReader(started)
            run_id = (await reader.until("run.created"))[-1].data["run_id"]
            cancelled = await other.post(f"/v1/runs/{run_id}/cancel")
            rest = await reader.rest()
            followed = await events(await _follow(other, run_id))
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert rest[-1].event == "run.cancelled"
    assert [f.event for f in rest].count("run.cancelled") == 1
    assert [f.id for f in followed][-1] == rest[-1].id
    assert _seqs(followed) == list(range(1, len(followed) + 1))


async def test_the_concurrency_cap_holds_across_both_servers(start_pair: StartPair) -> None:
    pair = await start_pair(ttft_ms=120_000, max_concurrent_runs_per_key=2)
    async with pair.client(pair.first) as first, pair.client(pair.second) as second:
        statuses: list[int] = []

        async def send(http: httpx.AsyncClient, n: int) -> None:
            response = await _start(http, f"{QUESTION} ({n})")
            statuses.append(response.status_code)
            await response.aclose()

        with anyio.fail_after(TIMEOUT):
            async with anyio.create_task_group() as group:
                for n, http in enumerate((first, second, first, second)):
                    group.start_soon(send, http, n)
    assert sorted(statuses) == [200, 200, 429, 429]


async def test_without_redis_a_run_is_still_followed_on_the_other_server_by_polling(
    start_pair: StartPair,
) -> None:
    pair = await start_pair(token_delay_ms=5, redis_url=closed_redis_url())
    async with pair.client(pair.first) as owner, pair.client(pair.second) as other:
        with anyio.fail_after(TIMEOUT):
            started = await _start(owner)
            assert started.status_code == 200
            reader = EventReader(started)
            first = await reader.until("run.created")
            run_id = first[-1].data["run_id"]
            followed = await events(await _follow(other, run_id))
            owned = first + await reader.rest()
            cancelled_elsewhere = await other.post(f"/v1/runs/{run_id}/cancel")
    assert [(f.id, f.event) for f in followed] == [(f.id, f.event) for f in owned]
    assert followed[-1].event == "run.completed"
    assert cancelled_elsewhere.status_code == 200
    for server in (pair.first, pair.second):
        assert server.logged("Redis is unreachable")
        assert not server.logged("Traceback")
