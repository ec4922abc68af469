"""`SqlSessionStore`: the Agents SDK `Session` protocol over our own tables."""

from __future__ import annotations

import json
from typing import Any

from agents.memory import SessionSettings
from agents.memory.session_settings import resolve_session_limit
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from ask_applicant.persistence.columns import dumps, utcnow
from ask_applicant.persistence.engine import reading
from ask_applicant.persistence.models import ChatSession, SessionItem
from ask_applicant.persistence.outage import outlast

_items = SessionItem.__table__  # type: ignore[attr-defined]
_sessions = ChatSession.__table__  # type: ignore[attr-defined]


class SessionNotFoundError(LookupError):
    """The conversation row the store writes under does not exist."""


class SqlSessionStore:
    """A conversation's SDK items, kept in `session_items` under one `sessions` row.

    Usable wherever the SDK takes a session: `Runner.run(agent, text, session=store)`.
    The `sessions` row must exist first (it carries the owner); writes touch its
    `updated_at`, which also serialises concurrent writers of one conversation.

    Args:
        session_id: The id of an existing `sessions` row.
        engine: The process's engine.
        session_settings: The SDK's settings; `limit` is the default for `get_items`.
        outage_grace: Seconds `get_items` and `add_items` retry while the database is
            unreachable (0: fail at once).
    """

    def __init__(
        self,
        session_id: str,
        *,
        engine: AsyncEngine,
        session_settings: SessionSettings | None = None,
        outage_grace: float = 0.0,
    ) -> None:
        self.session_id = session_id
        self.session_settings = session_settings
        self._engine = engine
        self._outage_grace = outage_grace

    async def get_items(self, limit: int | None = None) -> list[Any]:
        """Return the latest `limit` items (all when None), oldest first."""
        return await outlast(
            lambda: self._get_items(limit),
            grace_seconds=self._outage_grace,
            what=f"reading conversation {self.session_id}",
        )

    async def add_items(self, items: list[Any]) -> None:
        """Append `items` as one batch in one transaction."""
        await outlast(
            lambda: self._add_items(items),
            grace_seconds=self._outage_grace,
            what=f"items of conversation {self.session_id}",
        )

    async def _get_items(self, limit: int | None) -> list[Any]:
        limit = resolve_session_limit(limit, self.session_settings)
        query = select(_items.c.data).where(_items.c.session_id == self.session_id)
        if limit is not None:
            if limit <= 0:
                return []
            # Newest first through the (session_id, id) index, then flipped.
            query = query.order_by(_items.c.id.desc()).limit(limit)
        else:
            query = query.order_by(_items.c.id)
        async with reading(self._engine).connect() as conn:
            rows = (await conn.execute(query)).scalars().all()
        items = [json.loads(data) for data in rows]
        return items[::-1] if limit is not None else items

    async def _add_items(self, items: list[Any]) -> None:
        if not items:
            return
        now = utcnow()
        rows = [
            {
                "session_id": self.session_id,
                "item_type": _item_type(item),
                "role": _role(item),
                "data": dumps(item),
                "created_at": now,
            }
            for item in items
        ]
        async with self._engine.begin() as conn:
            await self._lock_session(conn)
            await conn.execute(insert(_items), rows)

    async def pop_item(self) -> Any | None:
        """Remove and return the newest item, or None when there is none."""
        async with self._engine.begin() as conn:
            await self._lock_session(conn, missing_ok=True)
            row = (
                await conn.execute(
                    select(_items.c.id, _items.c.data)
                    .where(_items.c.session_id == self.session_id)
                    .order_by(_items.c.id.desc())
                    .limit(1)
                )
            ).first()
            if row is None:
                return None
            await conn.execute(delete(_items).where(_items.c.id == row.id))
        return json.loads(row.data)

    async def clear_session(self) -> None:
        """Remove every item of this conversation (the conversation itself stays)."""
        async with self._engine.begin() as conn:
            await conn.execute(delete(_items).where(_items.c.session_id == self.session_id))

    async def count_items(self) -> int:
        """The number of items stored for this conversation."""
        async with reading(self._engine).connect() as conn:
            query = select(func.count()).where(_items.c.session_id == self.session_id)
            return int((await conn.execute(query)).scalar_one())

    async def _lock_session(self, conn: AsyncConnection, *, missing_ok: bool = False) -> None:
        # The row lock orders concurrent batches of one conversation one after another.
        result = await conn.execute(
            update(_sessions).where(_sessions.c.id == self.session_id).values(updated_at=utcnow())
        )
        if result.rowcount == 0 and not missing_ok:
            raise SessionNotFoundError(f"no conversation with id {self.session_id!r}")


def _item_type(item: Any) -> str:
    if isinstance(item, dict):
        kind = item.get("type") or ("message" if "role" in item else "")
        return str(kind)[:64]
    return ""


def _role(item: Any) -> str | None:
    role = item.get("role") if isinstance(item, dict) else None
    return str(role)[:32] if role is not None else None
