"""Small talk is told apart from questions with a topic, in English and Korean."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.small_talk import is_small_talk


@pytest.mark.parametrize(
    "message",
    [
        "Hello",
        "Hi there! What kind of questions can I ask you?",
        "Good afternoon :)",
        "Thanks, that's all!",
        "What can you help me with?",
        "How does this work?",
        "What topics am I allowed to ask about?",
        "안녕하세요!",
        "무엇을 물어보면 되나요?",
        "감사합니다",
        "여기서 뭘 알 수 있나요?",
    ],
)
def test_greetings_thanks_and_questions_about_the_chat_are_small_talk(message: str) -> None:
    assert is_small_talk(message)


@pytest.mark.parametrize(
    "message",
    [
        "Hi! Where did you study?",
        "Thanks! What about Kotlin?",
        "Can I ask about his salary?",
        "What skills do you have?",
        "What did you use at work?",
        "고마워요, 학력은요?",
        "경력이 어떻게 되나요?",
        "어떤 기술을 쓰나요?",
        "",
    ],
)
def test_a_message_with_a_topic_is_not_small_talk(message: str) -> None:
    assert not is_small_talk(message)


@pytest.mark.parametrize("message", ["What does he do?", "What do you do?", "요즘 뭐 하세요?"])
def test_asking_what_the_applicant_does_now_is_a_question_not_small_talk(message: str) -> None:
    assert not is_small_talk(message)


def test_asking_what_the_assistant_can_do_stays_small_talk() -> None:
    # "do" frames both; only the conversation words tell this one apart.
    assert is_small_talk("What can you do?")
    assert is_small_talk("What can I ask you?")
