"""`/v1/owner/*`: what the applicant's console reads. The applicant only.

By owner key or the console's browser session; a recruiter (key or share link) gets
403, a caller with neither 401, always as problem+json.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from starlette.responses import Response

from ask_applicant.persistence import User
from ask_applicant.persistence.insights import activity, unanswered
from ask_applicant.persistence.leads import list_leads
from ask_applicant.server.auth import is_owner
from ask_applicant.server.charts import bar_chart, column_chart
from ask_applicant.server.deps import CurrentUser, DbDep
from ask_applicant.server.owner_schemas import (
    ActivityView,
    DayCount,
    LeadList,
    UnansweredList,
    UnansweredQuestion,
    lead_view,
)
from ask_applicant.server.problems import Problem

router = APIRouter(prefix="/v1/owner", tags=["owner"])


def require_owner(user: CurrentUser) -> User:
    """The caller, when it is the applicant.

    Raises:
        Problem: 403 `owner-only` for anyone else.
    """
    if not is_owner(user):
        raise Problem(403, "Only the applicant can see the console.", kind="owner-only")
    return user


OwnerUser = Annotated[User, Depends(require_owner)]
Days = Annotated[int, Query(ge=1, le=365, description="How many days back, today included.")]


@router.get("/unanswered", response_model=UnansweredList)
async def unanswered_questions(
    _owner: OwnerUser, db: DbDep, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> UnansweredList:
    """Questions the service could not answer from the profile (it said the profile does
    not hold the answer, or fell back to its help text), grouped by wording with case,
    punctuation, emoji and spacing ignored; with counts; most recently asked first."""
    groups = await unanswered(db, limit=limit)
    return UnansweredList(
        questions=[
            UnansweredQuestion(
                question=group.question,
                normalised=group.key,
                count=group.count,
                last_asked=group.last_asked,
                kinds=dict(group.kinds),
            )
            for group in groups
        ]
    )


@router.get("/leads", response_model=LeadList)
async def leads(
    _owner: OwnerUser,
    db: DbDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> LeadList:
    """Recruiters' contact requests, newest first, with their webhook delivery state."""
    return LeadList(
        leads=[lead_view(lead) for lead in await list_leads(db, limit=limit, offset=offset)]
    )


@router.get("/activity", response_model=ActivityView)
async def activity_figures(_owner: OwnerUser, db: DbDep, days: Days = 30) -> ActivityView:
    """Questions per day, answers by specialist, refusal and unanswered rates (of
    completed runs) and the median seconds from a question to its answer's first text."""
    figures = await activity(db, days=days)
    return ActivityView(
        days=figures.days,
        questions=figures.questions,
        completed=figures.completed,
        questions_per_day=[DayCount(day=day, questions=n) for day, n in figures.per_day],
        by_agent=figures.by_agent,
        refusal_rate=figures.refusal_rate,
        unanswered_rate=figures.unanswered_rate,
        median_first_text_seconds=figures.median_first_text_seconds,
    )


@router.get(
    "/activity/{chart}.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
async def activity_chart(
    chart: Literal["questions-per-day", "by-agent"], _owner: OwnerUser, db: DbDep, days: Days = 30
) -> Response:
    """A chart of the activity figures, as SVG drawn by the service."""
    figures = await activity(db, days=days)
    if chart == "questions-per-day":
        bars = [(day.strftime("%m-%d"), n) for day, n in figures.per_day]
        svg = column_chart("Questions per day", bars, every=max(1, len(bars) // 8))
    else:
        svg = bar_chart("Answers by agent", list(figures.by_agent.items()))
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            # Opened on its own, the picture may run nothing and load nothing.
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        },
    )
