"""`RunAdmission`: whether a message starts a run, finds its earlier run, or is refused.

Three guarantees live here. A key never has more than its cap of runs in progress in
this process: a slot is taken with no `await` between the check and the count; with
Redis, a second slot is taken there in one atomic script, so the cap holds across
every worker (while Redis is away, each worker counts its own only). Copies
of one `client_message_id` arriving here at once go one after another, so the later
ones find the run the first one stored (between processes, the database's unique
constraints decide). An id that already named a different message is refused.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.agents.graph import AgentGraph
from ask_applicant.persistence import open_db
from ask_applicant.persistence.models import ChatSession, Run
from ask_applicant.persistence.openings import open_conversation
from ask_applicant.persistence.runs import create_run, find_run_by_client_message_id
from ask_applicant.persistence.sessions import get_session
from ask_applicant.server.runs.errors import (
    ClientMessageIdReusedError,
    SessionNotFoundError,
    TooManyRunsError,
)
from ask_applicant.server.runs.process_identity import ProcessIdentity
from ask_applicant.server.runs.requests import conversation_title, plausible_id
from ask_applicant.server.scale_out.link import RedisUnavailableError

if TYPE_CHECKING:
    from ask_applicant.server.scale_out import SharedLimits


@dataclass(frozen=True)
class Admitted:
    """What a message was given.

    Attributes:
        run: The new run, or the earlier run of a repeated `client_message_id`.
        created: True for a new run: it holds a slot until `RunAdmission.release`.
        starting_key: The agent a new run starts with.
        shared_slot: The new run's slot in Redis (None without Redis, or while it is away).
    """

    run: Run
    created: bool
    starting_key: str
    shared_slot: str | None = None


class RunAdmission:
    """Stores new runs (and new conversations) for one process, within each key's cap.

    Args:
        engine: The process's engine.
        graph: The agent graph (which agent a conversation continues with).
        identity: This process, recorded on every run it will answer.
        shared: The cap shared with other workers through Redis (None: this process only).
        slot_ttl: Seconds after which a shared slot lapses if its worker never gives it back.
    """

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        graph: AgentGraph,
        identity: ProcessIdentity,
        shared: SharedLimits | None = None,
        slot_ttl: float = 3600.0,
    ):
        self._engine = engine
        self._shared = shared
        self._slot_ttl = slot_ttl
        self._returning: set[asyncio.Task[None]] = set()
        self._graph = graph
        self._owner = identity.dumps()
        self._slots = RunSlots()
        self._starting: dict[tuple[str, str | None, str], asyncio.Event] = {}

    async def admit(
        self,
        *,
        user_id: str,
        session_id: str | None,
        message: str,
        client_message_id: str | None,
        owner_scope: str | None,
        max_active: int | None,
    ) -> Admitted:
        """Store a new run for `message`, or find the run its `client_message_id` started.

        Raises:
            SessionNotFoundError: No such conversation within `owner_scope`.
            SessionBusyError: The conversation is answering another message.
            TooManyRunsError: `max_active` runs of this user are in progress here.
            ClientMessageIdReusedError: `client_message_id` already named another message.
        """
        if client_message_id is None:
            return await self._admit(user_id, session_id, message, None, owner_scope, max_active)
        key = (user_id, session_id, client_message_id)
        while (earlier := self._starting.get(key)) is not None:
            await earlier.wait()
        self._starting[key] = started = asyncio.Event()
        try:
            return await self._admit(
                user_id, session_id, message, client_message_id, owner_scope, max_active
            )
        finally:
            del self._starting[key]
            started.set()

    def release(self, user_id: str, shared_slot: str | None = None) -> None:
        """Give back the slots of a run that `admit` created, once it has ended."""
        self._slots.give_back(user_id)
        if self._shared is not None and shared_slot is not None:
            task = asyncio.create_task(self._shared.give_back(user_id, shared_slot))
            self._returning.add(task)
            task.add_done_callback(self._returning.discard)

    async def _take_shared(self, user_id: str, cap: int | None) -> str | None:
        if self._shared is None or cap is None:
            return None
        try:
            slot = await self._shared.take_slot(user_id, cap, ttl=self._slot_ttl)
        except RedisUnavailableError:
            return None  # Logged by the link; this worker's own cap still holds.
        if slot is None:
            raise TooManyRunsError(f"{cap} runs already in progress")
        return slot

    def active_count(self, user_id: str) -> int:
        """Runs of `user_id` in progress (or being stored) in this process."""
        return self._slots.count(user_id)

    async def _admit(
        self,
        user_id: str,
        session_id: str | None,
        message: str,
        client_message_id: str | None,
        owner_scope: str | None,
        max_active: int | None,
    ) -> Admitted:
        async with open_db(self._engine) as db:
            chat = None
            if session_id is not None:
                chat = await _conversation(db, session_id=session_id, owner_scope=owner_scope)
            starting_key = self._graph.key_of(
                self._graph.starting_agent(chat.current_agent if chat else None)
            )
            if client_message_id is not None:
                existing = await find_run_by_client_message_id(
                    db, client_message_id=client_message_id, session_id=session_id, user_id=user_id
                )
                if existing is not None:
                    return Admitted(_same_message(existing, message), False, starting_key)
            if not self._slots.take(user_id, max_active):
                raise TooManyRunsError(f"{max_active} runs already in progress")
            shared_slot = None
            try:
                shared_slot = await self._take_shared(user_id, max_active)
                run, created = await self._store(
                    db, chat, user_id, message, client_message_id, starting_key
                )
            except BaseException:
                self.release(user_id, shared_slot)
                raise
        if not created:
            self.release(user_id, shared_slot)
            return Admitted(_same_message(run, message), False, starting_key)
        return Admitted(run, True, starting_key, shared_slot)

    async def _store(
        self,
        db: AsyncSession,
        chat: ChatSession | None,
        user_id: str,
        message: str,
        client_message_id: str | None,
        starting_key: str,
    ) -> tuple[Run, bool]:
        if chat is None:
            return await open_conversation(
                db,
                user_id=user_id,
                title=conversation_title(message),
                message=message,
                client_message_id=client_message_id,
                agent=starting_key,
                owner_process=self._owner,
            )
        return await create_run(
            db,
            session_id=chat.id,
            user_id=user_id,
            message=message,
            client_message_id=client_message_id,
            agent=starting_key,
            owner_process=self._owner,
        )


class RunSlots:
    """Per-user counts of runs in progress, taken before a run is stored.

    `take` checks and counts in one step with no `await` in between, so of any number of
    simultaneous requests exactly the cap get a slot; a slot is given back when its run
    ends, or at once when no run was started after all.
    """

    def __init__(self) -> None:
        self._taken: Counter[str] = Counter()

    def take(self, user_id: str, cap: int | None) -> bool:
        """Count one more run of `user_id`; False (nothing counted) when `cap` are taken."""
        if cap is not None and self._taken[user_id] >= cap:
            return False
        self._taken[user_id] += 1
        return True

    def give_back(self, user_id: str) -> None:
        """Return a slot taken by `take`."""
        self._taken[user_id] -= 1
        if self._taken[user_id] <= 0:
            del self._taken[user_id]

    def count(self, user_id: str) -> int:
        """The slots `user_id` holds now."""
        return self._taken[user_id]


def _same_message(run: Run, message: str) -> Run:
    if run.message != message:
        raise ClientMessageIdReusedError(run.id)
    return run


async def _conversation(
    db: AsyncSession, *, session_id: str, owner_scope: str | None
) -> ChatSession:
    chat = None
    if plausible_id(session_id):
        chat = await get_session(db, session_id=session_id, owner_id=owner_scope)
    if chat is None:
        raise SessionNotFoundError(f"no conversation with id {session_id!r}")
    return chat
