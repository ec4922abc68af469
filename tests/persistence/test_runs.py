"""Runs in the database: one active per conversation, contiguous events, guarded endings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence import SessionNotFoundError, open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import ChatSession, Run, User
from ask_applicant.persistence.runs import (
    NewEvent,
    RunEnding,
    RunTakenOverError,
    SessionBusyError,
    append_events,
    create_run,
    end_run_elsewhere,
    find_run_by_client_message_id,
    finish_run,
    get_run,
    list_events,
    stale_runs,
    touch_run,
)
from ask_applicant.persistence.sessions import create_session
from ask_applicant.persistence.users import create_user


async def _user(db: AsyncSession, name: str = "recruiter") -> User:
    user, _key = await create_user(db, name=name, role="recruiter")
    return user


async def _run(db: AsyncSession, user: User, session_id: str, **options: str | None) -> Run:
    run, created = await create_run(
        db,
        session_id=session_id,
        user_id=user.id,
        message=str(options.get("message") or "어디서 공부했나요? 🎓"),
        client_message_id=options.get("client_message_id"),
        agent="triage",
    )
    assert created
    return run


async def _complete(db: AsyncSession, run: Run, *, agent: str = "resume") -> None:
    await finish_run(
        db,
        run_id=run.id,
        ending=RunEnding(status="completed", final_text="답 🎉", agent=agent),
        events=[NewEvent(run.last_seq + 1, "run.completed", {"run_id": run.id})],
        expected_last_seq=run.last_seq,
    )


async def test_a_conversation_holds_one_active_run_until_it_finishes(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        user = await _user(db)
        chat_id = (await create_session(db, owner_id=user.id)).id
        first = await _run(db, user, chat_id)
        with pytest.raises(SessionBusyError) as busy:
            await _run(db, user, chat_id)
        assert busy.value.active_run_id == first.id

        await _complete(db, first)
        second = await _run(db, user, chat_id)
        stored = await db.get(ChatSession, chat_id, populate_existing=True)
        assert stored is not None and stored.active_run_id == second.id
        assert stored.current_agent == "resume"


async def test_a_run_starts_with_its_question_and_its_created_event(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        user = await _user(db)
        chat = await create_session(db, owner_id=user.id)
        run = await _run(db, user, chat.id)
        stored = await get_run(db, run_id=run.id)
        events = await list_events(db, run_id=run.id)
    assert stored is not None and stored.message == "어디서 공부했나요? 🎓"
    assert (stored.status, stored.last_seq) == ("running", 1)
    assert stored.heartbeat_at is not None and stored.started_at is not None
    assert [(e.seq, e.event, e.data) for e in events] == [
        (1, "run.created", {"run_id": run.id, "session_id": chat.id, "agent": "triage"})
    ]


async def test_a_reused_client_message_id_returns_the_first_run(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        user = await _user(db)
        chat = await create_session(db, owner_id=user.id)
        first = await _run(db, user, chat.id, client_message_id="m-1")
        await _complete(db, first)
        again, created = await create_run(
            db,
            session_id=chat.id,
            user_id=user.id,
            message="different text",
            client_message_id="m-1",
            agent="triage",
        )
        assert (again.id, created) == (first.id, False)
        found = await find_run_by_client_message_id(
            db, client_message_id="m-1", session_id=None, user_id=user.id
        )
        assert found is not None and found.id == first.id


async def test_events_continue_only_from_the_last_seq_seen_and_only_while_active(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        user = await _user(db)
        chat = await create_session(db, owner_id=user.id)
        run = await _run(db, user, chat.id)
        delta = NewEvent(2, "message.delta", {"delta": "안녕"})
        await append_events(db, run_id=run.id, events=[delta], expected_last_seq=1)
        with pytest.raises(RunTakenOverError):
            await append_events(db, run_id=run.id, events=[delta], expected_last_seq=1)
        with pytest.raises(ValueError, match="continue"):
            await append_events(
                db,
                run_id=run.id,
                events=[NewEvent(4, "message.delta", {"delta": "x"})],
                expected_last_seq=2,
            )
        stored = await get_run(db, run_id=run.id)
        assert stored is not None
        await _complete(db, stored)
        with pytest.raises(RunTakenOverError):
            await append_events(
                db,
                run_id=run.id,
                events=[NewEvent(4, "message.delta", {"delta": "late"})],
                expected_last_seq=3,
            )
        assert not await touch_run(db, run_id=run.id)
        assert [e.seq for e in await list_events(db, run_id=run.id)] == [1, 2, 3]
        assert [e.seq for e in await list_events(db, run_id=run.id, after=1, limit=1)] == [2]


async def test_ending_a_run_elsewhere_keeps_its_streamed_text_and_spares_live_runs(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        user = await _user(db)
        chat = await create_session(db, owner_id=user.id)
        run = await _run(db, user, chat.id)
        deltas = [
            NewEvent(2, "message.delta", {"delta": "컴퓨터 "}),
            NewEvent(3, "message.delta", {"delta": "공학 🎓"}),
        ]
        await append_events(db, run_id=run.id, events=deltas, expected_last_seq=1)
        long_ago = utcnow() - timedelta(hours=1)
        assert not await end_run_elsewhere(
            db, run_id=run.id, status="failed", error_code="internal", stale_before=long_ago
        )
        assert [r.id for r in await stale_runs(db, stale_before=long_ago)] == []
        assert [r.id for r in await stale_runs(db, stale_before=utcnow())] == [run.id]

        assert await end_run_elsewhere(db, run_id=run.id, status="cancelled")
        assert not await end_run_elsewhere(db, run_id=run.id, status="cancelled")
        ended = await get_run(db, run_id=run.id)
        events = await list_events(db, run_id=run.id)
        chat_now = await db.get(ChatSession, chat.id, populate_existing=True)
    assert ended is not None and (ended.status, ended.final_text) == ("cancelled", "컴퓨터 공학 🎓")
    assert (events[-1].seq, events[-1].event) == (4, "run.cancelled")
    assert events[-1].data == {"partial_text": "컴퓨터 공학 🎓"}
    assert chat_now is not None and chat_now.active_run_id is None


async def test_runs_are_read_only_through_their_owners_conversations(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        alice, bob = await _user(db, "alice"), await _user(db, "bob")
        chat = await create_session(db, owner_id=alice.id)
        run = await _run(db, alice, chat.id)
        assert await get_run(db, run_id=run.id, owner_id=bob.id) is None
        assert await get_run(db, run_id=run.id, owner_id=alice.id) is not None
        assert await get_run(db, run_id=run.id) is not None
        with pytest.raises(SessionNotFoundError):
            await create_run(
                db,
                session_id="s_missing",
                user_id=alice.id,
                message="q",
                client_message_id=None,
                agent="triage",
            )
