"""A question asking why is answered by a reason, or told that the profile gives none."""

from __future__ import annotations

from ask_applicant.agents.offline import reasons
from ask_applicant.agents.offline.evidence import Fact


def test_why_questions_are_recognised_in_either_language() -> None:
    for question in ["Why did she leave Northgate?", "이직 사유가 뭐예요?", "왜 그만뒀어요?"]:
        assert reasons.asked(question), question
    assert not reasons.asked("Where does she work?")


def test_only_a_prepared_answer_or_a_sentence_saying_why_gives_a_reason() -> None:
    job = Fact("work[1]", "Analyst at Northgate (2016-07 – 2018-12) Claims data.")
    left = Fact("work[2]", "Founder at Loop (2019-01 – 2020-02) Left to co-found a studio.")
    faq = Fact("faq[0]", "Q: Why are you changing jobs? A: A larger scale.")
    assert reasons.giving([job, left, faq]) == [left, faq]
    assert reasons.giving([job]) == []
    assert reasons.not_said(korean=True) == "프로필에는 그 이유가 나와 있지 않습니다."
