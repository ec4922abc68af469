"""A "how many" question about the resume's entries is answered with the number and names."""

from __future__ import annotations

from ask_applicant.agents.offline import counts
from ask_applicant.agents.offline.evidence import Fact

JOBS = [
    Fact("work[0]", "Senior Engineer at Ironbark (2020-07 – present) Perception."),
    Fact("work[1]", "Engineer at Ironbark (2017-08 – 2020-06) Drivers."),
    Fact("work[2]", "Technician at Coral Coast (2015-02 – 2017-07) PLCs."),
]


def test_a_count_question_names_the_section_it_counts_in_either_language() -> None:
    assert counts.asked("How many projects does she have?") == "projects"
    assert counts.asked("How many companies has he worked for?") == "employers"
    assert counts.asked("자격증 몇 개 있어요?") == "certificates"
    assert counts.asked("How many people did she manage?") is None


def test_employers_are_counted_once_however_many_roles_were_held_there() -> None:
    assert counts.answer(JOBS, "employers", korean=False) == (
        "2: Ironbark; Coral Coast (work[0], work[1], work[2])."
    )
    assert counts.answer(JOBS, "work", korean=True) == (
        "3개입니다: Senior Engineer at Ironbark; Engineer at Ironbark; Technician at Coral Coast"
        " (work[0], work[1], work[2])"
    )
    assert counts.answer(JOBS, "projects", korean=False) is None
