"""Reading Server-Sent Events from an httpx streaming response, as a browser would."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class Frame:
    """One SSE frame: an event, or a frame carrying only comments / a retry hint."""

    event: str | None = None
    id: str | None = None
    data: Any = None
    retry: int | None = None
    comments: list[str] = field(default_factory=list)

    @property
    def seq(self) -> int:
        assert self.id is not None
        return int(self.id.rpartition(":")[2])


async def frames(response: httpx.Response) -> AsyncIterator[Frame]:
    """The frames of `response`, in order, until the server closes the stream."""
    frame = Frame()
    data_lines: list[str] = []
    async for line in response.aiter_lines():
        if line == "":
            if data_lines:
                frame.data = json.loads("\n".join(data_lines))
            if frame.event or frame.comments or frame.retry is not None or data_lines:
                yield frame
            frame, data_lines = Frame(), []
        elif line.startswith(":"):
            frame.comments.append(line[1:].strip())
        else:
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "event":
                frame.event = value
            elif name == "data":
                data_lines.append(value)
            elif name == "id":
                frame.id = value
            elif name == "retry":
                frame.retry = int(value)


async def events(response: httpx.Response, *, limit: int | None = None) -> list[Frame]:
    """The event frames (not comments) of `response`, stopping after `limit` of them."""
    found: list[Frame] = []
    async for frame in frames(response):
        if frame.event is None:
            continue
        found.append(frame)
        if limit is not None and len(found) >= limit:
            break
    return found


def answer_text(found: list[Frame]) -> str:
    """The answer spelled by the `message.delta` events."""
    return "".join(f.data["delta"] for f in found if f.event == "message.delta")


class EventReader:
    """Reads one response's event frames a few at a time (comments are skipped)."""

    def __init__(self, response: httpx.Response) -> None:
        self._frames = frames(response)

    async def until(self, event: str) -> list[Frame]:
        """The event frames up to and including the first `event`."""
        found: list[Frame] = []
        async for frame in self._frames:
            if frame.event is None:
                continue
            found.append(frame)
            if frame.event == event:
                return found
        raise AssertionError(f"the stream ended before {event}")

    async def rest(self) -> list[Frame]:
        """The remaining event frames, until the server closes the stream."""
        return [frame async for frame in self._frames if frame.event is not None]
