"""The publish/subscribe seam between gateway pods.

Production runs this over Redis Pub/Sub (channel ``room:{id}``); the in-process
version below has the same interface so the gateway code does not change.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator


class Broker:
    """Delivers each published message to every subscriber of a channel."""

    def __init__(self) -> None:
        self._subscribers: dict[str, set[asyncio.Queue[str]]] = defaultdict(set)

    async def publish(self, channel: str, message: str) -> int:
        """Publish a message; returns how many subscribers received it."""
        queues = list(self._subscribers.get(channel, ()))
        for queue in queues:
            queue.put_nowait(message)
        return len(queues)

    async def subscribe(self, channel: str) -> AsyncIterator[str]:
        """Yield messages published on a channel until the consumer stops iterating."""
        queue: asyncio.Queue[str] = asyncio.Queue()
        self._subscribers[channel].add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._subscribers[channel].discard(queue)
