"""A run's events as Server-Sent Events, with resume points and keep-alives.

Every event is framed as

    event: message.delta
    data: {"delta":"..."}
    id: r_abc:7

where the id is `{run_id}:{seq}`; a client that reconnects sends it back as
`Last-Event-ID` and receives exactly the events after it. The stream opens with a
`retry:` hint and sends a comment line whenever it has been silent for the keep-alive
interval, so proxies keep idle connections open.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi.sse import ServerSentEvent

from ask_applicant.server.problems import Problem, json_text
from ask_applicant.server.runs import RunEventRecord, RunManager
from ask_applicant.server.services import StreamOptions

MAX_EVENT_ID_CHARS = 100
_BUFFERED_EVENTS = 256


def event_frame(record: RunEventRecord) -> ServerSentEvent:
    """One stored event as an SSE frame."""
    return ServerSentEvent(
        id=f"{record.run_id}:{record.seq}",
        event=record.event,
        raw_data=json_text(record.data),
    )


def resume_point(run_id: str, last_event_id: str | None, after: int | None) -> int:
    """The seq after which a stream resumes: `Last-Event-ID` wins over `?after=`.

    Raises:
        Problem: 422 when `Last-Event-ID` is not `{run_id}:{seq}` of this run.
    """
    if last_event_id is None or not last_event_id.strip():
        return after or 0
    value = last_event_id.strip()
    owner, sep, seq = value.rpartition(":")
    if (
        len(value) > MAX_EVENT_ID_CHARS
        or not sep
        or owner != run_id
        or not seq.isascii()
        or not seq.isdigit()
        or len(seq) > 9
    ):
        raise Problem(
            422,
            "Last-Event-ID must be an event id of this run, `{run_id}:{seq}`.",
            kind="invalid-last-event-id",
        )
    return int(seq)


async def sse_events(
    runs: RunManager, run_id: str, *, after: int, options: StreamOptions
) -> AsyncIterator[ServerSentEvent]:
    """The run's events after `after`, live until its terminal event, with keep-alives.

    The events are read by a helper task so that a keep-alive never interrupts the
    read itself; the task ends with the stream, also when the client goes away (the
    run does not: it belongs to the server).
    """
    queue: asyncio.Queue[RunEventRecord | BaseException | None] = asyncio.Queue(_BUFFERED_EVENTS)

    async def pump() -> None:
        try:
            async for record in runs.events(run_id, after=after):
                await queue.put(record)
        except Exception as error:
            await queue.put(error)
            return
        await queue.put(None)

    reader = asyncio.create_task(pump(), name=f"sse-{run_id}")
    try:
        yield ServerSentEvent(comment=f"events of run {run_id}", retry=options.retry_ms)
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=options.keepalive_seconds)
            except TimeoutError:
                yield ServerSentEvent(comment="keep-alive")
                continue
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield event_frame(item)
            if item.terminal:
                return
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
