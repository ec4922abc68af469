"""A long conversation: the model gets a bounded window of whole turns; all is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agents.testing import ScriptedModel, function_call
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.agents.graph import AgentGraph, handoff_tool_name
from ask_applicant.persistence import SqlSessionStore
from ask_applicant.persistence.models import User
from ask_applicant.server.runs import RunManager
from ask_applicant.settings import Settings

TURNS = 8


async def test_a_long_conversation_sends_the_model_whole_recent_turns_and_keeps_every_item(
    make_manager: Callable[..., RunManager],
    settings: Settings,
    script: ScriptedModel,
    graph: AgentGraph,
    answer: Callable[..., Any],
    collect: Callable[..., Any],
    engine: AsyncEngine,
    user: User,
) -> None:
    manager = make_manager(settings=settings.model_copy(update={"max_history_items": 10}))
    session_id = None
    try:
        for n in range(TURNS):
            # Every turn calls a tool (the first also hands off to the resume specialist,
            # who keeps the conversation): a window cut anywhere would split such pairs.
            if n == 0:
                script.enqueue([function_call(handoff_tool_name(graph, "resume"), {}, call_id="h")])
            script.enqueue([function_call("get_education", {}, call_id=f"t{n}")])
            script.enqueue(answer(f"답 {n} 🎓"))
            run = await manager.start(
                user_id=user.id,
                session_id=session_id,
                message=f"Question {n}: and then?",
                client_message_id=None,
                owner_scope=None,
            )
            session_id = run.session_id
            assert (await collect(manager, run.id))[-1].event == "run.completed"
    finally:
        await manager.aclose()
    first_request = script.calls[-2].input
    assert first_request[-1]["content"] == f"Question {TURNS - 1}: and then?"
    history = first_request[:-1]
    assert 0 < len(history) <= 10
    assert history[0]["role"] == "user"
    calls = {item["call_id"] for item in history if item.get("type") == "function_call"}
    outputs = {item["call_id"] for item in history if item.get("type") == "function_call_output"}
    assert calls == outputs
    assert session_id is not None
    stored = await SqlSessionStore(session_id, engine=engine).get_items()
    questions = [item["content"] for item in stored if item.get("role") == "user"]
    assert questions == [f"Question {n}: and then?" for n in range(TURNS)]
