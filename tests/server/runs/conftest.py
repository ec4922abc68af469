"""A run manager on a fresh database, answering with a scripted model.

`script` is the `ScriptedModel` every agent of the graph uses: tests queue its steps
(`answer(...)` for an immediate answer). `held_answer()` streams an answer that stops
half-way until the test opens its gate, which holds a run mid-stream without sleeping.
`collect` and `next_event` read a run's events, bounded in time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from agents import Usage
from agents.testing import ModelCall, ModelStep, ScriptedModel, assistant_message
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseTextDeltaEvent,
    ResponseUsage,
)
from openai.types.responses.response_usage import InputTokensDetails, OutputTokensDetails
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.persistence import open_db
from ask_applicant.persistence.models import User
from ask_applicant.persistence.users import create_user
from ask_applicant.profile import Profile, load_profile
from ask_applicant.server.runs import RunEventRecord, RunManager
from ask_applicant.settings import DEFAULT_PROFILE_PATH, Settings

BOUND_SECONDS = 15.0
# Longer than the turn's hold-back window (2 x the longest private value + 16), so the
# first part is streamed before the gate.
OPENING = "She studied computer science at a university in Seoul and then " * 3


@pytest.fixture(scope="session")
def profile() -> Profile:
    return load_profile(DEFAULT_PROFILE_PATH)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        model="offline",
        max_turns=5,
        run_timeout_seconds=10,
        heartbeat_seconds=0.05,
        stale_run_seconds=60,
    )


@pytest.fixture
def script() -> ScriptedModel:
    return ScriptedModel()


@pytest.fixture
def graph(profile: Profile, script: ScriptedModel) -> AgentGraph:
    return build_agent_graph(profile=profile, model=script)


@pytest.fixture
async def user(engine: AsyncEngine) -> User:
    async with open_db(engine) as db:
        created, _key = await create_user(db, name="Acme recruiter", role="recruiter")
    return created


@pytest.fixture
def make_manager(
    engine: AsyncEngine, graph: AgentGraph, profile: Profile, settings: Settings
) -> Callable[..., RunManager]:
    def make(**overrides: Any) -> RunManager:
        options: dict[str, Any] = {"poll_interval": 0.02, "shutdown_grace": 0}
        options.update(overrides)
        run_settings = options.pop("settings", settings)
        return RunManager(
            engine=engine, graph=graph, profile=profile, settings=run_settings, **options
        )

    return make


@pytest.fixture
async def manager(make_manager: Callable[..., RunManager]) -> AsyncIterator[RunManager]:
    runs = make_manager()
    try:
        yield runs
    finally:
        await runs.aclose()


def _usage(input_tokens: int, output_tokens: int) -> Usage:
    return Usage(
        requests=1,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        total_tokens=input_tokens + output_tokens,
    )


def _answer(text: str, *, tokens: tuple[int, int] = (0, 0)) -> ModelStep:
    """A model step answering `text` at once."""
    return ModelStep(output=[assistant_message(text)], usage=_usage(*tokens))


@pytest.fixture
def answer() -> Callable[..., ModelStep]:
    return _answer


@dataclass
class HeldAnswer:
    """A streamed answer whose second part waits for `gate`.

    Attributes:
        step: The model step to queue.
        gate: Set it to let the answer finish.
        reached: Set once the model has streamed the first part and waits.
        text: The whole answer.
    """

    step: ModelStep
    gate: asyncio.Event
    reached: asyncio.Event
    text: str


def _held_answer(first: str = OPENING, rest: str = "and now builds chat backends.") -> HeldAnswer:
    gate, reached = asyncio.Event(), asyncio.Event()
    text = first + rest
    message = assistant_message(text, item_id="msg_held")

    async def stream(call: ModelCall) -> AsyncIterator[Any]:
        pending = message.model_copy(update={"content": [], "status": "in_progress"})
        yield ResponseOutputItemAddedEvent(
            type="response.output_item.added", item=pending, output_index=0, sequence_number=0
        )
        yield _delta(first, 1)
        reached.set()
        await gate.wait()
        yield _delta(rest, 2)
        yield ResponseOutputItemDoneEvent(
            type="response.output_item.done", item=message, output_index=0, sequence_number=3
        )
        yield ResponseCompletedEvent(
            type="response.completed", response=_response(message), sequence_number=4
        )

    return HeldAnswer(ModelStep.stream(stream), gate, reached, text)


@pytest.fixture
def held_answer() -> Callable[..., HeldAnswer]:
    return _held_answer


def _delta(text: str, number: int) -> ResponseTextDeltaEvent:
    return ResponseTextDeltaEvent(
        type="response.output_text.delta",
        item_id="msg_held",
        output_index=0,
        content_index=0,
        delta=text,
        logprobs=[],
        sequence_number=number,
    )


def _response(message: Any) -> Response:
    return Response(
        id="resp_held",
        created_at=0,
        model="scripted",
        object="response",
        output=[message],
        tool_choice="none",
        tools=[],
        top_p=None,
        parallel_tool_calls=False,
        status="completed",
        usage=ResponseUsage(
            input_tokens=7,
            output_tokens=11,
            total_tokens=18,
            input_tokens_details=InputTokensDetails(cached_tokens=0, cache_write_tokens=0),
            output_tokens_details=OutputTokensDetails(reasoning_tokens=0),
        ),
    )


async def _collect(manager: RunManager, run_id: str, *, after: int = 0) -> list[RunEventRecord]:
    """Every event of the run after `after`, up to its terminal event (bounded in time)."""
    async with asyncio.timeout(BOUND_SECONDS):
        return [record async for record in manager.events(run_id, after=after)]


async def _next_event(
    events: AsyncIterator[RunEventRecord], name: str, seen: list[RunEventRecord]
) -> RunEventRecord:
    """Read `events` (appending to `seen`) until one named `name` arrives."""
    async with asyncio.timeout(BOUND_SECONDS):
        async for record in events:
            seen.append(record)
            if record.event == name:
                return record
    raise AssertionError(f"the stream ended without {name}: {[r.event for r in seen]}")


@pytest.fixture
def collect() -> Callable[..., Any]:
    return _collect


@pytest.fixture
def next_event() -> Callable[..., Any]:
    return _next_event
