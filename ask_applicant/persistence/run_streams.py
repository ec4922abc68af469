"""A run's event stream in the database: appended, read and ended under compare-and-set.

A run's events are appended only by whoever last saw `runs.last_seq`, and only while the
run is active, so a sweeper or another worker that ends a run can never interleave its
terminal event with the owner's writes: the loser learns it from the row count
(MariaDB has no `UPDATE ... RETURNING`) and gets `RunTakenOverError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession, Run, RunEvent

ACTIVE_STATUSES: tuple[str, ...] = ("queued", "running")
TERMINAL_STATUSES: tuple[str, ...] = ("completed", "failed", "cancelled")
MAX_ERROR_MESSAGE_LENGTH = 1000

_runs = Run.__table__  # type: ignore[attr-defined]
_events = RunEvent.__table__  # type: ignore[attr-defined]
_sessions = ChatSession.__table__  # type: ignore[attr-defined]


class RunTakenOverError(RuntimeError):
    """Someone else (a sweeper, another worker's cancel) already ended this run."""


@dataclass(frozen=True)
class NewEvent:
    """An event to store: its place in the run's stream, name and JSON data."""

    seq: int
    event: str
    data: dict[str, Any]


@dataclass(frozen=True)
class RunEnding:
    """How a run ends: what its row says afterwards.

    Attributes:
        status: "completed", "failed" or "cancelled".
        final_text: The answer, or the partial answer of a failed or cancelled run.
        agent: Key of the agent that answered last (None keeps the row's).
        refused: True when a guardrail refused the question.
        answer_kind: How a completed run answered (`agents.answer_kind`); None otherwise.
        usage: Model requests and token counts (requests, input_tokens, output_tokens,
            total_tokens).
        error_code: The `run.failed` code.
        error_message: The `run.failed` message.
    """

    status: str
    final_text: str = ""
    agent: str | None = None
    refused: bool = False
    answer_kind: str | None = None
    usage: dict[str, int] | None = None
    error_code: str | None = None
    error_message: str | None = None


async def list_events(
    db: AsyncSession, *, run_id: str, after: int = 0, limit: int = 500
) -> list[RunEvent]:
    """The run's stored events with `seq > after`, in order, at most `limit` of them."""
    query = (
        select(RunEvent)
        .where(RunEvent.run_id == run_id, RunEvent.seq > after)
        .order_by(col(RunEvent.seq))
        .limit(limit)
    )
    events = list((await db.exec(query)).all())
    # Rows are read-only snapshots here; dropping them keeps the identity map small.
    db.expunge_all()
    return events


async def append_events(
    db: AsyncSession, *, run_id: str, events: Sequence[NewEvent], expected_last_seq: int
) -> None:
    """Store the next events of an active run (one transaction).

    Raises:
        RunTakenOverError: The run is no longer active or someone else wrote to it.
    """
    if not events:
        return
    await _advance(db, run_id=run_id, events=events, expected_last_seq=expected_last_seq)
    await db.commit()


async def finish_run(
    db: AsyncSession,
    *,
    run_id: str,
    ending: RunEnding,
    events: Sequence[NewEvent],
    expected_last_seq: int,
    stale_before: datetime | None = None,
) -> None:
    """End an active run: its last events (the terminal one last), its row, its session.

    One transaction, so the terminal event and the run's final state appear together.

    Args:
        db: The session to write with.
        run_id: The run.
        ending: The run's final state.
        events: The events not stored yet, ending with the terminal event.
        expected_last_seq: The `last_seq` the caller last saw.
        stale_before: Only end the run if its heartbeat is older (for the sweeper).

    Raises:
        RunTakenOverError: The run is no longer active or someone else wrote to it.
    """
    now = utcnow()
    values: dict[str, Any] = {
        "status": ending.status,
        "final_text": ending.final_text,
        "refused": ending.refused,
        "answer_kind": ending.answer_kind,
        "error_code": ending.error_code,
        "error_message": (ending.error_message or "")[:MAX_ERROR_MESSAGE_LENGTH] or None,
        "finished_at": now,
        "heartbeat_at": now,
    }
    if ending.agent is not None:
        values["agent"] = ending.agent
    if ending.usage is not None:
        values.update({key: int(ending.usage.get(key, 0)) for key in _TOKEN_COLUMNS})
    extra = []
    if stale_before is not None:
        heartbeat = func.coalesce(_runs.c.heartbeat_at, _runs.c.created_at)
        extra.append(heartbeat < stale_before)
    await _advance(
        db,
        run_id=run_id,
        events=events,
        expected_last_seq=expected_last_seq,
        values=values,
        extra_conditions=extra,
    )
    session_values: dict[str, Any] = {"active_run_id": None, "updated_at": now}
    if ending.agent is not None:
        session_values["current_agent"] = ending.agent
    run_row = await db.exec(select(Run.session_id).where(Run.id == run_id))
    session_id = run_row.one()
    await db.exec(
        update(_sessions)
        .where(_sessions.c.id == session_id, _sessions.c.active_run_id == run_id)
        .values(**session_values)
    )
    await db.commit()


async def streamed_text(db: AsyncSession, *, run_id: str) -> str:
    """The answer text a run streamed so far (its stored `message.delta` events)."""
    query = (
        select(RunEvent)
        .where(RunEvent.run_id == run_id, RunEvent.event == "message.delta")
        .order_by(col(RunEvent.seq))
    )
    events = (await db.exec(query)).all()
    text = "".join(str(event.data.get("delta", "")) for event in events)
    db.expunge_all()
    return text


async def end_run_elsewhere(
    db: AsyncSession,
    *,
    run_id: str,
    status: str,
    error_code: str | None = None,
    error_message: str | None = None,
    stale_before: datetime | None = None,
) -> bool:
    """End an active run that this process does not run: died elsewhere, or cancelled here.

    Locks the run row, so its owner's next write fails (`RunTakenOverError`) instead of
    interleaving with ours. Stores the terminal event, `run.cancelled {partial_text}` or
    `run.failed {code, message}`, with the partial answer the run had streamed.

    Args:
        db: The session to write with.
        run_id: The run.
        status: "cancelled" or "failed".
        error_code: The `run.failed` code.
        error_message: The `run.failed` message.
        stale_before: Only end it if its heartbeat is older than this (the sweeper).

    Returns:
        True when this call ended the run; False when it had ended already or was alive.
    """
    query = (
        select(Run)
        .where(Run.id == run_id, col(Run.status).in_(ACTIVE_STATUSES))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    run = (await db.exec(query)).first()
    if run is None:
        await db.commit()
        return False
    partial = await streamed_text(db, run_id=run_id)
    if status == "cancelled":
        terminal = NewEvent(run.last_seq + 1, "run.cancelled", {"partial_text": partial})
    else:
        data = {"code": error_code or "internal", "message": error_message or ""}
        terminal = NewEvent(run.last_seq + 1, "run.failed", data)
    ending = RunEnding(
        status=status, final_text=partial, error_code=error_code, error_message=error_message
    )
    try:
        await finish_run(
            db,
            run_id=run_id,
            ending=ending,
            events=[terminal],
            expected_last_seq=run.last_seq,
            stale_before=stale_before,
        )
    except RunTakenOverError:
        return False
    return True


_TOKEN_COLUMNS = ("requests", "input_tokens", "output_tokens", "total_tokens")


async def _advance(
    db: AsyncSession,
    *,
    run_id: str,
    events: Sequence[NewEvent],
    expected_last_seq: int,
    values: dict[str, Any] | None = None,
    extra_conditions: Sequence[Any] = (),
) -> None:
    seqs = [event.seq for event in events]
    if seqs != list(range(expected_last_seq + 1, expected_last_seq + 1 + len(seqs))):
        raise ValueError(f"events must continue the stream after seq {expected_last_seq}")
    new_last = seqs[-1] if seqs else expected_last_seq
    advanced = await db.exec(
        update(_runs)
        .where(
            _runs.c.id == run_id,
            _runs.c.status.in_(ACTIVE_STATUSES),
            _runs.c.last_seq == expected_last_seq,
            *extra_conditions,
        )
        .values(last_seq=new_last, **(values or {}))
    )
    if advanced.rowcount != 1:
        await db.commit()  # Nothing was written; see _claim_and_insert.
        raise RunTakenOverError(f"run {run_id} was ended or written by someone else")
    if events:
        now = utcnow()
        rows = [
            {"run_id": run_id, "seq": e.seq, "event": e.event, "data": e.data, "created_at": now}
            for e in events
        ]
        await db.exec(insert(_events), params=rows)
