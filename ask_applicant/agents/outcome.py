"""What a finished turn produced, and how a failed one is named."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import openai
from agents import MaxTurnsExceeded, ModelBehaviorError


@dataclass
class ToolCallRecord:
    """One tool call of a turn.

    Attributes:
        call_id: The model's id of the call.
        name: The tool's name.
        arguments: The parsed JSON arguments (the raw string when not JSON).
        agent: Key of the agent that called it.
        output: The tool's output, capped; None when it never returned.
    """

    call_id: str
    name: str
    arguments: Any
    agent: str
    output: str | None = None


@dataclass(frozen=True)
class TurnUsage:
    """Model usage of one turn, summed over its model calls."""

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0


@dataclass(frozen=True)
class TurnOutcome:
    """What a finished turn produced.

    Attributes:
        answer: The answer (the refusal when refused, the partial text when cancelled).
        agent: Key of the agent that answered last: the next turn starts with it.
        handoffs: Keys of the agents handed to, in order.
        tool_calls: The tool calls, in order.
        refused: True when a guardrail stopped the turn.
        guardrail: The name of the guardrail that tripped, if any.
        cancelled: True when `Turn.cancel()` stopped the turn.
        usage: Model usage.
    """

    answer: str
    agent: str
    handoffs: list[str] = field(default_factory=list)
    tool_calls: list[ToolCallRecord] = field(default_factory=list)
    refused: bool = False
    guardrail: str | None = None
    cancelled: bool = False
    usage: TurnUsage = TurnUsage()

    @property
    def tools(self) -> list[str]:
        """The names of the tools called, in order."""
        return [call.name for call in self.tool_calls]


def failure_code(error: BaseException) -> str:
    """The `run.failed` code for an exception that escaped `Turn.events()`."""
    if isinstance(error, MaxTurnsExceeded):
        return "max_turns"
    if isinstance(error, TimeoutError):
        return "timeout"
    if isinstance(error, openai.APIError | ModelBehaviorError):
        return "model_error"
    return "internal"
