"""`/v1/links`: the applicant manages share links (create, list, revoke); owner key only."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, Response

from ask_applicant.persistence import ShareLink
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.links import create_link, link_state, list_links, revoke_link
from ask_applicant.server.auth import is_owner, not_found
from ask_applicant.server.deps import CurrentUser, DbDep, SettingsDep
from ask_applicant.server.problems import Problem
from ask_applicant.server.web_schemas import LinkCreate, LinkCreated, LinkList, LinkView

router = APIRouter(prefix="/v1/links", tags=["links"])


def _owner_only(user: CurrentUser) -> None:
    if not is_owner(user):
        raise Problem(403, "Only the applicant's key can manage share links.", kind="owner-only")


def link_view(link: ShareLink, conversations: int, questions: int = 0) -> LinkView:
    """A link's public fields."""
    return LinkView(
        id=link.id,
        prefix=link.token_prefix,
        name=link.name,
        status=link_state(link),
        recruiter_id=link.user_id,
        conversations=conversations,
        questions=questions,
        created_at=link.created_at,
        expires_at=link.expires_at,
        revoked_at=link.revoked_at,
        last_used_at=link.last_used_at,
    )


@router.post("", status_code=201, response_model=LinkCreated)
async def create_share_link(
    body: LinkCreate, user: CurrentUser, db: DbDep, settings: SettingsDep, request: Request
) -> LinkCreated:
    """Create a link and its recruiter; the response holds the URL, shown only now."""
    _owner_only(user)
    expires_at = None
    if body.expires_in_days is not None:
        expires_at = utcnow() + timedelta(days=body.expires_in_days)
    try:
        link, token = await create_link(db, name=body.name, expires_at=expires_at)
    except ValueError as error:
        raise Problem(422, f"name: {error}", kind="invalid-request") from None
    view = link_view(link, 0)
    # Without PUBLIC_URL, the address the owner used to reach the service.
    base = settings.public_url or str(request.base_url).rstrip("/")
    url = f"{base}/r/{token}"
    return LinkCreated(**view.model_dump(), url=url, token=token)


@router.get("", response_model=LinkList)
async def list_share_links(user: CurrentUser, db: DbDep) -> LinkList:
    """Every link, oldest first, with its status and how many conversations it started."""
    _owner_only(user)
    rows = await list_links(db)
    return LinkList(links=[link_view(row.link, row.conversations, row.questions) for row in rows])


@router.delete("/{link_id}", status_code=204)
async def revoke_share_link(link_id: str, user: CurrentUser, db: DbDep) -> Response:
    """Revoke a link (by id or prefix): browsers it signed in are refused from their next
    request. Revoking it again changes nothing."""
    _owner_only(user)
    if len(link_id) > 64 or await revoke_link(db, ident=link_id) is None:
        raise not_found("share link")
    return Response(status_code=204)
