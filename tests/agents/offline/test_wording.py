"""Plain sentences the answers are made of."""

from __future__ import annotations

from ask_applicant.agents.offline.wording import section_absent


def test_a_section_the_resume_lacks_is_said_to_be_missing_in_the_question_language() -> None:
    notes = ["Nothing in the resume matches that query.", "The resume lists no awards."]
    assert section_absent(notes, korean=False, answer_no=True) == "No, the profile lists no awards."
    assert section_absent(notes, korean=True, answer_no=True) == (
        "아니요, 프로필에 수상 경력 항목이 없습니다."
    )
    assert section_absent(["The profile lists no projects."], korean=False, answer_no=False) == (
        "The profile lists no projects."
    )
    assert section_absent(["Nothing matches."], korean=False, answer_no=True) is None


def test_the_thing_not_mentioned_is_its_name_not_the_question_words() -> None:
    from ask_applicant.agents.offline.wording import named_thing, no_mention, no_number

    assert named_thing("app Play Store") == "Play Store"
    assert named_thing("driving licence") == "driving licence"
    assert no_mention("Is she based in Europe?", korean=False) == (
        "No, the profile does not mention Europe."
    )
    assert no_number(korean=True) == "프로필에는 그 수가 나와 있지 않습니다."
