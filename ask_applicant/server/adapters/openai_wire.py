"""Chat Completions on the wire: the request body, the error shape and the answer shapes.

Only what chat UIs send is read (`model`, `messages`, `stream`, `stream_options`); the
sampling options they add (`temperature`, `max_tokens`, `user`, ...) are accepted and
ignored, since the agents choose their own.
"""

from __future__ import annotations

import time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from ask_applicant.persistence import Run
from ask_applicant.server.adapters.error_routes import AdapterError
from ask_applicant.server.problems import json_text
from ask_applicant.server.schemas import MAX_MESSAGE_FIELD_CHARS

MODEL_ID = "ask-applicant"
MAX_MESSAGES = 500
MAX_PARTS = 50

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "invalid_request_error",
    409: "invalid_request_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
}
_ERROR_CODES = {
    "unauthorized": "invalid_api_key",
    "rate-limited": "rate_limit_exceeded",
    "too-many-runs": "too_many_answers_in_progress",
    "session-busy": "conversation_busy",
    "body-too-large": "request_too_large",
}


class ContentPart(BaseModel):
    """One part of a message's content; only `text` parts can be answered."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(max_length=64)
    text: str | None = Field(default=None, max_length=MAX_MESSAGE_FIELD_CHARS)


class ChatMessage(BaseModel):
    """One message of the history."""

    model_config = ConfigDict(extra="allow")

    role: str = Field(max_length=32)
    content: str | list[ContentPart] | None = Field(
        default=None, max_length=MAX_MESSAGE_FIELD_CHARS
    )


class StreamOptions(BaseModel):
    """`stream_options`: only `include_usage` matters."""

    model_config = ConfigDict(extra="allow")

    include_usage: bool = False


class CompletionRequest(BaseModel):
    """`POST /v1/chat/completions`: the whole conversation, ending with the question."""

    model_config = ConfigDict(extra="allow")

    model: str = Field(max_length=200, examples=[MODEL_ID])
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    stream: bool = False
    stream_options: StreamOptions | None = None


def openai_error(error: AdapterError) -> Response:
    """An error as OpenAI answers it: `{"error": {message, type, param, code}}`.

    A body that failed validation is a 400, as OpenAI's own API answers it.
    """
    status = 400 if error.status == 422 else error.status
    kind = error.kind or ""
    body = {
        "error": {
            "message": error.message,
            "type": _ERROR_TYPES.get(
                status, "server_error" if status >= 500 else "invalid_request_error"
            ),
            "param": error.param,
            "code": _ERROR_CODES.get(kind, kind.replace("-", "_") or None),
        }
    }
    return Response(
        json_text(body).encode("utf-8"),
        status_code=status,
        media_type="application/json",
        headers=dict(error.headers),
    )


def bad_request(message: str, *, param: str | None, code: str) -> AdapterError:
    """A 400 about one field of the request."""
    return AdapterError(400, message, code, param)


def completion_id(run: Run | None) -> str:
    """`chatcmpl-…`: the run's id, so a completion can be found among the runs."""
    return f"chatcmpl-{run.id if run is not None else 'housekeeping-' + str(time.time_ns())}"


def created_of(run: Run | None) -> int:
    """The completion's `created` (Unix seconds)."""
    return int(run.created_at.timestamp()) if run is not None else int(time.time())


def usage_body(run: Run | None) -> dict[str, int]:
    """Tokens as Chat Completions counts them."""
    if run is None:
        return {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    return {
        "prompt_tokens": run.input_tokens,
        "completion_tokens": run.output_tokens,
        "total_tokens": run.total_tokens,
    }


def completion(
    *, ident: str, created: int, text: str, usage: dict[str, int], finish: str = "stop"
) -> dict[str, Any]:
    """A whole `chat.completion`."""
    return {
        "id": ident,
        "object": "chat.completion",
        "created": created,
        "model": MODEL_ID,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text, "refusal": None},
                "logprobs": None,
                "finish_reason": finish,
            }
        ],
        "usage": usage,
        "system_fingerprint": None,
    }


def chunk(
    *,
    ident: str,
    created: int,
    delta: dict[str, Any] | None,
    finish: Literal["stop", "length"] | None = None,
    with_usage_field: bool = False,
    usage: dict[str, int] | None = None,
) -> str:
    """One `chat.completion.chunk` as an SSE frame; `delta=None` is the usage-only chunk."""
    body: dict[str, Any] = {
        "id": ident,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_ID,
        "system_fingerprint": None,
        "choices": []
        if delta is None
        else [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }
    if with_usage_field:
        body["usage"] = usage
    return f"data: {json_text(body)}\n\n"


def error_frame(error: AdapterError) -> str:
    """An error after the stream began, as OpenAI sends one (the client raises it)."""
    body = {
        "error": {
            "message": error.message,
            "type": "server_error",
            "param": None,
            "code": error.kind,
        }
    }
    return f"data: {json_text(body)}\n\n"


DONE_FRAME = "data: [DONE]\n\n"
KEEPALIVE_FRAME = ": keep-alive\n\n"
