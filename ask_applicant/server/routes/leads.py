"""`POST /v1/leads`: a recruiter asks to be contacted ("Contact the applicant").

The lead is stored first and answered 201; the webhook (if any) is sent afterwards by
the lifespan's delivery task, so a webhook that is down never loses it. Each recruiter
may leave `LEADS_PER_HOUR` leads an hour (429 beyond).
"""

from __future__ import annotations

from fastapi import APIRouter

from ask_applicant.persistence.leads import LeadRateLimitedError, clean_fields, create_lead
from ask_applicant.persistence.sessions import get_session
from ask_applicant.server.auth import not_found, visible_owner
from ask_applicant.server.deps import CurrentUser, DbDep, ServicesDep
from ask_applicant.server.owner_schemas import LeadCreate, LeadView, lead_view
from ask_applicant.server.problems import Problem
from ask_applicant.server.schemas import is_id

router = APIRouter(prefix="/v1/leads", tags=["leads"])


@router.post("", status_code=201, response_model=LeadView)
async def leave_lead(
    body: LeadCreate, user: CurrentUser, db: DbDep, services: ServicesDep
) -> LeadView:
    """Leave a name, e-mail, company and message for the applicant (and optionally the
    conversation it came from). Nothing is sent to the recruiter."""
    try:
        fields = clean_fields(
            name=body.name, email=body.email, company=body.company, message=body.message
        )
    except ValueError as error:
        raise Problem(422, str(error), kind="invalid-request") from None
    if body.session_id is not None:
        visible = is_id(body.session_id) and await get_session(
            db, session_id=body.session_id, owner_id=visible_owner(user)
        )
        if not visible:
            raise not_found("conversation")
    try:
        lead = await create_lead(
            db,
            user_id=user.id,
            fields=fields,
            session_id=body.session_id,
            notify=services.leads.enabled,
            per_hour=services.settings.leads_per_hour,
        )
    except LeadRateLimitedError:
        raise Problem(
            429,
            "You have already left several contact requests this hour; try again later.",
            kind="rate-limited",
            headers={"Retry-After": "3600"},
        ) from None
    services.leads.wake()
    return lead_view(lead)
