"""The in-process target: the agent graph in this process, conversations in a scratch SQLite.

One engine and one graph per profile serve the whole evaluation run; each case is a new
conversation, and its turns share the conversation's session exactly as the API's do
(history in `SqlSessionStore`, the next turn starting with the agent that answered last).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from agents import Model
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.question import QuestionError, validate_question
from ask_applicant.agents.turn import Turn, TurnOutcome, failure_code
from ask_applicant.evaluation.transcript import ToolCall, Transcript, TurnRecord, Usage
from ask_applicant.persistence import (
    SqlSessionStore,
    create_engine,
    open_db,
    upgrade_to_head_async,
)
from ask_applicant.persistence.sessions import create_session, set_current_agent
from ask_applicant.persistence.users import get_or_create_user
from ask_applicant.profile import Profile, load_profile
from ask_applicant.settings import Settings

EVAL_USER_NAME = "evaluation"


def _record(question: str, outcome: TurnOutcome, session_id: str) -> TurnRecord:
    return TurnRecord(
        question=question,
        answer=outcome.answer,
        agent=outcome.agent,
        handoffs=list(outcome.handoffs),
        tool_calls=[
            ToolCall(name=c.name, arguments=c.arguments, agent=c.agent, output=c.output)
            for c in outcome.tool_calls
        ],
        refused=outcome.refused,
        guardrail=outcome.guardrail,
        usage=Usage(
            requests=outcome.usage.requests,
            input_tokens=outcome.usage.input_tokens,
            output_tokens=outcome.usage.output_tokens,
            total_tokens=outcome.usage.total_tokens,
        ),
        session_id=session_id,
    )


class InProcessTarget:
    """Runs conversations through the agent graph in this process.

    Create it with `open_in_process_target`, which owns the scratch database.

    Args:
        settings: The settings (model, limits, default profile).
        engine: The scratch database's engine.
        user_id: The user the conversations belong to.
        model: The model for every agent: "offline" or an SDK model.
    """

    def __init__(
        self, *, settings: Settings, engine: AsyncEngine, user_id: str, model: Model | str
    ) -> None:
        self.settings = settings
        self._engine = engine
        self._user_id = user_id
        self._model = model
        self._graphs: dict[Path, tuple[Profile, AgentGraph]] = {}

    @property
    def description(self) -> str:
        """`in-process, model NAME`."""
        return f"in-process, model {self.settings.model}"

    def prepare(self, profile: Path | None) -> tuple[Profile, AgentGraph]:
        """Load `profile` (None: the settings') and build its graph, once per profile.

        Raises:
            ProfileError: When the profile cannot be loaded.
        """
        path = (profile or self.settings.profile_path).resolve()
        if path not in self._graphs:
            loaded = load_profile(path)
            self._graphs[path] = (loaded, build_agent_graph(profile=loaded, model=self._model))
        return self._graphs[path]

    async def converse(self, questions: Sequence[str], *, profile: Path | None) -> Transcript:
        """Ask `questions` in one new conversation; see `Target.converse`."""
        loaded, graph = self.prepare(profile)
        async with open_db(self._engine) as db:
            chat = await create_session(db, owner_id=self._user_id, title=questions[0][:80])
        session = SqlSessionStore(chat.id, engine=self._engine)
        context = ChatContext(self._user_id, chat.id, loaded, self.settings)
        transcript = Transcript()
        agent: str | None = None
        for question in questions:
            record = await self._turn(graph, context, session, question, agent)
            transcript.turns.append(record)
            if record.error is not None:
                break
            agent = record.agent
            async with open_db(self._engine) as db:
                await set_current_agent(db, session_id=chat.id, agent=agent or "triage")
        return transcript

    async def _turn(
        self,
        graph: AgentGraph,
        context: ChatContext,
        session: SqlSessionStore,
        question: str,
        starting_key: str | None,
    ) -> TurnRecord:
        try:
            checked = validate_question(question, max_chars=self.settings.max_message_chars)
        except QuestionError as error:
            return TurnRecord(question=question, error=f"invalid question: {error}")
        turn = Turn(
            graph=graph,
            context=context,
            question=checked,
            session=session,
            starting_key=starting_key,
        )
        started = time.perf_counter()
        first_text: float | None = None
        try:
            async with asyncio.timeout(self.settings.run_timeout_seconds):
                async for event in turn.events():
                    if first_text is None and event.type == "message.delta":
                        first_text = time.perf_counter()
        except Exception as error:  # reported in the transcript: one failed case, not the run
            elapsed = (time.perf_counter() - started) * 1000
            message = f"{failure_code(error)}: {error or type(error).__name__}"
            return TurnRecord(
                question=question, latency_ms=elapsed, session_id=context.session_id, error=message
            )
        record = _record(question, turn.outcome, context.session_id)
        record.latency_ms = (time.perf_counter() - started) * 1000
        if first_text is not None:
            record.first_text_ms = (first_text - started) * 1000
        return record


@asynccontextmanager
async def open_in_process_target(
    settings: Settings, *, model: Model | str, profiles: Sequence[Path | None] = ()
) -> AsyncIterator[InProcessTarget]:
    """An `InProcessTarget` over a scratch SQLite database, removed afterwards.

    Args:
        settings: The settings (`model` names the model for reports).
        model: "offline" or an SDK model, from `select_model`.
        profiles: Profiles to load up front, so a broken one fails before any case runs.

    Raises:
        ProfileError: When one of `profiles` cannot be loaded.
    """
    with tempfile.TemporaryDirectory(prefix="ask-applicant-eval-") as scratch:
        url = f"sqlite+aiosqlite:///{Path(scratch) / 'eval.db'}"
        await upgrade_to_head_async(url)
        engine = create_engine(url)
        try:
            async with open_db(engine) as db:
                user = await get_or_create_user(db, name=EVAL_USER_NAME, role="recruiter")
            target = InProcessTarget(
                settings=settings.model_copy(update={"database_url": url}),
                engine=engine,
                user_id=user.id,
                model=model,
            )
            for profile in profiles:
                target.prepare(profile)
            yield target
        finally:
            await engine.dispose()
