"""The lead delivery task ends with the block that runs it, whatever its cancel meets."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.server.lead_delivery import LeadDelivery
from ask_applicant.settings import Settings


async def test_leaving_the_block_stops_delivery_even_when_a_delivery_outlives_its_cancel(
    engine: AsyncEngine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On Python 3.11 a MySQL read whose reply lands in the same loop turn as the cancel
    # returns the reply and drops the cancel (asyncmy reads under `asyncio.wait_for`;
    # CPython gh-86296). The first delivery here does the same: the block must still end.
    in_delivery = asyncio.Event()
    deliveries: list[int] = []

    async def deliver_that_outlives_its_cancel(self: LeadDelivery) -> None:
        deliveries.append(len(deliveries) + 1)
        in_delivery.set()
        read = asyncio.get_running_loop().create_future()  # a reply that never comes
        lost = len(deliveries) == 1
        with contextlib.suppress(asyncio.CancelledError) if lost else contextlib.nullcontext():
            await read

    monkeypatch.setattr(LeadDelivery, "deliver_due", deliver_that_outlives_its_cancel)
    settings = Settings(database_url=database_url, lead_webhook_url="https://hooks.example/leads")
    async with asyncio.timeout(15):
        async with LeadDelivery(engine, settings).running():
            await in_delivery.wait()
    assert deliveries == [1]
