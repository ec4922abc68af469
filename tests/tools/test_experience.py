from __future__ import annotations

from datetime import date

from ask_applicant.tools.experience import Span, merge, span_of, years

TODAY = date(2025, 1, 15)


def test_overlapping_and_touching_spans_merge_into_one() -> None:
    spans = [
        Span(date(2020, 1, 1), date(2020, 12, 31)),
        Span(date(2020, 6, 1), date(2021, 6, 30)),
        Span(date(2021, 7, 1), date(2021, 12, 31)),
        Span(date(2023, 1, 1), date(2023, 12, 31)),
    ]
    assert merge(spans) == [
        Span(date(2020, 1, 1), date(2021, 12, 31)),
        Span(date(2023, 1, 1), date(2023, 12, 31)),
    ]
    assert years(spans) == 3.0


def test_a_span_inside_another_adds_nothing() -> None:
    outer = Span(date(2016, 1, 1), date(2019, 12, 31))
    assert years([outer, Span(date(2017, 3, 1), date(2017, 9, 30))]) == years([outer]) == 4.0


def test_partial_dates_cover_whole_months_and_years() -> None:
    assert span_of("2019-03", "2021-02", today=TODAY) == Span(date(2019, 3, 1), date(2021, 2, 28))
    assert span_of("2019", "2019", today=TODAY) == Span(date(2019, 1, 1), date(2019, 12, 31))


def test_an_open_or_present_end_runs_until_today_and_the_future_is_cut() -> None:
    assert span_of("2024-01-15", None, today=TODAY) == Span(date(2024, 1, 15), TODAY)
    assert span_of("2024-01-15", "Present", today=TODAY) == Span(date(2024, 1, 15), TODAY)
    assert span_of("2024-01", "2030-01", today=TODAY) == Span(date(2024, 1, 1), TODAY)


def test_entries_without_a_usable_start_have_no_span() -> None:
    assert span_of(None, "2020", today=TODAY) is None
    assert span_of("someday", None, today=TODAY) is None
    assert span_of("2030-01", None, today=TODAY) is None
