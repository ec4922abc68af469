"""A limit on failed authentications per client address.

A valid key's requests are limited per key (`rate_limit`); a caller guessing keys has
none, and every guess cost a database lookup. Each 401 counts against the caller's
address; an address over `AUTH_FAILURES_PER_MINUTE` is answered 429 with `Retry-After`
before its key is looked up, whatever the key. Counted in Redis when `REDIS_URL` is set
(so the limit holds across workers and replicas, as the per-key limit does), else and
while Redis is away in the process's memory. Concurrent requests may pass the check
together, so an address can overshoot by the requests it has in flight.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.requests import Request

from ask_applicant.server.problems import Problem
from ask_applicant.server.rate_limit import SlidingWindowLimiter
from ask_applicant.server.scale_out.limits import SharedLimits
from ask_applicant.server.scale_out.link import RedisUnavailableError

UNKNOWN_ADDRESS = "unknown"
WINDOW_SECONDS = 60.0


class AuthFailureLimit:
    """Refuses a client address that keeps failing to authenticate.

    Args:
        per_minute: Failed authentications an address may have in any minute.
        limiter: The process's own window (tests pass one with their own clock).
        shared: The windows kept in Redis for every worker (None without Redis).
    """

    def __init__(
        self,
        per_minute: int,
        *,
        limiter: SlidingWindowLimiter | None = None,
        shared: SharedLimits | None = None,
    ) -> None:
        self.per_minute = per_minute
        self._limiter = limiter or SlidingWindowLimiter(per_minute, window=WINDOW_SECONDS)
        self._shared = shared

    @asynccontextmanager
    async def watch(self, request: Request) -> AsyncIterator[None]:
        """Guard one authentication of `request`: the block runs the key check.

        Raises:
            Problem: 429 with `Retry-After` when the address is over its limit (the
                block does not run); the block's own 401, after counting it.
        """
        address = request.client.host if request.client else UNKNOWN_ADDRESS
        wait = await self._retry_after(address)
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
                await self._count(address)
            raise

    async def _retry_after(self, address: str) -> int | None:
        if self._shared is not None:
            try:
                return await self._shared.retry_after(
                    _key(address), limit=self.per_minute, window=WINDOW_SECONDS
                )
            except RedisUnavailableError:
                pass  # Logged by the link; this process's own count applies meanwhile.
        return self._limiter.retry_after(address)

    async def _count(self, address: str) -> None:
        if self._shared is not None:
            try:
                await self._shared.hit(_key(address), limit=self.per_minute, window=WINDOW_SECONDS)
                return
            except RedisUnavailableError:
                pass  # As above: counted in this process instead.
        self._limiter.hit(address)


def _key(address: str) -> str:
    # Apart from the per-key request counts, which are named by user id.
    return f"auth-failures:{address}"
