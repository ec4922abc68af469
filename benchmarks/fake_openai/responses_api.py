"""The Responses API wire format of a reply: the ``Response`` object and its SSE events."""

from __future__ import annotations

import time
import uuid
from typing import Any

from benchmarks.fake_openai.frame import Frame, Wait, sse
from benchmarks.fake_openai.reply import Reply


class ResponsesWire:
    """One ``POST /v1/responses`` reply, as a JSON body or as a stream of events.

    Args:
        request: The request body; parameters the real API echoes are echoed.
        reply: What the fake model says.
        input_tokens: Tokens to report as read.
    """

    def __init__(self, request: dict[str, Any], reply: Reply, input_tokens: int) -> None:
        self._request = request
        self._reply = reply
        self._input_tokens = input_tokens
        self._id = f"resp_{uuid.uuid4().hex}"
        self._item_id = f"{'msg' if reply.kind == 'text' else 'fc'}_{uuid.uuid4().hex}"
        self._call_id = f"call_{uuid.uuid4().hex[:24]}"
        self._created_at = int(time.time())
        self._sequence = 0

    def body(self) -> dict[str, Any]:
        """The completed ``Response`` object, for a request without ``stream``."""
        return self._response("completed", [self._item(done=True)])

    def frames(self) -> list[Frame]:
        """The event stream in the real order, every event with its ``sequence_number``."""
        reply = self._reply
        frames = [
            self._event("response.created", response=self._response("in_progress", [])),
            self._event("response.in_progress", response=self._response("in_progress", [])),
            self._event(
                "response.output_item.added",
                wait="first_token",
                output_index=0,
                item=self._item(done=False),
            ),
        ]
        at: dict[str, Any] = {"item_id": self._item_id, "output_index": 0}
        if reply.kind == "text":
            part_at: dict[str, Any] = {**at, "content_index": 0}
            frames.append(
                self._event("response.content_part.added", **part_at, part=self._part(""))
            )
            frames.extend(
                self._event(
                    "response.output_text.delta",
                    wait="none" if index == 0 else "token",
                    **part_at,
                    delta=piece,
                    logprobs=[],
                )
                for index, piece in enumerate(reply.pieces)
            )
            frames.append(
                self._event("response.output_text.done", **part_at, text=reply.text, logprobs=[])
            )
            frames.append(
                self._event("response.content_part.done", **part_at, part=self._part(reply.text))
            )
        else:
            frames.extend(
                self._event(
                    "response.function_call_arguments.delta",
                    wait="none" if index == 0 else "token",
                    **at,
                    delta=piece,
                )
                for index, piece in enumerate(reply.pieces)
            )
            frames.append(
                self._event("response.function_call_arguments.done", **at, arguments=reply.text)
            )
        frames.append(
            self._event("response.output_item.done", output_index=0, item=self._item(done=True))
        )
        frames.append(self._event("response.completed", response=self.body()))
        return frames

    def _event(self, kind: str, wait: Wait = "none", **fields: Any) -> Frame:
        payload = {"type": kind, "sequence_number": self._sequence, **fields}
        self._sequence += 1
        return sse(payload, event=kind, wait=wait)

    def _part(self, text: str) -> dict[str, Any]:
        return {"type": "output_text", "text": text, "annotations": [], "logprobs": []}

    def _item(self, *, done: bool) -> dict[str, Any]:
        status = "completed" if done else "in_progress"
        reply = self._reply
        if reply.kind == "text":
            return {
                "id": self._item_id,
                "type": "message",
                "status": status,
                "role": "assistant",
                "content": [self._part(reply.text)] if done else [],
            }
        return {
            "id": self._item_id,
            "type": "function_call",
            "status": status,
            "call_id": self._call_id,
            "name": reply.tool_name,
            "arguments": reply.text if done else "",
        }

    def _response(self, status: str, output: list[dict[str, Any]]) -> dict[str, Any]:
        request = self._request
        done = status == "completed"
        return {
            "id": self._id,
            "object": "response",
            "created_at": self._created_at,
            "status": status,
            "completed_at": int(time.time()) if done else None,
            "background": False,
            "error": None,
            "incomplete_details": None,
            "instructions": request.get("instructions"),
            "max_output_tokens": request.get("max_output_tokens"),
            "model": request["model"],
            "output": output,
            "parallel_tool_calls": request.get("parallel_tool_calls", True),
            "previous_response_id": request.get("previous_response_id"),
            "reasoning": {"effort": None, "summary": None},
            "service_tier": "default",
            "store": request.get("store", True),
            "temperature": request.get("temperature", 1.0),
            "text": request.get("text") or {"format": {"type": "text"}},
            "tool_choice": request.get("tool_choice", "auto"),
            "tools": request.get("tools") or [],
            "top_p": request.get("top_p", 1.0),
            "truncation": request.get("truncation", "disabled"),
            "usage": self._usage() if done else None,
            "user": None,
            "metadata": request.get("metadata") or {},
        }

    def _usage(self) -> dict[str, Any]:
        output_tokens = len(self._reply.pieces)
        return {
            "input_tokens": self._input_tokens,
            "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
            "output_tokens": output_tokens,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": self._input_tokens + output_tokens,
        }
