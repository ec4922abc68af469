"""The answer-quality figures: what counts as the service's own English in a Korean answer."""

from __future__ import annotations

from ask_applicant.evaluation.figures import Share, service_english, strings_of


def test_english_glue_in_a_korean_answer_is_found() -> None:
    answer = "제 프로필에 따르면:\n참고: Jobs cover about 4 years. Highlights: 정산"
    found = service_english(answer, "네이버에서 얼마나?", "네이버\n정산")
    assert found == ["Jobs", "cover", "about", "years", "Highlights"]


def test_resume_words_question_words_and_citations_are_not_service_english() -> None:
    answer = "예, Kafka를 썼습니다 (work[1], basics.email). Vue는 없습니다."
    assert service_english(answer, "Vue 써 봤어요?", "Java, Kafka") == []


def test_strings_of_reads_values_not_keys() -> None:
    data = {"highlights": ["a"], "work": [{"name": "b", "n": 3}]}
    assert list(strings_of(data)) == ["a", "b"]


def test_a_share_of_nothing_is_met() -> None:
    assert Share(0, 0).rate == 1.0
    assert str(Share(3, 4)) == "3/4 (75%)"
