"""Korean spellings of names become their English forms."""

from __future__ import annotations

from ask_applicant.agents.offline.spellings import in_english, transliterate, transliterated_terms


def test_korean_spellings_of_technologies_become_english() -> None:
    assert transliterate("파이썬") == "Python"
    assert transliterate("자바스크립트를") == "JavaScript"
    assert transliterate("자바를") == "Java"
    assert transliterate("채팅") == "채팅"


def test_spelled_names_in_a_question_become_english_terms() -> None:
    assert transliterated_terms("카프카는 몇 년 써봤나요?") == ["kafka"]
    assert transliterated_terms("카카오에서 무슨 일을 했나요?") == ["kakao"]
    assert transliterated_terms("학력이 어떻게 되나요?") == []


def test_korean_spelled_names_are_written_in_english_for_ranking() -> None:
    assert in_english("쿠버네티스로 운영").split() == ["Kubernetes", "로", "운영"]
    # The longest spelling wins: JavaScript, not Java followed by "스크립트".
    assert "JavaScript" in in_english("자바스크립트 경력") and "Java " not in in_english(
        "자바스크립트"
    )
    assert in_english("학력이 어떻게 되나요?") == "학력이 어떻게 되나요?"


def test_the_tools_technology_names_in_hangul_spell_in_latin_too() -> None:
    from ask_applicant.agents.offline.spellings import TRANSLITERATIONS

    assert TRANSLITERATIONS["머신러닝"] == "Machine Learning"
    assert TRANSLITERATIONS["파이썬"] == "Python"  # the table's own casing wins
