"""Names link across Hangul and Latin spellings by romanisation, with no table of names."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.linking import linked, names_in, romanise


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
        ("Haneul Pay", "하늘페이"),
        # A th before a vowel is written ㅌ.
        ("Hackathon", "해커톤"),
        ("Marathon", "마라톤"),
        ("Kaggle", "캐글"),
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
