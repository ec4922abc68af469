"""Runs: one answer to one message. Created, found, kept alive and found stale here.

A conversation has at most one active run: `sessions.active_run_id` is claimed with a
compare-and-set (checked by row count; MariaDB has no `UPDATE ... RETURNING`). The
run's event stream lives in `run_streams`; its names are re-exported here.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession, Run, RunEvent
from ask_applicant.persistence.run_streams import (
    ACTIVE_STATUSES,
    MAX_ERROR_MESSAGE_LENGTH,
    TERMINAL_STATUSES,
    NewEvent,
    RunEnding,
    RunTakenOverError,
    append_events,
    end_run_elsewhere,
    finish_run,
    list_events,
    streamed_text,
)
from ask_applicant.persistence.store import SessionNotFoundError

__all__ = [
    "ACTIVE_STATUSES",
    "MAX_CLIENT_MESSAGE_ID_LENGTH",
    "MAX_ERROR_MESSAGE_LENGTH",
    "TERMINAL_STATUSES",
    "NewEvent",
    "RunEnding",
    "RunTakenOverError",
    "SessionBusyError",
    "append_events",
    "create_run",
    "end_run_elsewhere",
    "find_run_by_client_message_id",
    "finish_run",
    "get_run",
    "list_events",
    "new_run_id",
    "owned_active_runs",
    "stale_runs",
    "streamed_text",
    "touch_run",
]

MAX_CLIENT_MESSAGE_ID_LENGTH = 128

_runs = Run.__table__  # type: ignore[attr-defined]
_events = RunEvent.__table__  # type: ignore[attr-defined]
_sessions = ChatSession.__table__  # type: ignore[attr-defined]


class SessionBusyError(RuntimeError):
    """The conversation already has an active run; one answer at a time.

    Attributes:
        active_run_id: The run that holds the conversation.
    """

    def __init__(self, active_run_id: str) -> None:
        super().__init__(f"the conversation is busy answering run {active_run_id}")
        self.active_run_id = active_run_id


def new_run_id() -> str:
    """A run id nobody can guess (192 random bits)."""
    return "r_" + secrets.token_urlsafe(24)


async def get_run(db: AsyncSession, *, run_id: str, owner_id: str | None = None) -> Run | None:
    """The run, fresh from the database, if its conversation belongs to `owner_id`.

    Args:
        db: The session to read with.
        run_id: The run's id.
        owner_id: The user whose conversations may be read; None for any.
    """
    query = select(Run).where(Run.id == run_id).execution_options(populate_existing=True)
    if owner_id is not None:
        query = query.join(ChatSession, col(ChatSession.id) == col(Run.session_id)).where(
            ChatSession.owner_id == owner_id
        )
    return (await db.exec(query)).first()


async def find_run_by_client_message_id(
    db: AsyncSession, *, client_message_id: str, session_id: str | None, user_id: str
) -> Run | None:
    """The run a client already started with this `client_message_id`, if any.

    Args:
        db: The session to read with.
        client_message_id: The client's id for its message.
        session_id: The conversation; None looks through every run of `user_id`, so a
            retried first message does not open a second conversation.
        user_id: Who sent it.
    """
    query = select(Run).where(Run.client_message_id == client_message_id)
    if session_id is not None:
        query = query.where(Run.session_id == session_id)
    else:
        query = query.where(Run.user_id == user_id).order_by(col(Run.created_at).desc())
    return (await db.exec(query.execution_options(populate_existing=True))).first()


async def create_run(
    db: AsyncSession,
    *,
    session_id: str,
    user_id: str,
    message: str,
    client_message_id: str | None,
    agent: str,
    owner_process: str | None = None,
) -> tuple[Run, bool]:
    """Claim the conversation and store a new running run with its `run.created` event.

    One transaction: the claim on `sessions.active_run_id`, the run row (holding the
    user's message) and event 1, so a run is never visible without its first event.

    Args:
        db: The session to write with.
        session_id: The conversation.
        user_id: Who asks.
        message: The question.
        client_message_id: The client's id for the message, if any.
        agent: The key of the agent the run starts with.
        owner_process: Who answers the run (`ProcessIdentity.dumps()`), if known.

    Returns:
        The new run and True, or the existing run and False when `client_message_id`
        was already used on this conversation (a retry).

    Raises:
        SessionBusyError: Another run of the conversation is active.
        SessionNotFoundError: The conversation does not exist.
    """
    for _attempt in range(_CLAIM_ATTEMPTS):
        if client_message_id is not None:
            existing = await find_run_by_client_message_id(
                db, client_message_id=client_message_id, session_id=session_id, user_id=user_id
            )
            if existing is not None:
                return existing, False
        run = await _claim_and_insert(
            db,
            session_id=session_id,
            user_id=user_id,
            message=message,
            client_message_id=client_message_id,
            agent=agent,
            owner_process=owner_process,
        )
        if run is not None:
            return run
        query = select(ChatSession.id, ChatSession.active_run_id).where(
            ChatSession.id == session_id
        )
        holder = (await db.exec(query)).first()
        await db.commit()
        if holder is None:
            raise SessionNotFoundError(f"no conversation with id {session_id!r}")
        _id, active_run_id = holder
        if active_run_id is not None and client_message_id is not None:
            # The run holding the conversation may be this very message, sent twice at once.
            existing = await find_run_by_client_message_id(
                db, client_message_id=client_message_id, session_id=session_id, user_id=user_id
            )
            await db.commit()
            if existing is not None:
                return existing, False
        if active_run_id is not None:
            raise SessionBusyError(active_run_id)
        # The run that held the conversation ended in between: try to claim it again.
    raise SessionBusyError("unknown")


_CLAIM_ATTEMPTS = 3


async def _claim_and_insert(
    db: AsyncSession,
    *,
    session_id: str,
    user_id: str,
    message: str,
    client_message_id: str | None,
    agent: str,
    owner_process: str | None,
) -> tuple[Run, bool] | None:
    run_id = new_run_id()
    now = utcnow()
    claimed = await db.exec(
        update(_sessions)
        .where(_sessions.c.id == session_id, _sessions.c.active_run_id.is_(None))
        .values(active_run_id=run_id, updated_at=now)
    )
    if claimed.rowcount != 1:
        # Nothing was written. Ending with a commit, not a rollback, leaves the caller's
        # loaded objects readable (a rollback expires them) and starts a fresh snapshot.
        await db.commit()
        return None
    run = running_run(
        run_id=run_id,
        session_id=session_id,
        user_id=user_id,
        message=message,
        client_message_id=client_message_id,
        agent=agent,
        owner_process=owner_process,
        now=now,
    )
    return await store_new_run(db, run=run, lookup_session_id=session_id)


def running_run(
    *,
    run_id: str,
    session_id: str,
    user_id: str,
    message: str,
    client_message_id: str | None,
    agent: str,
    owner_process: str | None,
    now: datetime,
    opens_conversation: bool = False,
) -> Run:
    """A new run, already running, whose first event (`run.created`) is seq 1.

    `opens_conversation` also sets `opening_client_message_id`, the column whose unique
    constraint lets one copy of a conversation's first message open it.
    """
    return Run(
        id=run_id,
        session_id=session_id,
        user_id=user_id,
        status="running",
        client_message_id=client_message_id,
        opening_client_message_id=client_message_id if opens_conversation else None,
        message=message,
        agent=agent,
        last_seq=1,
        created_at=now,
        started_at=now,
        heartbeat_at=now,
        owner_process=owner_process,
    )


async def store_new_run(
    db: AsyncSession,
    *,
    run: Run,
    lookup_session_id: str | None,
    before: Sequence[SQLModel] = (),
) -> tuple[Run, bool]:
    """Insert `before` (in order), `run` and its `run.created` event in one transaction.

    When a copy of the same message (same `client_message_id`) won the race, the unique
    constraint refuses this insert; the rollback removes everything this one began, and
    the winner's run is returned (found in `lookup_session_id`, or in any conversation
    of the user when None).

    Returns:
        `(run, True)`, or the earlier copy's run and False.
    """
    data = {"run_id": run.id, "session_id": run.session_id, "agent": run.agent}
    try:
        for row in before:
            db.add(row)
            await db.flush()
        db.add(run)
        await db.flush()
        await db.exec(insert(_events).values(run_id=run.id, seq=1, event="run.created", data=data))
        await db.commit()
    except IntegrityError:
        # The rollback expires the caller's loaded objects, so the winner is read afresh.
        await db.rollback()
        if run.client_message_id is None:
            raise
        existing = await find_run_by_client_message_id(
            db,
            client_message_id=run.client_message_id,
            session_id=lookup_session_id,
            user_id=run.user_id,
        )
        await db.commit()
        if existing is None:
            raise
        return existing, False
    return run, True


async def touch_run(db: AsyncSession, *, run_id: str) -> bool:
    """Refresh an active run's heartbeat; False when the run is no longer active."""
    result = await db.exec(
        update(_runs)
        .where(_runs.c.id == run_id, _runs.c.status.in_(ACTIVE_STATUSES))
        .values(heartbeat_at=utcnow())
    )
    await db.commit()
    return bool(result.rowcount == 1)


async def owned_active_runs(db: AsyncSession, *, limit: int = 500) -> list[tuple[str, str]]:
    """`(run_id, owner_process)` of active runs that name the process answering them."""
    query = (
        select(Run.id, Run.owner_process)
        .where(col(Run.status).in_(ACTIVE_STATUSES), col(Run.owner_process).is_not(None))
        .limit(limit)
    )
    return [(run_id, str(owner)) for run_id, owner in (await db.exec(query)).all()]


async def stale_runs(db: AsyncSession, *, stale_before: datetime, limit: int = 100) -> list[Run]:
    """Active runs whose heartbeat (or creation, if none) is older than `stale_before`."""
    heartbeat = func.coalesce(col(Run.heartbeat_at), col(Run.created_at))
    query = (
        select(Run)
        .where(col(Run.status).in_(ACTIVE_STATUSES), heartbeat < stale_before)
        .order_by(heartbeat)
        .limit(limit)
        .execution_options(populate_existing=True)
    )
    return list((await db.exec(query)).all())
