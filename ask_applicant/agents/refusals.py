"""Polite refusals, in the language the question was asked in and the profile's voice."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "ko"]
RefusalReason = Literal["injection", "off_topic", "private"]
Voice = Literal["first_person", "third_person"]

_CAN_ASK_EN = (
    "You can ask about the applicant's experience, skills, education, projects, "
    "career goals and fit for a role."
)
_CAN_ASK_KO = (
    "지원자의 경력, 기술, 학력, 프로젝트, 커리어 목표, 직무 적합도에 대해 물어보실 수 있습니다."
)

_REFUSALS: dict[tuple[RefusalReason, Language], str] = {
    ("injection", "en"): "I can't help with that request. " + _CAN_ASK_EN,
    ("injection", "ko"): "그 요청은 도와드릴 수 없습니다. " + _CAN_ASK_KO,
    ("off_topic", "en"): "I can only answer questions about the applicant. " + _CAN_ASK_EN,
    ("off_topic", "ko"): "저는 지원자에 관한 질문에만 답할 수 있습니다. " + _CAN_ASK_KO,
    ("private", "en"): (
        "I can't share that: it includes private contact details of the applicant. " + _CAN_ASK_EN
    ),
    ("private", "ko"): (
        "지원자의 비공개 개인 정보가 포함되어 있어 답변드릴 수 없습니다. " + _CAN_ASK_KO
    ),
}


_CAN_ASK_MY_EN = (
    "You can ask about my experience, skills, education, projects, career goals and fit for a role."
)
_CAN_ASK_MY_KO = (
    "제 경력, 기술, 학력, 프로젝트, 커리어 목표, 직무 적합도에 대해 물어보실 수 있습니다."
)
_FIRST_PERSON: dict[tuple[RefusalReason, Language], str] = {
    ("injection", "en"): "I can't help with that request. " + _CAN_ASK_MY_EN,
    ("injection", "ko"): "그 요청은 도와드릴 수 없습니다. " + _CAN_ASK_MY_KO,
    ("off_topic", "en"): "I can only answer questions about myself. " + _CAN_ASK_MY_EN,
    ("off_topic", "ko"): "저에 관한 질문에만 답할 수 있습니다. " + _CAN_ASK_MY_KO,
    ("private", "en"): "I can't share that: it includes my private contact details. "
    + _CAN_ASK_MY_EN,
    ("private", "ko"): "제 비공개 개인 정보가 포함되어 있어 답변드릴 수 없습니다. "
    + _CAN_ASK_MY_KO,
}
# Filled with the applicant's name.
_CAN_ASK_NAME_EN = (
    "You can ask about {name}'s experience, skills, education, projects, career goals and "
    "fit for a role."
)
_CAN_ASK_NAME_KO = (
    "{name}님의 경력, 기술, 학력, 프로젝트, 커리어 목표, 직무 적합도에 대해 물어보실 수 있습니다."
)
_THIRD_PERSON: dict[tuple[RefusalReason, Language], str] = {
    ("injection", "en"): "I can't help with that request. " + _CAN_ASK_NAME_EN,
    ("injection", "ko"): "그 요청은 도와드릴 수 없습니다. " + _CAN_ASK_NAME_KO,
    ("off_topic", "en"): "I can only answer questions about {name}. " + _CAN_ASK_NAME_EN,
    ("off_topic", "ko"): "저는 {name}님에 관한 질문에만 답할 수 있습니다. " + _CAN_ASK_NAME_KO,
    ("private", "en"): "I can't share that: it includes private contact details of {name}. "
    + _CAN_ASK_NAME_EN,
    ("private", "ko"): "{name}님의 비공개 개인 정보가 포함되어 있어 답변드릴 수 없습니다. "
    + _CAN_ASK_NAME_KO,
}


def language_of(text: str) -> Language:
    """Guess whether `text` is Korean or English, from its share of Hangul letters.

    Args:
        text: Any text.

    Returns:
        "ko" when Hangul makes up at least a fifth of the letters, "en" otherwise.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    hangul = sum(1 for c in letters if "\uac00" <= c <= "\ud7a3" or "\u3131" <= c <= "\u318e")
    return "ko" if hangul * 5 >= len(letters) else "en"


def refusal(
    reason: RefusalReason,
    question: str,
    *,
    voice: Voice | None = None,
    name: str | None = None,
) -> str:
    """The refusal shown when a guardrail stops a turn.

    Args:
        reason: Why the turn was stopped.
        question: The question that was asked; its language picks the refusal's.
        voice: The profile's voice; the refusal speaks in it ("my experience" in the
            first person, the name in the third). None: about "the applicant".
        name: The applicant's name, for the third person.

    Returns:
        A short, polite refusal that says what can be asked instead.
    """
    language = language_of(question)
    if voice == "first_person":
        return _FIRST_PERSON[(reason, language)]
    if voice == "third_person" and name:
        return _THIRD_PERSON[(reason, language)].format(name=name)
    return _REFUSALS[(reason, language)]
