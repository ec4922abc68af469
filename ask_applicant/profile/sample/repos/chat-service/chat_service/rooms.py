"""Rooms and their members, with a bounded send queue per member.

A member whose queue is full is too slow to keep up: it is dropped and must resync
from message history, instead of slowing every other member of the room down.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

SEND_QUEUE_SIZE = 100


@dataclass
class Member:
    """One connected socket in a room."""

    user_id: str
    outbox: asyncio.Queue[str] = field(default_factory=lambda: asyncio.Queue(SEND_QUEUE_SIZE))
    dropped: bool = False


@dataclass
class Room:
    """A conversation between a buyer, a seller and support agents."""

    room_id: str
    members: dict[str, Member] = field(default_factory=dict)

    def join(self, user_id: str) -> Member:
        """Add a member (or return the existing one)."""
        return self.members.setdefault(user_id, Member(user_id))

    def leave(self, user_id: str) -> None:
        """Remove a member; leaving twice is harmless."""
        self.members.pop(user_id, None)

    def deliver(self, message: str) -> list[str]:
        """Queue a message for every member; returns the ids of members dropped for lagging."""
        dropped = []
        for member in list(self.members.values()):
            try:
                member.outbox.put_nowait(message)
            except asyncio.QueueFull:
                member.dropped = True
                dropped.append(member.user_id)
                self.leave(member.user_id)
        return dropped


class Rooms:
    """Every room this gateway pod currently serves."""

    def __init__(self) -> None:
        self._rooms: dict[str, Room] = {}

    def get(self, room_id: str) -> Room:
        """The room with this id, created on first use."""
        return self._rooms.setdefault(room_id, Room(room_id))

    def __len__(self) -> int:
        return len(self._rooms)
