"""Rows and event streams turned into response bodies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ask_applicant.persistence import ChatSession, Run
from ask_applicant.server.runs import RunEventRecord
from ask_applicant.server.schemas import (
    ChatResponse,
    MessageView,
    RunError,
    RunView,
    SessionDetail,
    SessionView,
    ToolCall,
    Usage,
)


def stream_url(run_id: str) -> str:
    """Where a run's events can be (re)read."""
    return f"/v1/runs/{run_id}/stream"


def usage_of(run: Run) -> Usage:
    """The run's model requests and token counts."""
    return Usage(
        requests=run.requests,
        input_tokens=run.input_tokens,
        output_tokens=run.output_tokens,
        total_tokens=run.total_tokens,
    )


def error_of(run: Run) -> RunError | None:
    """Why the run failed, if it did."""
    if run.status != "failed":
        return None
    return RunError(code=run.error_code or "internal", message=run.error_message or "")


def run_view(run: Run) -> RunView:
    """`GET /v1/runs/{id}`."""
    return RunView(
        id=run.id,
        session_id=run.session_id,
        status=run.status,  # type: ignore[arg-type]
        message=run.message,
        answer=run.final_text,
        agent=run.agent,
        refused=run.refused,
        answer_kind=run.answer_kind,
        usage=usage_of(run),
        error=error_of(run),
        last_seq=run.last_seq,
        stream_url=stream_url(run.id),
        created_at=run.created_at,
        started_at=run.started_at,
        finished_at=run.finished_at,
    )


def chat_response(run: Run, records: Iterable[RunEventRecord]) -> ChatResponse:
    """`POST /v1/chat`: the finished run, with handoffs and tool calls from its events."""
    handoffs: list[str] = []
    calls: dict[str, ToolCall] = {}
    for record in records:
        data = record.data
        if record.event == "handoff":
            handoffs.append(str(data.get("to", "")))
        elif record.event == "tool.called":
            call_id = str(data.get("call_id", ""))
            calls[call_id] = ToolCall(
                call_id=call_id,
                name=str(data.get("tool", "")),
                arguments=data.get("arguments"),
                agent=data.get("agent"),
            )
        elif record.event == "tool.output":
            call = calls.get(str(data.get("call_id", "")))
            if call is not None:
                call.output = data.get("output")
    return ChatResponse(
        session_id=run.session_id,
        run_id=run.id,
        status=run.status,  # type: ignore[arg-type]
        answer=run.final_text,
        agent=run.agent,
        handoffs=handoffs,
        tool_calls=list(calls.values()),
        refused=run.refused,
        answer_kind=run.answer_kind,
        usage=usage_of(run),
        error=error_of(run),
    )


def session_view(chat: ChatSession) -> SessionView:
    """A conversation in a list."""
    return SessionView(
        id=chat.id,
        owner_id=chat.owner_id,
        title=chat.title,
        current_agent=chat.current_agent,
        active_run_id=chat.active_run_id,
        created_at=chat.created_at,
        updated_at=chat.updated_at,
    )


def session_detail(
    chat: ChatSession, runs: Sequence[Run], so_far: Mapping[str, str]
) -> SessionDetail:
    """A conversation with its messages: each run's question, then its answer.

    Args:
        chat: The conversation.
        runs: Its runs, oldest first.
        so_far: Run id → text streamed so far, for runs still in progress.
    """
    messages: list[MessageView] = []
    for run in runs:
        messages.append(
            MessageView(role="user", text=run.message, run_id=run.id, created_at=run.created_at)
        )
        messages.append(
            MessageView(
                role="assistant",
                text=so_far.get(run.id, run.final_text),
                agent=run.agent,
                status=run.status,  # type: ignore[arg-type]
                run_id=run.id,
                created_at=run.finished_at or run.started_at or run.created_at,
            )
        )
    return SessionDetail(**session_view(chat).model_dump(), messages=messages)
