"""`RunChannel`: the live, in-memory tail of one run's stream, shared by its listeners.

The run appends each event as it happens; listeners keep their own cursor (the last seq
they saw) and read what follows it. Nobody waits on a slow listener: the channel keeps
every event not yet stored plus a bounded window of stored ones, and a listener whose
cursor falls out of that window reads the gap from the database instead.
"""

from __future__ import annotations

import asyncio

from ask_applicant.server.runs.record import RunEventRecord

STORED_EVENTS_KEPT = 512


class RunChannel:
    """The live tail of one run owned by this process.

    Args:
        first: The run's first event (`run.created`, already stored).
        keep_stored: How many stored events to keep for listeners catching up.
    """

    def __init__(self, first: RunEventRecord, *, keep_stored: int = STORED_EVENTS_KEPT) -> None:
        self.run_id = first.run_id
        self._events: list[RunEventRecord] = [first]
        self._stored_seq = first.seq
        self._keep_stored = keep_stored
        self._changed = asyncio.Event()
        self.closed = False

    @property
    def last_seq(self) -> int:
        """The seq of the newest event published."""
        return self._events[-1].seq if self._events else self._stored_seq

    def publish(self, record: RunEventRecord) -> None:
        """Append the run's next event and wake every listener."""
        if record.seq != self.last_seq + 1:
            raise ValueError(f"event {record.seq} does not follow {self.last_seq}")
        self._events.append(record)
        self._wake()

    def mark_stored(self, seq: int) -> None:
        """Note that events up to `seq` are in the database; old ones may be forgotten."""
        self._stored_seq = max(self._stored_seq, seq)
        stored = sum(1 for event in self._events if event.seq <= self._stored_seq)
        drop = stored - self._keep_stored
        if drop > 0:
            del self._events[:drop]

    def since(self, cursor: int) -> list[RunEventRecord] | None:
        """The events after `cursor`, or None when some of them are only in the database."""
        if not self._events:
            return [] if cursor >= self._stored_seq else None
        first = self._events[0].seq
        if cursor + 1 < first:
            return None
        return self._events[cursor + 1 - first :]

    async def wait(self) -> None:
        """Return once an event is published or the channel closes (at once if closed)."""
        if self.closed:
            return
        await self._changed.wait()

    def close(self) -> None:
        """The run is over here (finished, or taken over elsewhere): wake every listener."""
        self.closed = True
        self._wake()

    def _wake(self) -> None:
        # One event per generation: set the old one for those waiting, start a new one.
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()
