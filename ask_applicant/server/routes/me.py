"""`GET /v1/me` and `GET /v1/profile/summary`: what a chat page needs before the first question."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from ask_applicant.persistence import ShareLink
from ask_applicant.server.deps import CurrentUser, ServicesDep
from ask_applicant.server.profile_summary import profile_summary
from ask_applicant.server.web_schemas import MeLink, MeView, ProfileSummary

router = APIRouter(prefix="/v1", tags=["me"])


@router.get("/me", response_model=MeView)
async def who_am_i(request: Request, user: CurrentUser) -> MeView:
    """The caller: id, role, display name, and how they signed in (a share link's
    cookie, with the link's name and expiry, or a Bearer key)."""
    link: ShareLink | None = getattr(request.state, "share_link", None)
    return MeView(
        id=user.id,
        role="owner" if user.role == "owner" else "recruiter",
        name=user.name,
        auth="cookie" if link is not None else "bearer",
        link=None
        if link is None
        else MeLink(id=link.id, name=link.name, expires_at=link.expires_at),
    )


@router.get("/profile/summary", response_model=ProfileSummary)
async def summarize_profile(
    _user: CurrentUser,
    services: ServicesDep,
    lang: Annotated[Literal["en", "ko"], Query(description="The page's language.")] = "en",
) -> ProfileSummary:
    """The applicant's name, headline and summary, and 3–6 suggested questions drawn from
    the profile (latest job, a project, a top skill, a prepared answer, education) in
    `lang`. Private fields are never used."""
    return profile_summary(services.profile, lang)
