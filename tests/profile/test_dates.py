from __future__ import annotations

from datetime import date

import pytest

from ask_applicant.profile import PartialDate, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", PartialDate(2019)),
        ("2019-03", PartialDate(2019, 3)),
        ("2019-03-07", PartialDate(2019, 3, 7)),
        ("2019.3", PartialDate(2019, 3)),
        ("2019/03/07", PartialDate(2019, 3, 7)),
        ("2019년 3월", PartialDate(2019, 3)),
        ("2017-12-24T15:53:00", PartialDate(2017, 12, 24)),
        ("Present", None),
        ("현재", None),
        ("", None),
        (None, None),
    ],
)
def test_resume_dates_are_read_leniently(text: str | None, expected: PartialDate | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["last spring", "2019-13", "2019-02-30", "19", "🎉"])
def test_things_that_are_not_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date(text)


def test_partial_dates_widen_to_the_whole_period() -> None:
    assert PartialDate(2020).first_day() == date(2020, 1, 1)
    assert PartialDate(2020).last_day() == date(2020, 12, 31)
    assert PartialDate(2024, 2).last_day() == date(2024, 2, 29)
    assert str(PartialDate(2024, 2)) == "2024-02"
