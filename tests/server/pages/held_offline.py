"""The offline model, held mid-answer until a test lets it go on.

The page's hardest moments (Stop, a dropped connection, a reload) happen while an
answer is being written. This subclass of the real offline model routes, calls tools
and cites sources exactly as in production, but its answers stop after a few words
until `Gate.release` is set.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

from agents.items import TResponseStreamEvent

from ask_applicant.agents.offline import OfflineModel

HOLD_AFTER_DELTAS = 6
HOLD_LIMIT_SECONDS = 60.0


class Gate:
    """Where held answers wait.

    Attributes:
        holding: Set once an answer has stopped at the hold.
        release: Set it (from any thread) to let held and later answers finish.
    """

    def __init__(self) -> None:
        self.holding = threading.Event()
        self.release = threading.Event()

    async def wait(self) -> None:
        self.holding.set()
        deadline = time.monotonic() + HOLD_LIMIT_SECONDS
        while not self.release.is_set():
            if time.monotonic() > deadline:
                raise TimeoutError("the test never released the held answer")
            await asyncio.sleep(0.01)


def held_offline_model(gate: Gate) -> type[OfflineModel]:
    """An `OfflineModel` class whose streamed answers wait at `gate` after a few words."""

    class HeldOfflineModel(OfflineModel):
        async def stream_response(  # type: ignore[override]
            self, *args: Any, **kwargs: Any
        ) -> AsyncIterator[TResponseStreamEvent]:
            deltas = 0
            async for event in super().stream_response(*args, **kwargs):
                yield event
                if event.type == "response.output_text.delta":
                    deltas += 1
                    if deltas == HOLD_AFTER_DELTAS:
                        await gate.wait()

    return HeldOfflineModel
