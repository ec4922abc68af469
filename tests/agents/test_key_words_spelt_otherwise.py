"""Questions whose key word the profile never writes the same way (or never writes).

A skill the profile never names is answered no by the skills' area, not with the help
message; a Hangul loanword finds the profile's Latin spelling (앱스토어, App Store); a
Korean word for a kind of thing finds the entry that names it otherwise (병역, 육군).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import build_agent_graph
from ask_applicant.agents.turn import TurnOutcome
from ask_applicant.profile import load_profile
from ask_applicant.settings import Settings

PROFILES = Path(__file__).parents[2] / "evals" / "profiles"
Converse = Callable[..., Awaitable[TurnOutcome]]


async def _ask(converse: Converse, settings: Settings, profile: Path, question: str) -> TurnOutcome:
    loaded = load_profile(profile)
    context = ChatContext(user_id="u", session_id="s", profile=loaded, settings=settings)
    return await converse(build_agent_graph(profile=loaded), context, (question,))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Does she do any Flutter?", "No, the profile does not mention Flutter."),
        ("Any Flutter?", "No, the profile does not mention Flutter."),
        ("플러터 해봤어요?", "아니요, "),
        # "Experience" is no reason to ask the work history about a skill never named.
        ("Has she got any Azure experience?", "No, the profile does not mention Azure."),
        ("Rust로 개발할 수 있나요?", "아니요, 프로필에는 Rust 관련 내용이 없습니다."),
    ],
)
async def test_a_skill_the_profile_never_names_is_answered_no_by_the_skills(
    question: str, expected: str, converse: Converse, settings: Settings
) -> None:
    outcome = await _ask(converse, settings, PROFILES / "mobile-dev-legacy.json", question)
    assert outcome.agent == "resume"
    assert outcome.answer.startswith(expected)


async def test_an_app_store_question_in_hangul_finds_the_published_app(
    converse: Converse, settings: Settings
) -> None:
    question = "앱스토어에 직접 출시한 앱이 있나요?"
    outcome = await _ask(converse, settings, PROFILES / "mobile-dev-legacy.json", question)
    assert outcome.agent == "project"
    assert outcome.answer.startswith("예.")
    assert "Streetcar Buddy" in outcome.answer


@pytest.mark.parametrize(
    "question", ["병역은 마쳤나요?", "군필인가요?", "Did he do military service?"]
)
async def test_military_service_is_answered_from_the_army_entry(
    question: str, converse: Converse, settings: Settings
) -> None:
    outcome = await _ask(converse, settings, PROFILES / "backend-ko-fintech.json", question)
    assert outcome.answer.startswith(("예.", "Yes."))
    assert "대한민국 육군" in outcome.answer


async def test_a_two_syllable_hangul_name_is_searched_in_its_latin_spelling(
    converse: Converse, settings: Settings
) -> None:
    # 캐글 is Kaggle, 메달 Medal: the award written in English is found.
    outcome = await _ask(
        converse, settings, PROFILES / "health-ds-legacy.json", "캐글에서 메달 받은 적 있나요?"
    )
    assert outcome.answer.startswith("예.") and "Kaggle" in outcome.answer


async def test_released_work_is_asked_of_the_projects(
    converse: Converse, settings: Settings
) -> None:
    outcome = await _ask(
        converse, settings, PROFILES / "game-client-ko.json", "What has she shipped?"
    )
    assert outcome.agent == "project"
