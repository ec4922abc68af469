"""An acronym and its words written out name the same thing, either way round."""

from __future__ import annotations

from ask_applicant.agents.offline.acronyms import abbreviated


def test_words_written_out_meet_the_acronym_a_longer_name_holds() -> None:
    text = "Firmware for BLDC motor controllers on STM32 with FreeRTOS."
    assert abbreviated("Has he worked with a real-time operating system?", text)
    assert abbreviated("Does he know RTOS?", text)


def test_an_acronym_asked_meets_its_words_in_the_text() -> None:
    assert abbreviated("Any NLP work?", "Built natural language processing pipelines.")


def test_plain_words_and_short_acronyms_do_not_count() -> None:
    assert not abbreviated("Has he worked with a real-time operating system?", "Go, Rust.")
    # Two letters are spelt by too many word pairs: "can I" is not CI.
    assert not abbreviated("Can I see her CV?", "Set up CI for the monorepo.")
    # A run never begins or ends with a grammar word ("with a ..." is not WAR).
    assert not abbreviated("with a real", "WAR files")
