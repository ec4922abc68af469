"""`GET /v1/models` and `POST /v1/chat/completions` for OpenAI-compatible chat UIs.

Open WebUI, LibreChat and any OpenAI client can use the service as a model called
`ask-applicant`. Each completion is a server-owned run of the conversation its history
belongs to (see `adapters.history_key`); background prompts of the UIs (titles, tags,
follow-ups) are answered without a run (see `adapters.housekeeping`). Errors use
OpenAI's shape, `{"error": {"message", "type", "param", "code"}}`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter
from starlette.responses import JSONResponse, Response, StreamingResponse

from ask_applicant.persistence import Run, open_db
from ask_applicant.persistence.conversation_keys import find_conversation, remember_conversation
from ask_applicant.server.adapters import openai_wire as wire
from ask_applicant.server.adapters.asking import ask, checked_question, records_with_keepalive
from ask_applicant.server.adapters.error_routes import AdapterError, ShapedError, error_route
from ask_applicant.server.adapters.history_key import earlier_key, history_key
from ask_applicant.server.adapters.housekeeping import recognise
from ask_applicant.server.adapters.openai_turns import conversation_turns
from ask_applicant.server.deps import CurrentUser, RunManagerDep, ServicesDep
from ask_applicant.server.problems import Problem
from ask_applicant.server.runs import RunEventRecord, RunManager
from ask_applicant.server.services import Services

router = APIRouter(
    prefix="/v1", tags=["openai-compatible"], route_class=error_route(wire.openai_error)
)

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": '`{"error": {message, type, param, code}}`'}
    for status in (400, 401, 404, 409, 429, 502)
}


@router.get("/models", responses=_ERRORS)
async def list_models(user: CurrentUser) -> dict[str, Any]:
    """The one model, `ask-applicant`."""
    return {
        "object": "list",
        "data": [
            {"id": wire.MODEL_ID, "object": "model", "created": 0, "owned_by": "ask-applicant"}
        ],
    }


@router.post(
    "/chat/completions",
    responses={200: {"content": {"text/event-stream": {}}}, **_ERRORS},
)
async def chat_completions(
    body: wire.CompletionRequest, user: CurrentUser, runs: RunManagerDep, services: ServicesDep
) -> Response:
    """Answer the last user message as the next turn of its conversation.

    With `stream: true` the answer comes as `chat.completion.chunk` frames ending with
    `data: [DONE]` (with `stream_options.include_usage`, a last chunk carries the usage).
    The conversation is the one the earlier messages belong to: the same history
    continues it, an edited one starts another.
    """
    if body.model != wire.MODEL_ID:
        raise ShapedError(
            AdapterError(
                404,
                f"The model {body.model[:200]!r} does not exist; use {wire.MODEL_ID!r}.",
                "model_not_found",
                "model",
            )
        )
    turns = conversation_turns(body.messages)
    last = len(turns) - 1
    chore = recognise(turns[last].text)
    if chore is not None:
        return _answer(body, None, chore.answer)
    try:
        question = checked_question(turns[last].text, services.settings)
    except Problem as problem:
        raise ShapedError(
            AdapterError(400, problem.detail, "invalid_message", f"messages.{last}.content")
        ) from None
    earlier = earlier_key(user.id, turns)
    session_id = None
    if earlier is not None:
        async with open_db(services.engine) as db:
            session_id = await find_conversation(db, key_hash=earlier, user_id=user.id)
    run = await ask(runs, services.settings, user, message=question, session_id=session_id)
    async with open_db(services.engine) as db:
        await remember_conversation(
            db, key_hash=history_key(user.id, turns), user_id=user.id, session_id=run.session_id
        )
    headers = {"X-Session-Id": run.session_id, "X-Run-Id": run.id}
    if body.stream:
        return StreamingResponse(
            _chunks(body, run, runs, services), media_type="text/event-stream", headers=headers
        )
    records = [record async for record in runs.events(run.id)]
    final = await runs.get(run.id)
    if final is None:
        raise ShapedError(
            AdapterError(404, "The conversation was deleted while answering.", "not_found")
        )
    if final.status == "failed":
        raise ShapedError(
            AdapterError(
                502, final.error_message or "The answer failed.", final.error_code or "internal"
            )
        )
    notes = "".join(_note(r, services) for r in records)
    response = _answer(body, final, notes + final.final_text)
    response.headers.update(headers)
    return response


def _answer(body: wire.CompletionRequest, run: Run | None, text: str) -> Response:
    ident, created = wire.completion_id(run), wire.created_of(run)
    if body.stream:
        return StreamingResponse(
            _canned(body, ident, created, text), media_type="text/event-stream"
        )
    return JSONResponse(
        wire.completion(ident=ident, created=created, text=text, usage=wire.usage_body(run))
    )


async def _canned(
    body: wire.CompletionRequest, ident: str, created: int, text: str
) -> AsyncIterator[str]:
    usage = bool(body.stream_options and body.stream_options.include_usage)
    common: dict[str, Any] = {"ident": ident, "created": created, "with_usage_field": usage}
    yield wire.chunk(delta={"role": "assistant", "content": text}, **common)
    yield wire.chunk(delta={}, finish="stop", **common)
    if usage:
        yield wire.chunk(delta=None, **{**common, "usage": wire.usage_body(None)})
    yield wire.DONE_FRAME


async def _chunks(
    body: wire.CompletionRequest, run: Run, runs: RunManager, services: Services
) -> AsyncIterator[str]:
    usage = bool(body.stream_options and body.stream_options.include_usage)
    common: dict[str, Any] = {
        "ident": wire.completion_id(run),
        "created": wire.created_of(run),
        "with_usage_field": usage,
    }
    yield wire.chunk(delta={"role": "assistant", "content": ""}, **common)
    try:
        async for record in records_with_keepalive(
            runs, run.id, after=0, keepalive_seconds=services.stream.keepalive_seconds
        ):
            if record is None:
                yield wire.KEEPALIVE_FRAME
            elif record.event == "run.failed":
                data = record.data
                error = AdapterError(502, str(data.get("message", "")), str(data.get("code", "")))
                yield wire.error_frame(error)
                return
            elif text := _note(record, services) or _delta(record):
                yield wire.chunk(delta={"content": text}, **common)
    except LookupError:  # The conversation was deleted while it answered.
        yield wire.error_frame(AdapterError(404, "The conversation was deleted.", "not_found"))
        return
    yield wire.chunk(delta={}, finish="stop", **common)
    if usage:
        yield wire.chunk(delta=None, **{**common, "usage": wire.usage_body(await runs.get(run.id))})
    yield wire.DONE_FRAME


def _delta(record: RunEventRecord) -> str:
    return str(record.data.get("delta", "")) if record.event == "message.delta" else ""


def _note(record: RunEventRecord, services: Services) -> str:
    """A hand-off as a line of text, when `OPENAI_COMPAT_HANDOFF_TEXT` asks for it."""
    if record.event != "handoff" or not services.settings.openai_compat_handoff_text:
        return ""
    return f"_→ the {record.data.get('to', '')} specialist answers._\n\n"
