"""Replay-and-follow: a run's events after a cursor, then live ones until the terminal.

Events come from wherever they are: the live channel when this process runs the run
and still holds them, the database otherwise (a run of another worker, a finished run,
or a listener that fell behind the channel's window). Both hold a contiguous run of seqs
after any cursor they answer for, and the cursor only moves forward, so no event is
sent twice and none is skipped.

With Redis, another worker's run is waited on with a blocking read of its Redis stream
instead of polling the database; what comes from there is taken only while it follows
the cursor without a gap, and anything else sends the listener back to the database.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.runs import TERMINAL_STATUSES, get_run, list_events
from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.record import RunEventRecord

if TYPE_CHECKING:
    from ask_applicant.server.scale_out import RunStreams

POLL_INTERVAL_SECONDS = 0.2


async def follow_run(
    *,
    engine: AsyncEngine,
    run_id: str,
    after: int,
    channel_of: Callable[[str], RunChannel | None],
    poll_interval: float = POLL_INTERVAL_SECONDS,
    streams: RunStreams | None = None,
) -> AsyncIterator[RunEventRecord]:
    """Yield the run's events with `seq > after`, ending after its terminal event.

    Args:
        engine: The process's engine.
        run_id: The run (known to exist).
        after: The last seq the listener has (0 for everything).
        channel_of: This process's live channel of a run, if it runs it.
        poll_interval: How often to look for new events of a run another process runs
            (without Redis, or while it is away).
        streams: Redis streams of stored events, waited on instead of polling.
    """
    cursor = max(after, 0)
    while True:
        channel = channel_of(run_id)
        if channel is not None:
            live = channel.since(cursor)
            if live is not None:
                if live:
                    for record in live:
                        yield record
                        cursor = record.seq
                        if record.terminal:
                            return
                    continue
                if not channel.closed:
                    await channel.wait()
                    continue
        async with open_db(engine, read_only=True) as db:
            # One transaction: a run read as finished has its terminal event stored.
            run = await get_run(db, run_id=run_id)
            rows = await list_events(db, run_id=run_id, after=cursor)
        for row in rows:
            record = RunEventRecord(row.seq, row.event, row.data, row.run_id)
            yield record
            cursor = record.seq
            if record.terminal:
                return
        if rows:
            continue
        if run is None or run.status in TERMINAL_STATUSES:
            return
        if channel_of(run_id) is not None:
            continue
        if streams is None:
            await asyncio.sleep(poll_interval)
            continue
        # Stays on Redis while it answers with the next events; a gap, a quiet second
        # (the run may have been ended by a sweeper, which publishes nothing) or Redis
        # going away goes back to the database.
        while (published := await streams.read(run_id, after=cursor)) is not None:
            fresh = [r for r in published if r.seq > cursor]
            if not fresh or fresh[0].seq != cursor + 1:
                break
            for record in fresh:
                if record.seq != cursor + 1:
                    break
                yield record
                cursor = record.seq
                if record.terminal:
                    return
            if channel_of(run_id) is not None:
                break
        else:
            await asyncio.sleep(poll_interval)
