"""Whose conversations a list may show: a recruiter only their own; the applicant
anyone's, narrowed to one user (`owner`) or one share link's recruiter (`link`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence import User
from ask_applicant.persistence.links import get_link
from ask_applicant.server.auth import is_owner


def day_start(day: date) -> datetime:
    """Midnight UTC at the start of `day`."""
    return datetime.combine(day, time.min, UTC)


async def conversation_owners(
    db: AsyncSession, user: User, *, owner: str | None, link: str | None
) -> tuple[str, ...] | None:
    """The owner ids a list is limited to; None means everyone's (the applicant only).

    A recruiter's `owner` and `link` are ignored: they see their own either way. An
    unknown link matches nothing (an empty tuple), not everything.
    """
    if not is_owner(user):
        return (user.id,)
    wanted: set[str] | None = {owner} if owner else None
    if link:
        found = await get_link(db, link_id=link)
        by_link = {found.user_id} if found is not None else set()
        wanted = by_link if wanted is None else wanted & by_link
    return tuple(sorted(wanted)) if wanted is not None else None
