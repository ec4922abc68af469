"""A skill the profile lists without dates: yes, it has it; its years cannot be counted."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import build_agent_graph
from ask_applicant.agents.offline.undated import undated_answer, undated_sources
from ask_applicant.agents.turn import TurnOutcome
from ask_applicant.profile import load_profile
from ask_applicant.settings import Settings

PROFILES = Path(__file__).parents[3] / "evals" / "profiles"
Converse = Callable[..., Awaitable[TurnOutcome]]
NOTE = "No dated job or project mentions that skill. It is mentioned in skills[2], without dates."


def test_the_years_tool_note_tells_where_the_skill_is_listed() -> None:
    assert undated_sources([NOTE]) == ["skills[2]"]
    assert undated_sources(["No dated job or project mentions that skill."]) == []


def test_the_answer_is_in_the_askers_language() -> None:
    assert undated_answer("Firebase", ["skills[2]"], korean=False, yes_no=True) == (
        "Yes. The profile lists Firebase in skills[2], without dates."
    )
    assert undated_answer("Firebase", ["skills[2]"], korean=True, yes_no=False).endswith(
        "기간 없이 나와 있어 경력 연수를 셀 수 없습니다."
    )


async def _ask(converse: Converse, settings: Settings, profile: str, question: str) -> TurnOutcome:
    loaded = load_profile(PROFILES / profile)
    context = ChatContext(user_id="u", session_id="s", profile=loaded, settings=settings)
    return await converse(build_agent_graph(profile=loaded), context, (question,))


@pytest.mark.parametrize(
    ("question", "opening"),
    [("테라폼 경험 있어요?", "예."), ("Does he have Terraform experience?", "Yes.")],
)
async def test_experience_with_a_skill_listed_only_in_skills_is_yes(
    question: str, opening: str, converse: Converse, settings: Settings
) -> None:
    outcome = await _ask(converse, settings, "backend-ko-fintech.json", question)
    assert outcome.answer.startswith(opening)
    assert "skills[2]" in outcome.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Firebase 경험은 몇 년이에요?", "기간 없이"),
        ("How many years of Firebase experience does she have?", "without dates"),
    ],
)
async def test_years_of_a_skill_listed_without_dates_are_not_made_up(
    question: str, said: str, converse: Converse, settings: Settings
) -> None:
    outcome = await _ask(converse, settings, "mobile-dev-legacy.json", question)
    assert said in outcome.answer and "Firebase" in outcome.answer
    assert "Maplewave" not in outcome.answer
