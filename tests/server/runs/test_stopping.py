"""A task is stopped even when it loses a cancel, as Python 3.11's `wait_for` can."""

from __future__ import annotations

import asyncio

import pytest

from ask_applicant.server.runs.stopping import stop_task


async def test_a_task_that_swallows_its_first_cancel_is_still_stopped() -> None:
    swallowed = asyncio.Event()

    async def follower() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            # What `wait_for` does on 3.11 when the reply lands in the cancel's loop turn.
            swallowed.set()
        await asyncio.sleep(3600)  # and it reads on, as if never cancelled

    task = asyncio.create_task(follower())
    await asyncio.sleep(0)
    async with asyncio.timeout(5):
        await stop_task(task)
    assert swallowed.is_set() and task.cancelled()


async def test_a_task_that_failed_on_its_own_raises_its_error() -> None:
    async def broken() -> None:
        raise OSError("the database went away 💥")

    task = asyncio.create_task(broken())
    await asyncio.sleep(0)
    with pytest.raises(OSError, match="went away"):
        await stop_task(task)
