"""Leads: a recruiter's name, e-mail, company and message, and their webhook delivery.

A lead is stored before anything is sent, so a webhook that is down never loses it;
`delivery` then moves from "pending" to "delivered", or to "failed" after the last
attempt. Without a webhook a lead's delivery is "none".
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.console_models import Lead

MAX_NAME = 200
MAX_EMAIL = 254
MAX_COMPANY = 200
MAX_MESSAGE = 4000
MAX_ERROR = 300
# One @, a dot in the domain, no spaces: the shape of an address, not proof it exists.
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")


class LeadRateLimitedError(Exception):
    """The recruiter has left as many leads as allowed within the hour."""


@dataclass(frozen=True)
class LeadFields:
    """What a recruiter leaves, cleaned (see `clean_fields`)."""

    name: str
    email: str
    company: str
    message: str


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _text(text: str) -> str:
    kept = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    return kept.strip()


def clean_fields(*, name: str, email: str, company: str = "", message: str = "") -> LeadFields:
    """Validate and tidy a lead's fields.

    Raises:
        ValueError: Naming the field: empty name or e-mail, too long, or not an e-mail.
    """
    cleaned = LeadFields(
        name=_one_line(name),
        email=_one_line(email),
        company=_one_line(company),
        message=_text(message),
    )
    if not cleaned.name:
        raise ValueError("name: say who you are")
    if len(cleaned.name) > MAX_NAME:
        raise ValueError(f"name: at most {MAX_NAME} characters")
    if len(cleaned.email) > MAX_EMAIL or _EMAIL.fullmatch(cleaned.email) is None:
        raise ValueError("email: not an e-mail address (name@example.com)")
    if len(cleaned.company) > MAX_COMPANY:
        raise ValueError(f"company: at most {MAX_COMPANY} characters")
    if len(cleaned.message) > MAX_MESSAGE:
        raise ValueError(f"message: at most {MAX_MESSAGE} characters")
    return cleaned


async def create_lead(
    db: AsyncSession,
    *,
    user_id: str,
    fields: LeadFields,
    session_id: str | None = None,
    source: str = "form",
    notify: bool,
    per_hour: int,
) -> Lead:
    """Store a lead (pending delivery when `notify`).

    Raises:
        LeadRateLimitedError: `user_id` left `per_hour` leads in the past hour.
    """
    since = utcnow() - timedelta(hours=1)
    recent = (
        await db.exec(
            select(func.count()).where(Lead.user_id == user_id, col(Lead.created_at) > since)
        )
    ).one()
    if int(recent) >= per_hour:
        raise LeadRateLimitedError
    now = utcnow()
    lead = Lead(
        id=uuid.uuid4().hex,
        user_id=user_id,
        session_id=session_id,
        source=source,
        name=fields.name,
        email=fields.email,
        company=fields.company,
        message=fields.message,
        created_at=now,
        delivery="pending" if notify else "none",
        next_attempt_at=now if notify else None,
    )
    db.add(lead)
    await db.commit()
    await db.refresh(lead)
    return lead


async def list_leads(db: AsyncSession, *, limit: int = 100, offset: int = 0) -> list[Lead]:
    """Leads, newest first."""
    query = select(Lead).order_by(col(Lead.created_at).desc(), col(Lead.id))
    return list((await db.exec(query.offset(offset).limit(limit))).all())


async def due_leads(db: AsyncSession, *, now: datetime, limit: int = 20) -> list[Lead]:
    """Pending leads whose next attempt is due, oldest first."""
    query = (
        select(Lead)
        .where(Lead.delivery == "pending", col(Lead.next_attempt_at) <= now)
        .order_by(col(Lead.next_attempt_at), col(Lead.id))
        .limit(limit)
    )
    return list((await db.exec(query)).all())


async def next_due(db: AsyncSession) -> datetime | None:
    """When the soonest pending lead is due, or None when none is pending."""
    query = select(func.min(Lead.next_attempt_at)).where(Lead.delivery == "pending")
    return (await db.exec(query)).one()  # type: ignore[no-any-return]


async def record_attempt(
    db: AsyncSession, *, lead_id: str, error: str | None, retry_at: datetime | None
) -> Lead | None:
    """Record one delivery attempt: delivered (no error), retried at `retry_at`, or failed."""
    lead = await db.get(Lead, lead_id)
    if lead is None:
        return None  # forgotten while it was being sent
    lead.delivery_attempts += 1
    lead.delivery_error = error[:MAX_ERROR] if error else None
    if error is None:
        lead.delivery, lead.delivered_at, lead.next_attempt_at = "delivered", utcnow(), None
    elif retry_at is None:
        lead.delivery, lead.next_attempt_at = "failed", None
    else:
        lead.next_attempt_at = retry_at
    db.add(lead)
    await db.commit()
    await db.refresh(lead)
    return lead
