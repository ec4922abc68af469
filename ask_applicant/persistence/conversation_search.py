"""Finding conversations: by recruiter, by date, and by words in their messages.

Search is a case-insensitive substring match (LIKE) over the questions and answers of
a conversation's runs. The term's own `%`, `_` and escape character are escaped, so
they match themselves; Hangul and emoji are compared as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.models import ChatSession, Run

# Not a backslash: MySQL also treats backslashes in string literals as escapes.
LIKE_ESCAPE = "!"


def like_pattern(term: str) -> str:
    """`%term%` with LIKE's metacharacters in `term` escaped."""
    escaped = (
        term.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped.lower()}%"


@dataclass(frozen=True)
class ConversationFilter:
    """Which conversations to list (every field optional).

    Attributes:
        owner_ids: Only these users' (a recruiter, or a link's recruiter).
        since: Active at or after this moment.
        until: Started before this moment.
        text: Words that a question or an answer contains.
    """

    owner_ids: tuple[str, ...] | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None


async def find_sessions(
    db: AsyncSession, *, where: ConversationFilter, limit: int = 50, offset: int = 0
) -> list[ChatSession]:
    """Conversations matching `where`, most recently updated first."""
    query = select(ChatSession)
    if where.owner_ids is not None:
        query = query.where(col(ChatSession.owner_id).in_(where.owner_ids))
    if where.since is not None:
        query = query.where(col(ChatSession.updated_at) >= where.since)
    if where.until is not None:
        query = query.where(col(ChatSession.created_at) < where.until)
    if where.text:
        pattern = like_pattern(where.text)
        said = func.lower(Run.message).like(pattern, escape=LIKE_ESCAPE) | func.lower(
            Run.final_text
        ).like(pattern, escape=LIKE_ESCAPE)
        query = query.where(exists().where(col(Run.session_id) == col(ChatSession.id), said))
    query = query.order_by(col(ChatSession.updated_at).desc(), col(ChatSession.id))
    return list((await db.exec(query.offset(offset).limit(limit))).all())
