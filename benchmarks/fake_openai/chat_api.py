"""The Chat Completions wire format of a reply: a ``chat.completion`` or its chunk stream."""

from __future__ import annotations

import time
import uuid
from typing import Any

from benchmarks.fake_openai.frame import Frame, Wait, sse
from benchmarks.fake_openai.reply import Reply

_FINGERPRINT = "fp_fake_openai"


class ChatWire:
    """One ``POST /v1/chat/completions`` reply, as a JSON body or as chunks ending in ``[DONE]``.

    Args:
        request: The request body (``model`` and ``stream_options`` are honoured).
        reply: What the fake model says.
        input_tokens: Tokens to report as read.
    """

    def __init__(self, request: dict[str, Any], reply: Reply, input_tokens: int) -> None:
        self._model = str(request["model"])
        options = request.get("stream_options")
        self._include_usage = isinstance(options, dict) and options.get("include_usage") is True
        self._reply = reply
        self._input_tokens = input_tokens
        self._id = f"chatcmpl-{uuid.uuid4().hex}"
        self._call_id = f"call_{uuid.uuid4().hex[:24]}"
        self._created = int(time.time())

    def body(self) -> dict[str, Any]:
        """The ``chat.completion`` object, for a request without ``stream``."""
        reply = self._reply
        message: dict[str, Any] = {"role": "assistant", "refusal": None, "annotations": []}
        if reply.kind == "text":
            message["content"] = reply.text
        else:
            message["content"] = None
            call = self._call(reply.text)
            del call["index"]  # only stream deltas carry an index
            message["tool_calls"] = [call]
        return {
            "id": self._id,
            "object": "chat.completion",
            "created": self._created,
            "model": self._model,
            "system_fingerprint": _FINGERPRINT,
            "service_tier": "default",
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "logprobs": None,
                    "finish_reason": self._finish_reason(),
                }
            ],
            "usage": self._usage(),
        }

    def frames(self) -> list[Frame]:
        """``data:`` chunks: the deltas, the finish reason, usage when asked, then ``[DONE]``."""
        reply = self._reply
        if reply.kind == "text":
            frames = [
                self._chunk({"role": "assistant", "content": "", "refusal": None}, "first_token")
            ]
            frames.extend(
                self._chunk({"content": piece}, "none" if index == 0 else "token")
                for index, piece in enumerate(reply.pieces)
            )
        else:
            opening = {"role": "assistant", "content": None, "refusal": None}
            frames = [self._chunk({**opening, "tool_calls": [self._call("")]}, "first_token")]
            frames.extend(
                self._chunk(
                    {"tool_calls": [{"index": 0, "function": {"arguments": piece}}]},
                    "none" if index == 0 else "token",
                )
                for index, piece in enumerate(reply.pieces)
            )
        frames.append(self._chunk({}, finish_reason=self._finish_reason()))
        if self._include_usage:
            frames.append(sse({**self._chunk_head(), "choices": [], "usage": self._usage()}))
        frames.append(Frame(b"data: [DONE]\n\n"))
        return frames

    def _chunk(
        self, delta: dict[str, Any], wait: Wait = "none", finish_reason: str | None = None
    ) -> Frame:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        payload: dict[str, Any] = {**self._chunk_head(), "choices": [choice]}
        if self._include_usage:
            payload["usage"] = None
        return sse(payload, wait=wait)

    def _chunk_head(self) -> dict[str, Any]:
        return {
            "id": self._id,
            "object": "chat.completion.chunk",
            "created": self._created,
            "model": self._model,
            "system_fingerprint": _FINGERPRINT,
            "service_tier": "default",
        }

    def _call(self, arguments: str) -> dict[str, Any]:
        return {
            "index": 0,
            "id": self._call_id,
            "type": "function",
            "function": {"name": self._reply.tool_name, "arguments": arguments},
        }

    def _finish_reason(self) -> str:
        return "stop" if self._reply.kind == "text" else "tool_calls"

    def _usage(self) -> dict[str, Any]:
        output_tokens = len(self._reply.pieces)
        return {
            "prompt_tokens": self._input_tokens,
            "completion_tokens": output_tokens,
            "total_tokens": self._input_tokens + output_tokens,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
        }
