"""A target that answers from a script, for testing the runner, reports and CLI."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import anyio

from ask_applicant.evaluation.transcript import Transcript, TurnRecord

Answer = Callable[[str, int], TurnRecord]


class ScriptedTarget:
    """Answers each question with `answer(question, turn_index)`; counts calls in flight.

    Args:
        answer: Builds the record of one turn.
        hold_until: Calls wait until this many are in flight at once (then never again),
            so a test can see the most that ran together.
    """

    description = "scripted"

    def __init__(self, answer: Answer, *, hold_until: int = 0) -> None:
        self.answer = answer
        self.conversations: list[tuple[list[str], Path | None]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._hold_until = hold_until
        self._full = anyio.Event()

    async def converse(self, questions: Sequence[str], *, profile: Path | None) -> Transcript:
        self.conversations.append((list(questions), profile))
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        if self.in_flight >= self._hold_until:
            self._full.set()
        try:
            if self._hold_until:
                with anyio.fail_after(5):
                    await self._full.wait()
            turns = [self.answer(q, i) for i, q in enumerate(questions)]
            return Transcript(turns=turns)
        finally:
            self.in_flight -= 1


def echo(question: str, index: int) -> TurnRecord:
    """A turn that answers by repeating the question, from the resume agent."""
    return TurnRecord(
        question=question,
        answer=f"You asked: {question}",
        agent="resume",
        handoffs=["resume"] if index == 0 else [],
        latency_ms=10.0 * (index + 1),
    )
