"""`ask-applicant owner-link`: a one-time URL that signs a browser in to the console.

The URL alone goes to stdout (so `URL=$(ask-applicant owner-link)` works); it is valid
for ten minutes and once; only its hash is stored.
"""

from __future__ import annotations

import typer
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.cli.keys import with_db
from ask_applicant.persistence.owner_tickets import create_ticket, the_owner
from ask_applicant.settings import get_settings


def owner_link() -> None:
    """Print a one-time URL (10 minutes, single use) that opens the applicant's console."""

    async def _ticket(db: AsyncSession) -> str:
        owner = await the_owner(db)
        return await create_ticket(db, user_id=owner.id)

    token = with_db(_ticket)
    typer.echo(
        "Open this URL within 10 minutes to sign in to the console; it works once.", err=True
    )
    typer.echo(f"{get_settings().link_base.rstrip('/')}/console/owner/{token}")
