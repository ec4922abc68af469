"""The sweeper: ends runs whose process died, so none stays `running` forever."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.runs import end_run_elsewhere, stale_runs
from ask_applicant.server.runs.failures import SERVER_STOPPED

logger = logging.getLogger(__name__)


async def sweep_stale_runs(
    *, engine: AsyncEngine, stale_seconds: float, skip: Collection[str] = ()
) -> int:
    """Mark failed every active run whose heartbeat is older than `stale_seconds`.

    Each gets its terminal `run.failed` (code `internal`) and frees its conversation.

    Args:
        engine: The process's engine.
        stale_seconds: How old a heartbeat may be before its run counts as dead.
        skip: Runs this process is running (alive, whatever their heartbeat says).

    Returns:
        How many runs were ended.
    """
    stale_before = utcnow() - timedelta(seconds=stale_seconds)
    async with open_db(engine) as db:
        candidates = [run.id for run in await stale_runs(db, stale_before=stale_before)]
    ended = 0
    for run_id in candidates:
        if run_id in skip:
            continue
        async with open_db(engine) as db:
            if await end_run_elsewhere(
                db,
                run_id=run_id,
                status="failed",
                error_code=SERVER_STOPPED.code,
                error_message=SERVER_STOPPED.message,
                stale_before=stale_before,
            ):
                logger.warning("run %s lost its heartbeat: marked failed", run_id)
                ended += 1
    return ended


async def sweep_forever(sweep: Callable[[], Awaitable[int]], *, interval: float) -> None:
    """Call `sweep` every `interval` seconds until cancelled; errors are logged."""
    while True:
        await asyncio.sleep(interval)
        try:
            await sweep()
        except Exception:
            logger.exception("sweeping stale runs failed")
