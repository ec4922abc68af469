"""Stopping a task for sure, on every Python the service runs on.

On Python 3.11 a cancel that lands in the same loop turn as the reply awaited by an
`asyncio.wait_for` inside the task is dropped (CPython gh-86296, fixed in 3.12), and
asyncmy reads MySQL through `wait_for`. The task then carries on as if never
cancelled: a follower keeps reading a run nobody listens to, and whoever awaits it
waits until the run ends, or for good once the follower's queue is full. So the cancel
is repeated until the task has stopped.
"""

from __future__ import annotations

import asyncio
from typing import Any

RECANCEL_SECONDS = 0.05


async def stop_task(task: asyncio.Task[Any]) -> None:
    """Cancel `task` (again while it goes on) and wait until it has stopped.

    Raises:
        Exception: Whatever the task raised, if it ended with an error of its own.
    """
    while not task.done():
        task.cancel()
        await asyncio.wait([task], timeout=RECANCEL_SECONDS)
    if not task.cancelled():
        task.result()
