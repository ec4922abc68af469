"""`RunRecorder`: numbers a run's events, stores them in batches, then shows them live.

While the database is unreachable the events wait in memory and their write is retried
for `outage_grace` seconds; an outage that outlasts it ends the run with
`run.failed {code: database_unavailable}`, shown to listeners at once from memory and
stored as soon as the database is back.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence import RunEvent, open_db
from ask_applicant.persistence.outage import DatabaseUnavailableError, is_unavailable, outlast
from ask_applicant.persistence.runs import (
    NewEvent,
    RunEnding,
    RunTakenOverError,
    append_events,
    finish_run,
)
from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.failures import DATABASE_UNAVAILABLE
from ask_applicant.server.runs.record import RunEventRecord

if TYPE_CHECKING:
    from ask_applicant.server.scale_out import RunStreams

logger = logging.getLogger(__name__)

# Writes start at least this far apart: an event after a quiet spell is written at once,
# one inside a burst (an answer's deltas) waits to go with its neighbours. 50 ms keeps
# text flowing to a reader while cutting a turn's write transactions about threefold.
FLUSH_INTERVAL_SECONDS = 0.05
FLUSH_BATCH_SIZE = 32
FINISH_ATTEMPTS = 3
FINISH_RETRY_SECONDS = 0.1
OUTAGE_GRACE_SECONDS = 30.0


class RunRecorder:
    """The writer of one run's stream.

    Each event gets the next seq and is stored in a batch; only then does it reach the
    live channel, so no listener ever holds an event the database lacks, and a client
    resuming after a crash finds every id it saw. The terminal event is stored together
    with the run's final state. An event that follows a quiet spell is written at once
    (in the same tick as any event emitted with it); events that come while writes are
    recent wait until `flush_interval` after the last write started, or until
    `batch_size` of them wait. The one exception is the end of a run the database
    outlasted: its `run.failed` goes to listeners first, and to the database once it is
    back.

    Args:
        engine: The process's engine.
        channel: The run's live channel (its first event is already stored).
        flush_interval: Least time between the starts of two writes (the run's first
            event counts as written when the recorder is made), so the longest an event
            waits before it is stored.
        batch_size: Number of waiting events that triggers a write at once.
        outage_grace: Seconds a write is retried while the database is unreachable.
        on_unavailable: Called once when a background write gives up on the database,
            so the run can stop at once instead of at its next event (settable later,
            as `on_unavailable`).
        streams: Redis streams that stored events are also published to, for
            listeners on other workers (None without Redis).
    """

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        channel: RunChannel,
        flush_interval: float = FLUSH_INTERVAL_SECONDS,
        batch_size: int = FLUSH_BATCH_SIZE,
        outage_grace: float = OUTAGE_GRACE_SECONDS,
        on_unavailable: Callable[[], None] | None = None,
        streams: RunStreams | None = None,
    ) -> None:
        self.run_id = channel.run_id
        self._engine = engine
        self._channel = channel
        self._flush_interval = flush_interval
        self._batch_size = batch_size
        self._outage_grace = outage_grace
        self.on_unavailable = on_unavailable
        self._streams = streams
        self._stored_seq = channel.last_seq
        self._emitted_seq = channel.last_seq
        self._pending: list[RunEventRecord] = []
        self._lock = asyncio.Lock()
        self._timer: asyncio.Task[None] | None = None
        self._failure: BaseException | None = None
        self._sleeping = False
        self._closing = False
        self._failed_flushes = 0
        self._last_write_at = time.monotonic()

    @property
    def last_seq(self) -> int:
        """The seq of the newest event emitted."""
        return self._emitted_seq

    async def emit(self, event: str, data: dict[str, Any]) -> RunEventRecord:
        """Number the run's next (non-terminal) event and schedule its storage and publication.

        Raises:
            RunTakenOverError: The run was ended elsewhere; stop running it.
            Exception: A database error from an earlier background write.
        """
        if self._failure is not None:
            raise self._failure
        record = RunEventRecord(self._emitted_seq + 1, event, data, self.run_id)
        self._emitted_seq = record.seq
        self._pending.append(record)
        if len(self._pending) >= self._batch_size:
            await self.flush()
        elif self._timer is None:
            self._timer = asyncio.create_task(self._flush_later())
        return record

    async def flush(self) -> None:
        """Store every waiting event now (through a short outage), then publish them.

        Raises:
            DatabaseUnavailableError: The database stayed unreachable past the grace.
            RunTakenOverError: The run was ended elsewhere.
        """
        async with self._lock:
            if isinstance(self._failure, DatabaseUnavailableError):
                raise self._failure
            if not self._pending:
                return
            batch = list(self._pending)
            events = [NewEvent(r.seq, r.event, r.data) for r in batch]
            expected = self._stored_seq
            self._last_write_at = time.monotonic()

            async def write(db: AsyncSession) -> None:
                await append_events(
                    db, run_id=self.run_id, events=events, expected_last_seq=expected
                )

            await self._write(write, batch[-1], what=f"events of run {self.run_id}")
            # Kept until stored: a failed write leaves them for the terminal transaction.
            del self._pending[: len(batch)]
            self._stored_seq = batch[-1].seq
            for record in batch:
                self._channel.publish(record)
            self._channel.mark_stored(self._stored_seq)
            # Under the lock: batches reach Redis in seq order.
            await self._publish_elsewhere(batch)

    async def finish(self, ending: RunEnding, event: str, data: dict[str, Any]) -> RunEventRecord:
        """Store the waiting events, the terminal event and the run's final state at once.

        The terminal event reaches live listeners only after it is stored, so whoever
        sees it can read the finished run. Retries a failing database a few times, and
        an unreachable one for the outage grace. Past it (or when an earlier write
        already gave up), the run ends instead with `run.failed` (code
        `database_unavailable`) right after the last stored event: published at once,
        then stored once the database answers again (retried until then).

        Raises:
            RunTakenOverError: The run was ended elsewhere; nothing was written.
            Exception: The database kept failing; the sweeper will end the run.
        """
        await self._stop_timer()
        if isinstance(self._failure, DatabaseUnavailableError):
            return await self._end_unstored(ending)
        terminal = RunEventRecord(self._emitted_seq + 1, event, data, self.run_id)
        for attempt in range(1, FINISH_ATTEMPTS + 1):
            try:
                stored = await self._store_terminal(ending, terminal)
                break
            except RunTakenOverError:
                raise
            except DatabaseUnavailableError:
                return await self._end_unstored(ending)
            except Exception:
                if attempt == FINISH_ATTEMPTS:
                    raise
                logger.warning("storing the end of run %s failed; retrying", self.run_id)
                await asyncio.sleep(FINISH_RETRY_SECONDS * attempt)
        self._emitted_seq = terminal.seq
        for record in stored:
            self._channel.publish(record)
        self._channel.mark_stored(terminal.seq)
        await self._publish_elsewhere(stored)
        return terminal

    async def aclose(self) -> None:
        """Stop the background writer (waiting events stay unwritten)."""
        await self._stop_timer()

    def give_up_on_database(self) -> None:
        """Treat the database as gone for this run: `finish` ends it from memory at once."""
        if self._failure is None:
            self._failure = DatabaseUnavailableError("the database stayed unreachable")

    async def _store_terminal(
        self, ending: RunEnding, terminal: RunEventRecord, *, grace: float | None = None
    ) -> list[RunEventRecord]:
        async with self._lock:
            batch = [*self._pending, terminal]
            events = [NewEvent(r.seq, r.event, r.data) for r in batch]
            expected = self._stored_seq

            async def write(db: AsyncSession) -> None:
                await finish_run(
                    db, run_id=self.run_id, ending=ending, events=events, expected_last_seq=expected
                )

            await self._write(write, terminal, what=f"the end of run {self.run_id}", grace=grace)
            self._pending.clear()
            self._stored_seq = terminal.seq
            return batch

    async def _end_unstored(self, ending: RunEnding) -> RunEventRecord:
        # The database outlasted the grace: the events it never got are dropped (no
        # listener has them), and the run's end goes to listeners before it is stored.
        self._pending.clear()
        failed = DATABASE_UNAVAILABLE.to_data()
        terminal = RunEventRecord(self._stored_seq + 1, "run.failed", failed, self.run_id)
        self._emitted_seq = terminal.seq
        self._channel.publish(terminal)
        logger.warning("run %s ended: the database stayed unreachable", self.run_id)
        stored_ending = RunEnding(
            status="failed",
            final_text=ending.final_text,
            agent=ending.agent,
            error_code=DATABASE_UNAVAILABLE.code,
            error_message=DATABASE_UNAVAILABLE.message,
        )
        # Kept trying until the database answers (or the server stops): until then
        # this process still owns the run, so no sweeper ends it another way.
        await self._store_terminal(stored_ending, terminal, grace=math.inf)
        self._channel.mark_stored(terminal.seq)
        # Other workers' listeners get it only now, from Redis or the database alike.
        await self._publish_elsewhere([terminal])
        return terminal

    async def _publish_elsewhere(self, stored: list[RunEventRecord]) -> None:
        if self._streams is not None:
            await self._streams.publish(stored)

    async def _write(
        self,
        write: Callable[[AsyncSession], Awaitable[None]],
        last: RunEventRecord,
        *,
        what: str,
        grace: float | None = None,
    ) -> None:
        """Run `write` in its own transaction, retrying an unreachable database.

        A try whose connection broke during the commit may have been stored after all;
        the next try then finds the run moved on. If the moved-on run holds exactly our
        last event, it was ours, and the write is done.
        """
        failed_before = False

        async def attempt() -> None:
            nonlocal failed_before
            try:
                async with open_db(self._engine) as db:
                    await write(db)
            except RunTakenOverError:
                if failed_before and await self._landed(last):
                    return
                raise
            except Exception as error:
                failed_before = failed_before or is_unavailable(error)
                raise

        try:
            await outlast(
                attempt,
                grace_seconds=self._outage_grace if grace is None else grace,
                what=what,
            )
        except DatabaseUnavailableError as error:
            self._failure = error
            raise
        except Exception as error:
            if not is_unavailable(error):
                raise
            # No grace at all: the first outage error gives up.
            self._failure = DatabaseUnavailableError("the database is unreachable")
            raise self._failure from error

    async def _landed(self, record: RunEventRecord) -> bool:
        async with open_db(self._engine) as db:
            stored = await db.get(RunEvent, (self.run_id, record.seq))
        return stored is not None and (stored.event, stored.data) == (record.event, record.data)

    async def _flush_later(self) -> None:
        # Loops until nothing waits: events emitted during a write go with the next one.
        try:
            while self._pending and self._failure is None and not self._closing:
                self._sleeping = True
                due = self._last_write_at + self._flush_interval - time.monotonic()
                await asyncio.sleep(max(0.0, due))
                self._sleeping = False
                try:
                    await self.flush()
                    self._failed_flushes = 0
                except RunTakenOverError as exc:
                    self._failure = exc
                except DatabaseUnavailableError:
                    # `_write` keeps it as the failure; the next emit or finish sees it.
                    if self.on_unavailable is not None:
                        self.on_unavailable()
                except Exception as exc:
                    # The events stay waiting and go with the next write; give up after a few.
                    self._failed_flushes += 1
                    logger.warning("storing events of run %s failed: %r", self.run_id, exc)
                    if self._failed_flushes >= FINISH_ATTEMPTS:
                        self._failure = exc
        finally:
            self._sleeping = False
            self._timer = None

    async def _stop_timer(self) -> None:
        self._closing = True
        timer = self._timer
        if timer is None:
            return
        if self._sleeping:
            timer.cancel()
        # A write already under way is let finish: cancelling it mid-commit would leave
        # us unsure what was stored.
        await asyncio.wait([timer])
        self._timer = None
