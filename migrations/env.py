"""Alembic environment: URL from the app's settings, metadata from the models."""

from __future__ import annotations

import asyncio
import logging
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import ask_applicant.persistence.models  # noqa: F401  (registers the tables)
from ask_applicant.persistence.engine import create_engine
from ask_applicant.settings import get_settings

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def _not_the_version_key_note(record: logging.LogRecord) -> bool:
    # MySQL names every primary key PRIMARY and says so (note 1280) when Alembic names
    # the version table's key `alembic_version_pkc`; the driver logs that note as a
    # warning, which reads like a problem and is not one.
    return "alembic_version_pkc" not in record.getMessage()


logging.getLogger("asyncmy").addFilter(_not_the_version_key_note)


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    engine = create_engine(_url())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_online())
