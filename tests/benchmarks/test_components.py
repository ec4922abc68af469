"""Splitting the service's sampled stacks into its parts (no profiler runs here)."""

from __future__ import annotations

from benchmarks.components import OTHER, attribute

SERVE = "run (uvicorn/server.py:1)"
RAW = "\n".join(
    [
        f"{SERVE};run_loop (agents/run.py:2);SqlSessionStore.add_items (store.py:3) 7",
        f"{SERVE};AgentRunner.run_streamed.<locals>.run_loop (agents/run.py:2);"
        "create (openai/resources/responses.py:9) 5",
        f"{SERVE};RunRecorder.flush (recorder.py:4);execute (sqlalchemy/engine/base.py:5) 3",
        f"{SERVE};_run_once (asyncio/base_events.py:6);select (selectors.py:7) 2",
        f"{SERVE};mystery (somewhere.py:8) 1",
        "not a sample line",
    ]
)


def test_each_sample_goes_to_the_first_part_its_stack_passes_through() -> None:
    samples = attribute(RAW)

    assert samples == {
        "session store (conversation history)": 7,
        "SDK runner and openai client": 5,
        "event store (recorder writes)": 3,
        "event loop (select, callbacks)": 2,
        OTHER: 1,
    }
