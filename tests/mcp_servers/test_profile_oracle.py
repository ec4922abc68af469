"""No answer of the profile MCP server tells a right guess of a private value from a wrong one.

Issue 10, finding 1: text the caller sent came back with ``[private]`` exactly where it
equalled a private value, so 24 prompt calls recovered the sample's birth date. Here 100
guesses, the right one among them, go through every prompt and every tool that takes
free text, once to the sample applicant and once to a twin whose private value is some
other one (outside the guesses). Every answer must be the same for both: an answer that
does not depend on the private value cannot confirm a guess of it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date, timedelta

import pytest
from mcp import Client
from mcp.types import TextContent

from ask_applicant.mcp_servers.profile import build_profile_server
from ask_applicant.profile import Profile


def birth_dates() -> list[str]:
    """Every day from 50 days before the sample's birth date to 49 days after."""
    born = date(1991, 4, 17)
    return [(born + timedelta(days=k)).isoformat() for k in range(-50, 50)]


def postal_codes() -> list[str]:
    return [f"{k:05d}" for k in range(3875, 3975)]


# Each private field, its 100 guesses, and the twin's value of it (never guessed).
GUESSES: dict[str, tuple[Callable[[], list[str]], str]] = {
    "basics.birthDate": (birth_dates, "1979-09-03"),
    "basics.location.postalCode": (postal_codes, "61452"),
}


@asynccontextmanager
async def connected(profile: Profile) -> AsyncIterator[Client]:
    async with Client(build_profile_server(profile)) as client:
        yield client


def _right_value(profile: Profile, path: str) -> str:
    return next(v.value for v in profile.private_values() if v.path == path)


async def _answers(client: Client, guess: str) -> dict[str, str]:
    """The prompts, which embed the caller's text, and a tool asked about one guess."""
    answers: dict[str, str] = {}
    for name, argument, text in [
        ("job_fit_summary", "job_description", f"Python a {guess} b Kafka"),
        ("interview_questions", "role", f"backend engineer {guess}"),
    ]:
        content = (await client.get_prompt(name, {argument: text})).messages[0].content
        assert isinstance(content, TextContent)
        answers[name] = content.text
    # The tools behind these run in chat as well; tests/agents/test_private_value_oracle.py
    # puts every guess through them and through the offline model.
    result = await client.call_tool("get_project", {"name": f"chat service {guess}"})
    block = result.content[0]
    assert isinstance(block, TextContent)
    answers["get_project"] = block.text
    return answers


@pytest.mark.parametrize("path", list(GUESSES))
async def test_a_right_guess_of_a_private_value_answers_like_any_wrong_one(
    sample_profile: Profile, path: str, profile_twin: Callable[[Profile, str, str], Profile]
) -> None:
    make_guesses, other_value = GUESSES[path]
    guesses = make_guesses()
    right = _right_value(sample_profile, path)
    assert len(guesses) == 100 and right in guesses, "the right value must be among the guesses"
    other = profile_twin(sample_profile, path, other_value)
    assert other_value not in guesses
    async with connected(sample_profile) as real, connected(other) as control:
        for guess in guesses:
            assert await _answers(real, guess) == await _answers(control, guess), guess
        said = json.dumps(await _answers(real, right), ensure_ascii=False)
    assert "[private]" not in said and right in said, "the guess comes back as sent"
