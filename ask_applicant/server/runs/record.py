"""`RunEventRecord`: one event of a run's stream as listeners receive it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TERMINAL_EVENTS: frozenset[str] = frozenset({"run.completed", "run.failed", "run.cancelled"})


@dataclass(frozen=True)
class RunEventRecord:
    """One event of a run, numbered within the run.

    Attributes:
        seq: Its place in the run's stream: 1 (`run.created`), 2, 3, ... without gaps.
        event: The event's name, such as `message.delta` or `run.completed`.
        data: The event's JSON object.
        run_id: The run it belongs to.
    """

    seq: int
    event: str
    data: dict[str, Any]
    run_id: str

    @property
    def terminal(self) -> bool:
        """True for the run's last event (`run.completed`, `run.failed`, `run.cancelled`)."""
        return self.event in TERMINAL_EVENTS

    @property
    def event_id(self) -> str:
        """The SSE id, `{run_id}:{seq}`, which a client sends back as `Last-Event-ID`."""
        return f"{self.run_id}:{self.seq}"
