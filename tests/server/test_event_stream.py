"""SSE framing and resume points."""

from __future__ import annotations

import pytest

from ask_applicant.server.event_stream import event_frame, resume_point
from ask_applicant.server.problems import Problem
from ask_applicant.server.runs import RunEventRecord


@pytest.mark.parametrize(
    ("last_event_id", "after", "expected"),
    [
        (None, None, 0),
        (None, 7, 7),
        ("r_abc:3", None, 3),
        ("r_abc:3", 9, 3),  # the browser's header wins over the URL
        ("  r_abc:12  ", None, 12),
        ("", 4, 4),
    ],
)
def test_a_stream_resumes_after_the_last_event_id_or_the_after_parameter(
    last_event_id: str | None, after: int | None, expected: int
) -> None:
    assert resume_point("r_abc", last_event_id, after) == expected


@pytest.mark.parametrize(
    "last_event_id",
    ["r_abc", "r_abc:", "r_abc:x", "r_abc:-1", "r_other:3", "r_abc:1:2", "r_abc:٣", "9" * 200],
)
def test_a_malformed_or_foreign_last_event_id_is_refused(last_event_id: str) -> None:
    with pytest.raises(Problem) as refused:
        resume_point("r_abc", last_event_id, None)
    assert refused.value.status == 422


def test_an_event_is_framed_with_its_id_name_and_one_json_object_kept_readable() -> None:
    record = RunEventRecord(5, "message.delta", {"delta": "한국어 🎓\nline"}, "r_abc")
    frame = event_frame(record)
    assert frame.id == "r_abc:5"
    assert frame.event == "message.delta"
    assert frame.raw_data == '{"delta":"한국어 🎓\\nline"}'
