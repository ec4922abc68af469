"""`/v1/runs/{run_id}`: a run's state, its resumable event stream, and cancelling it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query

from ask_applicant.persistence import Run, open_db
from ask_applicant.persistence.runs import TERMINAL_STATUSES, get_run
from ask_applicant.server.auth import not_found, visible_owner
from ask_applicant.server.deps import CurrentUser, RunManagerDep, ServicesDep
from ask_applicant.server.event_stream import EventStreamResponse, resume_point, sse_events
from ask_applicant.server.problems import Problem, StreamOver
from ask_applicant.server.runs import RunNotFoundError
from ask_applicant.server.schemas import RunView, is_id
from ask_applicant.server.views import run_view

router = APIRouter(prefix="/v1/runs", tags=["runs"])

MAX_SEQ = 1_000_000_000


async def visible_run(run_id: str, user: CurrentUser, services: ServicesDep) -> Run:
    """The run, if the caller may see it (owner: any; recruiter: their own).

    Raises:
        Problem: 404 for a malformed, unknown or someone else's run id.
    """
    if not is_id(run_id):
        raise not_found("run")
    async with open_db(services.engine, read_only=True) as db:
        run = await get_run(db, run_id=run_id, owner_id=visible_owner(user))
    if run is None:
        raise not_found("run")
    return run


VisibleRun = Annotated[Run, Depends(visible_run)]


@router.get("/{run_id}", response_model=RunView)
async def read_run(run: VisibleRun) -> RunView:
    """A run's status and summary: answer so far (final once finished), agent, usage."""
    return run_view(run)


@router.post("/{run_id}/cancel", response_model=RunView)
async def cancel_run(run: VisibleRun, runs: RunManagerDep) -> RunView:
    """Stop a run; idempotent: on a finished run (or a second call) it returns its state.

    A cancelled run keeps the text it had streamed and ends its stream with
    `run.cancelled {partial_text}`.
    """
    try:
        return run_view(await runs.cancel(run.id))
    except RunNotFoundError:
        raise not_found("run") from None


async def stream_start(
    run: VisibleRun,
    last_event_id: Annotated[
        str | None,
        Header(description="The id of the last event received, `{run_id}:{seq}`."),
    ] = None,
    after: Annotated[
        int | None, Query(ge=0, le=MAX_SEQ, description="Resume after this seq.")
    ] = None,
) -> tuple[Run, int]:
    """The run and the seq its stream resumes after (checked before streaming starts).

    Raises:
        Problem: 422 for a point past the run's stored events (every id ever sent is
            stored first, so no client can hold one).
        StreamOver: The run has finished and the client has its terminal event (204,
            which tells an `EventSource` to stop reconnecting).
    """
    point = resume_point(run.id, last_event_id, after)
    if point > run.last_seq:
        raise Problem(
            422,
            f"This run has {run.last_seq} events so far; it cannot resume after {point}.",
            kind="invalid-last-event-id",
        )
    if point == run.last_seq and run.status in TERMINAL_STATUSES:
        raise StreamOver
    return run, point


@router.get("/{run_id}/stream", response_class=EventStreamResponse)
async def stream_run(
    start: Annotated[tuple[Run, int], Depends(stream_start)],
    runs: RunManagerDep,
    services: ServicesDep,
) -> EventStreamResponse:
    """Replay a run's events after `Last-Event-ID` (or `?after=`), then follow it live.

    Works for a finished run too: the replay then ends with its terminal event.
    """
    run, after = start
    return EventStreamResponse(sse_events(runs, run.id, after=after, options=services.stream))
