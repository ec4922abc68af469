"""A short follow-up about the job or project just discussed stays with that entry."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import build_agent_graph
from ask_applicant.agents.offline.same_entry import about_entry
from ask_applicant.agents.offline.transcript import Exchange, PastTurn
from ask_applicant.agents.turn import TurnOutcome
from ask_applicant.profile import load_profile
from ask_applicant.settings import Settings

PROFILES = Path(__file__).parents[3] / "evals" / "profiles"
Converse = Callable[..., Awaitable[TurnOutcome]]
PALETTE = (
    "Palette Pal (2022-03 – present) A browser extension. URL: https://github.com/t/palette-pal."
)


def _turn(question: str, output: str) -> PastTurn:
    facts = json.dumps({"facts": [{"source": "projects[0]", "text": output}]})
    call = Exchange("c1", "search_projects", '{"query": "Palette Pal"}', facts, False)
    return PastTurn(question, (call,))


def test_a_short_question_the_entry_holds_carries_the_entry_name() -> None:
    follow_up = about_entry(
        "Is the code public?", [_turn("What is Palette Pal?", PALETTE)], ["Palette Pal"]
    )
    assert follow_up is not None and follow_up.text == 'Is the code public? "Palette Pal"'


def test_a_question_the_entry_does_not_hold_stands_alone() -> None:
    history = [_turn("What is Palette Pal?", PALETTE)]
    assert about_entry("Where does she live?", history, ["Palette Pal"]) is None


def test_a_question_naming_another_entry_stands_alone() -> None:
    history = [_turn("What is Palette Pal?", PALETTE)]
    assert about_entry("Is Hue Hub public?", history, ["Palette Pal", "Hue Hub"]) is None


async def _converse(
    converse: Converse, settings: Settings, profile: str, *turns: str
) -> TurnOutcome:
    loaded = load_profile(PROFILES / profile)
    context = ChatContext(user_id="u", session_id="s", profile=loaded, settings=settings)
    return await converse(build_agent_graph(profile=loaded), context, turns)


async def test_results_after_a_job_are_that_jobs_highlights(
    converse: Converse, settings: Settings
) -> None:
    outcome = await _converse(
        converse,
        settings,
        "data-engineer-ko.json",
        "다온페이에서는 어떤 일을 했어요?",
        "구체적인 성과가 있었나요?",
    )
    assert outcome.agent == "career"
    assert outcome.answer.startswith("예.") and "40분" in outcome.answer
    assert "한빛마켓" not in outcome.answer


def test_also_keeps_the_entry_even_for_a_thing_it_lacks() -> None:
    bare = "Seat Alert (2024-11 – present) An Android app. Keywords: Kotlin."
    history = [_turn("What is Seat Alert?", bare)]
    follow_up = about_entry("깃허브 주소도 있어요?", history, ["Seat Alert"])
    assert follow_up is not None and follow_up.text.endswith('"Seat Alert"')
    assert about_entry("Where does she live?", history, ["Seat Alert"]) is None


@pytest.mark.parametrize(
    ("profile", "turns", "opening", "link"),
    [
        ("designer-turned-dev.json", ("What is Palette Pal?", "Is the code public?"), "", True),
        (
            "designer-turned-dev.json",
            ("What is Palette Pal?", "Is it on GitHub too?"),
            "Yes.",
            True,
        ),
        # Streetcar Buddy links to the App Store only: no, not the profile's own GitHub.
        (
            "mobile-dev-legacy.json",
            ("What is Streetcar Buddy?", "깃허브 주소도 있어요?"),
            "아니요",
            False,
        ),
    ],
)
async def test_a_link_asked_after_a_project_is_that_projects_link_or_a_no(
    converse: Converse,
    settings: Settings,
    profile: str,
    turns: tuple[str, str],
    opening: str,
    link: bool,
) -> None:
    outcome = await _converse(converse, settings, profile, *turns)
    assert outcome.agent == "project"
    assert outcome.answer.startswith(opening)
    assert ("github.com/tamsin-o/palette-pal" in outcome.answer) is link
    assert link or "github.com" not in outcome.answer


def test_a_korean_follow_up_counts_its_words_not_its_verbs_syllables() -> None:
    history = [_turn("What is Palette Pal?", PALETTE)]
    follow_up = about_entry("직접 써 볼 수 있는 링크 있어요?", history, ["Palette Pal"])
    assert follow_up is not None and follow_up.text.endswith('"Palette Pal"')
