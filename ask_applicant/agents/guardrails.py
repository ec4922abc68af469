"""The agents' guardrails: screening questions before the model, and private values after.

Both are deterministic and cheap, so they run on every turn. They only decide; the turn
(`ask_applicant.agents.turn`) turns a trip into a polite refusal, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agents import (
    Agent,
    GuardrailFunctionOutput,
    InputGuardrail,
    OutputGuardrail,
    RunContextWrapper,
    TResponseInputItem,
)

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.disclosure import DisclosureScanner
from ask_applicant.agents.refusals import RefusalReason, refusal
from ask_applicant.agents.screening import screen_question

QUESTION_GUARDRAIL_NAME = "question_screen"
PRIVACY_GUARDRAIL_NAME = "private_values"


@dataclass(frozen=True)
class Trip:
    """Why a guardrail stopped a turn; carried as the guardrail's `output_info`.

    Attributes:
        reason: The kind of problem ("injection", "off_topic" or "private").
        detail: The matched pattern or the kind of private value, for logs only.
        refusal: The message shown to the asker instead of an answer.
    """

    reason: RefusalReason
    detail: str
    refusal: str


def latest_question(agent_input: str | list[TResponseInputItem]) -> str:
    """The text of the last user message in the model input.

    With a session the input holds the whole conversation; only the new question is
    screened, so an old refused message cannot block every later turn.

    Args:
        agent_input: What the SDK hands an input guardrail.

    Returns:
        The latest user message's text ("" when there is none).
    """
    if isinstance(agent_input, str):
        return agent_input
    for item in reversed(agent_input):
        if not isinstance(item, dict) or item.get("role") != "user":
            continue
        content: Any = item.get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return "\n".join(
                str(part.get("text", ""))
                for part in content
                if isinstance(part, dict) and part.get("type") in ("input_text", "text")
            )
    return ""


def _screen(
    ctx: RunContextWrapper[ChatContext],
    agent: Agent[Any],
    agent_input: str | list[TResponseInputItem],
) -> GuardrailFunctionOutput:
    question = latest_question(agent_input)
    screening = screen_question(question)
    if screening.verdict is None:
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=False)
    trip = Trip(screening.verdict, screening.pattern or "", refusal(screening.verdict, question))
    return GuardrailFunctionOutput(output_info=trip, tripwire_triggered=True)


def _check_privacy(
    ctx: RunContextWrapper[ChatContext], agent: Agent[Any], output: Any
) -> GuardrailFunctionOutput:
    scanner = DisclosureScanner(ctx.context.profile.private_values(), ctx.context.question)
    kind = scanner.find(str(output))
    if kind is None:
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=False)
    # The refusal's language follows the answer's, which follows the question's.
    trip = Trip("private", kind, refusal("private", str(output)))
    return GuardrailFunctionOutput(output_info=trip, tripwire_triggered=True)


def question_guardrail() -> InputGuardrail[ChatContext]:
    """The input guardrail: turns away injections, jailbreaks and off-topic requests.

    It runs before the model (`run_in_parallel=False`), so a refused question costs no
    model call and no tool runs.
    """
    return InputGuardrail(
        guardrail_function=_screen, name=QUESTION_GUARDRAIL_NAME, run_in_parallel=False
    )


def privacy_guardrail() -> OutputGuardrail[ChatContext]:
    """The output guardrail: stops an answer that contains any private profile value."""
    return OutputGuardrail(guardrail_function=_check_privacy, name=PRIVACY_GUARDRAIL_NAME)


def trip_of(output_info: Any, question: str) -> Trip:
    """The `Trip` a tripped guardrail reported, or a generic one for a foreign guardrail.

    Args:
        output_info: The tripped guardrail's `output_info`.
        question: The question of the turn, for the refusal's language.
    """
    if isinstance(output_info, Trip):
        return output_info
    return Trip("injection", "unknown guardrail", refusal("injection", question))
