"""`/v1/sessions`: a caller's conversations (the applicant's: everyone's)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence import ChatSession, Run
from ask_applicant.persistence.conversation_search import ConversationFilter, find_sessions
from ask_applicant.persistence.runs import streamed_text
from ask_applicant.persistence.sessions import delete_session, get_session, rename_session
from ask_applicant.server.auth import not_found, visible_owner
from ask_applicant.server.conversation_scope import conversation_owners, day_start
from ask_applicant.server.deps import CurrentUser, DbDep, ReadDbDep
from ask_applicant.server.json_body import JsonBodyRoute
from ask_applicant.server.problems import Problem
from ask_applicant.server.schemas import (
    SessionDetail,
    SessionList,
    SessionPatch,
    SessionView,
    is_id,
)
from ask_applicant.server.views import session_detail, session_view, stream_url

router = APIRouter(prefix="/v1/sessions", tags=["sessions"], route_class=JsonBodyRoute)

MAX_OFFSET = 1_000_000


async def _visible_session(db: AsyncSession, user: CurrentUser, session_id: str) -> ChatSession:
    if not is_id(session_id):
        raise not_found("conversation")
    chat = await get_session(db, session_id=session_id, owner_id=visible_owner(user))
    if chat is None:
        raise not_found("conversation")
    return chat


@router.get("", response_model=SessionList)
async def list_conversations(
    user: CurrentUser,
    db: ReadDbDep,
    owner: Annotated[
        str | None,
        Query(max_length=64, description="Only this user's (the applicant's key only)."),
    ] = None,
    link: Annotated[
        str | None,
        Query(max_length=64, description="Only this share link's recruiter's (applicant only)."),
    ] = None,
    since: Annotated[
        date | None, Query(description="Only those active on or after this day (UTC).")
    ] = None,
    until: Annotated[
        date | None, Query(description="Only those started on or before this day (UTC).")
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Only those whose questions or answers contain this."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> SessionList:
    """Conversations, most recently active first: a recruiter's own, or (for the
    applicant) everyone's, optionally only those of `owner` or `link`; filtered by days
    and by words their messages contain (`q`, case-insensitive, `%` and `_` literal)."""
    owner_ids = await conversation_owners(db, user, owner=owner, link=link)
    where = ConversationFilter(
        owner_ids=owner_ids,
        since=day_start(since) if since else None,
        until=day_start(until + timedelta(days=1)) if until else None,
        text=q.strip() or None if q else None,
    )
    chats = await find_sessions(db, where=where, limit=limit, offset=offset)
    return SessionList(sessions=[session_view(c) for c in chats], limit=limit, offset=offset)


@router.get("/{session_id}", response_model=SessionDetail)
async def read_conversation(session_id: str, user: CurrentUser, db: ReadDbDep) -> SessionDetail:
    """A conversation and its messages (role, text, agent, status, created_at).

    The answer of a run still in progress holds the text streamed so far.
    """
    chat = await _visible_session(db, user, session_id)
    query = select(Run).where(Run.session_id == chat.id).order_by(col(Run.created_at), col(Run.id))
    runs = list((await db.exec(query)).all())
    so_far = {
        run.id: await streamed_text(db, run_id=run.id)
        for run in runs
        if run.status in ("queued", "running")
    }
    return session_detail(chat, runs, so_far)


@router.patch("/{session_id}", response_model=SessionView)
async def retitle_conversation(
    session_id: str, body: SessionPatch, user: CurrentUser, db: DbDep
) -> SessionView:
    """Rename a conversation."""
    await _visible_session(db, user, session_id)
    chat = await rename_session(
        db, session_id=session_id, owner_id=visible_owner(user), title=body.title
    )
    if chat is None:
        raise not_found("conversation")
    return session_view(chat)


@router.delete("/{session_id}", status_code=204)
async def delete_conversation(session_id: str, user: CurrentUser, db: DbDep) -> Response:
    """Delete a conversation with its messages, runs and events.

    A conversation that is still answering cannot be deleted (409): cancel the run first.
    """
    chat = await _visible_session(db, user, session_id)
    if chat.active_run_id is not None:
        raise Problem(
            409,
            "The conversation is still answering; cancel its run first.",
            kind="session-busy",
            extra={
                "active_run_id": chat.active_run_id,
                "stream_url": stream_url(chat.active_run_id),
            },
        )
    if not await delete_session(db, session_id=session_id, owner_id=visible_owner(user)):
        raise not_found("conversation")
    return Response(status_code=204)
