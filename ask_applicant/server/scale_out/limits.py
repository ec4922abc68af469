"""`SharedLimits`: the per-key run cap, request rate and failed sign-ins, kept in Redis.

Both are Lua scripts, so a check and its count are one atomic step across all workers,
and both use Redis's clock, so workers' clocks need not agree. A run's slot expires on
its own after `slot_ttl` seconds, so a worker that dies holding slots does not hold
them for good.
"""

from __future__ import annotations

import uuid

from ask_applicant.server.scale_out.link import REDIS_FAILURES, RedisLink, RedisUnavailableError

# KEYS[1]: the key's slots (a sorted set of slot -> expiry); ARGV: cap, slot, ttl.
TAKE_SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3])))
return 1
"""

# KEYS[1]: the key's hits (a sorted set of hit -> time); ARGV: limit, window[, hit].
# Forgets hits older than the window; when the window is full, returns the whole seconds
# until its oldest hit leaves it.
_REFUSE_WHEN_FULL = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.ceil(tonumber(oldest[2]) + window - now))
end
"""
# Returns 0 when allowed (and counted), else the whole seconds to wait.
HIT = (
    _REFUSE_WHEN_FULL
    + """
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('EXPIRE', KEYS[1], math.ceil(window))
return 0
"""
)
# The same question, nothing counted.
PEEK = _REFUSE_WHEN_FULL + "return 0\n"


class SharedLimits:
    """Run slots and request hits per key, shared by every worker using this Redis.

    Args:
        link: The Redis client and its health.
    """

    def __init__(self, link: RedisLink) -> None:
        self._link = link
        self._take = link.client.register_script(TAKE_SLOT)
        self._hit = link.client.register_script(HIT)
        self._peek = link.client.register_script(PEEK)

    async def take_slot(self, user_id: str, cap: int, *, ttl: float) -> str | None:
        """Take one of `user_id`'s `cap` run slots.

        Returns:
            The slot's name (give it back with `give_back`); None when `cap` are taken.

        Raises:
            RedisUnavailableError: Redis is away (the caller counts in its process only).
        """
        if not self._link.usable():
            raise RedisUnavailableError
        slot = uuid.uuid4().hex
        try:
            taken = await self._take(keys=[self._link.key("slots", user_id)], args=[cap, slot, ttl])
        except REDIS_FAILURES as error:
            self._link.failed("taking a run slot", error)
            raise RedisUnavailableError from error
        self._link.answered()
        return slot if int(taken) == 1 else None

    async def give_back(self, user_id: str, slot: str) -> None:
        """Return a slot; when Redis is away it expires by itself."""
        try:
            await self._link.client.zrem(self._link.key("slots", user_id), slot)
        except REDIS_FAILURES as error:
            self._link.failed("giving back a run slot", error)

    async def hit(self, key: str, *, limit: int, window: float) -> int | None:
        """Count one request for `key` within `limit` per `window` seconds.

        Returns:
            None when allowed; the whole seconds to wait when refused (not counted).

        Raises:
            RedisUnavailableError: Redis is away (the caller counts in its process only).
        """
        if not self._link.usable():
            raise RedisUnavailableError
        try:
            wait = await self._hit(
                keys=[self._link.key("hits", key)], args=[limit, window, uuid.uuid4().hex]
            )
        except REDIS_FAILURES as error:
            self._link.failed("counting a request", error)
            raise RedisUnavailableError from error
        self._link.answered()
        return int(wait) or None

    async def retry_after(self, key: str, *, limit: int, window: float) -> int | None:
        """Whether a hit for `key` would be refused now, without counting one.

        Returns:
            None when it would be allowed; else the whole seconds to wait.

        Raises:
            RedisUnavailableError: Redis is away (the caller asks its process instead).
        """
        if not self._link.usable():
            raise RedisUnavailableError
        try:
            wait = await self._peek(keys=[self._link.key("hits", key)], args=[limit, window])
        except REDIS_FAILURES as error:
            self._link.failed("checking a limit", error)
            raise RedisUnavailableError from error
        self._link.answered()
        return int(wait) or None
