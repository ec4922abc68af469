"""The seed front end's API, unchanged (`SEED_API_ENABLED`, off by default).

`GET /user`, `GET /sessions/{user_id}`, `DELETE /sessions/{session_id}`,
`POST /openai-response/sse` and `POST /openai-response/text`, as the front end written
for the replaced backend calls them. A caller without credentials is one configured
recruiter (`SEED_RECRUITER_NAME`): everyone using the front end shares its
conversations. A caller that sends a Bearer key, or a share link's session cookie, is
that key's or that link's user instead.
Integers are stable aliases of our ids; only answer text is streamed, never events.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from sqlmodel import col, select
from starlette.responses import StreamingResponse

from ask_applicant.agents.refusals import language_of
from ask_applicant.persistence import Run, User, open_db
from ask_applicant.persistence.aliases import alias_of, aliases_of, target_of
from ask_applicant.persistence.sessions import delete_session, get_session, list_sessions
from ask_applicant.server.adapters import seed_wire as wire
from ask_applicant.server.adapters.asking import ask, records_with_keepalive
from ask_applicant.server.adapters.error_routes import AdapterError, ShapedError, error_route
from ask_applicant.server.auth import rate_limited
from ask_applicant.server.browser_session import has_session_cookie
from ask_applicant.server.deps import RunManagerDep, ServicesDep, get_current_user
from ask_applicant.server.runs import RunManager
from ask_applicant.server.services import Services

router = APIRouter(tags=["seed front end"], route_class=error_route(wire.seed_error))
TITLE_CHARS = 20
MAX_LISTED = 100
_ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"description": '`{"detail": "…"}`'} for s in (404, 409, 422, 429)
}


async def seed_caller(request: Request, services: ServicesDep) -> User:
    """The user of a Bearer key or a share link's cookie, else the configured recruiter."""
    if request.headers.get("authorization") or has_session_cookie(request):
        # Identified callers get exactly the API's checks (CSRF, failed-auth limits).
        return await get_current_user(request, services, None)
    user = await wire.seed_identity(services.engine, services.settings.seed_recruiter_name)
    limited = await rate_limited(services.limiter, user)
    if limited is not None:
        raise limited
    return user


Caller = Annotated[User, Depends(seed_caller)]


@router.get("/user", responses=_ERRORS)
async def seed_user(user: Caller, services: ServicesDep) -> dict[str, Any]:
    """Who the front end is: `{id, username, email}` (no e-mail is kept: empty)."""
    async with open_db(services.engine) as db:
        alias = await alias_of(db, kind="user", target_id=user.id)
    return wire.envelope({"id": alias, "username": user.name, "email": ""})


@router.get("/sessions/{user_id}", responses=_ERRORS)
async def seed_sessions(user_id: int, user: Caller, services: ServicesDep) -> dict[str, Any]:
    """The caller's conversations, newest first, with their messages (for the sidebar)."""
    async with open_db(services.engine) as db:
        if user_id != await alias_of(db, kind="user", target_id=user.id):
            raise _not_found("user")
        chats = await list_sessions(db, owner_id=user.id, limit=MAX_LISTED)
        ids = [chat.id for chat in chats]
        query = select(Run).where(col(Run.session_id).in_(ids)).order_by(col(Run.created_at))
        runs = list((await db.exec(query)).all()) if ids else []
        session_aliases = await aliases_of(db, kind="session", target_ids=ids)
        run_aliases = await aliases_of(db, kind="run", target_ids=[run.id for run in runs])
    listed = []
    for chat in chats:
        alias = session_aliases[chat.id]
        messages: list[dict[str, Any]] = []
        for run in (r for r in runs if r.session_id == chat.id):
            number = run_aliases[run.id] * 2
            messages.append(_message(number, "user", run.message, alias, run.created_at))
            if run.final_text:
                when = run.finished_at or run.created_at
                messages.append(_message(number + 1, "assistant", run.final_text, alias, when))
        listed.append(
            {
                "id": alias,
                "user_id": user_id,
                "title": chat.title[:TITLE_CHARS] or None,
                "token": None,
                "created_at": chat.created_at.isoformat(),
                "messages": messages,
            }
        )
    return wire.envelope(listed)


