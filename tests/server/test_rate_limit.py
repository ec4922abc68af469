"""The per-key sliding-window request limit."""

from __future__ import annotations

import pytest

from ask_applicant.server.rate_limit import SlidingWindowLimiter

from .conftest import StartApi
from .held_model import HeldModel


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_key_gets_limit_requests_per_window_then_a_retry_after() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(3, window=60, clock=clock)
    assert [limiter.hit("a") for _ in range(3)] == [None, None, None]
    clock.now += 20
    assert limiter.hit("a") == 40  # the first hit leaves the window 40 s from now
    assert limiter.hit("b") is None  # other keys are not affected


def test_the_window_slides_rather_than_resetting() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(2, window=10, clock=clock)
    limiter.hit("a")
    clock.now += 6
    limiter.hit("a")
    clock.now += 4.5  # the first hit has left the window, the second has not
    assert limiter.hit("a") is None
    assert limiter.hit("a") == 6  # ceil(5.5): the hit at +6 leaves the window at +16


def test_refused_requests_do_not_extend_the_wait() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(1, window=10, clock=clock)
    limiter.hit("a")
    for _ in range(5):
        assert limiter.hit("a") == 10
    clock.now += 10
    assert limiter.hit("a") is None


def test_idle_keys_are_forgotten() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(1, window=10, clock=clock)
    for key in range(100):
        limiter.hit(str(key))
    clock.now += 11
    limiter.hit("fresh")
    assert set(limiter._hits) == {"fresh"}


def test_a_nonsensical_limit_is_refused() -> None:
    with pytest.raises(ValueError):
        SlidingWindowLimiter(0)


async def test_over_the_rate_a_key_gets_429_with_retry_after_and_others_are_unaffected(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel(), rate_limit_per_minute=3)
    key, other = await api.new_key(), await api.new_key(name="Other")
    async with api.client(key) as http, api.client(other) as other_http:
        statuses = [(await http.get("/v1/sessions")).status_code for _ in range(3)]
        limited = await http.get("/v1/agents")
        spared = await other_http.get("/v1/sessions")
    assert statuses == [200, 200, 200]
    assert limited.status_code == 429
    assert 0 < int(limited.headers["retry-after"]) <= 60
    assert limited.headers["content-type"] == "application/problem+json"
    assert spared.status_code == 200
