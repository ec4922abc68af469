"""Questions whose key word the profile writes another way, or never writes at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ask_applicant.agents.offline.concept_groups import group_terms
from ask_applicant.agents.offline.lexicon import Lexicon, unknown_skill
from ask_applicant.agents.offline.linking import linked
from ask_applicant.agents.offline.support import touched

PROFILES = Path(__file__).parents[3] / "evals" / "profiles"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _lexicon(name: str) -> Lexicon:
    return Lexicon(_strings(json.loads((PROFILES / name).read_text(encoding="utf-8"))))


@pytest.mark.parametrize(
    "question",
    ["Does she do any Flutter?", "Any Flutter?", "플러터 해봤어요?", "플러터 할 줄 알아요?"],
)
def test_a_skill_question_about_a_name_the_profile_never_writes_is_noticed(question: str) -> None:
    assert unknown_skill(_lexicon("mobile-dev-legacy.json"), question, yes_no=True)


@pytest.mark.parametrize("question", ["Does she do any Swift?", "스위프트 해봤어요?", "hello"])
def test_a_skill_the_profile_names_is_not_unknown(question: str) -> None:
    assert unknown_skill(_lexicon("mobile-dev-legacy.json"), question, yes_no=True) is None


def test_a_hangul_loanword_is_spelt_as_the_profile_writes_it() -> None:
    lexicon = _lexicon("mobile-dev-legacy.json")
    assert lexicon.in_latin("앱스토어에 직접 출시한 앱이 있나요?") == ["App Store"]
    assert lexicon.respelt("앱스토어 출시 앱") == "App Store 출시 앱"


def test_a_verb_form_is_never_taken_for_a_name() -> None:
    assert _lexicon("designer-turned-dev.json").in_latin("네이버에는 언제 입사했어요?") == []


def test_observability_links_to_its_hangul_spelling() -> None:
    assert linked("옵저버빌리티 경험 있어요?", "Observability: Prometheus, Grafana")


def test_military_service_words_meet_the_army_entry() -> None:
    assert "육군" in group_terms("병역은 마쳤나요?")
    assert touched("대한민국 육군 병장 (만기 전역) 현역 군 복무", "병역은 마쳤나요?", ["병역"])
    assert touched("Republic of Korea Army, sergeant", "군필인가요?", ["군필"])
    assert not group_terms("Does she know Kotlin?")
