"""Bringing a database's schema to the migrations' head, and checking it is there."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence.engine import READ_ONLY_OPTION


def _migrations_dir() -> Path:
    # Beside the package in a checkout; inside it when installed from the wheel; else in
    # the working directory (the image's /app).
    package = Path(__file__).resolve().parents[1]
    candidates = [package.parent / "migrations", package / "migrations", Path.cwd() / "migrations"]
    return next((path for path in candidates if (path / "env.py").is_file()), candidates[0])


MIGRATIONS_DIR = _migrations_dir()


class SchemaBehindError(RuntimeError):
    """The database is not at the migrations' head."""


def alembic_config(database_url: str) -> Config:
    """An Alembic config for `database_url` that leaves the app's logging alone."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url)
    config.attributes["configure_logging"] = False
    return config


def upgrade_to_head(database_url: str) -> None:
    """Run every pending migration (blocking; from outside an event loop)."""
    command.upgrade(alembic_config(database_url), "head")


async def upgrade_to_head_async(database_url: str) -> None:
    """Run every pending migration from inside an event loop."""
    # env.py runs its own loop, which must not be the caller's.
    await asyncio.to_thread(upgrade_to_head, database_url)


def head_revision() -> str | None:
    """The newest revision in `migrations/`."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""

    def _read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.execution_options(**{READ_ONLY_OPTION: True}).connect() as conn:
        return await conn.run_sync(_read)


async def require_head(engine: AsyncEngine) -> None:
    """Raise `SchemaBehindError` with the fix when the schema is not at head."""
    current, head = await current_revision(engine), head_revision()
    if current != head:
        raise SchemaBehindError(
            f"the database schema is at {current or 'nothing'}, the code needs {head}: "
            "run `ask-applicant db upgrade` first"
        )
