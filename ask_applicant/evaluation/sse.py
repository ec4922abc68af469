"""Reading a `text/event-stream` body into events (the WHATWG rules we rely on)."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass


@dataclass(frozen=True)
class SseEvent:
    """One dispatched server-sent event.

    Attributes:
        event: The `event:` name (`message` when absent).
        data: The `data:` lines joined with newlines.
        id: The last `id:` seen on the stream so far (our ids are `run_id:seq`).
    """

    event: str
    data: str
    id: str | None


async def read_events(lines: AsyncIterable[str]) -> AsyncIterator[SseEvent]:
    """The events of a stream given as lines (without their line endings).

    Comment lines (`: keep-alive`) and `retry:` are skipped; an event is dispatched at
    a blank line, and only when it has data.
    """
    last_id: str | None = None
    name = ""
    data: list[str] = []
    async for line in lines:
        if not line:
            if data:
                yield SseEvent(event=name or "message", data="\n".join(data), id=last_id)
            name, data = "", []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            name = value
        elif field == "data":
            data.append(value)
        elif field == "id" and "\0" not in value:
            last_id = value
    # Data left without a closing blank line belongs to a cut stream: never dispatched.
