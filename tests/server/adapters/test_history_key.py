"""Which earlier history a Chat Completions request continues."""

from __future__ import annotations

from ask_applicant.server.adapters.history_key import Turn, earlier_key, history_key


def test_a_request_continues_the_history_remembered_when_its_previous_question_was_asked() -> None:
    asked = [Turn("system", "Be brief."), Turn("user", "Where did she study?")]
    follow_up = [*asked, Turn("assistant", "In Seoul."), Turn("user", "And then?")]
    assert earlier_key("u1", follow_up) == history_key("u1", asked)


def test_an_edited_message_a_new_system_prompt_or_another_caller_changes_the_key() -> None:
    asked = [Turn("user", "Where did she study?")]
    follow_up = [*asked, Turn("assistant", "In Seoul."), Turn("user", "And then?")]
    edited = [Turn("user", "Where does she work?"), *follow_up[1:]]
    prompted = [Turn("system", "Be brief."), *follow_up]
    remembered = history_key("u1", asked)
    assert earlier_key("u1", edited) != remembered
    assert earlier_key("u1", prompted) != remembered
    assert earlier_key("u2", follow_up) != remembered


def test_a_first_question_continues_nothing() -> None:
    assert earlier_key("u1", [Turn("user", "Hi")]) is None
    assert earlier_key("u1", [Turn("system", "Be brief."), Turn("user", "Hi")]) is None
