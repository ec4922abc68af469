"""Bodies of the routes a browser page needs: share links, who am I, the profile's summary."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class LinkCreate(BaseModel):
    """A new share link.

    Attributes:
        name: Who it is for, e.g. "Acme Corp"; also its recruiter's name.
        expires_in_days: Its lifetime; null: until revoked.
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=200, examples=["Acme Corp"])
    expires_in_days: int | None = Field(default=None, ge=1, le=3660, examples=[30])


class LinkView(BaseModel):
    """A share link as the applicant sees it (never its token)."""

    id: str
    prefix: str = Field(description="The token's first characters, to tell links apart.")
    name: str
    status: Literal["active", "expired", "revoked"]
    recruiter_id: str = Field(description="The user the link signs in as.")
    conversations: int = Field(description="Conversations its recruiter has started.")
    questions: int = Field(default=0, description="Questions its recruiter has asked.")
    created_at: datetime
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    last_used_at: datetime | None = None


class LinkCreated(LinkView):
    """A new link, with the URL to send: shown only in this response."""

    url: str = Field(description="`{PUBLIC_URL}/r/{token}`: opening it signs a browser in.")
    token: str


class LinkList(BaseModel):
    """Every share link, oldest first."""

    links: list[LinkView]


class MeLink(BaseModel):
    """The share link a browser signed in with."""

    id: str
    name: str
    expires_at: datetime | None = None


class MeView(BaseModel):
    """Who the caller is."""

    id: str
    role: Literal["owner", "recruiter"]
    name: str = Field(description="The display name (a link's recruiter: the link's name).")
    auth: Literal["bearer", "cookie"] = Field(description="How this request was signed in.")
    link: MeLink | None = Field(default=None, description="The link, when signed in by one.")


class ProfileSummary(BaseModel):
    """What a chat page shows before the first question."""

    name: str = Field(description="The applicant's name.")
    headline: str = Field(description="Their label (e.g. 'Backend engineer'), may be empty.")
    summary: str = Field(description="Their resume summary, may be empty.")
    lang: Literal["en", "ko"]
    suggested_questions: list[str] = Field(description="3 to 6 questions the profile can answer.")
