"""Conversations: create, find, list, rename, delete; always filtered by owner."""

from __future__ import annotations

import secrets

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession
from ask_applicant.persistence.titles import clean_title


def new_session_id() -> str:
    """A conversation id nobody can guess (192 random bits)."""
    return "s_" + secrets.token_urlsafe(24)


async def create_session(db: AsyncSession, *, owner_id: str, title: str = "") -> ChatSession:
    """Start a conversation owned by `owner_id`."""
    chat = ChatSession(id=new_session_id(), owner_id=owner_id, title=clean_title(title))
    db.add(chat)
    await db.commit()
    await db.refresh(chat)
    return chat


async def get_session(
    db: AsyncSession, *, session_id: str, owner_id: str | None
) -> ChatSession | None:
    """The conversation, if it exists and belongs to `owner_id` (None: any owner)."""
    query = select(ChatSession).where(ChatSession.id == session_id)
    if owner_id is not None:
        query = query.where(ChatSession.owner_id == owner_id)
    return (await db.exec(query)).first()


async def list_sessions(
    db: AsyncSession, *, owner_id: str | None, limit: int = 50, offset: int = 0
) -> list[ChatSession]:
    """Conversations, most recently updated first (None owner: everyone's)."""
    query = select(ChatSession)
    if owner_id is not None:
        query = query.where(ChatSession.owner_id == owner_id)
    query = query.order_by(col(ChatSession.updated_at).desc(), col(ChatSession.id))
    return list((await db.exec(query.offset(offset).limit(limit))).all())


async def rename_session(
    db: AsyncSession, *, session_id: str, owner_id: str | None, title: str
) -> ChatSession | None:
    """Set a conversation's title; None when it is not found for this owner."""
    chat = await get_session(db, session_id=session_id, owner_id=owner_id)
    if chat is None:
        return None
    chat.title = clean_title(title)
    chat.updated_at = utcnow()
    db.add(chat)
    await db.commit()
    await db.refresh(chat)
    return chat


async def set_current_agent(db: AsyncSession, *, session_id: str, agent: str) -> None:
    """Remember which agent answered last, so the next turn starts there."""
    chat = await db.get(ChatSession, session_id)
    if chat is None:
        return
    chat.current_agent = agent
    chat.updated_at = utcnow()
    db.add(chat)
    await db.commit()


async def delete_session(db: AsyncSession, *, session_id: str, owner_id: str | None) -> bool:
    """Delete a conversation with its items, runs and events; False when not found."""
    chat = await get_session(db, session_id=session_id, owner_id=owner_id)
    if chat is None:
        return False
    await db.delete(chat)
    await db.commit()
    return True
