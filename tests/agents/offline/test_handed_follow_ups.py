"""A follow-up another specialist must answer keeps its subject across the hand-off."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import build_agent_graph
from ask_applicant.agents.turn import TurnOutcome
from ask_applicant.profile import load_profile
from ask_applicant.settings import Settings

PROFILES = Path(__file__).parents[3] / "evals" / "profiles"
Converse = Callable[..., Awaitable[TurnOutcome]]


@pytest.mark.parametrize(
    ("turns", "total"),
    [
        (("ROS 써봤어요?", "몇 년 썼어요?"), "ROS: 약 8.7년"),
        (("Does he know C++?", "How many years?"), "C++: about 5.6 years"),
    ],
)
async def test_years_asked_after_a_skill_question_are_that_skills_years(
    converse: Converse, settings: Settings, turns: tuple[str, str], total: str
) -> None:
    loaded = load_profile(PROFILES / "robotics-brisbane.json")
    context = ChatContext(user_id="u", session_id="s", profile=loaded, settings=settings)
    outcome = await converse(build_agent_graph(profile=loaded), context, turns)
    assert outcome.agent == "career"
    assert outcome.answer.startswith(total)


async def test_an_anaphor_handed_back_is_routed_by_its_own_words(
    converse: Converse, settings: Settings
) -> None:
    loaded = load_profile(PROFILES / "robotics-brisbane.json")
    context = ChatContext(user_id="u", session_id="s", profile=loaded, settings=settings)
    turns = ("rowcrop_nav는 어떤 프로젝트예요?", "Is he open to remote work?")
    outcome = await converse(build_agent_graph(profile=loaded), context, turns)
    assert outcome.agent == "career"
    assert outcome.answer.startswith("Yes. Open to remote or hybrid roles")


async def test_an_english_no_is_checked_against_the_whole_resume_first(
    converse: Converse, settings: Settings
) -> None:
    # The basics hold no blog; a post on an engineering blog sits among the publications.
    loaded = load_profile(PROFILES / "nurse-to-dev-legacy.json")
    context = ChatContext(user_id="u", session_id="s", profile=loaded, settings=settings)
    outcome = await converse(build_agent_graph(profile=loaded), context, ("Does she blog?",))
    assert outcome.answer.startswith("Yes. From triage to pull requests")
    rust = await converse(build_agent_graph(profile=loaded), context, ("Does she know Rust?",))
    assert rust.answer == "No, the profile does not mention Rust."
