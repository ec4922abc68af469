"""Names link across Hangul and Latin spellings by romanisation, with no table of names."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.linking import link_length, linked, name_words, names_in, romanise


def test_hangul_is_romanised_syllable_by_syllable() -> None:
    assert romanise("한글") == "hangeul"
    assert romanise("서울 2024") == "seoul 2024"


@pytest.mark.parametrize(
    ("latin", "hangul"),
    [
        ("Naver", "네이버"),
        ("Credit Suisse", "크레딧스위스"),
        ("Tidewater Logistics", "타이드워터 로지스틱스"),
        ("Kubernetes", "쿠버네티스"),
        ("DevOps", "데브옵스"),
        ("Facebook", "페이스북"),
        ("Kakao", "카카오"),
        ("Ironbark Mining", "아이언바크 마이닝"),
        ("Brightwater Health", "브라이트워터 헬스"),
        ("Northstar", "노스스타"),
        ("Accenture", "액센츄어"),
        ("Nuri Payments", "누리 페이먼츠"),
        ("Bluefin Labs", "블루핀 랩스"),
        ("Kelp Technologies", "켈프 테크놀로지스"),
        ("Tide Ventures", "타이드 벤처스"),
        ("Harbor Automation", "하버 오토메이션"),
        ("GitHub", "깃허브"),
        ("Lighthouse", "라이트하우스"),
        ("Haneul Pay", "하늘페이"),
        # A th before a vowel is written ㅌ.
        ("Hackathon", "해커톤"),
        ("Marathon", "마라톤"),
        ("Kaggle", "캐글"),
        # A final s after a voiced sound is written 즈; an n before a k is a final ㅇ.
        ("Stella Games", "스텔라게임즈"),
        ("Nuri Bank", "누리뱅크"),
        ("Schema", "스키마"),
        # A German w is a v.
        ("Quellwerk", "퀠베르크"),
        ("Ledgerline", "레저라인"),
    ],
)
def test_a_name_in_one_script_is_found_in_the_other(latin: str, hangul: str) -> None:
    assert names_in(f"Did she work at {latin}?", hangul)
    assert names_in(f"{hangul}에서는 무슨 일을 했나요?", latin)


def test_different_names_do_not_link() -> None:
    assert not names_in("Did he work at Naver?", "카카오")
    # A final th is no ㅌ: "flow with" is not 플러터 (Flutter).
    assert not linked("플러터 해봤어요?", "Set up a deploy flow with Fastlane")
    assert not linked("크레딧스위스에 얼마나 있었어요?", "Quantitative Analyst at Lumen AI Lab")


def test_a_particle_after_a_hangul_name_does_not_hide_it() -> None:
    assert linked("크레딧스위스에 얼마나 있었어요?", "Quantitative Analyst at Credit Suisse")


def test_a_place_links_without_its_administrative_suffix() -> None:
    assert linked("Is she based in Seongnam?", "성남시 분당구, 경기도, KR")
    assert linked("Does he live in Bundang?", "성남시 분당구")
    assert not linked("Is she based in Seoul?", "성남시 분당구, 경기도, KR")


def test_a_name_with_a_digit_links_by_its_letters() -> None:
    assert linked("코코스2d-x 써 본 적 있어요?", "C++ Keywords: Cocos2d-x.")


def test_a_german_name_keeps_its_r_in_hangul() -> None:
    assert linked("키즈카르테에서는 무슨 일 했어요?", "Junior Android Developer at Kiezkarte UG")


def test_a_brand_links_a_long_hangul_name_it_begins_with_but_a_plain_word_does_not() -> None:
    # 푸른손해보험 is the brand 푸른 (Pureun) and the noun 손해보험 (insurance), one word.
    assert linked("How long was she at Pureun Insurance?", "테스트 엔지니어 at 푸른손해보험")
    assert names_in("노스게이트에서 무슨 일을 했어요?", "Northgate Insurance")
    assert names_in("테스트 엔지니어 at 푸른손해보험", "Pureun")
    # Only a capitalised word is a brand: "broker" does not begin 블랙프라이데이.
    assert not linked("How does the broker work?", "블랙프라이데이 트래픽 대응")
    # The longer link is the better one: Maplewave Mobile, not a job titled "Mobile".
    question = "메이플웨이브 모바일에서 얼마나 일했어요?"
    assert link_length(question, "Maplewave Mobile") > link_length(question, "Mobile Developer")


def test_the_applicants_name_in_the_other_script_is_found_as_a_name() -> None:
    assert name_words("How long was Jiwoo with Pureun Insurance?", "한지우") == ["Jiwoo"]
    assert name_words("Does Jiwoo know Java?", "한지우") == ["Jiwoo"]
    assert name_words("Does she know Java?", "한지우") == []


def test_a_one_syllable_word_links_nothing() -> None:
    # 줄 of "할 줄 아세요" is a verb's ending, not "Jira".
    assert not linked("스칼라 할 줄 아세요?", "Keywords: TestRail; Jira; JMeter")


def test_a_short_acronym_and_the_words_of_a_phrase_link_no_hangul_word() -> None:
    # SQL is spelt 에스큐엘, letter by letter: it is not 스칼라 (Scala).
    assert not linked("스칼라로 개발해 본 경험도 있나요?", "SQL과 Python으로 분석했습니다.")
    # Only one long word may be a brand and a noun, not a phrase's first word.
    assert not names_in("SQL and Python", "스칼라 개발해 본")
