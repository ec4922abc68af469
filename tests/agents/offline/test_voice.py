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


def test_service_text_about_the_applicant_is_said_in_the_first_person() -> None:
    voice = Voice()
    assert voice.speak("The applicant has not prepared FAQ answers.") == (
        "I have not prepared FAQ answers."
    )
    assert voice.speak("The applicant's email is public.") == "My email is public."
    assert voice.speak("what the applicant built and how") == "what I built and how"
    assert voice.speak("Ask about the applicant.") == "Ask about me."
    assert voice.speak("The applicant studies at night.") == "I study at night."


def test_service_text_about_the_applicant_names_them_in_the_third_person() -> None:
    voice = Voice(person="third_person", name="Noa Levi")
    assert voice.speak("The applicant has not prepared FAQ answers.") == (
        "Noa Levi has not prepared FAQ answers."
    )
    assert voice.speak("the applicant's projects") == "Noa Levi's projects"
    # Unnamed, the third person keeps "the applicant".
    assert Voice(person="third_person").speak("the applicant") == "the applicant"
