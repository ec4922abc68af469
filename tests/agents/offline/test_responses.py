"""Response objects and their stream look like the Responses API's."""

from __future__ import annotations

from typing import Any

from agents.usage import Usage
from openai.types.responses import ResponseFunctionToolCall, ResponseOutputMessage

from ask_applicant.agents.offline import responses

USAGE = Usage(requests=1, input_tokens=5, output_tokens=3, total_tokens=8)


def test_a_message_streams_in_order_with_increasing_sequence_numbers() -> None:
    answer = "Yes. Backend Engineer at Acme (2019-01 – present), building the API. (work[0])"
    done = responses.response([responses.message(answer)], USAGE)
    events = responses.stream_events(done)
    kinds = [event.type for event in events]
    deltas = kinds.count("response.output_text.delta")
    assert kinds == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * deltas,
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    assert deltas > 3
    assert [event.sequence_number for event in events] == list(range(len(events)))
    text = "".join(
        getattr(event, "delta", "") for event in events if event.type.endswith("text.delta")
    )
    assert text == answer


def test_a_function_call_streams_its_arguments() -> None:
    call = responses.function_call("years_of_experience", {"skill": "파이썬" * 20})
    events = responses.stream_events(responses.response([call], USAGE))
    kinds = [event.type for event in events]
    assert kinds[:3] == ["response.created", "response.in_progress", "response.output_item.added"]
    assert kinds[-3:] == [
        "response.function_call_arguments.done",
        "response.output_item.done",
        "response.completed",
    ]
    streamed = "".join(
        e.delta for e in events if e.type == "response.function_call_arguments.delta"
    )
    assert streamed == call.arguments
    assert "파이썬" in call.arguments  # not \\u-escaped


def test_the_completed_event_carries_the_output_and_the_usage() -> None:
    done = responses.response([responses.message("hi")], USAGE)
    completed: Any = responses.stream_events(done)[-1]
    assert completed.response.output == done.output
    assert completed.response.usage is not None and completed.response.usage.total_tokens == 8
    created: Any = responses.stream_events(done)[0]
    assert created.response.status == "in_progress" and created.response.output == []


def test_ids_are_unique() -> None:
    calls = [responses.function_call("t", {}) for _ in range(50)]
    messages = [responses.message("x") for _ in range(50)]
    assert len({call.call_id for call in calls}) == 50
    assert len({call.id for call in calls} | {message.id for message in messages}) == 100
    assert all(isinstance(call, ResponseFunctionToolCall) for call in calls)
    assert all(isinstance(message, ResponseOutputMessage) for message in messages)


def test_text_streams_in_phrases_not_one_delta_per_word() -> None:
    text = "About 4 years and 8 months (2016-07 – 2021-02). 백엔드 개발자 at 네이버, 정산 개발."
    deltas = responses.chunks(text)
    assert deltas[0] == "About 4 years and 8 months (2016-07 – "
    assert 1 < len(deltas) < len(text.split()) / 2


def test_chunks_join_back_to_the_text() -> None:
    for text in ["", " ", "one", "a  b\n\nc ", "제 프로필에 따르면:\n- 사실 (work[0])"]:
        assert "".join(responses.chunks(text)) == text
