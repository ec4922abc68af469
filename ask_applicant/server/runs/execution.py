"""`RunExecution`: the task that answers one run and records how it went."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from agents import RunConfig
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.agents.answer_kind import answer_kind
from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import AgentGraph
from ask_applicant.agents.history import bounded_history
from ask_applicant.agents.turn import Turn, TurnOutcome
from ask_applicant.persistence import SqlSessionStore, open_db
from ask_applicant.persistence.outage import DatabaseUnavailableError, is_unavailable
from ask_applicant.persistence.runs import RunEnding, RunTakenOverError, touch_run
from ask_applicant.profile import Profile
from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.failures import (
    DATABASE_UNAVAILABLE,
    INTERNAL,
    TIMEOUT,
    Failure,
    failure_of,
)
from ask_applicant.server.runs.recorder import RunRecorder
from ask_applicant.settings import Settings

logger = logging.getLogger(__name__)


class RunExecution:
    """One run in this process: its turn, heartbeat, recorder and live channel.

    While the database is unreachable, the run goes on answering: its events wait in
    the recorder and its conversation's writes are retried, each for
    `db_outage_grace_seconds`. A write (or heartbeat) that outlasts it stops the run
    with `database_unavailable`.

    Args:
        engine: The process's engine.
        graph: The agent graph.
        profile: The applicant.
        settings: Limits (max_turns, run_timeout_seconds, heartbeat_seconds).
        run_config: Extra SDK run configuration.
        run_id: The run (its row and `run.created` event are stored).
        user_id: Who asked.
        session_id: The conversation.
        message: The question.
        starting_key: The agent the conversation continues with.
        channel: The run's live channel.
        recorder: The run's event writer.
    """

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        graph: AgentGraph,
        profile: Profile,
        settings: Settings,
        run_config: RunConfig | None,
        run_id: str,
        user_id: str,
        session_id: str,
        message: str,
        starting_key: str,
        channel: RunChannel,
        recorder: RunRecorder,
    ) -> None:
        self.run_id = run_id
        self.user_id = user_id
        self.channel = channel
        self.done = asyncio.Event()
        self._engine = engine
        self._settings = settings
        self._recorder = recorder
        self._agent = starting_key
        self._stop: Failure | None = None
        self._taken_over = False
        self._ended = asyncio.Event()
        recorder.on_unavailable = self._database_gone
        self._turn = Turn(
            graph=graph,
            context=ChatContext(user_id, session_id, profile, settings, engine=engine),
            question=message,
            session=SqlSessionStore(
                session_id, engine=engine, outage_grace=settings.db_outage_grace_seconds
            ),
            starting_key=starting_key,
            max_turns=settings.max_turns,
            run_config=bounded_history(run_config, settings.max_history_items),
        )

    def cancel(self) -> None:
        """Stop the run for its asker: it ends with `run.cancelled` and its partial text."""
        self._turn.cancel()

    def stop(self, failure: Failure) -> None:
        """Stop the run for the server's sake: it ends with `run.failed` and `failure`."""
        self._stop = failure
        self._turn.cancel()

    async def run(self) -> None:
        """Answer the question and record every event; the terminal one comes last.

        Never raises except `CancelledError`, and even then the run's end is recorded.
        """
        heartbeat = asyncio.create_task(self._heartbeat())
        interrupted = False
        try:
            try:
                ending, event, data = await self._answer()
            except asyncio.CancelledError:
                # Cancelled from outside: shutdown, or a cancel that did not stop in time.
                interrupted = True
                ending, event, data = self._stopped(self._stop)
            self._ended.set()
            await asyncio.wait([heartbeat])
            await self._recorder.aclose()
            await self._finish(ending, event, data)
        finally:
            self._ended.set()
            self.channel.close()
            self.done.set()
        if interrupted:
            raise asyncio.CancelledError

    async def _answer(self) -> tuple[RunEnding, str, dict[str, Any]]:
        try:
            async with asyncio.timeout(self._settings.run_timeout_seconds):
                async for turn_event in self._turn.events():
                    if turn_event.type == "agent.updated":
                        self._agent = str(turn_event.data.get("agent", self._agent))
                    await self._recorder.emit(turn_event.type, turn_event.data)
        except TimeoutError:
            return self._failed(TIMEOUT)
        except RunTakenOverError:
            self._taken_over = True
            self._turn.cancel()
            return self._failed(INTERNAL)
        except DatabaseUnavailableError:
            logger.warning("run %s stopped: the database stayed unreachable", self.run_id)
            return self._failed(DATABASE_UNAVAILABLE)
        except Exception as exc:
            logger.exception("run %s failed", self.run_id)
            return self._failed(failure_of(exc))
        outcome = self._turn.outcome
        if outcome.cancelled:
            ending, event, data = self._stopped(self._stop)
            return ending, event, data
        return self._completed(outcome)

    def _completed(self, outcome: TurnOutcome) -> tuple[RunEnding, str, dict[str, Any]]:
        usage = {
            "requests": outcome.usage.requests,
            "input_tokens": outcome.usage.input_tokens,
            "output_tokens": outcome.usage.output_tokens,
            "total_tokens": outcome.usage.total_tokens,
        }
        ending = RunEnding(
            status="completed",
            final_text=outcome.answer,
            agent=outcome.agent,
            refused=outcome.refused,
            answer_kind=answer_kind(outcome),
            usage=usage,
        )
        data = {"run_id": self.run_id, "agent": outcome.agent, "usage": usage}
        return ending, "run.completed", data

    def _stopped(self, failure: Failure | None) -> tuple[RunEnding, str, dict[str, Any]]:
        if failure is not None:
            return self._failed(failure)
        partial = self._turn.partial_text
        ending = RunEnding(status="cancelled", final_text=partial, agent=self._agent)
        return ending, "run.cancelled", {"partial_text": partial}

    def _failed(self, failure: Failure) -> tuple[RunEnding, str, dict[str, Any]]:
        ending = RunEnding(
            status="failed",
            final_text=self._turn.partial_text,
            agent=self._agent,
            error_code=failure.code,
            error_message=failure.message,
        )
        return ending, "run.failed", failure.to_data()

    async def _finish(self, ending: RunEnding, event: str, data: dict[str, Any]) -> None:
        if self._taken_over:
            return
        try:
            await self._recorder.finish(ending, event, data)
        except RunTakenOverError:
            logger.info("run %s was ended elsewhere before it finished here", self.run_id)
        except Exception:
            # Nothing more to try here: the sweeper ends the run once its heartbeat is old.
            logger.exception("could not record the end of run %s", self.run_id)

    def _database_gone(self) -> None:
        self._recorder.give_up_on_database()
        self.stop(DATABASE_UNAVAILABLE)

    async def _heartbeat(self) -> None:
        # Waits on an event rather than being cancelled, so a write is never cut short.
        loop = asyncio.get_running_loop()
        unreachable_since: float | None = None
        while not self._ended.is_set():
            try:
                await asyncio.wait_for(self._ended.wait(), self._settings.heartbeat_seconds)
                return
            except TimeoutError:
                pass
            try:
                async with open_db(self._engine) as db:
                    alive = await touch_run(db, run_id=self.run_id)
            except Exception as error:
                if not is_unavailable(error):
                    logger.warning("heartbeat of run %s failed", self.run_id, exc_info=True)
                    continue
                # Even a run with nothing to write cannot outlive the grace.
                unreachable_since = unreachable_since or loop.time()
                if loop.time() - unreachable_since >= self._settings.db_outage_grace_seconds:
                    self._database_gone()
                    return
                logger.warning("heartbeat of run %s: the database is unreachable", self.run_id)
                continue
            unreachable_since = None
            if not alive:
                # Ended elsewhere (a cancel on another worker, or the sweeper).
                self._taken_over = True
                self._turn.cancel()
                return
