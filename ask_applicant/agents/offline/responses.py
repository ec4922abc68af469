"""Responses API objects for the offline model: output items, the response, its stream.

Mirrors what the OpenAI Responses API sends, so the SDK's runner and every consumer of
raw stream events (our SSE layer included) cannot tell the offline model from a real one.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any, cast

from agents.items import TResponseOutputItem, TResponseStreamEvent
from agents.usage import Usage
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseFunctionCallArgumentsDoneEvent,
    ResponseFunctionToolCall,
    ResponseInProgressEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
    ResponseUsage,
)
from openai.types.responses.response_usage import InputTokensDetails, OutputTokensDetails

MODEL_NAME = "offline"
_CHUNK = re.compile(r"\s*\S+\s*|\s+")
PHRASE_WORDS = 8
_PHRASE_END = re.compile(r"[,.;:!?。)]\s*$")


def new_id(prefix: str) -> str:
    """Return a fresh identifier such as `call_offline_3f2a...`."""
    return f"{prefix}_offline_{uuid.uuid4().hex}"


def function_call(name: str, arguments: dict[str, Any]) -> ResponseFunctionToolCall:
    """Build a completed function-call output item with unique ids."""
    return ResponseFunctionToolCall(
        id=new_id("fc"),
        call_id=new_id("call"),
        type="function_call",
        name=name,
        arguments=json.dumps(arguments, ensure_ascii=False, separators=(",", ":")),
        status="completed",
    )


def message(text: str) -> ResponseOutputMessage:
    """Build a completed assistant message output item."""
    return ResponseOutputMessage(
        id=new_id("msg"),
        type="message",
        role="assistant",
        status="completed",
        content=[ResponseOutputText(type="output_text", text=text, annotations=[], logprobs=[])],
    )


def response(output: list[TResponseOutputItem], usage: Usage) -> Response:
    """Build the completed response carrying the output items and the usage."""
    return Response(
        id=new_id("resp"),
        created_at=time.time(),
        model=MODEL_NAME,
        object="response",
        output=output,
        tool_choice="auto",
        tools=[],
        top_p=None,
        parallel_tool_calls=False,
        status="completed",
        usage=ResponseUsage(
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            total_tokens=usage.total_tokens,
            input_tokens_details=InputTokensDetails(cache_write_tokens=0, cached_tokens=0),
            output_tokens_details=OutputTokensDetails(reasoning_tokens=0),
        ),
    )


def chunks(text: str) -> list[str]:
    """Split text into phrase-sized deltas that join back to exactly the text.

    A phrase ends at punctuation or a line break, or after `PHRASE_WORDS` words: a
    reader sees the answer arrive as it is read, without one event per word.
    """
    words = _CHUNK.findall(text)
    if not words:
        return [text]
    phrases: list[str] = []
    current: list[str] = []
    for word in words:
        current.append(word)
        if len(current) >= PHRASE_WORDS or "\n" in word or _PHRASE_END.search(word):
            phrases.append("".join(current))
            current = []
    if current:
        phrases.append("".join(current))
    return phrases


def stream_events(done: Response) -> list[TResponseStreamEvent]:
    """Return the Responses stream for a completed response, sequence numbers increasing.

    Args:
        done: The completed response.

    Returns:
        response.created, response.in_progress, per item its added/delta/done events, and
        response.completed.
    """
    pending = done.model_copy(update={"output": [], "status": "in_progress", "usage": None})
    events: list[Any] = [
        ResponseCreatedEvent(type="response.created", response=pending, sequence_number=0),
        ResponseInProgressEvent(
            type="response.in_progress", response=pending.model_copy(), sequence_number=0
        ),
    ]
    for index, item in enumerate(done.output):
        if isinstance(item, ResponseFunctionToolCall):
            events += _call_events(item, index)
        elif isinstance(item, ResponseOutputMessage):
            events += _message_events(item, index)
    events.append(
        ResponseCompletedEvent(type="response.completed", response=done, sequence_number=0)
    )
    for number, event in enumerate(events):
        event.sequence_number = number
    return cast(list[TResponseStreamEvent], events)


def _call_events(item: ResponseFunctionToolCall, index: int) -> list[Any]:
    item_id = item.id or item.call_id
    added = item.model_copy(update={"arguments": "", "status": "in_progress"})
    return [
        ResponseOutputItemAddedEvent(
            type="response.output_item.added", item=added, output_index=index, sequence_number=0
        ),
        *(
            ResponseFunctionCallArgumentsDeltaEvent(
                type="response.function_call_arguments.delta",
                item_id=item_id,
                output_index=index,
                delta=delta,
                sequence_number=0,
            )
            for delta in _argument_chunks(item.arguments)
        ),
        ResponseFunctionCallArgumentsDoneEvent.model_validate(
            {
                "type": "response.function_call_arguments.done",
                "item_id": item_id,
                "output_index": index,
                "arguments": item.arguments,
                "name": item.name,
                "sequence_number": 0,
            }
        ),
        ResponseOutputItemDoneEvent(
            type="response.output_item.done", item=item, output_index=index, sequence_number=0
        ),
    ]


def _message_events(item: ResponseOutputMessage, index: int) -> list[Any]:
    events: list[Any] = [
        ResponseOutputItemAddedEvent(
            type="response.output_item.added",
            item=item.model_copy(update={"content": [], "status": "in_progress"}),
            output_index=index,
            sequence_number=0,
        )
    ]
    for part_index, part in enumerate(item.content):
        if not isinstance(part, ResponseOutputText):
            continue
        common: dict[str, Any] = {
            "item_id": item.id,
            "output_index": index,
            "content_index": part_index,
        }
        events.append(
            ResponseContentPartAddedEvent(
                type="response.content_part.added",
                part=part.model_copy(update={"text": ""}),
                sequence_number=0,
                **common,
            )
        )
        events += [
            ResponseTextDeltaEvent(
                type="response.output_text.delta",
                delta=delta,
                logprobs=[],
                sequence_number=0,
                **common,
            )
            for delta in chunks(part.text)
        ]
        events += [
            ResponseTextDoneEvent(
                type="response.output_text.done",
                text=part.text,
                logprobs=[],
                sequence_number=0,
                **common,
            ),
            ResponseContentPartDoneEvent(
                type="response.content_part.done", part=part, sequence_number=0, **common
            ),
        ]
    events.append(
        ResponseOutputItemDoneEvent(
            type="response.output_item.done", item=item, output_index=index, sequence_number=0
        )
    )
    return events


def _argument_chunks(arguments: str, size: int = 24) -> list[str]:
    return [arguments[start : start + size] for start in range(0, len(arguments), size)] or [""]
