"""Server-owned runs: the event stream, replay and live follow, one run per conversation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from agents.testing import ModelCall, ModelStep, ScriptedModel, assistant_message
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from ask_applicant.persistence import SqlSessionStore, open_db
from ask_applicant.persistence.models import ChatSession, Run, User
from ask_applicant.persistence.sessions import create_session
from ask_applicant.persistence.users import create_user
from ask_applicant.server.runs import (
    TERMINAL_EVENTS,
    InvalidRunRequestError,
    RunEventRecord,
    RunManager,
    RunManagerClosedError,
    RunNotFoundError,
    SessionBusyError,
    SessionNotFoundError,
)

QUESTION = "Where did she study?"


def _names(events: list[RunEventRecord]) -> list[str]:
    return [event.event for event in events]


def _text(events: list[RunEventRecord]) -> str:
    return "".join(e.data["delta"] for e in events if e.event == "message.delta")


async def _start(manager: RunManager, user: User, message: str = QUESTION, **kwargs: Any) -> Any:
    options: dict[str, Any] = {"session_id": None, "client_message_id": None, "owner_scope": None}
    options.update(kwargs)
    return await manager.start(user_id=user.id, message=message, **options)


async def test_a_run_streams_numbered_events_ending_with_exactly_one_terminal(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    answer: Callable[..., ModelStep],
    collect: Callable[..., Any],
    engine: AsyncEngine,
) -> None:
    script.enqueue(answer("She studied at Hanguk University.", tokens=(12, 8)))
    run = await _start(manager, user)
    events = await collect(manager, run.id)

    assert [event.seq for event in events] == list(range(1, len(events) + 1))
    assert _names(events) == [
        "run.created",
        "agent.updated",
        "message.delta",
        "message.completed",
        "run.completed",
    ]
    assert events[0].data == {"run_id": run.id, "session_id": run.session_id, "agent": "triage"}
    assert [e for e in events if e.event in TERMINAL_EVENTS] == [events[-1]]
    usage = {"requests": 1, "input_tokens": 12, "output_tokens": 8, "total_tokens": 20}
    assert events[-1].data == {"run_id": run.id, "agent": "triage", "usage": usage}
    assert events[-1].event_id == f"{run.id}:{len(events)}"

    finished = await manager.get(run.id)
    assert finished is not None and finished.status == "completed"
    assert finished.final_text == "She studied at Hanguk University."
    assert (finished.input_tokens, finished.output_tokens, finished.total_tokens) == (12, 8, 20)
    assert finished.last_seq == len(events) and finished.finished_at is not None
    async with open_db(engine) as db:
        chat = await db.get(ChatSession, run.session_id)
    assert chat is not None and chat.active_run_id is None and chat.title == QUESTION


async def test_replay_after_any_seq_returns_exactly_the_rest(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    answer: Callable[..., ModelStep],
    collect: Callable[..., Any],
) -> None:
    script.enqueue(answer("Hanguk University, computer science."))
    run = await _start(manager, user)
    everything = await collect(manager, run.id)
    for after in range(len(everything) + 1):
        assert await collect(manager, run.id, after=after) == everything[after:]


async def test_a_listener_follows_a_run_live_while_it_answers(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    held_answer: Callable[..., Any],
    next_event: Callable[..., Any],
    collect: Callable[..., Any],
) -> None:
    held = held_answer()
    script.enqueue(held.step)
    run = await _start(manager, user)
    seen: list[RunEventRecord] = []
    stream = manager.events(run.id)
    await next_event(stream, "message.delta", seen)

    assert (await manager.get(run.id)).status == "running"
    held.gate.set()
    await next_event(stream, "run.completed", seen)
    assert [e.seq for e in seen] == list(range(1, len(seen) + 1))
    assert _text(seen) == held.text
    assert seen == await collect(manager, run.id)


async def test_the_question_and_run_are_stored_before_the_model_is_called(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    engine: AsyncEngine,
    collect: Callable[..., Any],
) -> None:
    question = "한국어로 답해 주세요: 어디서 공부했나요? 🎓"
    stored_when_called: list[Run] = []

    items_when_called: list[Any] = []

    async def respond(call: ModelCall) -> Any:
        async with open_db(engine) as db:
            found = await db.exec(select(Run).where(Run.message == question))
            stored_when_called.extend(found.all())
        store = SqlSessionStore(stored_when_called[0].session_id, engine=engine)
        items_when_called.extend(await store.get_items())
        return [assistant_message("Hanguk University.")]

    script.enqueue(ModelStep.respond(respond))
    run = await _start(manager, user, question)
    await collect(manager, run.id)

    assert [(r.id, r.status) for r in stored_when_called] == [(run.id, "running")]
    assert [item["content"] for item in items_when_called] == [question]


async def test_a_second_message_while_one_is_active_is_refused_with_the_active_run(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    held_answer: Callable[..., Any],
    answer: Callable[..., ModelStep],
    collect: Callable[..., Any],
) -> None:
    held = held_answer()
    script.enqueue(held.step)
    first = await _start(manager, user)
    with pytest.raises(SessionBusyError) as busy:
        await _start(manager, user, "And her last job?", session_id=first.session_id)
    assert busy.value.active_run_id == first.id
    assert manager.active_count(user.id) == 1

    held.gate.set()
    await manager.wait(first.id)
    assert manager.active_count(user.id) == 0
    script.enqueue(answer("At Acme."))
    second = await _start(manager, user, "And her last job?", session_id=first.session_id)
    assert _names(await collect(manager, second.id))[-1] == "run.completed"


async def test_two_workers_racing_on_one_conversation_start_one_run(
    manager: RunManager,
    make_manager: Callable[..., RunManager],
    user: User,
    engine: AsyncEngine,
    script: ScriptedModel,
    held_answer: Callable[..., Any],
) -> None:
    other = make_manager()
    async with open_db(engine) as db:
        chat = await create_session(db, owner_id=user.id)
    held = held_answer()
    script.enqueue(held.step)
    try:
        results = await asyncio.gather(
            *(
                _start(worker, user, f"question {n}", session_id=chat.id)
                for n, worker in enumerate([manager, other, manager, other])
            ),
            return_exceptions=True,
        )
        started = [r for r in results if isinstance(r, Run)]
        refused = [r for r in results if isinstance(r, SessionBusyError)]
        assert len(started) == 1 and len(refused) == 3, results
        assert {r.active_run_id for r in refused} == {started[0].id}
        held.gate.set()
        assert (await other.wait(started[0].id)).status == "completed"
    finally:
        held.gate.set()
        await other.aclose()
    assert len(script.calls) == 1


async def test_a_retried_client_message_id_returns_the_same_run_without_a_model_call(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    answer: Callable[..., ModelStep],
    collect: Callable[..., Any],
) -> None:
    script.enqueue(answer("Hanguk University."))
    first = await _start(manager, user, client_message_id="msg-1")
    again = await _start(manager, user, client_message_id="msg-1")
    assert again.id == first.id and again.session_id == first.session_id
    await manager.wait(first.id)
    after = await _start(manager, user, session_id=first.session_id, client_message_id="msg-1")
    assert after.id == first.id and after.status == "completed"
    assert len(script.calls) == 1
    assert _names(await collect(manager, first.id)).count("run.created") == 1


async def test_cancel_keeps_the_partial_answer_and_a_second_cancel_changes_nothing(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    held_answer: Callable[..., Any],
    next_event: Callable[..., Any],
    collect: Callable[..., Any],
    engine: AsyncEngine,
) -> None:
    held = held_answer()
    script.enqueue(held.step)
    run = await _start(manager, user)
    seen: list[RunEventRecord] = []
    await next_event(manager.events(run.id), "message.delta", seen)

    cancelled = await manager.cancel(run.id)
    partial = _text(seen)
    assert partial and held.text.startswith(partial) and partial != held.text
    assert cancelled.status == "cancelled" and cancelled.final_text == partial
    again = await manager.cancel(run.id)
    assert (again.status, again.final_text, again.last_seq) == (
        "cancelled",
        partial,
        cancelled.last_seq,
    )
    events = await collect(manager, run.id)
    assert events[-1].event == "run.cancelled" and events[-1].data == {"partial_text": partial}
    assert [e.event for e in events if e.event in TERMINAL_EVENTS] == ["run.cancelled"]
    async with open_db(engine) as db:
        chat = await db.get(ChatSession, run.session_id)
    assert chat is not None and chat.active_run_id is None


async def test_cancelling_a_finished_run_returns_its_final_state(
    manager: RunManager,
    user: User,
    script: ScriptedModel,
    answer: Callable[..., ModelStep],
    collect: Callable[..., Any],
) -> None:
    script.enqueue(answer("Hanguk University."))
    run = await _start(manager, user)
    finished = await manager.wait(run.id)
    before = await collect(manager, run.id)
    cancelled = await manager.cancel(run.id)
    assert (cancelled.status, cancelled.final_text) == ("completed", "Hanguk University.")
    assert finished.last_seq == cancelled.last_seq
    assert await collect(manager, run.id) == before


async def test_another_worker_follows_and_cancels_a_run_through_the_database(
    manager: RunManager,
    make_manager: Callable[..., RunManager],
    user: User,
    script: ScriptedModel,
    held_answer: Callable[..., Any],
    next_event: Callable[..., Any],
) -> None:
    held = held_answer()
    script.enqueue(held.step)
    run = await _start(manager, user)
    other = make_manager()
    try:
        seen: list[RunEventRecord] = []
        stream = other.events(run.id)
        await next_event(stream, "message.delta", seen)
        cancelled = await other.cancel(run.id)
        assert cancelled.status == "cancelled"
        await next_event(stream, "run.cancelled", seen)
        assert [e.seq for e in seen] == list(range(1, len(seen) + 1))
        assert seen[-1].data == {"partial_text": _text(seen)}
        # The owner notices at its next heartbeat and stops its turn without writing more.
        for _ in range(1000):  # polled, bounded at 10 s
            if not manager.active_count(user.id):
                break
            await asyncio.sleep(0.01)
        assert manager.active_count(user.id) == 0
        assert (await manager.get(run.id)).last_seq == seen[-1].seq
    finally:
        held.gate.set()
        await other.aclose()


async def test_unknown_foreign_and_malformed_ids_are_simply_not_found(
    manager: RunManager,
    user: User,
    engine: AsyncEngine,
    script: ScriptedModel,
    answer: Callable[..., ModelStep],
) -> None:
    async with open_db(engine) as db:
        stranger, _ = await create_user(db, name="Other recruiter", role="recruiter")
    script.enqueue(answer("Hanguk University."))
    run = await _start(manager, user)
    await manager.wait(run.id)

    for bad in ["r_nope", "", "x" * 5000, "\ud800", "r_\x00", "../../etc", "런"]:
        assert await manager.get(bad) is None
        with pytest.raises(RunNotFoundError):
            await manager.cancel(bad)
        with pytest.raises(RunNotFoundError):
            await anext(manager.events(bad))
        with pytest.raises(SessionNotFoundError):
            await _start(manager, user, session_id=bad)
    assert await manager.get(run.id, owner_scope=stranger.id) is None
    with pytest.raises(RunNotFoundError):
        await manager.cancel(run.id, owner_scope=stranger.id)
    with pytest.raises(SessionNotFoundError):
        await _start(manager, stranger, session_id=run.session_id, owner_scope=stranger.id)
    assert (await manager.get(run.id, owner_scope=user.id)) is not None


@pytest.mark.parametrize(
    ("message", "client_message_id", "field"),
    [
        ("", None, "message"),
        (" \n\t ", None, "message"),
        ("x" * 4001, None, "message"),
        ("lone \ud800 surrogate", None, "message"),
        ("nul \x00 byte", None, "message"),
        ("fine", "", "client_message_id"),
        ("fine", "x" * 129, "client_message_id"),
        ("fine", "탭\t", "client_message_id"),
    ],
)
async def test_bad_messages_are_rejected_before_anything_is_stored(
    manager: RunManager,
    user: User,
    engine: AsyncEngine,
    message: str,
    client_message_id: str | None,
    field: str,
) -> None:
    with pytest.raises(InvalidRunRequestError) as rejected:
        await _start(manager, user, message, client_message_id=client_message_id)
    assert rejected.value.field == field
    async with open_db(engine) as db:
        assert (await db.exec(select(ChatSession))).all() == []


async def test_no_run_starts_once_the_manager_is_closed(manager: RunManager, user: User) -> None:
    await manager.aclose()
    with pytest.raises(RunManagerClosedError):
        await _start(manager, user)
