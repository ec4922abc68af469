"""Opening a conversation: the conversation, its first run and `run.created`, at once.

A first message sent with a `client_message_id` claims `(user, client_message_id)`
under a unique constraint (`runs.opening_client_message_id`), in the same transaction
that creates the conversation. However many copies of it arrive at once, on however
many workers, the database lets exactly one open a conversation; the others roll back
and get that run.
"""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession, Run, RunEvent
from ask_applicant.persistence.runs import find_run_by_client_message_id, new_run_id
from ask_applicant.persistence.sessions import clean_title, new_session_id

_events = RunEvent.__table__  # type: ignore[attr-defined]


async def open_conversation(
    db: AsyncSession,
    *,
    user_id: str,
    title: str,
    message: str,
    client_message_id: str | None,
    agent: str,
    owner_process: str | None = None,
) -> tuple[Run, bool]:
    """Start a conversation owned by `user_id` with a running run answering `message`.

    Args:
        db: The session to write with.
        user_id: Who asks (and owns the new conversation).
        title: The conversation's title.
        message: The question.
        client_message_id: The client's id for the message, if any.
        agent: The key of the agent the run starts with.
        owner_process: Who answers the run (`ProcessIdentity.dumps()`), if known.

    Returns:
        The new run and True; or, when `client_message_id` was already used by this
        user, the run it started and False (nothing new is stored).
    """
    if client_message_id is not None:
        existing = await find_run_by_client_message_id(
            db, client_message_id=client_message_id, session_id=None, user_id=user_id
        )
        if existing is not None:
            await db.commit()
            return existing, False
    run_id = new_run_id()
    now = utcnow()
    chat = ChatSession(
        id=new_session_id(),
        owner_id=user_id,
        title=clean_title(title),
        active_run_id=run_id,
        created_at=now,
        updated_at=now,
    )
    run = Run(
        id=run_id,
        session_id=chat.id,
        user_id=user_id,
        status="running",
        client_message_id=client_message_id,
        opening_client_message_id=client_message_id,
        message=message,
        agent=agent,
        last_seq=1,
        created_at=now,
        started_at=now,
        heartbeat_at=now,
        owner_process=owner_process,
    )
    data = {"run_id": run_id, "session_id": chat.id, "agent": agent}
    try:
        db.add(chat)
        await db.flush()
        db.add(run)
        await db.flush()
        await db.exec(insert(_events).values(run_id=run_id, seq=1, event="run.created", data=data))
        await db.commit()
    except IntegrityError:
        # Another copy of this first message claimed the id first; the rollback removes
        # the conversation this one had begun.
        await db.rollback()
        if client_message_id is None:
            raise
        existing = await find_run_by_client_message_id(
            db, client_message_id=client_message_id, session_id=None, user_id=user_id
        )
        await db.commit()
        if existing is None:
            raise
        return existing, False
    return run, True
