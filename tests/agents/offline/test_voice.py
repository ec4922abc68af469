"""The voice markers in the instructions decide who speaks."""

from __future__ import annotations

from ask_applicant.agents.offline.voice import Voice


def test_markers_give_the_person_and_the_name() -> None:
    voice = Voice.from_instructions("prefix\nAPPLICANT: Han Do-yoon\nVOICE: third_person\n")
    assert voice == Voice(person="third_person", name="Han Do-yoon")
    assert voice.korean_name() == "Han Do-yoon님"


def test_without_markers_the_applicant_speaks_unnamed() -> None:
    voice = Voice.from_instructions(None)
    assert voice.first_person and voice.name is None
    assert voice.english_name() == "the applicant"
    assert voice.korean_name() == "지원자"
