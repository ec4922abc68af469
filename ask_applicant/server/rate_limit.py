"""A per-key sliding-window request limit.

`SlidingWindowLimiter` is kept in the process's memory: with several workers each
enforces the limit on the requests it serves, which bounds a key at `limit x workers`
per window. `RequestLimit` counts in Redis instead when `REDIS_URL` is set, so the
limit holds across workers, and falls back to the process's own window while Redis is away.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from ask_applicant.server.scale_out.limits import SharedLimits
from ask_applicant.server.scale_out.link import RedisUnavailableError


class SlidingWindowLimiter:
    """Allows at most `limit` hits per key in any `window` seconds.

    Args:
        limit: Hits allowed per window.
        window: The window's length in seconds.
        clock: A monotonic clock (injectable for tests).
    """

    def __init__(
        self,
        limit: int,
        *,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be at least 1 and window positive")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._next_sweep = clock() + window

    def retry_after(self, key: str) -> int | None:
        """Whether a hit for `key` would be refused now, without counting one.

        Returns:
            None when it would be allowed; otherwise the whole seconds to wait.
        """
        now = self._clock()
        hits = self._hits.get(key)
        if not hits:
            return None
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(1, math.ceil(hits[0] + self.window - now))
        return None

    def hit(self, key: str) -> int | None:
        """Count one request for `key`.

        Returns:
            None when it is allowed; otherwise the whole seconds to wait before the
            next request would be (the `Retry-After` value). A refused request is
            not counted.
        """
        now = self._clock()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(1, math.ceil(hits[0] + self.window - now))
        hits.append(now)
        self._forget_idle(now)
        return None

    def _forget_idle(self, now: float) -> None:
        # Keys that went quiet would otherwise stay in memory for good; once a window
        # is often enough to look.
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.window
        cutoff = now - self.window
        idle = [key for key, hits in self._hits.items() if not hits or hits[-1] <= cutoff]
        for key in idle:
            del self._hits[key]


class RequestLimit:
    """The per-key request limit: shared through Redis when there is one, else per process.

    Args:
        local: This process's own window, used without Redis and while it is away.
        shared: The limits kept in Redis for every worker (None without Redis).
    """

    def __init__(self, local: SlidingWindowLimiter, shared: SharedLimits | None = None) -> None:
        self._local = local
        self._shared = shared
        self.limit = local.limit

    async def hit(self, key: str) -> int | None:
        """Count one request for `key`; None when allowed, else the seconds to wait."""
        if self._shared is not None:
            try:
                return await self._shared.hit(key, limit=self.limit, window=self._local.window)
            except RedisUnavailableError:
                pass  # Logged by the link; this process's own count applies meanwhile.
        return self._local.hit(key)
