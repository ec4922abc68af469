"""Stable integer aliases of our string ids, for clients that only know integers."""

from __future__ import annotations

from typing import Literal

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.adapter_models import IdAlias

AliasKind = Literal["user", "session", "run"]
# The largest alias a client may send (JavaScript's safe integers; larger is malformed).
MAX_ALIAS = 2**53 - 1


async def alias_of(db: AsyncSession, *, kind: AliasKind, target_id: str) -> int:
    """The integer alias of `target_id`, created on first use."""
    aliases = await aliases_of(db, kind=kind, target_ids=[target_id])
    return aliases[target_id]


async def aliases_of(db: AsyncSession, *, kind: AliasKind, target_ids: list[str]) -> dict[str, int]:
    """The aliases of several ids of one kind, creating the missing ones."""
    wanted = list(dict.fromkeys(target_ids))
    if not wanted:
        return {}
    found = await _existing(db, kind, wanted)
    missing = [target for target in wanted if target not in found]
    if missing:
        for target in missing:
            db.add(IdAlias(kind=kind, target_id=target))
        try:
            await db.commit()
        except IntegrityError:  # Created concurrently by another request: read them.
            await db.rollback()
        found = await _existing(db, kind, wanted)
    return found


async def target_of(db: AsyncSession, *, kind: AliasKind, alias: int) -> str | None:
    """The id behind an alias of `kind`; None when there is none."""
    if not 0 < alias <= MAX_ALIAS:
        return None
    query = select(IdAlias.target_id).where(IdAlias.id == alias, IdAlias.kind == kind)
    return (await db.exec(query)).first()


async def _existing(db: AsyncSession, kind: str, targets: list[str]) -> dict[str, int]:
    query = select(IdAlias).where(IdAlias.kind == kind, col(IdAlias.target_id).in_(targets))
    return {row.target_id: int(row.id or 0) for row in (await db.exec(query)).all()}
