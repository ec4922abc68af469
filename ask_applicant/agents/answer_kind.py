"""How a completed turn answered, decided when it ends from what its tools returned.

- `refused`: a guardrail stopped the question;
- `answered`: a tool found something in the profile (facts, or any non-empty output of
  a tool that does not speak in facts, such as the code tools);
- `not_in_profile`: a specialist looked and found nothing: its tools returned no
  facts, or a targeted lookup (a search, a skill, a named project) came back empty and
  only broad listings (no arguments) found anything, which answer around the question
  rather than to it; or a specialist answered without looking anything up;
- `help`: triage gave the answer, and no tool was called (the help text, small talk),
  also when a specialist first handed the question back to it.

Both the offline model and real models go through the same tools, so both are judged
alike; nothing is read back from the answer's wording.
"""

from __future__ import annotations

import json
from typing import Literal

from ask_applicant.agents.outcome import ToolCallRecord, TurnOutcome

TRIAGE = "triage"
AnswerKind = Literal["answered", "not_in_profile", "refused", "help"]
ANSWER_KINDS: tuple[AnswerKind, ...] = ("answered", "not_in_profile", "refused", "help")


def found_something(call: ToolCallRecord) -> bool:
    """True when the call's output holds something from the profile."""
    output = (call.output or "").strip()
    if not output:
        return False
    try:
        parsed = json.loads(output)
    except json.JSONDecodeError:
        # Not a `ToolResult` (an MCP tool's text, a tool's error): text means found.
        return not output.lower().startswith("an error occurred")
    if isinstance(parsed, dict) and "recorded" in parsed:
        return parsed["recorded"] is True  # request_contact: the request was taken
    if isinstance(parsed, dict) and ("facts" in parsed or "note" in parsed):
        return bool(parsed.get("facts"))
    return bool(parsed)


def answer_kind(outcome: TurnOutcome) -> AnswerKind:
    """The kind of answer a completed (not cancelled) turn gave."""
    if outcome.refused:
        return "refused"
    found = [call for call in outcome.tool_calls if found_something(call)]
    targeted_miss = any(_targeted(call) for call in outcome.tool_calls if call not in found)
    if any(_targeted(call) for call in found) or (found and not targeted_miss):
        return "answered"
    if outcome.tool_calls or outcome.agent != TRIAGE:
        return "not_in_profile"
    return "help"


def _targeted(call: ToolCallRecord) -> bool:
    """True for a lookup of something in particular (it took arguments)."""
    return bool(call.arguments)
