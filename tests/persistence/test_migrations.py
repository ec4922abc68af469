"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from ask_applicant.persistence import SchemaBehindError, create_engine, require_head
from ask_applicant.persistence.schema import upgrade_to_head_async


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, SQLModel.metadata)


async def test_an_empty_database_upgrades_to_head_with_no_drift(empty_database_url: str) -> None:
    engine = create_engine(empty_database_url)
    try:
        with pytest.raises(SchemaBehindError, match="ask-applicant db upgrade"):
            await require_head(engine)
        await upgrade_to_head_async(empty_database_url)
        await require_head(engine)
        async with engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
            assert {"users", "sessions", "session_items", "runs", "run_events"} <= tables
            assert {"share_links", "service_secrets"} <= tables
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()


async def test_upgrading_twice_is_harmless(empty_database_url: str) -> None:
    await upgrade_to_head_async(empty_database_url)
    await upgrade_to_head_async(empty_database_url)
    engine = create_engine(empty_database_url)
    try:
        await require_head(engine)
    finally:
        await engine.dispose()
