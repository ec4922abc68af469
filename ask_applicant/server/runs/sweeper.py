"""The sweeper: ends runs whose process died, so none stays `running` forever.

Two ways to know a process died: it ran on this host and is provably gone (its
`ProcessIdentity`), which a starting server checks at once; or its heartbeat is older
than `stale_run_seconds`, for processes on other hosts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Collection
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.runs import end_run_elsewhere, owned_active_runs, stale_runs
from ask_applicant.server.runs.failures import SERVER_STOPPED
from ask_applicant.server.runs.process_identity import ProcessIdentity

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
    async with open_db(engine, read_only=True) as db:
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


async def end_orphaned_runs(
    *, engine: AsyncEngine, here: ProcessIdentity, skip: Collection[str] = ()
) -> int:
    """Mark failed every active run whose owning process is known to be gone.

    Only runs of this host (same boot and PID namespace) can be decided; the rest wait
    for the heartbeat sweep. Each gets `run.failed` (code `internal`) and frees its
    conversation.

    Args:
        engine: The process's engine.
        here: This process's identity.
        skip: Runs this process is running.

    Returns:
        How many runs were ended.
    """
    async with open_db(engine, read_only=True) as db:
        owned = await owned_active_runs(db)
    ended = 0
    for run_id, owner_text in owned:
        owner = ProcessIdentity.loads(owner_text)
        if run_id in skip or owner is None or not owner.is_gone(here):
            continue
        async with open_db(engine) as db:
            if await end_run_elsewhere(
                db,
                run_id=run_id,
                status="failed",
                error_code=SERVER_STOPPED.code,
                error_message=SERVER_STOPPED.message,
            ):
                logger.warning("run %s: its process %d is gone: marked failed", run_id, owner.pid)
                ended += 1
    return ended


async def sweep_forever(
    sweep: Callable[[], Awaitable[int]], *, interval: float, stop: asyncio.Event
) -> None:
    """Call `sweep` every `interval` seconds until `stop` is set; errors are logged.

    The owner sets `stop` and then cancels the task, which only hurries a sweep under
    way. The event, not the cancel, is what ends the loop: on Python 3.11 a cancel that
    arrives in the loop turn a MySQL reply lands in is lost (asyncmy's read timeout
    uses `asyncio.wait_for`, which then returns the reply; CPython gh-86296), and a
    loop ended only by cancelling would sweep on forever while its owner waits.
    """
    while True:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(interval):
                await stop.wait()
        if stop.is_set():
            return
        try:
            await sweep()
        except Exception:
            logger.exception("sweeping stale runs failed")
