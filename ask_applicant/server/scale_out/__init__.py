"""Optional Redis for several workers or replicas (`REDIS_URL`).

`RedisLink` is the one client and its health; `RunStreams` publishes stored run events
and reads them back live; `CancelDelivery` carries a cancel to the worker running the
run; `SharedLimits` keeps the per-key concurrency cap and request rate across workers.
Every part degrades to the database-only behaviour (with a warning) while Redis is away.
"""

from __future__ import annotations

from ask_applicant.server.scale_out.cancels import CancelDelivery
from ask_applicant.server.scale_out.limits import SharedLimits
from ask_applicant.server.scale_out.link import RedisLink, RedisUnavailableError
from ask_applicant.server.scale_out.parts import RedisParts, open_redis
from ask_applicant.server.scale_out.streams import RunStreams

__all__ = [
    "CancelDelivery",
    "RedisLink",
    "RedisParts",
    "RedisUnavailableError",
    "RunStreams",
    "SharedLimits",
    "open_redis",
]
