"""How much of a conversation the model is sent each turn.

The whole conversation stays stored (and readable through the API); only the history
sent to the model is bounded, so a turn deep into a long conversation costs about what
an early one does. The SDK reads the newest `items` session items (its session item
limit, `SessionSettings.limit`); the window then starts at the first user message in
it, so it never opens with a tool output whose call was cut off (the OpenAI API refuses
that) or half of an earlier answer.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from agents import RunConfig
from agents.memory import SessionSettings

DEFAULT_HISTORY_ITEMS = 100


def bounded_history(run_config: RunConfig | None, items: int) -> RunConfig:
    """`run_config` with the model's history bounded to about `items` session items.

    A session limit or input callback the caller set already is kept as it is.

    Args:
        run_config: The run's configuration, if any.
        items: The most session items read for one turn.
    """
    config = run_config or RunConfig()
    changes: dict[str, Any] = {}
    if config.session_settings is None or config.session_settings.limit is None:
        changes["session_settings"] = SessionSettings(limit=items)
    if config.session_input_callback is None:
        changes["session_input_callback"] = whole_turns
    return dataclasses.replace(config, **changes) if changes else config


def whole_turns(history: list[Any], new_input: list[Any]) -> list[Any]:
    """The history from its first user message on, then the new input.

    When the window holds no user message at all (one turn longer than the window),
    only the tool outputs it opens with are dropped, as their calls are outside it.
    """
    start = next((i for i, item in enumerate(history) if _is_user_message(item)), None)
    if start is None:
        start = 0
        while start < len(history) and _is_tool_output(history[start]):
            start += 1
    return history[start:] + new_input


def _is_user_message(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and item.get("role") == "user"
        and item.get("type", "message") == "message"
    )


def _is_tool_output(item: Any) -> bool:
    return isinstance(item, dict) and str(item.get("type", "")).endswith("_output")
