"""Starting a run for an adapter and reading its stored events, with keep-alives.

Both are the ones `POST /v1/chat` uses: the same validation, owner checks, per-key
concurrency cap and idempotency; errors are raised as `Problem`s, which each adapter
turns into its own protocol's error shape.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from ask_applicant.agents.question import QuestionError, validate_question
from ask_applicant.persistence import Run, User
from ask_applicant.server.problems import Problem
from ask_applicant.server.routes.chat import start_run
from ask_applicant.server.runs import RunEventRecord, RunManager
from ask_applicant.server.runs.delivery import event_batches
from ask_applicant.server.schemas import ChatRequest
from ask_applicant.settings import Settings


def checked_question(text: str, settings: Settings) -> str:
    """The question as a run will receive it.

    Raises:
        Problem: 422 when it is empty, too long or holds control characters.
    """
    try:
        return validate_question(text, max_chars=settings.max_message_chars)
    except QuestionError as error:
        raise Problem(422, f"message: {error}", kind="invalid-message") from None


async def ask(
    runs: RunManager,
    settings: Settings,
    user: User,
    *,
    message: str,
    session_id: str | None,
    client_message_id: str | None = None,
) -> Run:
    """Start (or find, for a repeated `client_message_id`) the run answering `message`.

    Raises:
        Problem: 422 bad message, 404 unknown or foreign conversation, 409 busy
            conversation, 429 too many runs of this key, 503 shutting down.
    """
    request = ChatRequest.model_construct(
        message=checked_question(message, settings),
        session_id=session_id,
        client_message_id=client_message_id,
    )
    return await start_run(request, user, runs, settings)


async def records_with_keepalive(
    runs: RunManager, run_id: str, *, after: int, keepalive_seconds: float
) -> AsyncIterator[RunEventRecord | None]:
    """The run's stored events after `after`, to its terminal one; None after each
    `keepalive_seconds` of silence, so a stream can send something proxies keep open for.

    The events are read as `event_batches` reads them.
    """
    batches = event_batches(runs, run_id, after=after, keepalive_seconds=keepalive_seconds)
    # Closed with this iteration, so that its reading task stops when the client goes away.
    async with contextlib.aclosing(batches):
        async for batch in batches:
            if not batch:
                yield None
            for record in batch:
                yield record
