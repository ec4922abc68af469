"""The live tail of a run: contiguous, bounded, and never waiting on its listeners."""

from __future__ import annotations

import asyncio

import pytest

from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.record import RunEventRecord


def _record(seq: int, event: str = "message.delta") -> RunEventRecord:
    return RunEventRecord(seq, event, {"delta": f"part {seq} 🎉"}, "r_1")


def test_a_listener_reads_what_follows_its_cursor() -> None:
    channel = RunChannel(_record(1, "run.created"))
    for seq in range(2, 5):
        channel.publish(_record(seq))
    assert [r.seq for r in channel.since(0) or []] == [1, 2, 3, 4]
    assert [r.seq for r in channel.since(2) or []] == [3, 4]
    assert channel.since(4) == []


def test_stored_events_beyond_the_window_are_left_to_the_database() -> None:
    channel = RunChannel(_record(1, "run.created"), keep_stored=2)
    for seq in range(2, 8):
        channel.publish(_record(seq))
    channel.mark_stored(5)
    assert channel.since(2) is None  # 3 is stored and forgotten here
    assert [r.seq for r in channel.since(3) or []] == [4, 5, 6, 7]
    channel.mark_stored(7)
    assert [r.seq for r in channel.since(5) or []] == [6, 7]
    assert channel.since(4) is None


def test_events_must_arrive_in_order() -> None:
    channel = RunChannel(_record(1, "run.created"))
    with pytest.raises(ValueError, match="does not follow"):
        channel.publish(_record(3))


async def test_waiting_listeners_wake_on_a_new_event_and_on_close() -> None:
    channel = RunChannel(_record(1, "run.created"))
    waiter = asyncio.create_task(channel.wait())
    await asyncio.sleep(0)  # let it start waiting
    assert not waiter.done()
    channel.publish(_record(2))
    async with asyncio.timeout(5):
        await waiter

    closing = asyncio.create_task(channel.wait())
    await asyncio.sleep(0)
    channel.close()
    async with asyncio.timeout(5):
        await closing
    async with asyncio.timeout(5):
        await channel.wait()  # closed: returns at once
