"""A run's stored events as the AI SDK's UI message stream (protocol v1).

Every chunk is one SSE `data:` line of JSON; the stream ends with `data: [DONE]`.

| Run event | Chunks |
|---|---|
| (first) | `start` with `messageId` (the run id) |
| `message.delta` | `text-start` (once per text block), `text-delta` |
| `handoff` | `data-handoff` `{from, to}` |
| `tool.called` / `tool.output` | `tool-input-available` / `tool-output-available` (`dynamic`) |
| `guardrail.tripped` | `data-guardrail` `{guardrail, message}` (the refusal follows as text) |
| `run.completed` | `data-sources` (the tools the answer drew on), `finish` with metadata |
| `run.failed` | `error` `{errorText}` |
| `run.cancelled` | `abort` |

An open text block is closed with `text-end` before any other chunk.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from ask_applicant.persistence import Run
from ask_applicant.server.adapters.asking import records_with_keepalive
from ask_applicant.server.problems import json_text
from ask_applicant.server.runs import RunEventRecord, RunManager

HEADERS = {
    "x-vercel-ai-ui-message-stream": "v1",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
}
DONE_FRAME = "data: [DONE]\n\n"
KEEPALIVE_FRAME = ": keep-alive\n\n"


def frame(chunk: dict[str, Any]) -> str:
    """One chunk as an SSE frame."""
    return f"data: {json_text(chunk)}\n\n"


class _Translation:
    """The state of one stream: the open text block and the tools called so far."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.text_id: str | None = None
        self.blocks = 0
        self.tools: dict[str, dict[str, Any]] = {}

    def close_text(self) -> list[dict[str, Any]]:
        if self.text_id is None:
            return []
        chunk = {"type": "text-end", "id": self.text_id}
        self.text_id = None
        return [chunk]

    def chunks(self, record: RunEventRecord) -> list[dict[str, Any]]:
        data, event = record.data, record.event
        if event == "message.delta":
            opened: list[dict[str, Any]] = []
            if self.text_id is None:
                self.blocks += 1
                self.text_id = f"{self.run.id}:text:{self.blocks}"
                opened.append({"type": "text-start", "id": self.text_id})
            return [*opened, {"type": "text-delta", "id": self.text_id, "delta": data["delta"]}]
        chunk = self._other(event, data)
        return [*self.close_text(), *chunk] if chunk else []

    def _other(self, event: str, data: dict[str, Any]) -> list[dict[str, Any]]:
        if event == "handoff":
            return [{"type": "data-handoff", "data": {"from": data["from"], "to": data["to"]}}]
        if event == "guardrail.tripped":
            return [{"type": "data-guardrail", "data": dict(data)}]
        if event == "tool.called":
            call_id = str(data["call_id"])
            self.tools[call_id] = {
                "call_id": call_id,
                "tool": data["tool"],
                "agent": data.get("agent"),
            }
            return [
                {
                    "type": "tool-input-available",
                    "toolCallId": call_id,
                    "toolName": str(data["tool"]),
                    "input": data.get("arguments"),
                    "dynamic": True,
                }
            ]
        if event == "tool.output" and str(data["call_id"]) in self.tools:
            return [
                {
                    "type": "tool-output-available",
                    "toolCallId": str(data["call_id"]),
                    "output": data.get("output"),
                    "dynamic": True,
                }
            ]
        if event == "run.completed":
            return [
                {"type": "data-sources", "data": {"sources": list(self.tools.values())}},
                {
                    "type": "finish",
                    "finishReason": "stop",
                    "messageMetadata": {
                        "runId": self.run.id,
                        "sessionId": self.run.session_id,
                        "agent": data.get("agent"),
                        "usage": data.get("usage"),
                    },
                },
            ]
        if event == "run.failed":
            return [{"type": "error", "errorText": str(data.get("message") or data.get("code"))}]
        if event == "run.cancelled":
            return [{"type": "abort", "reason": "cancelled"}]
        return []


async def ui_message_stream(
    runs: RunManager, run: Run, *, keepalive_seconds: float
) -> AsyncIterator[str]:
    """The run's answer from its first event, live to its end, as UI message chunks."""
    translation = _Translation(run)
    yield frame({"type": "start", "messageId": run.id})
    try:
        async for record in records_with_keepalive(
            runs, run.id, after=0, keepalive_seconds=keepalive_seconds
        ):
            if record is None:
                yield KEEPALIVE_FRAME
                continue
            for chunk in translation.chunks(record):
                yield frame(chunk)
    except LookupError:  # The conversation was deleted while it answered.
        for chunk in translation.close_text():
            yield frame(chunk)
        yield frame({"type": "error", "errorText": "The conversation was deleted."})
    yield DONE_FRAME
