"""Session store benchmark: our `SqlSessionStore` against the SDK's own session stores.

Each store keeps one conversation that grows, through its own `add_items`, to each size
in turn (100, 1,000, 10,000 items); at each size `add_items` of one turn's batch (6 items)
and `get_items(limit=50)` are timed. The SDK's `SQLAlchemySession` runs on a plain
`create_async_engine` in a database of its own; on MariaDB its tables are created
beforehand (its `create_tables` emits `VARCHAR` without a length, which MySQL refuses).
`SQLiteSession` is SQLite only.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from agents import SQLiteSession
from agents.extensions.memory import SQLAlchemySession
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from ask_applicant.persistence import SqlSessionStore, create_engine, open_db
from ask_applicant.persistence.sessions import create_session
from ask_applicant.persistence.users import create_user
from benchmarks.databases import DEFAULT_MYSQL_URL, Backend, scratch_database
from benchmarks.stats import Summary, summarize_ms

OURS = "SqlSessionStore"
SDK_SQLALCHEMY = "SDK SQLAlchemySession"
SDK_SQLITE = "SDK SQLiteSession"
BATCH = 6
READ_LIMIT = 50
FILL_BATCH = 120
WARMUP = 2

# The SDK's tables as `SQLAlchemySession` declares them, with the lengths MySQL needs.
_SDK_MYSQL_TABLES = (
    """CREATE TABLE agent_sessions (
        session_id VARCHAR(255) NOT NULL PRIMARY KEY,
        created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
    """CREATE TABLE agent_messages (
        id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
        session_id VARCHAR(255) NOT NULL,
        message_data TEXT NOT NULL,
        created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        FOREIGN KEY (session_id) REFERENCES agent_sessions (session_id) ON DELETE CASCADE,
        INDEX idx_agent_messages_session_time (session_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
)


class _Store(Protocol):
    async def add_items(self, items: list[Any]) -> None: ...

    async def get_items(self, limit: int | None = None) -> list[Any]: ...


@dataclass(frozen=True)
class StoreTiming:
    """One store, one operation, one conversation size."""

    backend: str
    store: str
    size: int
    operation: str
    summary: Summary

    def to_json(self) -> dict[str, Any]:
        """As JSON data."""
        return {
            "backend": self.backend,
            "store": self.store,
            "size": self.size,
            "operation": self.operation,
            "ms": self.summary.to_json(),
        }


def turn_items(turn: int) -> list[dict[str, Any]]:
    """The six items one answered question adds: question, handoff, tool call, answer."""
    output = (
        '{"facts":[{"source":"projects[0]","text":"채팅 서비스 (Chat Service): 실시간 메시징, '
        'Python, FastAPI, Redis, MySQL; 1M messages a day"}],"note":null}'
    )
    return [
        {"role": "user", "content": f"Question {turn}: which projects used Python? 🙂"},
        {
            "type": "function_call",
            "call_id": f"call_h{turn}",
            "name": "transfer_to_project_specialist",
            "arguments": "{}",
            "id": f"fc_h{turn}",
        },
        {
            "type": "function_call_output",
            "call_id": f"call_h{turn}",
            "output": '{"assistant": "Project Specialist"}',
        },
        {
            "type": "function_call",
            "call_id": f"call_t{turn}",
            "name": "list_projects",
            "arguments": '{"technology": "Python"}',
            "id": f"fc_t{turn}",
        },
        {"type": "function_call_output", "call_id": f"call_t{turn}", "output": output * 4},
        {
            "type": "message",
            "role": "assistant",
            "id": f"msg_{turn}",
            "status": "completed",
            "content": [
                {
                    "type": "output_text",
                    "text": "She built the chat service (채팅 서비스) with Python. " * 6,
                    "annotations": [],
                }
            ],
        },
    ]


async def _timed(operation: Callable[[], Awaitable[Any]], repeats: int) -> Summary:
    for _ in range(WARMUP):
        await operation()  # a first call may open a connection; not what is measured
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        await operation()
        samples.append(time.perf_counter() - started)
    summary = summarize_ms(samples)
    assert summary is not None  # repeats >= 1
    return summary


async def _fill(store: _Store, count: int, turns: Iterator[int]) -> None:
    """Add `count` items in large batches: only the table's size matters here."""
    while count > 0:
        batch: list[dict[str, Any]] = []
        while len(batch) < min(FILL_BATCH, count):
            batch.extend(turn_items(next(turns)))
        batch = batch[: min(FILL_BATCH, count)]
        await store.add_items(batch)
        count -= len(batch)


async def _measure(
    backend: Backend, name: str, store: _Store, sizes: tuple[int, ...], repeats: int
) -> list[StoreTiming]:
    timings: list[StoreTiming] = []
    turns = itertools.count(1)
    held = 0
    for size in sizes:
        await _fill(store, size - held, turns)
        added = await _timed(lambda: store.add_items(turn_items(next(turns))), repeats)
        read = await _timed(lambda: store.get_items(limit=READ_LIMIT), repeats)
        held = size + BATCH * (repeats + WARMUP)
        timings.append(StoreTiming(backend, name, size, "add_items(6)", added))
        timings.append(StoreTiming(backend, name, size, "get_items(50)", read))
    return timings


@asynccontextmanager
async def _our_store(url: str) -> AsyncIterator[SqlSessionStore]:
    engine = create_engine(url)
    try:
        async with open_db(engine) as db:
            user, _key = await create_user(db, name="Benchmark", role="recruiter")
            chat = await create_session(db, owner_id=user.id)
        yield SqlSessionStore(chat.id, engine=engine)
    finally:
        await engine.dispose()


@asynccontextmanager
async def _sdk_sqlalchemy_store(url: str, backend: Backend) -> AsyncIterator[SQLAlchemySession]:
    engine: AsyncEngine = create_async_engine(url)
    try:
        if backend == "mysql":
            async with engine.begin() as conn:
                for statement in _SDK_MYSQL_TABLES:
                    await conn.exec_driver_sql(statement)
        yield SQLAlchemySession("bench", engine=engine, create_tables=backend == "sqlite")
    finally:
        await engine.dispose()


async def run_session_store(
    *,
    backends: tuple[Backend, ...],
    sizes: tuple[int, ...],
    repeats: int,
    workdir: Path,
    mysql_url: str = DEFAULT_MYSQL_URL,
    log: Callable[[str], None] = print,
) -> list[StoreTiming]:
    """Time each store on each backend at each conversation size.

    Args:
        backends: Where to run (`sqlite`, `mysql`).
        sizes: Conversation sizes, ascending.
        repeats: Timed calls per operation and size.
        workdir: Where SQLite files go.
        mysql_url: The MariaDB server (a user allowed to create databases).
        log: Progress lines.
    """
    timings: list[StoreTiming] = []
    for backend in backends:
        async with AsyncExitStack() as stack:
            ours_url = await stack.enter_async_context(
                scratch_database(backend, workdir=workdir, mysql_url=mysql_url)
            )
            sdk_url = await stack.enter_async_context(
                scratch_database(backend, workdir=workdir, mysql_url=mysql_url, migrate=False)
            )
            stores: list[tuple[str, _Store]] = [
                (OURS, await stack.enter_async_context(_our_store(ours_url))),
                (
                    SDK_SQLALCHEMY,
                    await stack.enter_async_context(_sdk_sqlalchemy_store(sdk_url, backend)),
                ),
            ]
            if backend == "sqlite":
                sqlite_session = SQLiteSession("bench", db_path=workdir / "sdk_sqlite_session.db")
                stack.callback(sqlite_session.close)
                stores.append((SDK_SQLITE, sqlite_session))
            for name, store in stores:
                log(f"session store: {name} on {backend}, sizes {sizes}")
                timings.extend(await _measure(backend, name, store, sizes, repeats))
    return timings
