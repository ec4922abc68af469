"""Opening a conversation: the conversation, its first run and `run.created`, at once.

A first message sent with a `client_message_id` claims `(user, client_message_id)`
under a unique constraint (`runs.opening_client_message_id`), in the same transaction
that creates the conversation. However many copies of it arrive at once, on however
many workers, the database lets exactly one open a conversation; the others roll back
and get that run.
"""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession, Run
from ask_applicant.persistence.runs import (
    find_run_by_client_message_id,
    new_run_id,
    running_run,
    store_new_run,
)
from ask_applicant.persistence.sessions import clean_title, new_session_id


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
    run = running_run(
        run_id=run_id,
        session_id=chat.id,
        user_id=user_id,
        message=message,
        client_message_id=client_message_id,
        agent=agent,
        owner_process=owner_process,
        now=now,
        opens_conversation=True,
    )
    # A copy of this first message that claimed the id first wins; its run is returned.
    return await store_new_run(db, run=run, lookup_session_id=None, before=[chat])
