"""`request_contact`: the career specialist records a recruiter's wish to be contacted.

It stores a lead for the applicant's console (and the optional webhook); it sends
nothing to anyone by itself. It needs the recruiter's own e-mail address: without a
valid one it records nothing and says what is missing, so the model can ask for it.
"""

from __future__ import annotations

import json

from agents import RunContextWrapper, function_tool

from ask_applicant.agents.context import ChatContext
from ask_applicant.persistence import open_db
from ask_applicant.persistence.leads import LeadRateLimitedError, clean_fields, create_lead


def _result(recorded: bool, note: str) -> str:
    # Shaped like every tool's result (no facts: it looks nothing up), plus `recorded`.
    return json.dumps({"recorded": recorded, "facts": [], "note": note}, ensure_ascii=False)


@function_tool(name_override="request_contact")
async def request_contact_tool(
    ctx: RunContextWrapper[ChatContext],
    recruiter_email: str,
    recruiter_name: str,
    company: str = "",
    note: str = "",
) -> str:
    """Pass a recruiter's request to be contacted (a call or an interview) on to the
    applicant, with the recruiter's own e-mail address and name. Records the request
    only; nothing is sent to the recruiter. Call it only with an address they gave.

    Args:
        recruiter_email: The recruiter's own e-mail address, as they wrote it.
        recruiter_name: The recruiter's name.
        company: The recruiter's company, if given.
        note: What they would like to talk about, in their words.
    """
    chat = ctx.context
    try:
        fields = clean_fields(
            name=recruiter_name, email=recruiter_email, company=company, message=note
        )
    except ValueError as error:
        return _result(False, f"Not recorded: {error}.")
    if chat.engine is None:
        return _result(False, "Requests cannot be recorded here.")
    try:
        async with open_db(chat.engine) as db:
            await create_lead(
                db,
                user_id=chat.user_id,
                fields=fields,
                session_id=chat.session_id,
                source="tool",
                notify=bool(chat.settings.lead_webhook_url),
                per_hour=chat.settings.leads_per_hour,
            )
    except LeadRateLimitedError:
        return _result(False, "Too many requests this hour.")
    return _result(True, "Recorded: the applicant will see the request with these details.")
