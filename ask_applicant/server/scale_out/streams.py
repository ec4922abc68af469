"""`RunStreams`: a run's stored events, also published to a Redis stream for live readers.

One stream per run, its entry ids `<seq>-0`, so reading "after seq n" is `XREAD` from
id `n-0`, and an entry can never be published twice. Events are published only after
the database has them, so a reader that meets a gap (events published while Redis was
away, or trimmed) reads it from the database: nothing is skipped, and the reader's
cursor, which only moves forward, means nothing is sent twice.
"""

from __future__ import annotations

import json
from typing import Any, cast

from ask_applicant.server.runs.record import RunEventRecord
from ask_applicant.server.scale_out.link import REDIS_FAILURES, RedisLink

READ_BLOCK_MS = 1000


class RunStreams:
    """Publishes and reads run event streams.

    Args:
        link: The Redis client and its health.
        maxlen: Entries kept per stream (approximately; older ones are read from the database).
        ttl_seconds: How long a stream is kept after its last event.
    """

    def __init__(self, link: RedisLink, *, maxlen: int, ttl_seconds: int) -> None:
        self._link = link
        self._maxlen = maxlen
        self._ttl = ttl_seconds

    async def publish(self, records: list[RunEventRecord]) -> None:
        """Append stored events (one run's, in seq order); a Redis failure only warns."""
        if not records or not self._link.usable():
            return
        key = self._link.key("run", records[0].run_id)
        try:
            async with self._link.client.pipeline(transaction=False) as pipe:
                for record in records:
                    fields: dict[Any, Any] = {
                        "e": record.event,
                        "d": json.dumps(record.data, ensure_ascii=False),
                    }
                    pipe.xadd(
                        key, fields, id=f"{record.seq}-0", maxlen=self._maxlen, approximate=True
                    )
                pipe.expire(key, self._ttl)
                # An id already there (a repeated publish) is refused by Redis; that is fine.
                await pipe.execute(raise_on_error=False)
        except REDIS_FAILURES as error:
            self._link.failed("publishing events", error)
            return
        self._link.answered()

    async def read(
        self, run_id: str, *, after: int, block_ms: int = READ_BLOCK_MS
    ) -> list[RunEventRecord] | None:
        """The run's published events with `seq > after`, waiting up to `block_ms` for one.

        Returns:
            The events in seq order (empty after the wait); None when Redis is away.
        """
        if not self._link.usable():
            return None
        key = self._link.key("run", run_id)
        try:
            answer = await self._link.client.xread({key: f"{after}-0"}, block=block_ms, count=512)
        except REDIS_FAILURES as error:
            self._link.failed("reading events", error)
            return None
        self._link.answered()
        records = []
        # RESP2 shape: [[stream, [(entry id, {field: value}), ...]]].
        streams = cast("list[tuple[str, list[tuple[str, dict[str, str]]]]]", answer or [])
        for _stream, entries in streams:
            for entry_id, fields in entries:
                seq = int(entry_id.split("-", 1)[0])
                records.append(RunEventRecord(seq, fields["e"], json.loads(fields["d"]), run_id))
        return records
