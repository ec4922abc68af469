"""Which conversation an OpenAI-style request continues, from the history it resends.

Chat UIs that speak Chat Completions send the whole conversation with every message
and never name it. A request whose messages are `[..., u_k, a_k, u_next]` continues
the conversation in which `[..., u_k]` was asked: the key of a request is a hash of
the caller and its messages up to the last user message, remembered when its run
starts; the next request looks up the key of its history without the trailing
assistant reply. So the same history continues one conversation, and editing any
earlier message (or the system prompt) starts another. The newest reply itself is not
part of the key, so a client that trims or reformats it still continues.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    """One message of the history, reduced to what identifies it."""

    role: str
    text: str


def history_key(user_id: str, turns: Sequence[Turn]) -> str:
    """The key of a history for one caller (hex SHA-256)."""
    canonical = json.dumps(
        [user_id, [[turn.role, turn.text.strip()] for turn in turns]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def earlier_key(user_id: str, turns: Sequence[Turn]) -> str | None:
    """The key under which the conversation `turns` continues was remembered.

    Args:
        user_id: The caller.
        turns: The whole request, ending with the new user message.

    Returns:
        The key of the history before the new message without its trailing assistant
        replies; None when there is no earlier user message (a new conversation).
    """
    earlier = list(turns[:-1])
    while earlier and earlier[-1].role == "assistant":
        earlier.pop()
    if not any(turn.role == "user" for turn in earlier):
        return None
    return history_key(user_id, earlier)
