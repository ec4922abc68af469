"""Delivering a run's events to one listener: in batches, with keep-alives in between.

Every protocol (our SSE, the seed API's stream, the AI SDK stream) follows a run the
same way: a helper task reads the stored events, so that a keep-alive never
interrupts a read, and each batch holds every event that was waiting when the
listener was ready for more (a burst of deltas then costs it one write).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

from ask_applicant.server.runs.manager import RunManager
from ask_applicant.server.runs.record import RunEventRecord
from ask_applicant.server.runs.stopping import stop_task

BUFFERED_EVENTS = 256


async def event_batches(
    runs: RunManager, run_id: str, *, after: int, keepalive_seconds: float
) -> AsyncGenerator[list[RunEventRecord], None]:
    """The run's stored events after `after` in batches, up to its terminal event.

    An empty batch means `keepalive_seconds` passed in silence: the listener should
    send something that proxies keep the connection open for. The reading task ends
    with the iteration, also when the client goes away (the run does not: it belongs
    to the server).

    Raises:
        Exception: Whatever reading the run's events raised, after the events before it.
    """
    queue: asyncio.Queue[RunEventRecord | BaseException | None] = asyncio.Queue(BUFFERED_EVENTS)

    async def pump() -> None:
        try:
            async for record in runs.events(run_id, after=after):
                await queue.put(record)
        except Exception as error:
            await queue.put(error)
            return
        await queue.put(None)

    reader = asyncio.create_task(pump(), name=f"deliver-{run_id}")
    try:
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=keepalive_seconds)
            except TimeoutError:
                yield []
                continue
            batch: list[RunEventRecord] = []
            failure: BaseException | None = None
            ended = False
            while True:
                if item is None:
                    ended = True
                    break
                if isinstance(item, BaseException):
                    failure = item
                    break
                batch.append(item)
                if item.terminal or queue.empty():
                    ended = item.terminal
                    break
                item = queue.get_nowait()
            if batch:
                yield batch
            if failure is not None:
                raise failure
            if ended:
                return
    finally:
        await stop_task(reader)
