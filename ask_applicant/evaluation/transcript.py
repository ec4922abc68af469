"""What a target saw while running one case: a conversation, turn by turn."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ToolCall(BaseModel):
    """One tool call of a turn.

    Attributes:
        name: The tool's name.
        arguments: The parsed JSON arguments (the raw string when not JSON).
        agent: Key of the agent that called it.
        output: The tool's output as the target reported it (capped), if it returned.
    """

    name: str
    arguments: Any = None
    agent: str | None = None
    output: str | None = None


class Usage(BaseModel):
    """Model usage of one turn."""

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0


class TurnRecord(BaseModel):
    """One question and everything its turn produced.

    Attributes:
        question: The question asked.
        answer: The final answer (the refusal when refused).
        agent: Key of the agent that answered.
        handoffs: Agent keys handed to, in order.
        tool_calls: Tool calls, in order.
        refused: True when a guardrail tripped.
        guardrail: The name of the guardrail that tripped.
        latency_ms: From sending the question to the end of the turn.
        first_text_ms: From sending the question to the first answer text.
        usage: Model usage.
        session_id: The conversation the turn belonged to.
        run_id: The server's run id (HTTP target only).
        error: Why the turn did not finish, when it did not.
    """

    question: str
    answer: str = ""
    agent: str | None = None
    handoffs: list[str] = Field(default_factory=list)
    tool_calls: list[ToolCall] = Field(default_factory=list)
    refused: bool = False
    guardrail: str | None = None
    latency_ms: float = 0.0
    first_text_ms: float | None = None
    usage: Usage = Field(default_factory=Usage)
    session_id: str | None = None
    run_id: str | None = None
    error: str | None = None

    @property
    def tools(self) -> list[str]:
        """The names of the tools called, in order."""
        return [call.name for call in self.tool_calls]


class Transcript(BaseModel):
    """A whole case's conversation; expectations apply to its last turn.

    Attributes:
        turns: The turns that ran, in order; a failed turn is the last one.
    """

    turns: list[TurnRecord] = Field(default_factory=list)

    @property
    def last(self) -> TurnRecord:
        """The last turn (an empty one when nothing ran)."""
        return self.turns[-1] if self.turns else TurnRecord(question="", error="nothing ran")

    @property
    def error(self) -> str | None:
        """The error of the turn that failed, if one did."""
        return next((turn.error for turn in self.turns if turn.error), None)

    @property
    def total_tokens(self) -> int:
        """Tokens used over every turn."""
        return sum(turn.usage.total_tokens for turn in self.turns)
