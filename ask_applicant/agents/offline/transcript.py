"""A reading of the model input: the latest question and what happened since.

The SDK hands a model the whole conversation as Responses input items. The offline model
decides from the current turn, which begins at the latest user message: the function
calls made after it, their outputs, and which of those calls were handoffs. The earlier
turns (each question and the tools it called) are kept too, for follow-ups that lean on
them ("And how about Kotlin?").
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ask_applicant.agents.offline.terms import count_tokens

# Follow-ups lean on the last turn or two; older ones only cost reading time.
MAX_HISTORY = 4


@dataclass(frozen=True)
class Exchange:
    """One function call of the current turn and its output, once it has one."""

    call_id: str
    name: str
    arguments: str
    output: str | None
    is_handoff: bool

    def parsed_arguments(self) -> dict[str, Any]:
        """The call's arguments as an object ({} when they are not a JSON object)."""
        try:
            parsed = json.loads(self.arguments or "{}")
        except ValueError:
            return {}
        return parsed if isinstance(parsed, dict) else {}


@dataclass(frozen=True)
class PastTurn:
    """An earlier turn of the conversation.

    Attributes:
        question: Its user message.
        calls: Its tool calls, handoffs left out, in order.
        answer: Its last assistant message ("" when there is none).
    """

    question: str
    calls: tuple[Exchange, ...]
    answer: str = ""


@dataclass(frozen=True)
class Transcript:
    """The current turn as the model sees it.

    Attributes:
        question: The text of the latest user message ("" when there is none).
        exchanges: Function calls after that message, in order.
        input_tokens: Usage tokens of every input item, for reporting.
        history: The earlier turns, oldest first (at most `MAX_HISTORY`).
    """

    question: str
    exchanges: tuple[Exchange, ...]
    input_tokens: int
    history: tuple[PastTurn, ...] = ()

    @classmethod
    def read(cls, items: str | Sequence[Any], handoff_names: Collection[str] = ()) -> Transcript:
        """Read the SDK's model input.

        Args:
            items: A plain string or Responses input items (dicts or pydantic models).
            handoff_names: Tool names known to be handoffs; a call whose output is the SDK's
                transfer message (`{"assistant": ...}`) counts as a handoff too.

        Returns:
            The transcript of the current turn.
        """
        if isinstance(items, str):
            return cls(question=items, exchanges=(), input_tokens=count_tokens(items))
        records = [_as_mapping(item) for item in items]
        tokens = sum(count_tokens(_item_text(record)) for record in records)
        starts = [
            index
            for index, record in enumerate(records)
            if record.get("role") == "user" and record.get("type", "message") == "message"
        ]
        if not starts:
            return cls(
                question="", exchanges=_exchanges(records, handoff_names), input_tokens=tokens
            )
        turns = [
            (_content_text(records[start].get("content")), records[start + 1 : end])
            for start, end in zip(starts, [*starts[1:], len(records)], strict=True)
        ]
        question, current = turns[-1]
        history = tuple(
            PastTurn(
                question=past,
                calls=tuple(e for e in _exchanges(items, handoff_names) if not e.is_handoff),
                answer=_last_answer(items),
            )
            for past, items in turns[-1 - MAX_HISTORY : -1]
        )
        return cls(
            question=question,
            exchanges=_exchanges(current, handoff_names),
            input_tokens=tokens,
            history=history,
        )

    @property
    def handoff_count(self) -> int:
        """How many handoffs already happened in this turn."""
        return sum(1 for exchange in self.exchanges if exchange.is_handoff)

    def outputs_of(self, names: Collection[str]) -> list[Exchange]:
        """Return the finished calls of the named tools in this turn, in order."""
        return [
            exchange
            for exchange in self.exchanges
            if exchange.name in names and exchange.output is not None and not exchange.is_handoff
        ]


def _exchanges(
    records: Sequence[Mapping[str, Any]], handoff_names: Collection[str]
) -> tuple[Exchange, ...]:
    """The function calls among some input items, with their outputs when present."""
    calls: dict[str, Mapping[str, Any]] = {}
    outputs: dict[str, str] = {}
    for record in records:
        kind = record.get("type")
        call_id = str(record.get("call_id") or "")
        if kind == "function_call" and call_id:
            calls[call_id] = record
        elif kind == "function_call_output" and call_id:
            outputs[call_id] = _content_text(record.get("output"))
    return tuple(
        Exchange(
            call_id=call_id,
            name=str(call.get("name") or ""),
            arguments=str(call.get("arguments") or ""),
            output=outputs.get(call_id),
            is_handoff=call.get("name") in handoff_names or _is_transfer(outputs.get(call_id)),
        )
        for call_id, call in calls.items()
    )


def _last_answer(records: Sequence[Mapping[str, Any]]) -> str:
    """The text of the last assistant message among some input items."""
    said = [
        _content_text(record.get("content"))
        for record in records
        if record.get("role") == "assistant" and record.get("type", "message") == "message"
    ]
    return said[-1] if said else ""


def _as_mapping(item: Any) -> dict[str, Any]:
    if isinstance(item, Mapping):
        return dict(item)
    dump = getattr(item, "model_dump", None)
    if callable(dump):
        dumped = dump(exclude_unset=True)
        return dumped if isinstance(dumped, dict) else {}
    return {}


def _content_text(content: Any) -> str:
    """Flatten a message content or tool output (string or list of parts) to text."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping):
        text = content.get("text")
        return text if isinstance(text, str) else ""
    if isinstance(content, Sequence):
        return "\n".join(part for part in map(_content_text, content) if part)
    return str(content)


def _item_text(record: Mapping[str, Any]) -> str:
    parts = [
        _content_text(record.get(key))
        for key in ("content", "arguments", "output", "name")
        if record.get(key) is not None
    ]
    return " ".join(parts)


def _is_transfer(output: str | None) -> bool:
    if not output or not output.lstrip().startswith("{"):
        return False
    try:
        parsed = json.loads(output)
    except ValueError:
        return False
    return isinstance(parsed, dict) and set(parsed) == {"assistant"}
