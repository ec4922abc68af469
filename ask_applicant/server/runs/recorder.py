"""`RunRecorder`: numbers a run's events, stores them in batches, then shows them live."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.runs import (
    NewEvent,
    RunEnding,
    RunTakenOverError,
    append_events,
    finish_run,
)
from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.record import RunEventRecord

logger = logging.getLogger(__name__)

FLUSH_INTERVAL_SECONDS = 0.02
FLUSH_BATCH_SIZE = 32
FINISH_ATTEMPTS = 3
FINISH_RETRY_SECONDS = 0.1


class RunRecorder:
    """The writer of one run's stream.

    Each event gets the next seq and is stored in a batch (every `flush_interval`
    seconds or `batch_size` events); only then does it reach the live channel, so no
    listener ever holds an event the database lacks, and a client resuming after a
    crash finds every id it saw. The terminal event is stored together with the run's
    final state.

    Args:
        engine: The process's engine.
        channel: The run's live channel (its first event is already stored).
        flush_interval: Longest time an event waits before it is stored.
        batch_size: Number of waiting events that triggers a write at once.
    """

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        channel: RunChannel,
        flush_interval: float = FLUSH_INTERVAL_SECONDS,
        batch_size: int = FLUSH_BATCH_SIZE,
    ) -> None:
        self.run_id = channel.run_id
        self._engine = engine
        self._channel = channel
        self._flush_interval = flush_interval
        self._batch_size = batch_size
        self._stored_seq = channel.last_seq
        self._emitted_seq = channel.last_seq
        self._pending: list[RunEventRecord] = []
        self._lock = asyncio.Lock()
        self._timer: asyncio.Task[None] | None = None
        self._failure: BaseException | None = None
        self._sleeping = False
        self._closing = False
        self._failed_flushes = 0

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
        """Store every waiting event now, then publish them."""
        async with self._lock:
            if not self._pending:
                return
            batch = list(self._pending)
            async with open_db(self._engine) as db:
                await append_events(
                    db,
                    run_id=self.run_id,
                    events=[NewEvent(r.seq, r.event, r.data) for r in batch],
                    expected_last_seq=self._stored_seq,
                )
            # Kept until stored: a failed write leaves them for the terminal transaction.
            del self._pending[: len(batch)]
            self._stored_seq = batch[-1].seq
            for record in batch:
                self._channel.publish(record)
            self._channel.mark_stored(self._stored_seq)

    async def finish(self, ending: RunEnding, event: str, data: dict[str, Any]) -> RunEventRecord:
        """Store the waiting events, the terminal event and the run's final state at once.

        The terminal event reaches live listeners only after it is stored, so whoever
        sees it can read the finished run. Retries a failing database a few times.

        Raises:
            RunTakenOverError: The run was ended elsewhere; nothing was written.
            Exception: The database kept failing; the sweeper will end the run.
        """
        await self._stop_timer()
        terminal = RunEventRecord(self._emitted_seq + 1, event, data, self.run_id)
        for attempt in range(1, FINISH_ATTEMPTS + 1):
            try:
                stored = await self._store_terminal(ending, terminal)
                break
            except RunTakenOverError:
                raise
            except Exception:
                if attempt == FINISH_ATTEMPTS:
                    raise
                logger.warning("storing the end of run %s failed; retrying", self.run_id)
                await asyncio.sleep(FINISH_RETRY_SECONDS * attempt)
        self._emitted_seq = terminal.seq
        for record in stored:
            self._channel.publish(record)
        self._channel.mark_stored(terminal.seq)
        return terminal

    async def aclose(self) -> None:
        """Stop the background writer (waiting events stay unwritten)."""
        await self._stop_timer()

    async def _store_terminal(
        self, ending: RunEnding, terminal: RunEventRecord
    ) -> list[RunEventRecord]:
        async with self._lock:
            batch = [*self._pending, terminal]
            async with open_db(self._engine) as db:
                await finish_run(
                    db,
                    run_id=self.run_id,
                    ending=ending,
                    events=[NewEvent(r.seq, r.event, r.data) for r in batch],
                    expected_last_seq=self._stored_seq,
                )
            self._pending.clear()
            self._stored_seq = terminal.seq
            return batch

    async def _flush_later(self) -> None:
        # Loops until nothing waits: events emitted during a write go with the next one.
        try:
            while self._pending and self._failure is None and not self._closing:
                self._sleeping = True
                await asyncio.sleep(self._flush_interval)
                self._sleeping = False
                try:
                    await self.flush()
                    self._failed_flushes = 0
                except RunTakenOverError as exc:
                    self._failure = exc
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
