"""A unit of a reply on the wire, with the pause the pacing puts before it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

# "first_token" waits the time to first token, "token" the delay between tokens.
Wait = Literal["none", "first_token", "token"]


@dataclass(frozen=True)
class Frame:
    """Bytes to send after a pacing wait."""

    data: bytes
    wait: Wait = "none"


def json_bytes(payload: Any) -> bytes:
    """Compact UTF-8 JSON, non-ASCII kept as is, as the real API sends it."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def sse(payload: Any, event: str | None = None, wait: Wait = "none") -> Frame:
    """One server-sent event; the Responses API names each event, Chat Completions does not."""
    head = f"event: {event}\n".encode() if event else b""
    return Frame(head + b"data: " + json_bytes(payload) + b"\n\n", wait)


def paced_body(data: bytes, tokens: int) -> list[Frame]:
    """A whole JSON body, held back as long as streaming its ``tokens`` would have taken."""
    waits = [Frame(b"", "first_token"), *[Frame(b"", "token")] * max(0, tokens - 1)]
    return [*waits, Frame(data)]
