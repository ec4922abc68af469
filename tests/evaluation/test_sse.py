"""Reading an event stream: events dispatch at blank lines; comments and retry are skipped."""

from __future__ import annotations

from collections.abc import AsyncIterator

from ask_applicant.evaluation.sse import SseEvent, read_events


async def _lines(*lines: str) -> AsyncIterator[str]:
    for line in lines:
        yield line


async def _read(*lines: str) -> list[SseEvent]:
    return [event async for event in read_events(_lines(*lines))]


async def test_events_carry_name_data_and_the_last_id() -> None:
    events = await _read(
        "retry: 1500",
        "",
        ": keep-alive",
        "event: run.created",
        'data: {"run_id":"r_1"}',
        "id: r_1:1",
        "",
        "event: message.delta",
        'data: {"delta":"안녕 🙂"}',
        "id: r_1:2",
        "",
    )
    assert events == [
        SseEvent(event="run.created", data='{"run_id":"r_1"}', id="r_1:1"),
        SseEvent(event="message.delta", data='{"delta":"안녕 🙂"}', id="r_1:2"),
    ]


async def test_data_lines_join_with_newlines_and_an_unnamed_event_is_a_message() -> None:
    assert await _read("data: one", "data:two", "", "") == [
        SseEvent(event="message", data="one\ntwo", id=None)
    ]


async def test_an_event_cut_off_before_its_blank_line_is_not_dispatched() -> None:
    events = await _read("event: a", "data: 1", "", "event: b", "data: 2")
    assert [event.event for event in events] == ["a"]


async def test_a_colon_in_the_value_is_kept() -> None:
    (event,) = await _read("event: x", 'data: {"url":"http://h:1"}', "id: r_9:3", "")
    assert event.data == '{"url":"http://h:1"}' and event.id == "r_9:3"
