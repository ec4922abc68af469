"""Question spans: the words worth passing to a tool."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.spans import QuestionSpans, ignorable, strip_particle


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("경력은", "경력"),
        ("프로젝트에서는", "프로젝트"),
        ("이직하려고", "이직"),
        ("선호하나요", "선호"),
        ("상을", "상을"),
        ("서울", "서울"),
    ],
)
def test_korean_particles_and_verb_endings_come_off(word: str, stem: str) -> None:
    assert strip_particle(word) == stem


def test_question_framing_is_not_content() -> None:
    spans = QuestionSpans("Can you tell me how many years of experience she has with Kafka?")
    assert spans.content == ["Kafka"]
    korean = QuestionSpans("카프카를 얼마나 오래 사용했는지 알려주세요")
    assert korean.content[0] == "카프카"
    # A closing verb in a polite past or honorific form is no subject.
    assert QuestionSpans("경력 몇 년 되셨어요?").content == []
    assert QuestionSpans("라이트하우스에서 뭐 하셨어요?").content == ["라이트하우스"]


def test_a_name_that_starts_like_a_framing_word_is_content() -> None:
    # "모두" (all), "해" (do) and "한" (did) frame questions; these names only start so.
    assert QuestionSpans("모두의여행에는 몇 년 있었어요?").content == ["모두의여행"]
    assert QuestionSpans("해커톤에서 뭘 만들었어요?").content == ["해커톤"]
    assert QuestionSpans("한빛대학교 나왔어요?").content[0] == "한빛대학교"


def test_words_of_the_tool_name_and_the_applicant_are_ignored() -> None:
    spans = QuestionSpans(
        "What did Kim Minji build in the ledger project?", ignorable(["get_project", "Kim Minji"])
    )
    assert spans.name() == "ledger"


def test_a_korean_word_standing_for_an_ignored_concept_is_ignored() -> None:
    spans = QuestionSpans("원장 프로젝트에 대해 알려줘", ignorable(["get_project"]))
    assert spans.name() == "원장"


def test_quoted_text_wins_as_a_name() -> None:
    assert QuestionSpans("Tell me about “Ask the Applicant” please").name() == "Ask the Applicant"


def test_numbers_are_read_in_order() -> None:
    assert QuestionSpans("top 3 of 10, not -2.5").numbers() == [3.0, 10.0, -2.5]


def test_hostile_and_empty_questions_have_no_surprising_spans() -> None:
    assert QuestionSpans("").content == []
    assert QuestionSpans("🙂🔥").whole == "🙂🔥"
    assert QuestionSpans("<script>alert(1)</script>").query()
