"""A question about a gap between jobs is answered from the work history's dates."""

from __future__ import annotations

from ask_applicant.agents.offline import gaps

NOTE = "Jobs cover about 11.2 years in total. Gaps between jobs: 2023-02-25 – 2023-10-02."


def test_a_gap_question_is_told_each_gap_and_its_length() -> None:
    assert gaps.asked("Are there any gaps in his work history?")
    assert gaps.asked("한울쇼핑 그만두고 마루마켓 가기 전에 쉰 기간이 있었나요?")
    assert gaps.answer([NOTE], korean=False) == (
        "Yes. There is a gap between jobs: 2023-02-25 – 2023-10-02 (7 months)."
    )
    assert gaps.answer([NOTE], korean=True) == (
        "예. 경력 사이에 공백이 있습니다: 2023년 2월 25일 – 2023년 10월 2일 (7개월)."
    )


def test_no_gap_is_a_no_and_no_note_is_no_answer() -> None:
    none = "Jobs cover about 4 years. No gap between jobs longer than a month."
    assert gaps.answer([none], korean=False) == (
        "No. There is no gap of more than a month between jobs."
    )
    assert gaps.answer(["Jobs cover about 4 years."], korean=False) is None
    assert not gaps.asked("When did she join Pixel Orchard?")
