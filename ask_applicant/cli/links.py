"""`ask-applicant links`: share links that sign a browser in as a recruiter.

`create` prints the link's URL alone on stdout (the explanation goes to stderr), so
`URL=$(ask-applicant links create --name "Acme Corp")` captures just the URL. The
token in it is shown only then: only its hash is stored.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Annotated

import typer
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.cli.keys import with_db
from ask_applicant.persistence import ShareLink
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.links import (
    LinkRow,
    create_link,
    link_state,
    list_links,
    revoke_link,
)
from ask_applicant.settings import get_settings

app = typer.Typer(help="Manage share links: a URL per recruiter.", no_args_is_help=True)

_DURATION = re.compile(r"^\s*(\d{1,5})\s*([hdw])\s*$", re.IGNORECASE)
_UNIT_HOURS = {"h": 1, "d": 24, "w": 24 * 7}
MAX_LIFETIME = timedelta(days=3660)


def parse_lifetime(text: str) -> timedelta:
    """`12h`, `30d` or `8w` as a duration.

    Raises:
        ValueError: Anything else, zero, or more than ten years.
    """
    match = _DURATION.fullmatch(text)
    if match is None:
        raise ValueError(f"--expires takes a number and h, d or w (e.g. 30d), not {text!r}")
    lifetime = timedelta(hours=int(match.group(1)) * _UNIT_HOURS[match.group(2).lower()])
    if not timedelta(0) < lifetime <= MAX_LIFETIME:
        raise ValueError("--expires must be more than zero and at most ten years")
    return lifetime


def link_url(public_url: str, token: str) -> str:
    """The URL a person opens: `{PUBLIC_URL}/r/{token}`."""
    return f"{public_url.rstrip('/')}/r/{token}"


@app.command()
def create(
    name: Annotated[str, typer.Option("--name", help="Who the link is for, e.g. 'Acme Corp'.")],
    expires: Annotated[
        str | None, typer.Option("--expires", help="Lifetime, e.g. 12h, 30d, 8w; default: none.")
    ] = None,
) -> None:
    """Create a link (with its own recruiter) and print its URL (once)."""
    try:
        expires_at = None if expires is None else utcnow() + parse_lifetime(expires)

        async def _create(db: AsyncSession) -> tuple[ShareLink, str]:
            return await create_link(db, name=name, expires_at=expires_at)

        link, token = with_db(_create)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    until = f"until {_when(link.expires_at)}" if link.expires_at else "until revoked"
    typer.echo(
        f"Created link {link.token_prefix} for {link.name!r} (id {link.id}), valid {until}. "
        "The URL below is shown only now; send it to the recruiter.",
        err=True,
    )
    typer.echo(link_url(get_settings().link_base, token))


@app.command(name="list")
def list_command() -> None:
    """List every link: id, prefix, name, created, expires, last used, conversations."""
    rows: list[LinkRow] = with_db(list_links)
    if not rows:
        typer.echo("no links yet: create one with `ask-applicant links create --name NAME`")
        return
    typer.echo(
        f"{'ID':<32}  {'PREFIX':<10}  {'STATUS':<7}  {'CREATED':<16}  {'EXPIRES':<16}  "
        f"{'LAST USED':<16}  {'CONVERSATIONS':>13}  NAME"
    )
    for row in rows:
        link = row.link
        typer.echo(
            f"{link.id:<32}  {link.token_prefix:<10}  {link_state(link):<7}  "
            f"{_when(link.created_at):<16}  {_when(link.expires_at, 'never'):<16}  "
            f"{_when(link.last_used_at, 'never'):<16}  {row.conversations:>13}  {link.name}"
        )


@app.command()
def revoke(
    ident: Annotated[str, typer.Argument(help="The link's id or prefix (see `links list`).")],
) -> None:
    """Revoke a link: browsers signed in with it are refused from their next request."""

    async def _revoke(db: AsyncSession) -> ShareLink | None:
        return await revoke_link(db, ident=ident.strip())

    link = with_db(_revoke)
    if link is None:
        typer.echo(
            f"error: no single link matches {ident!r}; use an id or prefix from `links list`",
            err=True,
        )
        raise typer.Exit(2)
    typer.echo(f"revoked link {link.token_prefix} for {link.name!r} (id {link.id})")


def _when(moment: datetime | None, missing: str = "-") -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else missing
