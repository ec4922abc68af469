"""Opening an aiosqlite connection so that a failure leaves no thread behind."""

from __future__ import annotations

import asyncio
from threading import Thread
from typing import Any

import aiosqlite


async def connect_sqlite(*args: Any, **kwargs: Any) -> aiosqlite.Connection:
    """Open an aiosqlite connection; SQLAlchemy's `async_creator_fn` for SQLite.

    aiosqlite runs each connection on a worker thread. When opening the file fails it
    queues the thread's stop but does not wait for it, so the thread may answer after
    `asyncio.run` has closed the loop and print `RuntimeError: Event loop is closed`
    over the caller's clean error. Waiting for the thread here closes that window.

    Args:
        args: Positional arguments of `aiosqlite.connect` (the database path).
        kwargs: Its keyword arguments (`timeout`, `isolation_level`, ...).

    Returns:
        The open connection.
    """
    connection = aiosqlite.connect(*args, **kwargs)
    # The connection holds its thread since aiosqlite 0.22; before, it was the thread.
    worker = getattr(connection, "_thread", connection)
    assert isinstance(worker, Thread)
    # As SQLAlchemy does for its own connections: never keep the process alive.
    worker.daemon = True
    try:
        return await connection
    except BaseException:
        await asyncio.to_thread(worker.join)
        raise
