"""The history window sent to the model: whole turns from the newest session items."""

from __future__ import annotations

from agents import RunConfig
from agents.memory import SessionSettings

from ask_applicant.agents.history import bounded_history, whole_turns

QUESTION = {"role": "user", "content": "그리고 그 다음에는요? 🙂"}


def _turn(n: int) -> list[dict[str, object]]:
    return [
        {"role": "user", "content": f"question {n}"},
        {"type": "function_call", "call_id": f"c{n}", "name": "search_resume", "arguments": "{}"},
        {"type": "function_call_output", "call_id": f"c{n}", "output": "…"},
        {"role": "assistant", "type": "message", "content": [{"type": "output_text", "text": "a"}]},
    ]


def test_a_window_cut_inside_a_turn_starts_at_the_next_question() -> None:
    items = _turn(1) + _turn(2) + _turn(3)
    window = items[-6:]  # Opens with turn 2's tool output, its call cut off.
    sent = whole_turns(window, [QUESTION])
    assert sent == [*_turn(3), QUESTION]


def test_a_window_inside_one_long_turn_drops_only_the_outputs_it_opens_with() -> None:
    turn = _turn(1)
    sent = whole_turns(turn[2:], [QUESTION])
    assert sent == [*turn[3:], QUESTION]


def test_a_whole_history_is_sent_as_it_is() -> None:
    items = _turn(1) + _turn(2)
    assert whole_turns(items, [QUESTION]) == [*items, QUESTION]


def test_the_limit_applies_unless_the_caller_chose_one() -> None:
    bounded = bounded_history(None, 40)
    assert bounded.session_settings == SessionSettings(limit=40)
    assert bounded.session_input_callback is whole_turns
    chosen = RunConfig(session_settings=SessionSettings(limit=7), workflow_name="mine")
    kept = bounded_history(chosen, 40)
    assert kept.session_settings == SessionSettings(limit=7)
    assert kept.workflow_name == "mine"
