"""Telling a database outage from other errors, and outlasting a short one.

The errors are real: a MySQL port nobody listens on, an SQLite file another connection
holds locked, and SQL that no database accepts.
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from ask_applicant.persistence import create_engine
from ask_applicant.persistence.outage import (
    DatabaseUnavailableError,
    cause_of,
    is_unavailable,
    outlast,
)

WRITE = text("DELETE FROM users WHERE id = 'nobody'")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def _unreachable(database_url: str) -> AsyncIterator[tuple[AsyncEngine, Callable[[], None]]]:
    """An engine on the same kind of database that cannot be used now, and `end_outage`.

    MySQL: a port nobody listens on (the outage ends when the test moves to the real
    engine). SQLite: the file, held locked by another connection until `end_outage`.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        holder = sqlite3.connect(str(url.database))
        holder.execute("BEGIN EXCLUSIVE")

        def end_outage() -> None:
            if holder.in_transaction:
                holder.rollback()

        engine = create_async_engine(url, connect_args={"timeout": 0.05})
        try:
            yield engine, end_outage
        finally:
            await engine.dispose()
            end_outage()
            holder.close()
        return
    engine = create_engine(str(url.set(host="127.0.0.1", port=_closed_port())))
    try:
        yield engine, lambda: None
    finally:
        await engine.dispose()


async def _error_of(engine: AsyncEngine, statement: str | None = None) -> Exception:
    try:
        async with engine.begin() as conn:
            await conn.execute(text(statement) if statement else WRITE)
    except Exception as error:
        return error
    raise AssertionError("the statement worked")


async def test_an_unreachable_or_locked_database_is_an_outage_and_bad_sql_is_not(
    database_url: str, engine: AsyncEngine
) -> None:
    async with _unreachable(database_url) as (down, _end_outage):
        outage = await _error_of(down)
    bad_sql = await _error_of(engine, "SELECT * FROM no_such_table")

    assert is_unavailable(outage)
    assert not is_unavailable(bad_sql)
    assert not is_unavailable(ValueError("not a database error"))
    assert "\n" not in cause_of(outage) and "sqlalche.me" not in cause_of(outage)


async def test_a_write_outlasts_an_outage_shorter_than_the_grace(
    database_url: str, engine: AsyncEngine
) -> None:
    tries: list[str] = []
    async with _unreachable(database_url) as (down, end_outage):

        async def attempt() -> str:
            # Down for the first three tries, then the database answers again.
            if len(tries) == 3:
                end_outage()
            target = down if len(tries) < 3 else engine
            tries.append("down" if target is down else "up")
            async with target.begin() as conn:
                await conn.execute(WRITE)
            return "stored"

        result = await outlast(attempt, grace_seconds=60, what="a test write")
    assert result == "stored"
    assert tries == ["down", "down", "down", "up"]


async def test_past_the_grace_a_write_gives_up_and_other_errors_are_not_retried(
    database_url: str, engine: AsyncEngine
) -> None:
    tries = 0
    async with _unreachable(database_url) as (down, _end_outage):

        async def attempt_down() -> None:
            nonlocal tries
            tries += 1
            async with down.begin() as conn:
                await conn.execute(WRITE)

        with pytest.raises(DatabaseUnavailableError) as gave_up:
            await outlast(attempt_down, grace_seconds=0.5, what="a test write")
    assert tries >= 2
    assert is_unavailable(gave_up.value.__cause__)  # type: ignore[arg-type]

    bad_tries = 0

    async def attempt_bad_sql() -> None:
        nonlocal bad_tries
        bad_tries += 1
        async with engine.begin() as conn:
            await conn.execute(text("SELECT * FROM no_such_table"))

    with pytest.raises(Exception) as failed:
        await outlast(attempt_bad_sql, grace_seconds=60, what="a test write")
    assert not isinstance(failed.value, DatabaseUnavailableError)
    assert bad_tries == 1


def test_a_mysql_engine_gives_up_on_a_silent_server_instead_of_waiting_forever() -> None:
    # A paused server leaves connections open: without a read timeout a query would
    # wait for ever (tests/server/test_database_outage.py shows the 503 it becomes).
    engine = create_engine("mysql+asyncmy://user@127.0.0.1:3306/db")
    _args, options = engine.dialect.create_connect_args(engine.url)
    assert options["connect_timeout"] > 0
    assert options["read_timeout"] > 0
    override = create_engine("mysql+asyncmy://user@127.0.0.1:3306/db?read_timeout=2")
    assert override.dialect.create_connect_args(override.url)[1]["read_timeout"] == 2
