"""A question about a move between fields is answered from the work history's titles."""

from __future__ import annotations

from ask_applicant.agents.offline import career_change
from ask_applicant.agents.offline.evidence import Fact

JOBS = [
    Fact("work[0]", "Senior Product Manager at Ledgerline (2024-06 – present) Owns payouts."),
    Fact("work[1]", "Product Manager at Brightwater Health (2022-11 – 2024-05) Ran the app."),
    Fact("work[2]", "Senior Backend Engineer at Parcelhop (2020-09 – 2022-09) Led a rewrite."),
    Fact("work[3]", "Backend Engineer at Parcelhop (2017-09 – 2020-08) Built services."),
]


def test_the_fields_a_career_change_question_names_are_read_in_either_language() -> None:
    assert career_change.asked("When did she make the jump from engineering into product?") == (
        "engineering",
        "product",
    )
    assert career_change.asked("Was she a designer before she became a developer?") == (
        "designer",
        "developer",
    )
    assert career_change.asked("간호사에서 개발자로 언제 전향했어요?") == ("간호사", "개발자")
    assert career_change.asked("비즈니스 분석가에서 개발자로 언제 전향했어요?") == (
        "비즈니스 분석가",
        "개발자",
    )
    assert career_change.asked("When did you join Kakao?") is None


def test_the_first_job_of_the_new_field_dates_the_move_not_the_latest() -> None:
    told = career_change.answer(JOBS, ("engineering", "product"), korean=False, yes_no=False)
    assert told == (
        "In 2022-11: from Senior Backend Engineer at Parcelhop (2020-09 – 2022-09) to "
        "Product Manager at Brightwater Health (work[1], work[2])."
    )
    korean = career_change.answer(JOBS, ("엔지니어", "PM"), korean=True, yes_no=True)
    assert korean == (
        "예. 2022년 11월: Parcelhop · Senior Backend Engineer (2020년 9월 – 2022년 9월) → "
        "Brightwater Health · Product Manager (work[1], work[2])"
    )


def test_no_job_of_the_new_field_after_the_old_is_no_answer() -> None:
    assert career_change.answer(JOBS, ("product", "engineering"), korean=False, yes_no=True) is None
    assert career_change.answer(JOBS, ("nursing", "software"), korean=False, yes_no=True) is None
