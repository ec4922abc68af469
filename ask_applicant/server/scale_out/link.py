"""`RedisLink`: the process's one Redis client, and whether Redis answers now.

Redis is an accelerator here, never the record: the database holds every event. So a
failing Redis call is logged as a warning once (not an error per request), the caller
falls back to the database path, and the next call tries Redis again, so the link
recovers by itself when Redis is back.
"""

from __future__ import annotations

import logging
import time

from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: What a Redis call may raise when Redis is away or misbehaving.
REDIS_FAILURES = (RedisError, OSError)


class RedisUnavailableError(Exception):
    """Redis is away now; the caller falls back to its process-only behaviour."""


# While Redis is away, calls are not even tried for this long after a failure: a
# connect timeout on every event write would slow the run down.
RETRY_AFTER_SECONDS = 2.0


class RedisLink:
    """One client and its health.

    Args:
        client: The asyncio client (owns its connection pool).
        prefix: Put before every key and channel name, so deployments (and tests) can
            share one Redis.
        retry_after: Seconds after a failure before Redis is tried again.
    """

    def __init__(
        self, client: Redis, *, prefix: str, retry_after: float = RETRY_AFTER_SECONDS
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.up = True
        self._retry_after = retry_after
        self._failed_at = 0.0

    def usable(self) -> bool:
        """Whether to try Redis now: it answers, or its last failure is a while ago."""
        return self.up or time.monotonic() - self._failed_at >= self._retry_after

    def key(self, *parts: str) -> str:
        """A key or channel name under the prefix."""
        return self.prefix + ":".join(parts)

    def failed(self, what: str, error: BaseException) -> None:
        """Note a failed call; warn once per outage."""
        if self.up:
            logger.warning(
                "Redis is unreachable (%s: %r); falling back to the database", what, error
            )
        self.up = False
        self._failed_at = time.monotonic()

    def answered(self) -> None:
        """Note a successful call; say so once when Redis is back."""
        if not self.up:
            logger.warning("Redis answers again; live streams and shared limits use it")
        self.up = True
