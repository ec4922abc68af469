"""Finding a conversation from a hash of its history (per user), and remembering one."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.adapter_models import ConversationKey
from ask_applicant.persistence.models import ChatSession


async def find_conversation(db: AsyncSession, *, key_hash: str, user_id: str) -> str | None:
    """The id of `user_id`'s conversation remembered under `key_hash`, if it still exists."""
    query = (
        select(ConversationKey.session_id)
        .join(ChatSession, ChatSession.id == ConversationKey.session_id)  # type: ignore[arg-type]
        .where(ConversationKey.key_hash == key_hash, ConversationKey.user_id == user_id)
    )
    return (await db.exec(query)).first()


async def remember_conversation(
    db: AsyncSession, *, key_hash: str, user_id: str, session_id: str
) -> None:
    """Point `key_hash` at `session_id` (the newest conversation wins a repeated history)."""
    for _ in range(2):  # A concurrent insert of the same key: update it instead.
        row = await db.get(ConversationKey, key_hash)
        if row is None:
            db.add(ConversationKey(key_hash=key_hash, user_id=user_id, session_id=session_id))
        else:
            row.user_id, row.session_id = user_id, session_id
            db.add(row)
        try:
            await db.commit()
            return
        except IntegrityError:
            await db.rollback()
    raise RuntimeError(f"could not remember conversation key {key_hash}")
