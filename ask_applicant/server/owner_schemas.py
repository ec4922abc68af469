"""Request and response bodies of the applicant's console API (`/v1/owner/*`, `/v1/leads`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from ask_applicant.persistence import Lead


class UnansweredQuestion(BaseModel):
    """Askings of one question the profile could not answer."""

    question: str = Field(description="The most recent wording.")
    normalised: str = Field(description="The wording every asking in the group shares.")
    count: int
    last_asked: datetime
    kinds: dict[str, int] = Field(description="How the runs ended: not_in_profile, help.")


class UnansweredList(BaseModel):
    """Unanswered questions, most recently asked first."""

    questions: list[UnansweredQuestion]


class LeadCreate(BaseModel):
    """What a recruiter leaves to be contacted (validated again after tidying)."""

    name: str = Field(max_length=400)
    email: str = Field(max_length=400)
    company: str = Field(default="", max_length=400)
    message: str = Field(default="", max_length=8000)
    session_id: str | None = Field(default=None, max_length=64)


class LeadView(BaseModel):
    """A lead and the state of its webhook delivery."""

    id: str
    recruiter_id: str
    session_id: str | None
    source: str = Field(description="form (Contact the applicant) or tool (asked in chat).")
    name: str
    email: str
    company: str
    message: str
    created_at: datetime
    delivery: str = Field(description="none, pending, delivered or failed.")
    delivery_attempts: int
    delivery_error: str | None
    delivered_at: datetime | None


class LeadList(BaseModel):
    """Leads, newest first."""

    leads: list[LeadView]


def lead_view(lead: Lead) -> LeadView:
    """A lead as the API shows it."""
    return LeadView(
        id=lead.id,
        recruiter_id=lead.user_id,
        session_id=lead.session_id,
        source=lead.source,
        name=lead.name,
        email=lead.email,
        company=lead.company,
        message=lead.message,
        created_at=lead.created_at,
        delivery=lead.delivery,
        delivery_attempts=lead.delivery_attempts,
        delivery_error=lead.delivery_error,
        delivered_at=lead.delivered_at,
    )


class DayCount(BaseModel):
    """Questions asked on one day (UTC)."""

    day: date
    questions: int


class ActivityView(BaseModel):
    """Activity over the last `days` days."""

    days: int
    questions: int
    completed: int
    questions_per_day: list[DayCount]
    by_agent: dict[str, int] = Field(description="Completed answers by the agent that gave them.")
    refusal_rate: float | None
    unanswered_rate: float | None
    median_first_text_seconds: float | None


class ForgetResult(BaseModel):
    """What `DELETE /v1/owner/links/{id}/data` deleted."""

    conversations: int
    runs: int
    leads: int


class ToolUse(BaseModel):
    """One tool call of a turn."""

    name: str
    agent: str | None
    arguments: Any = None


class TurnView(BaseModel):
    """One question and its answer, with how it was answered."""

    run_id: str
    question: str
    answer: str
    status: str
    answer_kind: str | None
    agents: list[str] = Field(description="The agent path: triage, then each handoff.")
    tools: list[ToolUse]
    sources: list[str] = Field(description="Profile places the tools' facts came from.")
    created_at: datetime


class TurnList(BaseModel):
    """A conversation's turns, oldest first."""

    session_id: str
    owner_id: str
    turns: list[TurnView]
