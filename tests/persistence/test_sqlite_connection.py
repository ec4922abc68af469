"""A SQLite database that cannot be opened leaves no aiosqlite worker thread behind."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from ask_applicant.persistence import create_engine


def _aiosqlite_workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "_connection_worker_thread" in t.name]


async def test_a_failed_open_has_ended_its_worker_thread_when_the_error_arrives(
    tmp_path: Path,
) -> None:
    # A worker still running after the error calls back into the event loop later; when
    # `asyncio.run` has closed it by then, the CLI printed "Event loop is closed".
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'no' / 'such' / 'x.db'}")
    try:
        for _ in range(20):
            with pytest.raises(OperationalError, match="unable to open database file"):
                async with engine.connect() as connection:
                    await connection.execute(text("SELECT 1"))
            assert _aiosqlite_workers() == []
    finally:
        await engine.dispose()
