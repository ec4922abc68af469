"""`POST /v1/chat` and `POST /v1/chat/stream`: ask one question."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ask_applicant.agents.question import QuestionError, validate_question
from ask_applicant.persistence import Run
from ask_applicant.server.auth import not_found
from ask_applicant.server.deps import CurrentUser, RunManagerDep, ServicesDep, SettingsDep
from ask_applicant.server.event_stream import EventStreamResponse, sse_events
from ask_applicant.server.json_body import JsonBodyRoute
from ask_applicant.server.problems import Problem
from ask_applicant.server.runs import (
    ClientMessageIdReusedError,
    InvalidRunRequestError,
    RunManagerClosedError,
    RunNotFoundError,
    SessionBusyError,
    SessionNotFoundError,
    TooManyRunsError,
)
from ask_applicant.server.schemas import ChatRequest, ChatResponse
from ask_applicant.server.views import chat_response, stream_url

router = APIRouter(prefix="/v1", tags=["chat"], route_class=JsonBodyRoute)

CONCURRENCY_RETRY_AFTER_SECONDS = 5


async def start_run(
    body: ChatRequest, user: CurrentUser, runs: RunManagerDep, settings: SettingsDep
) -> Run:
    """Validate the message and start (or, for a retried `client_message_id`, find) its run.

    A caller may write only to their own conversations, whatever their role.

    Raises:
        Problem: 422 bad message, 404 unknown conversation, 409 busy conversation or
            a client_message_id already used for another message, 429 too many runs
            of this key at once.
    """
    try:
        message = validate_question(body.message, max_chars=settings.max_message_chars)
    except QuestionError as error:
        raise Problem(
            422,
            f"message: {error}",
            kind="invalid-message",
            extra={"errors": [{"loc": ["body", "message"], "msg": str(error)}]},
        ) from None
    cap = settings.max_concurrent_runs_per_key
    try:
        return await runs.start(
            user_id=user.id,
            session_id=body.session_id,
            message=message,
            client_message_id=body.client_message_id,
            owner_scope=user.id,
            max_active=cap,
        )
    except TooManyRunsError:
        raise Problem(
            429,
            f"This key already has {cap} answers in progress; wait for one to finish.",
            kind="too-many-runs",
            headers={"Retry-After": str(CONCURRENCY_RETRY_AFTER_SECONDS)},
        ) from None
    except SessionNotFoundError:
        raise not_found("conversation") from None
    except InvalidRunRequestError as error:
        raise Problem(422, str(error), kind="invalid-message") from None
    except RunManagerClosedError:
        raise Problem(503, "The server is shutting down; try again in a moment.") from None
    except ClientMessageIdReusedError as reused:
        raise Problem(
            409,
            "This client_message_id was already used for a different message; "
            "send a new message with a new client_message_id.",
            kind="client-message-id-reused",
            extra={"run_id": reused.run_id, "stream_url": stream_url(reused.run_id)},
        ) from None
    except SessionBusyError as busy:
        raise Problem(
            409,
            "The conversation is still answering an earlier message; wait for it or cancel it.",
            kind="session-busy",
            extra={
                "active_run_id": busy.active_run_id,
                "stream_url": stream_url(busy.active_run_id),
            },
        ) from None


StartedRun = Annotated[Run, Depends(start_run)]


@router.post("/chat", response_model=ChatResponse)
async def chat(run: StartedRun, runs: RunManagerDep) -> ChatResponse:
    """Ask one question and wait for the whole answer.

    The run belongs to the server: if the client goes away, it still finishes and can
    be read at `GET /v1/runs/{run_id}`. A failed or cancelled run answers 200 too, with
    `status` and `error` saying so and `answer` holding the partial text.
    """
    try:
        records = [record async for record in runs.events(run.id)]
    except RunNotFoundError:
        raise not_found("run") from None
    final = await runs.get(run.id)
    if final is None:
        # Deleted together with its conversation while we waited.
        raise not_found("run")
    return chat_response(final, records)


@router.post(
    "/chat/stream",
    response_class=EventStreamResponse,
    responses={200: {"headers": {"Location": {"description": "The run's resumable stream."}}}},
)
async def chat_stream(
    run: StartedRun, runs: RunManagerDep, services: ServicesDep
) -> EventStreamResponse:
    """Ask one question and receive the answer as Server-Sent Events.

    Events: `run.created`, `agent.updated`, `handoff`, `tool.called`, `tool.output`,
    `message.delta`, `message.completed`, `guardrail.tripped`, and exactly one terminal
    event (`run.completed`, `run.failed` or `run.cancelled`). Each has the id
    `{run_id}:{seq}`; reconnect to `Location` with `Last-Event-ID` to resume.
    """
    return EventStreamResponse(
        sse_events(runs, run.id, after=0, options=services.stream),
        headers={"Location": stream_url(run.id)},
    )
