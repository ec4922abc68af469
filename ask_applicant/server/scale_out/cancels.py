"""`CancelDelivery`: a cancel sent straight to the worker that runs the run.

Each process listens on its own channel (named after its identity, as stored in
`runs.owner_process`). A cancel sent to a worker that is not listening (PUBLISH
reaches nobody), or while Redis is away, is not delivered, and the caller ends the run
in the database instead, which the owner notices at its next write or heartbeat.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable

from ask_applicant.server.scale_out.link import REDIS_FAILURES, RedisLink

RESUBSCRIBE_SECONDS = 1.0


class CancelDelivery:
    """Sends cancels to a run's owner, and receives this process's own.

    Args:
        link: The Redis client and its health.
        process: This process's identity (`ProcessIdentity.dumps()`).
    """

    def __init__(self, link: RedisLink, *, process: str) -> None:
        self._link = link
        self._channel = self._channel_of(process)
        self.listening = asyncio.Event()

    async def send(self, owner_process: str, run_id: str) -> bool:
        """Ask the run's owner to cancel it; True when a listener of that process got it."""
        if not self._link.usable():
            return False
        try:
            receivers = await self._link.client.publish(self._channel_of(owner_process), run_id)
        except REDIS_FAILURES as error:
            self._link.failed("sending a cancel", error)
            return False
        self._link.answered()
        return int(receivers) > 0

    async def listen(self, on_cancel: Callable[[str], None]) -> None:
        """Call `on_cancel(run_id)` for every cancel sent here; runs until cancelled.

        Subscribes again after Redis goes away and comes back.
        """
        while True:
            pubsub = self._link.client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self._channel)
                self._link.answered()
                self.listening.set()
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        on_cancel(str(message["data"]))
            except REDIS_FAILURES as error:
                self._link.failed("listening for cancels", error)
            finally:
                self.listening.clear()
                await pubsub.aclose()
            await asyncio.sleep(RESUBSCRIBE_SECONDS)

    def _channel_of(self, process: str) -> str:
        # Identities are JSON; a digest keeps channel names short and plain.
        return self._link.key("cancel", hashlib.sha256(process.encode()).hexdigest()[:32])
