"""Our event vocabulary for one turn, and the gate that keeps private values off the wire.

A turn emits, in order of occurrence (see `ask_applicant.agents.turn`):

- `agent.updated` `{agent}`: an agent (by key) starts working.
- `handoff` `{from, to}`: the conversation moves between agents (keys).
- `tool.called` `{call_id, tool, arguments, agent}`: `arguments` is the parsed JSON object
  (the raw string when it is not JSON).
- `tool.output` `{call_id, tool, output}`: `output` capped at `MAX_TOOL_OUTPUT_CHARS`.
- `message.delta` `{delta}`: text of the answer as it is written.
- `message.completed` `{text, agent}`: one whole message; its text is authoritative.
- `guardrail.tripped` `{guardrail, message}`: the turn was refused; `message` is the
  refusal, which follows as `message.delta` and `message.completed`. Text streamed
  before this event belongs to a withdrawn answer and should be replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ask_applicant.agents.disclosure import DisclosureScanner

EventType = Literal[
    "agent.updated",
    "handoff",
    "tool.called",
    "tool.output",
    "message.delta",
    "message.completed",
    "guardrail.tripped",
]

MAX_TOOL_OUTPUT_CHARS = 4000
_TRUNCATED = "… [truncated]"


@dataclass(frozen=True)
class TurnEvent:
    """One event of a turn.

    Attributes:
        type: One of the event types above.
        data: The event's JSON-serialisable payload.
    """

    type: EventType
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """`{"type": ..., **data}`, for logs and line-delimited output."""
        return {"type": self.type, **self.data}


def cap(text: str, limit: int = MAX_TOOL_OUTPUT_CHARS) -> str:
    """`text`, shortened to at most `limit` characters with a visible marker."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(_TRUNCATED))] + _TRUNCATED


# How far a scan may reach back past the window to start at a word's beginning.
_WORD_SLACK = 32


def _word_start(text: str, index: int) -> int:
    """`index`, moved back to the start of the word or number it cuts (within a bound).

    A scan that began mid-number could read "x19910417" as a date it is not.
    """
    floor = max(0, index - _WORD_SLACK)
    while index > floor and text[index - 1].isalnum():
        index -= 1
    return index


@dataclass
class _Message:
    text: str = ""
    released: int = 0
    leaked: bool = False


@dataclass
class DeltaGate:
    """Holds back the tail of a streaming message until it is known not to disclose.

    A private value can arrive split over several deltas, so text that could be the start
    of one (a run of digits, the beginning of the address) stays unreleased until more
    text (or the end of the message) shows that no private value is being written; other
    text streams on at once. `window` bounds how far back a value may have started. Once a
    message discloses one, none of its later text is released; the output guardrail then
    replaces the answer with a refusal.

    Args:
        scanner: Finds private values in text.
        window: How far back a private value still being written may start (0: no gate).
    """

    scanner: DisclosureScanner
    window: int
    _messages: dict[str, _Message] = field(default_factory=dict)

    def push(self, item_id: str, delta: str) -> str:
        """Add a delta of message `item_id`; return the text that may be released now."""
        message = self._messages.setdefault(item_id, _Message())
        # Only a value ending in the new text can be new, and one that ends there starts
        # at most `window` characters back: scanning the whole message on every delta
        # would make a long answer quadratic.
        start = _word_start(message.text, max(0, len(message.text) - self.window))
        message.text += delta
        if message.leaked or self.scanner.find(message.text[start:]) is not None:
            message.leaked = True
            return ""
        # Release up to where a private value could be starting; ordinary text streams on.
        since = max(0, len(message.text) - self.window)
        safe_end = max(message.released, self.scanner.unsafe_start(message.text, since=since))
        released = message.text[message.released : safe_end]
        message.released = safe_end
        return released

    def finish(self, item_id: str, text: str) -> str | None:
        """Close message `item_id` whose whole text is `text`.

        Returns:
            The not yet released rest of the message, or None when the message discloses a
            private value and must not be shown at all.
        """
        message = self._messages.pop(item_id, _Message())
        if message.leaked or self.scanner.find(text) is not None:
            return None
        # The final text is authoritative; deltas normally spell exactly the same.
        already = message.text[: message.released]
        return text[len(already) :] if text.startswith(already) else ""
