"""`ask-applicant db`: the schema, as its own step."""

from __future__ import annotations

import asyncio

import typer

from ask_applicant.persistence import create_engine, upgrade_to_head
from ask_applicant.persistence.schema import current_revision, head_revision
from ask_applicant.settings import get_settings

app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


@app.command()
def upgrade() -> None:
    """Bring the database named by DATABASE_URL to the newest schema."""
    url = get_settings().database_url
    upgrade_to_head(url)
    typer.echo(f"database at {head_revision()}")


@app.command()
def status() -> None:
    """Show the database's schema revision and the code's."""

    async def _read() -> str | None:
        engine = create_engine(get_settings().database_url)
        try:
            return await current_revision(engine)
        finally:
            await engine.dispose()

    current = asyncio.run(_read())
    head = head_revision()
    typer.echo(f"database: {current or 'empty'}\ncode:     {head}")
    if current != head:
        raise typer.Exit(1)
