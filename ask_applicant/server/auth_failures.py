"""A limit on failed authentications per client address.

A valid key's requests are limited per key (`rate_limit`); a caller guessing keys has
none, and every guess cost a database lookup. Each 401 counts against the caller's
address; an address over `AUTH_FAILURES_PER_MINUTE` is answered 429 with `Retry-After`
before its key is looked up, whatever the key. Kept in the process's memory, like the
per-key limit; concurrent requests may pass the check together, so an address can
overshoot by the requests it has in flight.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from starlette.requests import Request

from ask_applicant.server.problems import Problem
from ask_applicant.server.rate_limit import SlidingWindowLimiter

UNKNOWN_ADDRESS = "unknown"


class AuthFailureLimit:
    """Refuses a client address that keeps failing to authenticate.

    Args:
        per_minute: Failed authentications an address may have in any minute.
        limiter: The sliding window to count in (tests pass one with their own clock).
    """

    def __init__(self, per_minute: int, *, limiter: SlidingWindowLimiter | None = None) -> None:
        self.per_minute = per_minute
        self._limiter = limiter or SlidingWindowLimiter(per_minute)

    @contextmanager
    def watch(self, request: Request) -> Iterator[None]:
        """Guard one authentication of `request`: the block runs the key check.

        Raises:
            Problem: 429 with `Retry-After` when the address is over its limit (the
                block does not run); the block's own 401, after counting it.
        """
        address = request.client.host if request.client else UNKNOWN_ADDRESS
        wait = self._limiter.retry_after(address)
        if wait is not None:
            raise Problem(
                429,
                f"Too many failed authentications from this address; at most "
                f"{self.per_minute} per minute.",
                kind="too-many-failed-authentications",
                headers={"Retry-After": str(wait)},
            )
        try:
            yield
        except Problem as problem:
            if problem.status == 401:
                self._limiter.hit(address)
            raise
