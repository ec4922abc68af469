"""Guessing keys is limited per client address, before any key is looked up."""

from __future__ import annotations

import anyio

from ask_applicant.server.rate_limit import SlidingWindowLimiter

from .conftest import StartApi
from .held_model import HeldModel

TIMEOUT = 60
GUESSES = 100


async def test_after_the_limit_bad_keys_from_one_address_get_429_with_retry_after(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    limit = api.settings.auth_failures_per_minute
    good_key = await api.new_key()
    statuses = []
    with anyio.fail_after(TIMEOUT):
        for guess in range(GUESSES):
            async with api.client(f"aa_guess{guess:04d}") as http:
                reply = await http.get("/v1/sessions")
            statuses.append(reply.status_code)
        async with api.client(f"aa_guess{GUESSES}") as http:
            mcp = await http.post("/mcp/profile", json={})
        async with api.client(good_key) as http:
            # Decided before the lookup: from this address no key is even looked at.
            good = await http.get("/v1/sessions")
    assert statuses == [401] * limit + [429] * (GUESSES - limit)
    assert reply.headers["content-type"] == "application/problem+json"
    assert 0 < int(reply.headers["retry-after"]) <= 60
    assert str(limit) in reply.json()["detail"]
    assert mcp.status_code == 429 and "retry-after" in mcp.headers
    assert good.status_code == 429


async def test_requests_with_a_good_key_do_not_count_as_failures(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel(), auth_failures_per_minute=2, rate_limit_per_minute=100)
    key = await api.new_key()
    async with api.client(key) as http, api.client("aa_wrong") as wrong:
        with anyio.fail_after(TIMEOUT):
            good = [(await http.get("/v1/sessions")).status_code for _ in range(10)]
            bad = [(await wrong.get("/v1/sessions")).status_code for _ in range(3)]
    assert good == [200] * 10
    assert bad == [401, 401, 429]


def test_asking_whether_a_hit_would_be_refused_does_not_count_one() -> None:
    limiter = SlidingWindowLimiter(2, window=60, clock=lambda: 1000.0)
    assert [limiter.retry_after("a") for _ in range(5)] == [None] * 5
    limiter.hit("a")
    limiter.hit("a")
    assert limiter.retry_after("a") == 60
    assert limiter.retry_after("b") is None
