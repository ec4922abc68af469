"""The lexicon tells what a profile mentions, in either script, and how it spells a name."""

from __future__ import annotations

import json

from agents import function_tool

from ask_applicant.agents.offline.lexicon import Lexicon, spelt, unknown_names, unmentioned
from ask_applicant.agents.offline.transcript import Exchange

LEXICON = Lexicon(
    [
        "Site Reliability Engineer",
        "쿠버네티스 기반 데브옵스 파이프라인 운영",
        "Skills: DevOps; Terraform",
        "그린웨이브",
        "영어 — 비즈니스 회화",
        "디바이스 팜 스케줄러 — 테스트 기기를 Appium 세션에 배정",
        "테스트 엔지니어 at 푸른손해보험",
    ]
)


@function_tool
def count_years(skill: str) -> str:
    """Years of experience with a skill."""
    return skill


def test_a_word_is_mentioned_as_written_by_its_other_script_or_by_translation() -> None:
    assert LEXICON.mentions("Terraform")
    assert LEXICON.mentions("테라폼")  # a known transliteration
    assert LEXICON.mentions("Kubernetes")  # written 쿠버네티스
    assert LEXICON.mentions("Greenwave")  # written 그린웨이브
    assert LEXICON.mentions("English")  # written 영어
    assert not LEXICON.mentions("Fortran")
    assert not LEXICON.mentions("포트란")


def test_a_hangul_name_takes_the_profiles_latin_spelling() -> None:
    assert LEXICON.spelling("데브옵스") == "DevOps"
    assert LEXICON.spelling("포트란") is None
    assert LEXICON.spelling("DevOps") is None  # already Latin


def test_a_skill_argument_is_respelt_and_a_call_that_found_nothing_names_its_subject() -> None:
    assert spelt(LEXICON, count_years, {"skill": "데브옵스"}) == {"skill": "DevOps"}
    assert spelt(None, count_years, {"skill": "데브옵스"}) == {"skill": "데브옵스"}
    call = Exchange("c1", "count_years", json.dumps({"skill": "Fortran"}), "{}", False)
    assert unmentioned(LEXICON, call, [count_years]) == "Fortran"
    known = Exchange("c2", "count_years", json.dumps({"skill": "Terraform"}), "{}", False)
    assert unmentioned(LEXICON, known, [count_years]) is None


def test_the_names_a_question_writes_that_the_profile_never_mentions() -> None:
    assert unknown_names(LEXICON, "How long were you at Globex?") == "Globex"
    assert unknown_names(LEXICON, "How long were you at Greenwave?") is None
    assert unknown_names(LEXICON, "When did you join?") is None  # the first word is no name
    assert unknown_names(LEXICON, "이니텍에서 얼마나 일했어요?") == "이니텍"
    assert unknown_names(LEXICON, "회사에서 얼마나 일했어요?") is None  # a word, not a name
    assert unknown_names(LEXICON, "Appium은 실무에서 몇 년 썼어요?") is None  # at work
    assert unknown_names(LEXICON, "Did Mina work at Globex?", ignore={"mina"}) == "Globex"


def test_a_latin_name_takes_the_profiles_hangul_spelling_in_a_search() -> None:
    # "device farm" is 디바이스 팜 (스케줄러 is spelt from "skejul", no d): enough to search.
    assert LEXICON.in_hangul("What tech is the device farm scheduler built on?") == ["디바이스 팜"]
    assert LEXICON.in_hangul("How long at Pureun Insurance?") == ["푸른손해보험"]
    assert LEXICON.in_hangul("How long at pureun?") == []  # a lowercase word is no brand
    searched = LEXICON.respelt("device farm scheduler stack")
    assert searched == "device farm scheduler stack 디바이스 팜"


def test_a_short_skeleton_is_met_only_by_a_name() -> None:
    # 플러터 and "part" share p-r-t; only the name Flutter is its Latin spelling.
    assert not Lexicon(["Android Developer (part-time, 30 h/week)"]).mentions("플러터")
    assert Lexicon(["Skills: Flutter; Dart"]).mentions("플러터")


def test_a_clipped_word_is_mentioned_by_the_longer_one() -> None:
    lexicon = Lexicon(["Postdoctoral Research Fellow at Canterbury Plains University"])
    assert lexicon.mentions("postdoc")
    assert not lexicon.mentions("post")  # too short to be a clipping