@router.delete("/sessions/{session_id}", responses=_ERRORS)
async def seed_delete(session_id: int, user: Caller, services: ServicesDep) -> dict[str, Any]:
    """Delete a conversation (409 while it is answering)."""
    chat_id = await _session_id(services, session_id)
    async with open_db(services.engine) as db:
        chat = await get_session(db, session_id=chat_id, owner_id=user.id)
        if chat is None:
            raise _not_found("conversation")
        if chat.active_run_id is not None:
            raise ShapedError(AdapterError(409, "The conversation is still answering.", "busy"))
        await delete_session(db, session_id=chat_id, owner_id=user.id)
    return wire.envelope(None, "세션 삭제 완료")


@router.post(
    "/openai-response/sse",
    responses={200: {"content": {"text/event-stream": {}}}, **_ERRORS},
)
async def seed_ask_stream(
    body: wire.SeedAskRequest, user: Caller, runs: RunManagerDep, services: ServicesDep
) -> StreamingResponse:
    """`event: session` with the conversation's integer id, then the answer text."""
    question, note, session_id = await _asked(body, services)
    if not question.strip():  # Only an image: say so, start no run.
        alias = body.session_id
        return StreamingResponse(_only(alias, note), media_type="text/event-stream")
    run = await ask(runs, services.settings, user, message=question, session_id=session_id)
    async with open_db(services.engine) as db:
        alias = await alias_of(db, kind="session", target_id=run.session_id)
    stream = _answer_frames(runs, run, alias, note, services)
    return StreamingResponse(stream, media_type="text/event-stream")


@router.post("/openai-response/text", responses=_ERRORS)
async def seed_ask_text(
    body: wire.SeedAskRequest, user: Caller, runs: RunManagerDep, services: ServicesDep
) -> dict[str, Any]:
    """The whole answer in `data`."""
    question, note, session_id = await _asked(body, services)
    if not question.strip():
        return wire.envelope(note)
    run = await ask(runs, services.settings, user, message=question, session_id=session_id)
    async for _record in runs.events(run.id):
        pass
    final = await runs.get(run.id)
    if final is None:
        raise _not_found("conversation")
    if final.status == "failed":
        raise ShapedError(AdapterError(502, final.error_message or "The answer failed.", "failed"))
    return wire.envelope(note + final.final_text)


async def _asked(body: wire.SeedAskRequest, services: Services) -> tuple[str, str, str | None]:
    """The question, the note to put before the answer, and the conversation."""
    try:
        question, image = wire.question_of(body)
    except ValueError as error:
        raise ShapedError(AdapterError(422, str(error), "invalid-request")) from None
    if not question.strip() and not image:
        raise ShapedError(AdapterError(422, "input: the message is empty.", "invalid-request"))
    note = wire.IMAGES_NOT_SUPPORTED[language_of(question)] + "\n\n" if image else ""
    session_id = None if body.session_id is None else await _session_id(services, body.session_id)
    return question, note, session_id


async def _session_id(services: Services, alias: int) -> str:
    async with open_db(services.engine) as db:
        found = await target_of(db, kind="session", alias=alias)
    if found is None:
        raise _not_found("conversation")
    return found


async def _only(alias: int | None, note: str) -> AsyncIterator[str]:
    if alias is not None:
        yield wire.session_frame(alias)
    yield wire.text_frame(note.strip())


async def _answer_frames(
    runs: RunManager, run: Run, alias: int, note: str, services: Services
) -> AsyncIterator[str]:
    yield wire.session_frame(alias)
    if note:
        yield wire.text_frame(note)
    try:
        async for record in records_with_keepalive(
            runs, run.id, after=0, keepalive_seconds=services.stream.keepalive_seconds
        ):
            if record is None:
                yield ": keep-alive\n\n"
            elif record.event == "message.delta" and record.data.get("delta"):
                yield wire.text_frame(str(record.data["delta"]))
            elif record.event == "run.failed":
                yield wire.text_frame(
                    "\n\n(The answer stopped: " + str(record.data.get("message", "")) + ")"
                )
    except LookupError:
        yield wire.text_frame("\n\n(The conversation was deleted.)")


def _message(ident: int, role: str, text: str, session: int, when: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "role": role,
        "message": text,
        "session_id": session,
        "created_at": when.isoformat(),
    }


def _not_found(what: str) -> ShapedError:
    return ShapedError(AdapterError(404, f"There is no {what} with this id.", "not-found"))
