"""`ask-applicant serve`: the HTTP API under uvicorn.

Before uvicorn starts (once, whatever the number of workers): the profile must load,
the schema must be at head (SQLite is upgraded; MySQL must be upgraded first with
`ask-applicant db upgrade`), and when nobody could sign in as the applicant yet, an
owner key is created and printed once.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
import uvicorn
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col, select

from ask_applicant.log_config import logging_config
from ask_applicant.persistence import User, create_engine, open_db
from ask_applicant.persistence.users import create_user
from ask_applicant.server.startup import StartupError, prepare_schema, read_profile
from ask_applicant.settings import Settings, get_settings

FIRST_OWNER_NAME = "applicant"
GRACEFUL_SHUTDOWN_SECONDS = 10


async def prepare_database(settings: Settings) -> str | None:
    """Bring the schema to head (SQLite) or check it (MySQL); make the first owner key.

    Returns:
        The new owner's key when one was created (no active owner existed), else None.

    Raises:
        StartupError: The MySQL schema is behind the code.
    """
    engine = create_engine(settings.database_url)
    try:
        await prepare_schema(engine, settings)
        async with open_db(engine) as db:
            query = select(User).where(User.role == "owner", col(User.disabled).is_(False))
            if (await db.exec(query)).first() is not None:
                return None
            _user, key = await create_user(db, name=FIRST_OWNER_NAME, role="owner")
            return key
    finally:
        await engine.dispose()


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    settings = get_settings()
    try:
        read_profile(settings)
        owner_key = asyncio.run(prepare_database(settings))
    except StartupError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except (OSError, SQLAlchemyError) as error:
        typer.echo(f"error: cannot use the database: {error}", err=True)
        raise typer.Exit(1) from None
    if owner_key is not None:
        typer.echo(
            "No owner key existed, so one was created. It is shown only now:\n"
            f"OWNER_API_KEY={owner_key}",
            err=False,
        )
    typer.echo(f"serving on http://{host}:{port} (docs at /docs)", err=True)
    uvicorn.run(
        "ask_applicant.server.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        # Ours, so uvicorn's lines (access log included) take LOG_FORMAT like the rest.
        log_config=logging_config(settings),
        log_level=settings.log_level.lower(),
        # Open event streams would otherwise hold a shutdown until their runs end.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
