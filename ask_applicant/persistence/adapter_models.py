"""Tables the client adapters need: conversation keys and integer id aliases.

OpenAI-compatible clients resend a conversation's whole history with every message and
never name the conversation, so the conversation is found from a hash of that history
(`ConversationKey`). The seed front end knows conversations, messages and users only by
integers, so each of our string ids gets a stable integer alias (`IdAlias`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from ask_applicant.persistence.columns import UTCDateTime, utcnow
from ask_applicant.persistence.models import ID_LENGTH, MYSQL_TABLE_ARGS

HASH_LENGTH = 64
ALIAS_KIND_LENGTH = 16


class ConversationKey(SQLModel, table=True):
    """A history's hash (per user) → the conversation that history belongs to."""

    __tablename__ = "conversation_keys"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    key_hash: str = Field(primary_key=True, max_length=HASH_LENGTH)
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE", max_length=ID_LENGTH)
    session_id: str = Field(foreign_key="sessions.id", ondelete="CASCADE", max_length=ID_LENGTH)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class IdAlias(SQLModel, table=True):
    """A stable integer for one of our string ids (`kind`: user, session or run)."""

    __tablename__ = "id_aliases"
    __table_args__ = (
        UniqueConstraint("kind", "target_id", name="uq_id_aliases_kind_target"),
        MYSQL_TABLE_ARGS,
    )

    id: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    kind: str = Field(max_length=ALIAS_KIND_LENGTH)
    target_id: str = Field(max_length=ID_LENGTH)
