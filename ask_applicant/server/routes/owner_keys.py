"""`/v1/owner/keys`: the applicant's view of API keys (the console's "Links and keys").

Lists the keys people hold (share links' own recruiters are under `/v1/links`),
creates recruiter keys (shown once) and revokes keys. Owner keys are made at the
terminal (`ask-applicant keys create --role owner`), not from a browser.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field
from sqlmodel import col, select

from ask_applicant.persistence import ShareLink, User
from ask_applicant.persistence.users import create_user, revoke_user
from ask_applicant.server.auth import not_found
from ask_applicant.server.deps import DbDep
from ask_applicant.server.problems import Problem
from ask_applicant.server.routes.owner import OwnerUser

router = APIRouter(prefix="/v1/owner/keys", tags=["owner"])


class KeyView(BaseModel):
    """An API key's holder (never the key)."""

    id: str
    name: str
    role: str
    prefix: str
    created_at: datetime
    disabled: bool


class KeyList(BaseModel):
    """Keys, oldest first."""

    keys: list[KeyView]


class KeyCreate(BaseModel):
    """A new recruiter key."""

    name: str = Field(min_length=1, max_length=400)
    role: Literal["recruiter"] = "recruiter"


class KeyCreated(KeyView):
    """A new key: `key` is shown only in this response."""

    key: str


def _view(user: User) -> KeyView:
    return KeyView(
        id=user.id,
        name=user.name,
        role=user.role,
        prefix=user.api_key_prefix,
        created_at=user.created_at,
        disabled=user.disabled,
    )


@router.get("", response_model=KeyList)
async def list_keys(_owner: OwnerUser, db: DbDep) -> KeyList:
    """Every key holder but share links' recruiters, oldest first."""
    linked = select(ShareLink.user_id)
    query = select(User).where(col(User.id).not_in(linked)).order_by(col(User.created_at))
    return KeyList(keys=[_view(user) for user in (await db.exec(query)).all()])


@router.post("", status_code=201, response_model=KeyCreated)
async def create_key(body: KeyCreate, _owner: OwnerUser, db: DbDep) -> KeyCreated:
    """Create a recruiter's key; the response holds it, this once."""
    try:
        user, key = await create_user(db, name=body.name, role=body.role)
    except ValueError as error:
        raise Problem(422, f"name: {error}", kind="invalid-request") from None
    return KeyCreated(**_view(user).model_dump(), key=key)


@router.delete("/{user_id}", status_code=204)
async def revoke_key(user_id: str, owner: OwnerUser, db: DbDep) -> Response:
    """Revoke a key (again: `204`). The applicant's own is revoked at the terminal."""
    if user_id == owner.id:
        raise Problem(409, "This is the key you are signed in with.", kind="own-key")
    user = await db.get(User, user_id) if len(user_id) <= 64 else None
    if user is None or await revoke_user(db, ident=user.id) is None:
        raise not_found("key")
    return Response(status_code=204)
