"""What a suite runs against: anything that can hold a scripted conversation.

Two targets implement it: `InProcessTarget` (the agent graph in this process) and
`HttpTarget` (a running server, over its SSE stream).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ask_applicant.evaluation.transcript import Transcript


class Target(Protocol):
    """Holds one conversation per call and reports what each turn did."""

    @property
    def description(self) -> str:
        """What answers, for reports (e.g. `in-process, model offline`)."""
        ...

    async def converse(self, questions: Sequence[str], *, profile: Path | None) -> Transcript:
        """Ask `questions` in order in one new conversation.

        Args:
            questions: The questions of the case.
            profile: The profile to answer from; None for the target's default. A server
                answers from its own profile and ignores it.

        Returns:
            Every turn that ran. A failed turn is reported in its record and ends the
            conversation; it is not raised.
        """
        ...
