"""The process's one async engine, tuned per backend.

On SQLite a transaction that may write begins with `BEGIN IMMEDIATE` (it takes the
write lock at once, so writers queue on the busy timeout instead of failing when one
upgrades a read lock), while a read-only transaction (`open_db(engine, read_only=True)`,
`reading(engine)`) begins a plain deferred `BEGIN`: under WAL it reads a snapshot and
never waits for, or blocks, a writer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.sqlite_connection import connect_sqlite

SQLITE_BUSY_TIMEOUT_MS = 10_000
MYSQL_POOL_RECYCLE_SECONDS = 1_800
# Writers queue on SQLite's lock while holding a pooled connection, so the pool must
# outnumber the runs writing at once, or the readers (key checks, replays) starve.
SQLITE_POOL_SIZE = 10
SQLITE_MAX_OVERFLOW = 40
READ_ONLY_OPTION = "ask_applicant_read_only"
# A server that stops answering (paused, partitioned) must fail a query, not hang it:
# the failure is then an outage (503, or a run's retried write) like a refused connection.
MYSQL_CONNECT_TIMEOUT_SECONDS = 5
MYSQL_READ_TIMEOUT_SECONDS = 30


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
        query: dict[str, Any] = {
            "charset": "utf8mb4",
            "connect_timeout": str(MYSQL_CONNECT_TIMEOUT_SECONDS),
            "read_timeout": str(MYSQL_READ_TIMEOUT_SECONDS),
            **url.query,
        }
        return create_async_engine(
            url.set(query=query),
            echo=echo,
            # No ping per checkout (a round trip on every transaction, 10-16 ms a turn):
            # a connection the server dropped fails its first use as a disconnect, which
            # invalidates the pool, and that failure is an outage the caller retries
            # (runs) or answers as 503 (requests); pool_recycle retires idle ones first.
            pool_pre_ping=False,
            pool_recycle=MYSQL_POOL_RECYCLE_SECONDS,
            pool_size=20,
            max_overflow=40,
        )
    options: dict[str, Any] = {}
    if url.database and url.database != ":memory:" and url.query.get("mode") != "memory":
        options = {"pool_size": SQLITE_POOL_SIZE, "max_overflow": SQLITE_MAX_OVERFLOW}
    engine = create_async_engine(
        url,
        echo=echo,
        connect_args={
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
            "async_creator_fn": connect_sqlite,
        },
        **options,
    )
    _tune_sqlite(engine)
    return engine


def reading(engine: AsyncEngine) -> AsyncEngine:
    """`engine` for transactions that only read (same pool; no write lock on SQLite).

    Use it only where nothing is written: on SQLite a deferred transaction that reads
    and then writes can fail with "database is locked" instead of waiting.
    """
    return engine.execution_options(**{READ_ONLY_OPTION: True})


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
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            # IMMEDIATE takes the write lock up front, so two writers queue on the busy
            # timeout instead of one failing when it upgrades a read lock.
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def open_db(engine: AsyncEngine, *, read_only: bool = False) -> AsyncSession:
    """An ORM session on `engine` whose objects stay readable after commit.

    Async code cannot lazily reload an expired attribute, so nothing expires.

    Args:
        engine: The process's engine.
        read_only: The session only reads: on SQLite it takes no write lock, so it
            neither waits for writers nor holds them up. Never write with it.
    """
    return AsyncSession(reading(engine) if read_only else engine, expire_on_commit=False)
