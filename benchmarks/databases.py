"""Scratch databases for one benchmark: an SQLite file, or a MariaDB database dropped after."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ask_applicant.persistence import create_engine, upgrade_to_head_async

Backend = Literal["sqlite", "mysql"]
BACKENDS: tuple[Backend, ...] = ("sqlite", "mysql")
DEFAULT_MYSQL_URL = "mysql+asyncmy://root@127.0.0.1:3306/"


def masked(url: str) -> str:
    """The URL with its password hidden, fit for logs and results."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def server_root(server_url: str) -> str:
    """The server's URL without a database, password kept (str() would mask it)."""
    return make_url(server_url).set(database="").render_as_string(hide_password=False)


async def mysql_version(server_url: str) -> str | None:
    """The server's version, or None when it cannot be reached."""
    engine = create_engine(server_root(server_url))
    try:
        async with engine.connect() as conn:
            return str((await conn.execute(text("SELECT VERSION()"))).scalar_one())
    except (OSError, SQLAlchemyError):
        return None
    finally:
        await engine.dispose()


async def _admin(server_url: str, sql: str) -> None:
    engine = create_engine(server_root(server_url))
    try:
        async with engine.begin() as conn:
            await conn.exec_driver_sql(sql)
    finally:
        await engine.dispose()


@asynccontextmanager
async def scratch_database(
    backend: Backend, *, workdir: Path, mysql_url: str = DEFAULT_MYSQL_URL, migrate: bool = True
) -> AsyncIterator[str]:
    """A new, empty database for one benchmark; its URL.

    Args:
        backend: `sqlite` (a file in `workdir`) or `mysql` (a `bench_*` database on the
            server at `mysql_url`, dropped afterwards).
        workdir: Where SQLite files go.
        mysql_url: A `mysql+asyncmy://` URL of a user allowed to create databases.
        migrate: Bring the schema to the migrations' head first.
    """
    name = f"bench_{uuid.uuid4().hex[:12]}"
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{workdir / f'{name}.db'}"
    else:
        await _admin(
            mysql_url, f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        )
        url = make_url(mysql_url).set(database=name).render_as_string(hide_password=False)
    try:
        if migrate:
            await upgrade_to_head_async(url)
        yield url
    finally:
        if backend == "mysql":
            await _admin(mysql_url, f"DROP DATABASE IF EXISTS `{name}`")
