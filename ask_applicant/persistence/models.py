"""The tables: users, conversations, their SDK items, runs, run events and share links.

Every string has an explicit length (MySQL refuses unbounded VARCHAR); children
cascade with their parent; tables are utf8mb4 with a binary collation so ids
compare exactly.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from ask_applicant.persistence.columns import JSONText, LongText, UTCDateTime, utcnow

MYSQL_TABLE_ARGS: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}

ID_LENGTH = 64
AGENT_KEY_LENGTH = 32


def _created() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class User(SQLModel, table=True):
    """Someone holding an API key: the applicant (`owner`) or a `recruiter`."""

    __tablename__ = "users"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    name: str = Field(max_length=200)
    role: str = Field(max_length=16)
    api_key_hash: str = Field(max_length=64, unique=True)
    api_key_prefix: str = Field(max_length=16)
    created_at: datetime = _created()
    disabled: bool = Field(default=False)


class ChatSession(SQLModel, table=True):
    """One conversation, owned by one user."""

    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_owner_updated", "owner_id", "updated_at"),
        MYSQL_TABLE_ARGS,
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    owner_id: str = Field(foreign_key="users.id", ondelete="CASCADE", max_length=ID_LENGTH)
    title: str = Field(default="", max_length=200)
    current_agent: str = Field(default="triage", max_length=AGENT_KEY_LENGTH)
    active_run_id: str | None = Field(default=None, max_length=ID_LENGTH)
    created_at: datetime = _created()
    updated_at: datetime = _created()


class SessionItem(SQLModel, table=True):
    """One SDK conversation item, in the order it was added."""

    __tablename__ = "session_items"
    __table_args__ = (
        Index("ix_session_items_session_id_id", "session_id", "id"),
        MYSQL_TABLE_ARGS,
    )

    id: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    session_id: str = Field(foreign_key="sessions.id", ondelete="CASCADE", max_length=ID_LENGTH)
    item_type: str = Field(default="", max_length=64)
    role: str | None = Field(default=None, max_length=32)
    data: str = Field(sa_type=LongText, nullable=False)
    created_at: datetime = _created()


class Run(SQLModel, table=True):
    """One agent run: the answer to one user message."""

    __tablename__ = "runs"
    __table_args__ = (
        UniqueConstraint("session_id", "client_message_id", name="uq_runs_session_client_msg"),
        # A first message claims its id for the whole user, so concurrent retries of it
        # open one conversation (NULLs, every other run, never collide).
        UniqueConstraint(
            "user_id", "opening_client_message_id", name="uq_runs_user_opening_client_msg"
        ),
        Index("ix_runs_session_created", "session_id", "created_at"),
        Index("ix_runs_status_heartbeat", "status", "heartbeat_at"),
        MYSQL_TABLE_ARGS,
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    session_id: str = Field(foreign_key="sessions.id", ondelete="CASCADE", max_length=ID_LENGTH)
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE", max_length=ID_LENGTH)
    status: str = Field(default="queued", max_length=16)
    client_message_id: str | None = Field(default=None, max_length=128)
    # Equal to client_message_id on a run that opened its conversation, else None.
    opening_client_message_id: str | None = Field(default=None, max_length=128)
    message: str = Field(sa_type=LongText, nullable=False)
    final_text: str = Field(default="", sa_type=LongText, nullable=False)
    agent: str = Field(default="triage", max_length=AGENT_KEY_LENGTH)
    refused: bool = Field(default=False)
    requests: int = Field(default=0)
    # answered | not_in_profile | refused | help, set when the run completes (None before).
    answer_kind: str | None = Field(default=None, max_length=16)
    input_tokens: int = Field(default=0)
    output_tokens: int = Field(default=0)
    total_tokens: int = Field(default=0)
    error_code: str | None = Field(default=None, max_length=32)
    error_message: str | None = Field(default=None, max_length=1000)
    last_seq: int = Field(default=0)
    created_at: datetime = _created()
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    heartbeat_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The process answering the run (`ProcessIdentity`), so a restarted server can tell
    # that it died.
    owner_process: str | None = Field(default=None, max_length=255)


class RunEvent(SQLModel, table=True):
    """One event of a run's stream, replayable by sequence number."""

    __tablename__ = "run_events"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    run_id: str = Field(
        foreign_key="runs.id", ondelete="CASCADE", primary_key=True, max_length=ID_LENGTH
    )
    seq: int = Field(primary_key=True, sa_type=Integer, sa_column_kwargs={"autoincrement": False})
    event: str = Field(max_length=32)
    data: Any = Field(sa_type=JSONText, nullable=False)
    created_at: datetime = _created()


class ShareLink(SQLModel, table=True):
    """A link the applicant shares: opening it signs a browser in as its own recruiter.

    Only the token's SHA-256 hash is kept; its first characters are kept for display.
    """

    __tablename__ = "share_links"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    token_hash: str = Field(max_length=64, unique=True)
    token_prefix: str = Field(max_length=16)
    name: str = Field(max_length=200)
    user_id: str = Field(
        foreign_key="users.id", ondelete="CASCADE", unique=True, max_length=ID_LENGTH
    )
    created_at: datetime = _created()
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ServiceSecret(SQLModel, table=True):
    """A secret the service generated for itself (the cookie-signing key), shared by replicas."""

    __tablename__ = "service_secrets"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    name: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=128)
    created_at: datetime = _created()
