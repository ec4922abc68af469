"""`ask-applicant keys`: API keys for the HTTP API (create, list, revoke).

A key is shown once, when it is created: only its hash is stored. `create` prints the
key alone on stdout (the explanation goes to stderr), so `KEY=$(ask-applicant keys
create --name "Acme recruiter")` captures just the key.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Annotated, TypeVar

import typer
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence import User, create_engine, open_db
from ask_applicant.persistence.users import create_user, list_users, revoke_user
from ask_applicant.server.startup import StartupError, prepare_schema
from ask_applicant.settings import get_settings

app = typer.Typer(help="Manage API keys for the HTTP API.", no_args_is_help=True)

T = TypeVar("T")


class RoleChoice(StrEnum):
    """Who holds the key: the applicant sees every conversation, a recruiter their own."""

    recruiter = "recruiter"
    owner = "owner"


def with_db(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` on the configured database, its schema brought to head first (SQLite).

    Exits 2 with the reason when the database cannot be used.
    """

    async def _run() -> T:
        settings = get_settings()
        engine = create_engine(settings.database_url)
        try:
            await prepare_schema(engine, settings)
            async with open_db(engine) as db:
                return await work(db)
        finally:
            await engine.dispose()

    try:
        return asyncio.run(_run())
    except StartupError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except (OSError, SQLAlchemyError) as error:
        typer.echo(f"error: cannot use the database: {error}", err=True)
        raise typer.Exit(1) from None


@app.command()
def create(
    name: Annotated[str, typer.Option("--name", help="Who holds the key, e.g. 'Acme recruiter'.")],
    role: Annotated[RoleChoice, typer.Option("--role", help="owner or recruiter.")] = (
        RoleChoice.recruiter
    ),
) -> None:
    """Create a user with a new API key and print the key (once)."""

    async def _create(db: AsyncSession) -> tuple[User, str]:
        return await create_user(db, name=name, role=role.value)

    try:
        user, key = with_db(_create)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(
        f"Created {user.role} {user.name!r} (id {user.id}). "
        "The key below is shown only now; keep it somewhere safe.",
        err=True,
    )
    typer.echo(key)


@app.command(name="list")
def list_keys() -> None:
    """List every key holder: id, key prefix, role, name, created, status."""
    users = with_db(list_users)
    if not users:
        typer.echo("no keys yet: create one with `ask-applicant keys create --name NAME`")
        return
    typer.echo(f"{'ID':<32}  {'PREFIX':<10}  {'ROLE':<9}  {'STATUS':<7}  {'CREATED':<16}  NAME")
    for user in users:
        status = "revoked" if user.disabled else "active"
        created = user.created_at.strftime("%Y-%m-%d %H:%M")
        typer.echo(
            f"{user.id:<32}  {user.api_key_prefix:<10}  {user.role:<9}  {status:<7}  "
            f"{created:<16}  {user.name}"
        )


@app.command()
def revoke(
    ident: Annotated[str, typer.Argument(help="The user's id or key prefix (see `keys list`).")],
) -> None:
    """Revoke a key: it stops working at once."""

    async def _revoke(db: AsyncSession) -> User | None:
        return await revoke_user(db, ident=ident.strip())

    user = with_db(_revoke)
    if user is None:
        typer.echo(
            f"error: no single key matches {ident!r}; use an id or prefix from `keys list`",
            err=True,
        )
        raise typer.Exit(2)
    typer.echo(f"revoked {user.role} {user.name!r} (id {user.id})")
