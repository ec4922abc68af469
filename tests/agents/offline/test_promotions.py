"""A question about a promotion is answered from the work history's role changes."""

from __future__ import annotations

from ask_applicant.agents.offline import promotions

NOTE = (
    "Jobs cover about 11.2 years in total, overlaps counted once. Role changes within one "
    "employer: at Ironbark Mining, from Robotics Engineer to Senior Robotics Engineer, "
    "Perception on 2020-07-01; at Bluenose Software, from Junior Writer to Writer on 2018-04."
)


def test_promotion_questions_are_recognised_in_either_language() -> None:
    for question in [
        "When was he promoted?",
        "When did she move up from that?",
        "승진한 적 있어요?",
    ]:
        assert promotions.asked(question)
    assert not promotions.asked("Where does he work now?")


def test_the_move_at_the_employer_named_is_told_with_its_date() -> None:
    told = promotions.answer(
        [NOTE], "When did she move up at Bluenose?", korean=False, yes_no=False
    )
    assert told == "At Bluenose Software: from Junior Writer to Writer on 2018-04."
    korean = promotions.answer([NOTE], "블루노즈에서 언제 승진했어요?", korean=True, yes_no=False)
    assert korean == "Bluenose Software: Junior Writer → Writer (2018년 4월부터)."


def test_whether_is_answered_yes_with_every_move_or_no() -> None:
    told = promotions.answer([NOTE], "Has he ever been promoted?", korean=False, yes_no=True)
    assert told is not None and told.startswith("Yes. At Ironbark Mining: from Robotics")
    assert told.endswith(
        "Perception on 2020-07-01. At Bluenose Software: from Junior Writer to Writer on 2018-04."
    )
    none = "Jobs cover about 4 years, overlaps counted once."
    assert promotions.answer([none], "승진했어요?", korean=True, yes_no=True) == (
        "아니요. 한 회사 안에서 직무가 바뀐 기록(승진)은 프로필에 없습니다."
    )
    assert (
        promotions.answer(["No prepared answer."], "Promoted?", korean=False, yes_no=True) is None
    )
