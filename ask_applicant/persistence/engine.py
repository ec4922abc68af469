"""The process's one async engine, tuned per backend."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.sqlite_connection import connect_sqlite

SQLITE_BUSY_TIMEOUT_MS = 10_000
MYSQL_POOL_RECYCLE_SECONDS = 1_800


def create_engine(database_url: str, *, echo: bool = False) -> AsyncEngine:
    """Create the async engine for `database_url`.

    Call once where the app or a CLI command starts and pass the engine down;
    never create one per store or per request.

    Args:
        database_url: A `sqlite+aiosqlite://` or `mysql+asyncmy://` URL.
        echo: Log every statement.

    Returns:
        The engine; dispose of it when the process is done.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "mysql":
        query: dict[str, Any] = {"charset": "utf8mb4", **url.query}
        return create_async_engine(
            url.set(query=query),
            echo=echo,
            pool_pre_ping=True,
            pool_recycle=MYSQL_POOL_RECYCLE_SECONDS,
            pool_size=20,
            max_overflow=40,
        )
    engine = create_async_engine(
        url,
        echo=echo,
        connect_args={
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
            "async_creator_fn": connect_sqlite,
        },
    )
    _tune_sqlite(engine)
    return engine


def _tune_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so two writers queue on the busy
        # timeout instead of one failing when it upgrades a read lock.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def open_db(engine: AsyncEngine) -> AsyncSession:
    """An ORM session on `engine` whose objects stay readable after commit.

    Async code cannot lazily reload an expired attribute, so nothing expires.
    """
    return AsyncSession(engine, expire_on_commit=False)
