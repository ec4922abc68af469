"""`open_redis`: the Redis client and the parts built on it, for one process's lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from redis.asyncio import Redis

from ask_applicant.server.scale_out.cancels import CancelDelivery
from ask_applicant.server.scale_out.limits import SharedLimits
from ask_applicant.server.scale_out.link import REDIS_FAILURES, RedisLink
from ask_applicant.server.scale_out.streams import RunStreams

CONNECT_TIMEOUT_SECONDS = 1.0
# Above the longest XREAD BLOCK, so a blocked read is not mistaken for a dead socket.
SOCKET_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class RedisParts:
    """The Redis-backed parts of one process.

    Attributes:
        link: The client and its health.
        streams: Run events, published and read live.
        cancels: Cancels delivered to the worker running a run.
        limits: The per-key cap and request rate, shared by every worker.
    """

    link: RedisLink
    streams: RunStreams
    cancels: CancelDelivery
    limits: SharedLimits


@asynccontextmanager
async def open_redis(
    url: str,
    *,
    prefix: str,
    process: str,
    stream_maxlen: int,
    stream_ttl_seconds: int,
) -> AsyncIterator[RedisParts]:
    """Create the client and its parts; closes the client on exit.

    Redis need not answer at start-up: the parts fall back until it does.

    Args:
        url: `redis://host:port/db`.
        prefix: Key and channel prefix.
        process: This process's identity (its cancel channel is named after it).
        stream_maxlen: Events kept per run stream (approximately).
        stream_ttl_seconds: How long a run's stream outlives its last event.
    """
    client = Redis.from_url(
        url,
        socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
        socket_timeout=SOCKET_TIMEOUT_SECONDS,
        decode_responses=True,
    )
    link = RedisLink(client, prefix=prefix)
    try:
        await client.ping()
    except REDIS_FAILURES as error:
        link.failed("ping at start-up", error)
    try:
        yield RedisParts(
            link=link,
            streams=RunStreams(link, maxlen=stream_maxlen, ttl_seconds=stream_ttl_seconds),
            cancels=CancelDelivery(link, process=process),
            limits=SharedLimits(link),
        )
    finally:
        await client.aclose()
