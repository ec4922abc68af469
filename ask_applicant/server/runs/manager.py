"""`RunManager`: starts server-owned runs, streams, waits for and cancels them.

A run belongs to the server, not to the request that asked for it: a task answers it
and writes every event to `run_events`, so a client that disconnects can come back, on
any worker, and read exactly what it missed. Create one manager per process in the
app's lifespan and close it at shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from agents import RunConfig
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.agents.graph import AgentGraph
from ask_applicant.persistence import open_db
from ask_applicant.persistence.models import Run
from ask_applicant.persistence.runs import (
    TERMINAL_STATUSES,
    end_run_elsewhere,
    get_run,
)
from ask_applicant.profile import Profile
from ask_applicant.server.runs.admission import RunAdmission
from ask_applicant.server.runs.channel import RunChannel
from ask_applicant.server.runs.errors import (
    RunManagerClosedError,
    RunNotFoundError,
)
from ask_applicant.server.runs.execution import RunExecution
from ask_applicant.server.runs.failures import SERVER_STOPPED
from ask_applicant.server.runs.follower import POLL_INTERVAL_SECONDS, follow_run
from ask_applicant.server.runs.process_identity import ProcessIdentity
from ask_applicant.server.runs.record import RunEventRecord
from ask_applicant.server.runs.recorder import FLUSH_BATCH_SIZE, FLUSH_INTERVAL_SECONDS, RunRecorder
from ask_applicant.server.runs.requests import (
    check_run_request,
    plausible_id,
)
from ask_applicant.server.runs.stopping import stop_task
from ask_applicant.server.runs.sweeper import end_orphaned_runs, sweep_forever, sweep_stale_runs
from ask_applicant.settings import Settings

if TYPE_CHECKING:
    from ask_applicant.server.scale_out import RedisParts

logger = logging.getLogger(__name__)

CANCEL_GRACE_SECONDS = 5.0
SHUTDOWN_GRACE_SECONDS = 2.0


class RunManager:
    """Every run this process answers, and the way to follow any run in the database.

    Args:
        engine: The process's engine.
        graph: The agent graph.
        profile: The applicant.
        settings: Limits: max_turns, run_timeout_seconds, max_message_chars,
            heartbeat_seconds, stale_run_seconds.
        run_config: Extra SDK run configuration for every run.
        poll_interval: How often a listener of another worker's run looks for events.
        sweep_interval: Seconds between sweeps (default: half of `stale_run_seconds`).
        flush_interval: Longest time an event waits before it is stored.
        batch_size: Waiting events that trigger a write at once.
        cancel_grace: Seconds a cancelled run may take to stop before its task is cut.
        shutdown_grace: Seconds `aclose` lets running answers finish.
        redis: Redis parts shared with other workers (live events, cancels, the
            per-key cap); None without `REDIS_URL`.
    """

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        graph: AgentGraph,
        profile: Profile,
        settings: Settings,
        run_config: RunConfig | None = None,
        poll_interval: float = POLL_INTERVAL_SECONDS,
        sweep_interval: float | None = None,
        flush_interval: float = FLUSH_INTERVAL_SECONDS,
        batch_size: int = FLUSH_BATCH_SIZE,
        cancel_grace: float = CANCEL_GRACE_SECONDS,
        shutdown_grace: float = SHUTDOWN_GRACE_SECONDS,
        redis: RedisParts | None = None,
    ) -> None:
        self._engine = engine
        self._graph = graph
        self._profile = profile
        self._settings = settings
        self._run_config = run_config
        self._poll_interval = poll_interval
        self._sweep_interval = sweep_interval or settings.stale_run_seconds / 2
        self._flush_interval = flush_interval
        self._batch_size = batch_size
        self._cancel_grace = cancel_grace
        self._shutdown_grace = shutdown_grace
        self._live: dict[str, RunExecution] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._sweeper: asyncio.Task[None] | None = None
        self._stop_sweeping = asyncio.Event()
        self._identity = ProcessIdentity.current()
        self._redis = redis
        self._admission = RunAdmission(
            engine=engine,
            graph=graph,
            identity=self._identity,
            shared=redis.limits if redis is not None else None,
            # A slot outlives its run only when its worker died holding it.
            slot_ttl=settings.run_timeout_seconds + settings.db_outage_grace_seconds + 60,
        )
        self._closed = False
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # Started on first use instead.
        self._start_sweeper()

    async def start(
        self,
        *,
        user_id: str,
        session_id: str | None,
        message: str,
        client_message_id: str | None,
        owner_scope: str | None,
        max_active: int | None = None,
    ) -> Run:
        """Start answering `message`; returns once the run and its first event are stored.

        Args:
            user_id: Who asks (an existing user).
            session_id: The conversation; None starts one owned by `user_id`, titled
                after the message.
            message: The question.
            client_message_id: The client's id for this message: sending it again on the
                same conversation (or, without `session_id`, from the same user) returns
                the same run and calls no model again, even when the copies arrive at once.
            owner_scope: The user whose conversations may be used; None for any (owner).
            max_active: Refuse a new run when `user_id` already has this many in
                progress here; a repeated `client_message_id` is still answered.

        Returns:
            The new run (status `running`), or the earlier run of a repeated
            `client_message_id`.

        Raises:
            InvalidRunRequestError: Empty, too long or undecodable message or id.
            SessionNotFoundError: No such conversation within `owner_scope`.
            SessionBusyError: The conversation is answering another message.
            RunManagerClosedError: The server is shutting down.
            TooManyRunsError: `max_active` runs of this user are in progress.
            ClientMessageIdReusedError: `client_message_id` already named another message.
        """
        if self._closed:
            raise RunManagerClosedError("the server is shutting down")
        check_run_request(message, client_message_id, max_chars=self._settings.max_message_chars)
        self._start_sweeper()
        admitted = await self._admission.admit(
            user_id=user_id,
            session_id=session_id,
            message=message,
            client_message_id=client_message_id,
            owner_scope=owner_scope,
            max_active=max_active,
        )
        if admitted.created:
            self._launch(admitted.run, admitted.starting_key, admitted.shared_slot)
        return admitted.run

    async def events(
        self, run_id: str, *, after: int = 0, owner_scope: str | None = None
    ) -> AsyncIterator[RunEventRecord]:
        """The run's events after seq `after`: stored ones first, then live ones.

        Use as `async for record in manager.events(run_id, after=n)`. Ends after the
        terminal event (at once for a finished run whose end the listener has seen).
        Works for runs of any process: another worker's run is followed through Redis
        when there is one, else by polling the database. Check the run exists (`get`)
        before answering a request with a stream.

        Args:
            run_id: The run.
            after: The last seq the listener has (from `Last-Event-ID`); 0 for all.
            owner_scope: The user whose conversations may be read; None for any.

        Raises:
            RunNotFoundError: No such run within `owner_scope` (at the first iteration).
        """
        if await self.get(run_id, owner_scope=owner_scope) is None:
            raise RunNotFoundError(run_id)
        async for record in follow_run(
            engine=self._engine,
            run_id=run_id,
            after=after,
            channel_of=self._channel_of,
            poll_interval=self._poll_interval,
            streams=self._redis.streams if self._redis is not None else None,
        ):
            yield record

    async def wait(self, run_id: str) -> Run:
        """The run once it has finished (completed, failed or cancelled).

        Raises:
            RunNotFoundError: No such run.
        """
        while True:
            run = await self.get(run_id)
            if run is None:
                raise RunNotFoundError(run_id)
            if run.status in TERMINAL_STATUSES:
                return run
            execution = self._live.get(run_id)
            if execution is not None:
                await execution.done.wait()
            else:
                await asyncio.sleep(self._poll_interval)

    async def cancel(self, run_id: str, *, owner_scope: str | None = None) -> Run:
        """Stop the run if it is still answering; idempotent.

        The run ends with `run.cancelled {partial_text}` and keeps its partial answer. A
        finished run is returned as it is. A run of another worker is cancelled by that
        worker at once when Redis carries the cancel to it; otherwise it is ended in the
        database, and that worker notices at its next write or heartbeat.

        Raises:
            RunNotFoundError: No such run within `owner_scope`.
        """
        run = await self.get(run_id, owner_scope=owner_scope)
        if run is None:
            raise RunNotFoundError(run_id)
        if run.status in TERMINAL_STATUSES:
            return run
        execution = self._live.get(run_id)
        if execution is not None:
            execution.cancel()
            await self._wait_stopped(execution, self._cancel_grace)
        elif not await self._cancel_at_owner(run):
            async with open_db(self._engine) as db:
                await end_run_elsewhere(db, run_id=run_id, status="cancelled")
        final = await self.get(run_id)
        if final is None:  # Deleted with its conversation meanwhile.
            raise RunNotFoundError(run_id)
        return final

    def cancel_here(self, run_id: str) -> None:
        """Cancel a run of this process at another worker's request (no-op when not here)."""
        execution = self._live.get(run_id)
        if execution is not None:
            execution.cancel()

    async def _cancel_at_owner(self, run: Run) -> bool:
        # True once the owner, told through Redis, has ended the run (with its partial text).
        if self._redis is None or not run.owner_process:
            return False
        if not await self._redis.cancels.send(run.owner_process, run.id):
            return False
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self._cancel_grace):
                await self.wait(run.id)
                return True
        return False

    async def get(self, run_id: str, *, owner_scope: str | None = None) -> Run | None:
        """The run as stored now; None when unknown or outside `owner_scope`.

        Args:
            run_id: The run's id (any string: malformed ids are simply not found).
            owner_scope: The user whose conversations may be read; None for any.
        """
        if not plausible_id(run_id):
            return None
        async with open_db(self._engine, read_only=True) as db:
            return await get_run(db, run_id=run_id, owner_id=owner_scope)

    def active_count(self, user_id: str) -> int:
        """How many runs of `user_id` this process is answering (or starting) now."""
        return self._admission.active_count(user_id)

    async def sweep_stale(self) -> int:
        """End the runs whose process died: provably gone, or heartbeat too old.

        Returns:
            How many runs were marked failed.
        """
        orphans = await self.end_orphaned()
        return orphans + await sweep_stale_runs(
            engine=self._engine,
            stale_seconds=self._settings.stale_run_seconds,
            skip=set(self._live),
        )

    async def end_orphaned(self) -> int:
        """End at once the runs of processes on this host that are gone (a crash).

        Called when the server starts, before it serves; runs of other hosts are left
        to the heartbeat sweep.

        Returns:
            How many runs were marked failed.
        """
        return await end_orphaned_runs(
            engine=self._engine, here=self._identity, skip=set(self._live)
        )

    async def aclose(self) -> None:
        """Stop the sweeper, let running answers finish briefly, then stop the rest.

        A run stopped here ends with `run.failed` (code `internal`); no run is left
        `running`. Starting new runs afterwards raises `RunManagerClosedError`.
        """
        self._closed = True
        if self._sweeper is not None:
            # The event ends the loop even if the cancel is lost (see `sweep_forever`).
            self._stop_sweeping.set()
            self._sweeper.cancel()
            await asyncio.wait([self._sweeper])
            self._sweeper = None
        running = list(self._live.values())
        if running and self._shutdown_grace > 0:
            finished = asyncio.gather(*(run.done.wait() for run in running))
            with contextlib.suppress(TimeoutError):  # The rest are stopped below.
                await asyncio.wait_for(finished, self._shutdown_grace)
        for execution in running:
            if not execution.done.is_set():
                execution.stop(SERVER_STOPPED)
        await asyncio.gather(*(self._wait_stopped(run, self._cancel_grace) for run in running))
        if self._tasks:
            await asyncio.wait(list(self._tasks.values()))

    def _launch(self, run: Run, starting_key: str, slot: str | None) -> None:
        created = {"run_id": run.id, "session_id": run.session_id, "agent": run.agent}
        channel = RunChannel(RunEventRecord(1, "run.created", created, run.id))
        execution = RunExecution(
            engine=self._engine,
            graph=self._graph,
            profile=self._profile,
            settings=self._settings,
            run_config=self._run_config,
            run_id=run.id,
            user_id=run.user_id,
            session_id=run.session_id,
            message=run.message,
            starting_key=starting_key,
            channel=channel,
            recorder=RunRecorder(
                engine=self._engine,
                channel=channel,
                flush_interval=self._flush_interval,
                batch_size=self._batch_size,
                outage_grace=self._settings.db_outage_grace_seconds,
                streams=self._redis.streams if self._redis is not None else None,
            ),
        )
        self._live[run.id] = execution
        task = asyncio.create_task(execution.run(), name=f"run {run.id}")
        self._tasks[run.id] = task

        def forget(done: asyncio.Task[None]) -> None:
            self._tasks.pop(run.id, None)
            self._live.pop(run.id, None)
            self._admission.release(run.user_id, slot)
            if not done.cancelled() and done.exception() is not None:
                logger.error("run %s task crashed", run.id, exc_info=done.exception())

        task.add_done_callback(forget)

    async def _wait_stopped(self, execution: RunExecution, grace: float) -> None:
        try:
            await asyncio.wait_for(asyncio.shield(execution.done.wait()), grace)
        except TimeoutError:
            logger.warning("run %s did not stop within %.1fs; cutting it", execution.run_id, grace)
            task = self._tasks.get(execution.run_id)
            if task is not None:
                # Repeated: on Python 3.11 one cancel can be lost in a MySQL read.
                with contextlib.suppress(Exception):  # A crash is logged by `forget`.
                    await stop_task(task)
            await execution.done.wait()

    def _channel_of(self, run_id: str) -> RunChannel | None:
        execution = self._live.get(run_id)
        return execution.channel if execution is not None else None

    def _start_sweeper(self) -> None:
        if self._sweeper is None and not self._closed:
            self._sweeper = asyncio.create_task(
                sweep_forever(
                    self.sweep_stale, interval=self._sweep_interval, stop=self._stop_sweeping
                ),
                name="run sweeper",
            )
