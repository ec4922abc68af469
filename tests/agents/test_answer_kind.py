"""How a turn answered is decided from its tool results, whichever model called them."""

from __future__ import annotations

import json

from ask_applicant.agents.answer_kind import answer_kind
from ask_applicant.agents.outcome import ToolCallRecord, TurnOutcome


def _call(name: str, arguments: dict, facts: list[dict] | None, note: str | None = None):
    output = {"facts": facts or []} | ({"note": note} if note else {})
    return ToolCallRecord("c", name, arguments, "career", json.dumps(output))


FACT = [{"source": "work[0]", "text": "Python at Acme"}]


def _outcome(*calls: ToolCallRecord, agent="career", refused=False) -> TurnOutcome:
    handoffs = [] if agent == "triage" else [agent]
    return TurnOutcome(
        answer="…", agent=agent, handoffs=handoffs, tool_calls=list(calls), refused=refused
    )


def test_a_tool_that_found_facts_makes_the_turn_answered() -> None:
    assert answer_kind(_outcome(_call("years_of_experience", {"skill": "Python"}, FACT))) == (
        "answered"
    )
    assert answer_kind(_outcome(_call("get_education", {}, FACT))) == "answered"


def test_tools_that_found_nothing_make_it_not_in_profile() -> None:
    assert answer_kind(_outcome(_call("ask_faq", {"question": "혈액형 🩸"}, []))) == (
        "not_in_profile"
    )


def test_an_empty_targeted_lookup_followed_only_by_a_broad_listing_is_not_in_profile() -> None:
    miss = _call("years_of_experience", {"skill": "COBOL"}, [], note="No job mentions COBOL.")
    listing = _call("get_work_history", {}, FACT)
    assert answer_kind(_outcome(miss, listing)) == "not_in_profile"


def test_a_specialist_that_answered_without_looking_is_not_in_profile() -> None:
    assert answer_kind(_outcome()) == "not_in_profile"


def test_triage_answering_without_tools_is_help_and_a_guardrail_is_refused() -> None:
    assert answer_kind(_outcome(agent="triage")) == "help"
    handed_back = TurnOutcome(answer="…", agent="triage", handoffs=["triage"])
    assert answer_kind(handed_back) == "help"
    assert answer_kind(_outcome(agent="triage", refused=True)) == "refused"


def test_text_output_of_a_tool_without_facts_counts_as_found() -> None:
    code = ToolCallRecord("c", "read_file", {"path": "a.py"}, "project", "def main(): ...")
    failed = ToolCallRecord("c", "read_file", {"path": "b.py"}, "project", "An error occurred")
    assert answer_kind(_outcome(code)) == "answered"
    assert answer_kind(_outcome(failed)) == "not_in_profile"
