"""`POST /v1/ui/chat` and `GET /v1/ui/chat/{id}/stream` for the Vercel AI SDK's `useChat`.

The body is what `DefaultChatTransport` sends (`id`, `messages` with `parts`,
`trigger`, `messageId`; fields an app adds are ignored); the answer is the UI message
stream protocol v1 (see `adapters.ui_stream`). The chat `id` names the conversation:
one of our conversation ids (`s_…`), or any id the client made up, which is mapped to a
conversation of the caller on first use. Errors are JSON `{"type": "error",
"errorText": "…"}`, the protocol's own error chunk, with a 4xx status.
"""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response, StreamingResponse

from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.conversation_keys import find_conversation, remember_conversation
from ask_applicant.persistence.sessions import get_session
from ask_applicant.server.adapters.asking import ask
from ask_applicant.server.adapters.error_routes import AdapterError, ShapedError, error_route
from ask_applicant.server.adapters.ui_stream import HEADERS, ui_message_stream
from ask_applicant.server.auth import visible_owner
from ask_applicant.server.deps import CurrentUser, RunManagerDep, ServicesDep
from ask_applicant.server.runs.requests import plausible_id
from ask_applicant.server.schemas import MAX_MESSAGE_FIELD_CHARS
from ask_applicant.server.services import Services

OUR_SESSION_PREFIX = "s_"
ROLES = ("system", "user", "assistant")
MAX_MESSAGES = 500


def ui_error(error: AdapterError) -> Response:
    """An error as the protocol's error chunk; a body that failed validation is a 400."""
    status = 400 if error.status == 422 else error.status
    body = {"type": "error", "errorText": error.message, "code": error.kind}
    return JSONResponse(body, status_code=status, headers=dict(error.headers))


router = APIRouter(prefix="/v1/ui", tags=["vercel-ai-sdk"], route_class=error_route(ui_error))
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": '`{"type": "error", "errorText": "…"}`'}
    for status in (400, 401, 404, 409, 429)
}


class UIPart(BaseModel):
    """A part of a UI message; only `text` parts can be asked (`step-start` is skipped)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(max_length=100)
    text: str | None = Field(default=None, max_length=MAX_MESSAGE_FIELD_CHARS)


class UIMessage(BaseModel):
    """A message as `useChat` keeps it."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(default="", max_length=200)
    role: str = Field(max_length=32)
    parts: list[UIPart] = Field(default_factory=list, max_length=200)


class UIChatRequest(BaseModel):
    """The body `useChat` sends; unknown fields are ignored."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(max_length=200)
    messages: list[UIMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    trigger: str | None = Field(default=None, max_length=64)
    messageId: str | None = Field(default=None, max_length=200)  # The wire name.


@router.post("/chat", responses={200: {"content": {"text/event-stream": {}}}, **_ERRORS})
async def ui_chat(
    body: UIChatRequest, user: CurrentUser, runs: RunManagerDep, services: ServicesDep
) -> StreamingResponse:
    """Answer the last user message in the conversation named by `id`, as a UI message stream."""
    question, message_id = _question(body.messages)
    session_id, key = await _conversation(services, user, body.id)
    regenerate = body.trigger == "regenerate-message"
    client_id = (
        _retry_key(body.id, message_id)
        if message_id and not regenerate and _usable(message_id)
        else None
    )
    run = await ask(
        runs,
        services.settings,
        user,
        message=question,
        session_id=session_id,
        client_message_id=client_id,
    )
    if key is not None and session_id is None:
        async with open_db(services.engine) as db:
            await remember_conversation(
                db, key_hash=key, user_id=user.id, session_id=run.session_id
            )
    stream = ui_message_stream(runs, run, keepalive_seconds=services.stream.keepalive_seconds)
    return StreamingResponse(stream, media_type="text/event-stream", headers=HEADERS)


@router.get(
    "/chat/{chat_id}/stream",
    responses={
        200: {"content": {"text/event-stream": {}}},
        204: {"description": "No answer in progress."},
        **_ERRORS,
    },
)
async def resume_ui_chat(
    chat_id: str, user: CurrentUser, runs: RunManagerDep, services: ServicesDep
) -> Response:
    """The answer the conversation is writing now, from its start (`useChat`'s `resume`);
    204 when it is not answering."""
    session_id, _key = await _conversation(services, user, chat_id)
    if session_id is None:
        return Response(status_code=204)
    async with open_db(services.engine) as db:
        chat = await get_session(db, session_id=session_id, owner_id=visible_owner(user))
    if chat is None:
        raise ShapedError(AdapterError(404, "There is no conversation with this id.", "not-found"))
    run = None
    if chat.active_run_id is not None:
        run = await runs.get(chat.active_run_id)
    if run is None or run.status not in ("queued", "running"):
        return Response(status_code=204)
    stream = ui_message_stream(runs, run, keepalive_seconds=services.stream.keepalive_seconds)
    return StreamingResponse(stream, media_type="text/event-stream", headers=HEADERS)


def _question(messages: list[UIMessage]) -> tuple[str, str]:
    """The last user message's text and id.

    Raises:
        ShapedError: 400 for an unknown role, a part that is not text, no user message.
    """
    for index, message in enumerate(messages):
        if message.role not in ROLES:
            raise _bad(f"messages.{index}.role: {message.role[:32]!r} is not one of {ROLES}.")
    last = next((m for m in reversed(messages) if m.role == "user"), None)
    if last is None:
        raise _bad("messages: there is no user message to answer.")
    texts: list[str] = []
    for part in last.parts:
        if part.type == "step-start":
            continue
        if part.type != "text" or part.text is None:
            raise _bad(f"Only text can be answered; a {part.type[:100]!r} part is not supported.")
        texts.append(part.text)
    return "\n".join(texts), last.id


async def _conversation(
    services: Services, user: User, chat_id: str
) -> tuple[str | None, str | None]:
    """The conversation a chat id names (None: not started yet) and the key that maps it.

    Raises:
        ShapedError: 400 for an id that cannot be one.
    """
    if not plausible_id(chat_id):
        raise _bad("id: a chat id is 1 to 64 printable ASCII characters.")
    if chat_id.startswith(OUR_SESSION_PREFIX):
        return chat_id, None
    key = hashlib.sha256(f"ui-chat\0{user.id}\0{chat_id}".encode()).hexdigest()
    async with open_db(services.engine) as db:
        return await find_conversation(db, key_hash=key, user_id=user.id), key


def _retry_key(chat_id: str, message_id: str) -> str:
    """The `client_message_id` of a UI message: its id within its chat.

    A message id is unique only within its chat (apps may number them `m1`, `m2` in every
    chat), while a `client_message_id` opening a conversation is unique per user.
    """
    digest = hashlib.sha256(f"{chat_id}\0{message_id}".encode()).hexdigest()[:32]
    return f"ui_{digest}"


def _usable(message_id: str) -> bool:
    return 0 < len(message_id) <= 128 and message_id.isascii() and message_id.isprintable()


def _bad(message: str) -> ShapedError:
    return ShapedError(AdapterError(400, message, "invalid-request"))
