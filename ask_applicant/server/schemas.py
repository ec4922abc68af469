"""Request and response bodies of the `/v1` API.

Requests forbid unknown fields (422) and bound every string; ids are checked for shape
so a malformed one never reaches the database.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
CLIENT_MESSAGE_ID_PATTERN = r"^[\x21-\x7e]{1,128}$"
# The hard bound of any message (Settings.max_message_chars cannot exceed it); the
# configured, usually smaller, limit is checked after parsing.
MAX_MESSAGE_FIELD_CHARS = 100_000
_ID = re.compile(ID_PATTERN)

EntityId = Annotated[str, Field(pattern=ID_PATTERN, examples=["s_2m0c3V..."])]


def is_id(value: str) -> bool:
    """True when `value` has the shape of our session and run ids."""
    return _ID.fullmatch(value) is not None


class ChatRequest(BaseModel):
    """One recruiter message.

    Attributes:
        message: The question; Korean and emoji welcome. Empty, whitespace-only, too
            long or holding control characters: 422.
        session_id: The conversation to continue; null starts a new one.
        client_message_id: The client's own id for this message: sending it again on
            the same conversation returns the run it already started.
    """

    model_config = ConfigDict(extra="forbid")

    # minLength documents what `validate_question` enforces after parsing (422 for an
    # empty or whitespace-only message), where the configured limits are known.
    message: str = Field(max_length=MAX_MESSAGE_FIELD_CHARS, json_schema_extra={"minLength": 1})
    session_id: EntityId | None = None
    client_message_id: Annotated[str, Field(pattern=CLIENT_MESSAGE_ID_PATTERN)] | None = None


class SessionPatch(BaseModel):
    """A new title for a conversation (control characters are removed)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=200)


class Usage(BaseModel):
    """Model requests made and tokens spent; the same shape in `run.completed`."""

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0


class RunError(BaseModel):
    """Why a run failed: a stable code and a plain message."""

    code: str
    message: str


class ToolCall(BaseModel):
    """One tool call of a run."""

    call_id: str
    name: str
    arguments: Any = None
    agent: str | None = None
    output: str | None = Field(default=None, description="The tool's output, capped.")


RunStatus = Literal["queued", "running", "completed", "failed", "cancelled"]


class ChatResponse(BaseModel):
    """The answer to one message (`POST /v1/chat`)."""

    session_id: str
    run_id: str
    status: RunStatus
    answer: str = Field(description="The answer; the partial one when failed or cancelled.")
    agent: str = Field(description="Key of the agent that answered last.")
    handoffs: list[str] = Field(description="Keys of the agents handed to, in order.")
    tool_calls: list[ToolCall]
    refused: bool
    answer_kind: str | None = Field(
        default=None,
        description="How a completed run answered: answered, not_in_profile, refused or help.",
    )
    usage: Usage
    error: RunError | None = None


class RunView(BaseModel):
    """A run's state (`GET /v1/runs/{id}`)."""

    id: str
    session_id: str
    status: RunStatus
    message: str
    answer: str
    agent: str
    refused: bool
    answer_kind: str | None = Field(
        default=None,
        description="How a completed run answered: answered, not_in_profile, refused or help.",
    )
    usage: Usage
    error: RunError | None = None
    last_seq: int = Field(description="The seq of the newest stored event.")
    stream_url: str
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None


class SessionView(BaseModel):
    """A conversation in a list."""

    id: str
    owner_id: str
    title: str
    current_agent: str
    active_run_id: str | None = None
    created_at: datetime
    updated_at: datetime


class MessageView(BaseModel):
    """One message of a conversation, derived from its runs."""

    role: Literal["user", "assistant"]
    text: str
    agent: str | None = None
    status: RunStatus | None = None
    run_id: str
    created_at: datetime


class SessionDetail(SessionView):
    """A conversation with its messages, oldest first."""

    messages: list[MessageView]


class SessionList(BaseModel):
    """A page of conversations, most recently updated first."""

    sessions: list[SessionView]
    limit: int
    offset: int
