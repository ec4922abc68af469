"""A run's events as Server-Sent Events, with resume points and keep-alives.

Every event is framed as

    event: message.delta
    data: {"delta":"..."}
    id: r_abc:7

where the id is `{run_id}:{seq}`; a client that reconnects sends it back as
`Last-Event-ID` and receives exactly the events after it. The stream opens with a
`retry:` hint and sends a comment line whenever it has been silent for the keep-alive
interval, so proxies keep idle connections open.

Events already waiting when the stream writes are framed and sent as one chunk (one
`send` through the middleware stack instead of one per event): a burst of deltas then
costs the server one write, and the client reads the same frames.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from fastapi.sse import ServerSentEvent, format_sse_event
from starlette.responses import StreamingResponse

from ask_applicant.server.problems import Problem, json_text
from ask_applicant.server.runs import RunEventRecord, RunManager
from ask_applicant.server.runs.delivery import event_batches
from ask_applicant.server.services import StreamOptions

MAX_EVENT_ID_CHARS = 100


class EventStreamResponse(StreamingResponse):
    """A `text/event-stream` response that proxies neither cache nor buffer.

    Args:
        content: The stream's bytes, one chunk per write.
        status_code: The status (FastAPI's OpenAPI reads its default from here).
        headers: Extra headers (such as `Location`).
    """

    media_type = "text/event-stream"

    def __init__(
        self,
        content: AsyncIterator[bytes],
        status_code: int = 200,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        extra = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **(headers or {})}
        super().__init__(content, status_code=status_code, headers=extra)


def event_bytes(record: RunEventRecord) -> bytes:
    """One stored event, framed as SSE."""
    return format_sse_event(
        data_str=json_text(record.data),
        event=record.event,
        id=f"{record.run_id}:{record.seq}",
    )


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
) -> AsyncIterator[bytes]:
    """The run's events after `after` as SSE bytes, live until its terminal event.

    Each chunk holds every event that was waiting when it was written
    (`event_batches`).
    """
    yield format_sse_event(comment=f"events of run {run_id}", retry=options.retry_ms)
    batches = event_batches(runs, run_id, after=after, keepalive_seconds=options.keepalive_seconds)
    # Closed with this stream, so that its reading task stops when the client goes away.
    async with contextlib.aclosing(batches):
        async for batch in batches:
            if not batch:
                yield format_sse_event(comment="keep-alive")
                continue
            yield b"".join(event_bytes(record) for record in batch)
