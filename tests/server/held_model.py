"""`HeldModel`: a model whose answers can be held mid-stream, for tests of live runs."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

from agents import Model
from agents.items import ModelResponse, TResponseStreamEvent
from agents.testing import ModelStep, ScriptedModel, assistant_message

DEFAULT_ANSWER = (
    "She studied computer science at a university in Seoul and graduated with honours; "
    "그녀는 서울의 대학교에서 컴퓨터공학을 전공하고 우등으로 졸업했습니다 🎓. "
    "Her thesis was about streaming systems, which she later built at work, and she keeps "
    "learning: distributed systems, databases and the craft of clear writing. That is all."
)
HOLD_LIMIT_SECONDS = 30.0


class HeldModel(Model):
    """Answers every call with `answer`, streamed in `pieces` deltas.

    With `hold=True`, each streamed answer stops half-way until `release` is set (from
    any thread), so a test can act on a run that is mid-way. Half of the default answer
    is longer than the window the privacy gate holds back, so some of it is already
    streamed at the hold.

    Attributes:
        calls: How many times the model was called.
        holding: Set when a call is waiting at the hold.
        release: Set it to let held (and later) answers finish.
    """

    def __init__(self, answer: str = DEFAULT_ANSWER, *, pieces: int = 10, hold: bool = False):
        self.answer = answer
        self.pieces = pieces
        self.calls = 0
        self._counting = threading.Lock()  # Servers in several threads may share one model.
        self.holding = threading.Event()
        self.release = threading.Event()
        if not hold:
            self.release.set()

    def _script(self) -> ScriptedModel:
        with self._counting:
            self.calls += 1
        return ScriptedModel([ModelStep(output=[assistant_message(self.answer)])])

    async def get_response(self, *args: Any, **kwargs: Any) -> ModelResponse:
        return await self._script().get_response(*args, **kwargs)

    async def stream_response(
        self, *args: Any, **kwargs: Any
    ) -> AsyncIterator[TResponseStreamEvent]:  # type: ignore[override]
        async for event in self._script().stream_response(*args, **kwargs):
            if event.type != "response.output_text.delta":
                yield event
                continue
            pieces = _split(event.delta, self.pieces)
            for index, piece in enumerate(pieces):
                yield event.model_copy(update={"delta": piece})
                if index == len(pieces) // 2 - 1:
                    await self._wait_for_release()

    async def _wait_for_release(self) -> None:
        self.holding.set()
        deadline = time.monotonic() + HOLD_LIMIT_SECONDS
        while not self.release.is_set():
            if time.monotonic() > deadline:
                raise TimeoutError("the test never released the held answer")
            await asyncio.sleep(0.01)


def _split(text: str, pieces: int) -> list[str]:
    size = max(1, -(-len(text) // pieces))
    return [text[i : i + size] for i in range(0, len(text), size)]
