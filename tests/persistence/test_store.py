"""SqlSessionStore keeps the SDK's conversation items faithfully, on SQLite and MySQL."""

from __future__ import annotations

import asyncio

import pytest
from agents import Agent, Runner, function_tool
from agents.memory import SessionSettings
from agents.testing import ScriptedModel, assistant_message, function_call
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import SessionNotFoundError, SqlSessionStore, open_db
from ask_applicant.persistence.sessions import create_session
from ask_applicant.persistence.users import create_user


async def _new_store(engine: AsyncEngine) -> SqlSessionStore:
    async with open_db(engine) as db:
        user, _ = await create_user(db, name="Acme recruiter", role="recruiter")
        chat = await create_session(db, owner_id=user.id)
    return SqlSessionStore(chat.id, engine=engine)


def _message(text: str, role: str = "user") -> dict:
    return {"role": role, "content": text}


async def test_korean_and_emoji_round_trip_unchanged(engine: AsyncEngine) -> None:
    store = await _new_store(engine)
    items = [
        _message("백엔드 개발자 김서연 님의 경력은? 🚀"),
        _message("네, 👩‍💻 5년입니다", "assistant"),
    ]
    await store.add_items(items)
    assert await store.get_items() == items


async def test_a_five_megabyte_item_round_trips(engine: AsyncEngine) -> None:
    store = await _new_store(engine)
    big = _message("가" * (5 * 1024 * 1024 // 3) + "끝🎉")
    await store.add_items([big])
    (stored,) = await store.get_items()
    assert stored == big


async def test_get_items_with_a_limit_returns_the_latest_in_order(engine: AsyncEngine) -> None:
    store = await _new_store(engine)
    await store.add_items([_message(f"m{i}") for i in range(10)])
    latest = await store.get_items(limit=3)
    assert [item["content"] for item in latest] == ["m7", "m8", "m9"]
    assert await store.get_items(limit=0) == []


async def test_session_settings_limit_is_the_default(engine: AsyncEngine) -> None:
    store = await _new_store(engine)
    store.session_settings = SessionSettings(limit=2)
    await store.add_items([_message(f"m{i}") for i in range(5)])
    assert [item["content"] for item in await store.get_items()] == ["m3", "m4"]


async def test_pop_item_removes_the_newest_and_returns_none_when_empty(
    engine: AsyncEngine,
) -> None:
    store = await _new_store(engine)
    await store.add_items([_message("first"), _message("second")])
    assert (await store.pop_item()) == _message("second")
    assert await store.get_items() == [_message("first")]
    assert (await store.pop_item()) == _message("first")
    assert await store.pop_item() is None


async def test_clear_session_removes_only_this_conversation(engine: AsyncEngine) -> None:
    mine, other = await _new_store(engine), await _new_store(engine)
    await mine.add_items([_message("mine")])
    await other.add_items([_message("theirs")])
    await mine.clear_session()
    assert await mine.get_items() == []
    assert await other.get_items() == [_message("theirs")]


async def test_adding_to_a_missing_conversation_is_a_clear_error(engine: AsyncEngine) -> None:
    store = SqlSessionStore("s_does_not_exist", engine=engine)
    with pytest.raises(SessionNotFoundError, match="s_does_not_exist"):
        await store.add_items([_message("lost?")])


async def test_concurrent_writers_lose_nothing_and_never_interleave(engine: AsyncEngine) -> None:
    store = await _new_store(engine)
    writers, batch = 8, 40

    async def write(writer: int) -> None:
        await store.add_items([_message(f"{writer}:{i}") for i in range(batch)])

    await asyncio.gather(*(write(w) for w in range(writers)))
    contents = [item["content"] for item in await store.get_items()]
    assert len(contents) == writers * batch
    # Each writer's batch is one contiguous, ordered run.
    for start in range(0, len(contents), batch):
        run = contents[start : start + batch]
        writer = run[0].split(":")[0]
        assert run == [f"{writer}:{i}" for i in range(batch)]


@function_tool
def lookup_employer() -> str:
    """Return the applicant's current employer."""
    return "Toss (work[0])"


async def test_an_sdk_run_persists_its_items_and_replays_them_next_turn(
    engine: AsyncEngine,
) -> None:
    store = await _new_store(engine)
    model = ScriptedModel(
        [
            [function_call("lookup_employer", {}, call_id="call_turn1")],
            [assistant_message("She works at Toss (work[0]).")],
            [assistant_message("Yes, still there.")],
        ]
    )
    agent = Agent(name="resume", instructions="Answer.", model=model, tools=[lookup_employer])

    first = await Runner.run(agent, "Where does she work?", session=store)
    assert first.final_output == "She works at Toss (work[0])."
    stored = await store.get_items()
    types = [item.get("type", "message") for item in stored]
    assert types == ["message", "function_call", "function_call_output", "message"]

    fresh = SqlSessionStore(store.session_id, engine=engine)
    second = await Runner.run(agent, "Still there?", session=fresh)
    assert second.final_output == "Yes, still there."
    replayed = model.last_call.input
    assert isinstance(replayed, list)
    texts = str(replayed)
    assert "Where does she work?" in texts and "Toss (work[0])" in texts
    assert len(await fresh.get_items()) == 6
