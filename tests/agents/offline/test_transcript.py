"""The transcript reads the current turn out of the SDK's model input."""

from __future__ import annotations

import json

from ask_applicant.agents.offline.transcript import Exchange, Transcript

ITEMS = [
    {"role": "user", "content": "old question"},
    {
        "type": "message",
        "role": "assistant",
        "content": [{"type": "output_text", "text": "old answer"}],
    },
    {"role": "user", "content": [{"type": "input_text", "text": "Where did she study?"}]},
    {"type": "function_call", "call_id": "c1", "name": "transfer_to_resume", "arguments": "{}"},
    {
        "type": "function_call_output",
        "call_id": "c1",
        "output": json.dumps({"assistant": "Resume"}),
    },
    {"type": "function_call", "call_id": "c2", "name": "get_education", "arguments": "{}"},
    {
        "type": "function_call_output",
        "call_id": "c2",
        "output": [{"type": "input_text", "text": '{"facts": []}'}],
    },
]


def test_the_question_is_the_latest_user_message() -> None:
    transcript = Transcript.read(ITEMS)
    assert transcript.question == "Where did she study?"


def test_only_calls_after_the_question_belong_to_the_turn() -> None:
    transcript = Transcript.read([*ITEMS[:5], {"role": "user", "content": "next"}])
    assert transcript.question == "next"
    assert transcript.exchanges == ()


def test_a_transfer_output_marks_a_handoff_even_under_an_unknown_name() -> None:
    transcript = Transcript.read(ITEMS)
    assert transcript.handoff_count == 1
    assert [exchange.name for exchange in transcript.outputs_of({"get_education"})] == [
        "get_education"
    ]
    assert transcript.outputs_of({"transfer_to_resume"}) == []


def test_list_outputs_are_flattened_to_text() -> None:
    (exchange,) = Transcript.read(ITEMS).outputs_of({"get_education"})
    assert exchange.output == '{"facts": []}'


def test_a_plain_string_input_is_the_question() -> None:
    transcript = Transcript.read("hello there")
    assert transcript.question == "hello there"
    assert transcript.input_tokens == 2


def test_input_without_a_user_message_has_an_empty_question() -> None:
    assert (
        Transcript.read([{"type": "function_call_output", "call_id": "x", "output": "y"}]).question
        == ""
    )


def test_earlier_turns_keep_their_questions_and_tool_calls_without_handoffs() -> None:
    items = [
        {"role": "user", "content": "How many years of Python?"},
        {"type": "function_call", "call_id": "h1", "name": "transfer_to_career", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "h1", "output": '{"assistant": "Career"}'},
        {
            "type": "function_call",
            "call_id": "t1",
            "name": "years_of_experience",
            "arguments": '{"skill": "Python"}',
        },
        {"type": "function_call_output", "call_id": "t1", "output": '{"facts": []}'},
        {
            "type": "message",
            "role": "assistant",
            "content": [{"type": "output_text", "text": "About 4 years."}],
        },
        {"role": "user", "content": "And Kotlin?"},
    ]
    transcript = Transcript.read(items)
    assert transcript.question == "And Kotlin?"
    assert transcript.exchanges == ()
    (past,) = transcript.history
    assert past.question == "How many years of Python?"
    assert [(call.name, call.arguments) for call in past.calls] == [
        ("years_of_experience", '{"skill": "Python"}')
    ]
    assert past.answer == "About 4 years."


def test_a_single_question_has_no_history() -> None:
    assert Transcript.read("hello").history == ()
    assert Transcript.read([{"role": "user", "content": "hello"}]).history == ()


def test_a_calls_arguments_are_an_object_or_nothing() -> None:
    def call(arguments: str) -> Exchange:
        return Exchange("c1", "get_project", arguments, None, False)

    assert call('{"name": "chat"}').parsed_arguments() == {"name": "chat"}
    assert call("").parsed_arguments() == {}
    assert call("not json").parsed_arguments() == {}
    assert call('["a list"]').parsed_arguments() == {}
