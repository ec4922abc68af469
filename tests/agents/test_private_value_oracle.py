"""In chat, no tool answer and no offline answer tells a right guess of a private value.

Issue 10, finding 1: `Is 1991-04-17 your project?` made `search_projects` answer "No
project or write-up matches '[private]'" while a wrong date was echoed. 100 guesses, the
right one among them, go through every chat tool that takes free text and through a whole
offline-model turn, for the sample applicant and for a twin whose private value is another
one. Every answer must be the same for both: it does not depend on the private value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from agents.testing import ScriptedModel, assistant_message

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.turn import Turn, run_turn
from ask_applicant.profile import Profile
from ask_applicant.settings import Settings
from ask_applicant.tools.career import ask_faq, assess_job_fit, years_of_experience
from ask_applicant.tools.project import get_project, search_projects
from ask_applicant.tools.resume import search_resume

Twin = Callable[[Profile, str, str], Profile]


def birth_dates() -> list[str]:
    """Every day from 50 days before the sample's birth date to 49 days after."""
    born = date(1991, 4, 17)
    return [(born + timedelta(days=k)).isoformat() for k in range(-50, 50)]


def phone_numbers() -> list[str]:
    return [f"010-1234-56{k:02d}" for k in range(100)]


# Each private field, its 100 guesses, and the twin's value of it (never guessed).
GUESSES: dict[str, tuple[Callable[[], list[str]], str]] = {
    "basics.birthDate": (birth_dates, "1979-09-03"),
    "basics.phone": (phone_numbers, "010-9876-5432"),
}


def tool_answers(profile: Profile, guess: str) -> list[str]:
    """Every chat tool that takes free text, asked about one guess."""
    results = [
        search_projects(profile, query=f"Is {guess} your project?"),
        get_project(profile, name=guess),
        get_project(profile, name=f"chat service {guess}"),
        search_resume(profile, query=guess),
        years_of_experience(profile, skill=guess, today=date(2026, 1, 1)),
        assess_job_fit(profile, job_description=f"Python {guess}", today=date(2026, 1, 1)),
        ask_faq(profile, question=f"Were you born on {guess}?"),
    ]
    return [result.to_json() for result in results]


@pytest.mark.parametrize("path", list(GUESSES))
def test_no_chat_tool_answers_a_right_guess_differently(
    sample_profile: Profile, profile_twin: Twin, path: str
) -> None:
    make_guesses, other_value = GUESSES[path]
    guesses = make_guesses()
    right = next(v.value for v in sample_profile.private_values() if v.path == path)
    assert len(guesses) == 100 and right in guesses and other_value not in guesses
    other = profile_twin(sample_profile, path, other_value)
    for guess in guesses:
        assert tool_answers(sample_profile, guess) == tool_answers(other, guess), guess
    assert "[private]" not in "".join(tool_answers(sample_profile, right))


async def _turn(graph: AgentGraph, context: ChatContext, question: str) -> tuple[object, ...]:
    outcome = await run_turn(graph=graph, context=context, question=question)
    calls = [(call.name, call.arguments, call.output) for call in outcome.tool_calls]
    return outcome.answer, outcome.refused, outcome.guardrail, outcome.handoffs, calls


async def test_no_offline_answer_tells_the_right_birth_date(
    sample_profile: Profile, profile_twin: Twin, settings: Settings
) -> None:
    other = profile_twin(sample_profile, "basics.birthDate", "1979-09-03")
    real_graph, other_graph = (
        build_agent_graph(profile=sample_profile),
        build_agent_graph(profile=other),
    )
    real = ChatContext(user_id="u", session_id="s", profile=sample_profile, settings=settings)
    control = ChatContext(user_id="u", session_id="s", profile=other, settings=settings)
    answers = []
    for guess in birth_dates():
        question = f"Is {guess} your project?"
        answer = await _turn(real_graph, real, question)
        assert answer == await _turn(other_graph, control, question), guess
        answers.append(answer)
    assert not any(refused for _, refused, *_ in answers), "nothing here is worth refusing"


async def _echoed(profile: Profile, settings: Settings, guess: str) -> tuple[object, ...]:
    """A turn whose model repeats the guess, as a real model may ("no project X")."""
    scripted = ScriptedModel()
    scripted.enqueue([assistant_message(f"I find no project called {guess} (projects[0]).")])
    context = ChatContext(user_id="u", session_id="s", profile=profile, settings=settings)
    turn = Turn(graph=build_agent_graph(profile=profile, model=scripted), context=context,
                question=f"Is {guess} your project?")  # fmt: skip
    deltas = [
        event.data for event in [e async for e in turn.events()] if event.type == "message.delta"
    ]
    outcome = turn.outcome
    return outcome.answer, outcome.refused, deltas


@pytest.mark.parametrize("path", list(GUESSES))
async def test_a_model_repeating_the_guess_is_not_refused_only_when_it_is_right(
    sample_profile: Profile, profile_twin: Twin, settings: Settings, path: str
) -> None:
    # The privacy guardrail would otherwise refuse exactly the right guess.
    make_guesses, other_value = GUESSES[path]
    other = profile_twin(sample_profile, path, other_value)
    for guess in make_guesses():
        said = await _echoed(sample_profile, settings, guess)
        assert said == await _echoed(other, settings, guess), guess
        assert said[0] == f"I find no project called {guess} (projects[0])."


async def test_a_private_value_the_asker_did_not_write_is_still_refused(
    sample_profile: Profile, settings: Settings
) -> None:
    scripted = ScriptedModel()
    scripted.enqueue([assistant_message("Born 1991-04-17, call 010-1234-5678.")])
    context = ChatContext(user_id="u", session_id="s", profile=sample_profile, settings=settings)
    graph = build_agent_graph(profile=sample_profile, model=scripted)
    outcome = await run_turn(graph=graph, context=context, question="Is 1991-04-17 right?")
    assert outcome.refused and "010-1234-5678" not in outcome.answer
