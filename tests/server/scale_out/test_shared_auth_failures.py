"""Failed sign-ins are counted per address in Redis, so every worker refuses a guesser."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis
from starlette.requests import Request

from ask_applicant.server.auth_failures import AuthFailureLimit
from ask_applicant.server.problems import Problem
from ask_applicant.server.scale_out import RedisLink, SharedLimits

pytestmark = pytest.mark.anyio


def _request_from(address: str) -> Request:
    return Request({"type": "http", "method": "GET", "headers": [], "client": (address, 50000)})


async def _attempt(limit: AuthFailureLimit, address: str, *, key_is_good: bool) -> int:
    """One sign-in from `address` through `limit`: 200, the block's 401, or 429."""
    try:
        async with limit.watch(_request_from(address)):
            if not key_is_good:
                raise Problem(401, "That API key is not valid.")
    except Problem as problem:
        return problem.status
    return 200


async def test_two_workers_share_one_count_of_an_address_failed_sign_ins(
    redis_client: Redis,
) -> None:
    link = RedisLink(redis_client, prefix=f"test-{uuid.uuid4().hex}:")
    # Two workers: their own in-memory windows, one Redis between them.
    first, second = (AuthFailureLimit(4, shared=SharedLimits(link)) for _ in range(2))
    guesser, neighbour = "203.0.113.7", "198.51.100.2"

    statuses = []
    for attempt in range(8):
        worker = first if attempt % 2 == 0 else second
        statuses.append(await _attempt(worker, guesser, key_is_good=False))
    good_key_from_the_guesser = await _attempt(second, guesser, key_is_good=True)
    neighbour_status = await _attempt(first, neighbour, key_is_good=True)

    # Alone, each worker would have allowed 4 failures (8 in all).
    assert statuses == [401] * 4 + [429] * 4
    assert good_key_from_the_guesser == 429
    assert neighbour_status == 200


async def test_without_redis_each_worker_counts_alone() -> None:
    first, second = AuthFailureLimit(2), AuthFailureLimit(2)
    statuses = [
        await _attempt(worker, "203.0.113.7", key_is_good=False)
        for worker in (first, second, first, second, first, second)
    ]
    assert statuses == [401, 401, 401, 401, 429, 429]
