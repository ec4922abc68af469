"""Everything a share link's recruiter left, read for export or deleted in one go."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.console_models import Lead
from ask_applicant.persistence.models import ChatSession, Run, ShareLink, User


class RecruiterBusyError(Exception):
    """A conversation of the recruiter is still answering."""


@dataclass(frozen=True)
class Forgotten:
    """How much was deleted."""

    conversations: int
    runs: int
    leads: int


async def forget_recruiter(db: AsyncSession, *, link: ShareLink) -> Forgotten:
    """Delete the conversations (with their items, runs and events) and leads of the
    link's recruiter, in one transaction. The link itself stays, in its state.

    Raises:
        RecruiterBusyError: One of its conversations is answering; cancel that first.
    """
    owner = link.user_id
    busy = await db.exec(
        select(func.count()).where(
            ChatSession.owner_id == owner, col(ChatSession.active_run_id).is_not(None)
        )
    )
    if int(busy.one()):
        raise RecruiterBusyError
    runs = int(
        (
            await db.exec(
                select(func.count())
                .select_from(Run)
                .join(ChatSession, col(Run.session_id) == col(ChatSession.id))
                .where(ChatSession.owner_id == owner)
            )
        ).one()
    )
    sessions_table = ChatSession.__table__  # type: ignore[attr-defined]
    leads_table = Lead.__table__  # type: ignore[attr-defined]
    # The runs, their events and the SDK items go with their conversation (ON DELETE CASCADE).
    gone = await db.exec(delete(sessions_table).where(sessions_table.c.owner_id == owner))  # type: ignore[call-overload]
    leads = await db.exec(delete(leads_table).where(leads_table.c.user_id == owner))  # type: ignore[call-overload]
    await db.commit()
    return Forgotten(conversations=gone.rowcount, runs=runs, leads=leads.rowcount)


@dataclass(frozen=True)
class ExportRow:
    """One question and answer, with its conversation and who asked."""

    run: Run
    chat: ChatSession
    asker: str
    link_name: str | None


async def export_rows(db: AsyncSession) -> list[ExportRow]:
    """Every run with its conversation and asker, by conversation then time."""
    query = (
        select(Run, ChatSession, User.name, ShareLink.name)
        .join(ChatSession, col(Run.session_id) == col(ChatSession.id))
        .join(User, col(ChatSession.owner_id) == col(User.id))
        .outerjoin(ShareLink, col(ShareLink.user_id) == col(User.id))
        .order_by(col(ChatSession.created_at), col(ChatSession.id), col(Run.created_at))
    )
    return [
        ExportRow(run, chat, asker, link_name)
        for run, chat, asker, link_name in (await db.exec(query)).all()
    ]
