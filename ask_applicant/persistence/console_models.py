"""The console's tables: one-time owner sign-in tickets and recruiters' leads.

Kept apart from `models` (conversations, runs, links) because only the applicant's
console reads them; same conventions: explicit lengths, cascades, utf8mb4_bin.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from ask_applicant.persistence.columns import LongText, UTCDateTime, utcnow
from ask_applicant.persistence.models import ID_LENGTH, MYSQL_TABLE_ARGS


class OwnerTicket(SQLModel, table=True):
    """A one-time sign-in URL for the applicant: only its token's SHA-256 hash is kept."""

    __tablename__ = "owner_tickets"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE", max_length=ID_LENGTH)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Lead(SQLModel, table=True):
    """A recruiter's request to be contacted, and the state of its webhook delivery.

    `delivery` is "none" (no webhook configured), "pending", "delivered" or "failed".
    """

    __tablename__ = "leads"
    __table_args__ = (
        Index("ix_leads_created", "created_at"),
        Index("ix_leads_delivery", "delivery"),
        MYSQL_TABLE_ARGS,
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE", max_length=ID_LENGTH)
    session_id: str | None = Field(default=None, max_length=ID_LENGTH)
    source: str = Field(default="form", max_length=16)
    name: str = Field(max_length=200)
    email: str = Field(max_length=254)
    company: str = Field(default="", max_length=200)
    message: str = Field(default="", sa_type=LongText, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    delivery: str = Field(default="none", max_length=16)
    delivery_attempts: int = Field(default=0)
    delivery_error: str | None = Field(default=None, max_length=300)
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    delivered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
