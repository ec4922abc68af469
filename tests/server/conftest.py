"""A real API server per test: uvicorn on loopback, on SQLite and (when configured) MySQL.

async def test_something(start_api):
    api = await start_api(model=HeldModel(hold=True))
    key = await api.new_key()
    async with api.client(key) as http:
        ...
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from agents import Model

from ask_applicant.persistence import create_engine, open_db, upgrade_to_head_async
from ask_applicant.persistence.users import create_user, revoke_user
from ask_applicant.server.app import create_app
from ask_applicant.server.services import StreamOptions
from ask_applicant.settings import Settings

from .live_server import LiveServer

REQUEST_TIMEOUT_SECONDS = 30.0


@dataclass
class Api:
    """A running server and the database behind it."""

    url: str
    database_url: str
    settings: Settings
    server: LiveServer

    async def stop(self) -> None:
        """Shut the server down now (its lifespan's exit runs)."""
        await anyio.to_thread.run_sync(self.server.stop)

    def client(self, key: str | None = None, **headers: str) -> httpx.AsyncClient:
        """An HTTP client for the server, sending `key` as a Bearer key."""
        sent = dict(headers)
        if key is not None:
            sent["Authorization"] = f"Bearer {key}"
        return httpx.AsyncClient(base_url=self.url, headers=sent, timeout=REQUEST_TIMEOUT_SECONDS)

    async def new_key(self, *, role: str = "recruiter", name: str = "Acme recruiter") -> str:
        """A new user's API key."""
        _user, key = await self.new_user(role=role, name=name)
        return key

    async def new_user(self, *, role: str = "recruiter", name: str = "Acme recruiter") -> Any:
        """A new user and their API key."""
        engine = create_engine(self.database_url)
        try:
            async with open_db(engine) as db:
                return await create_user(db, name=name, role=role)  # type: ignore[arg-type]
        finally:
            await engine.dispose()

    async def revoke(self, user_id: str) -> None:
        """Revoke a user's key in the database."""
        engine = create_engine(self.database_url)
        try:
            async with open_db(engine) as db:
                assert await revoke_user(db, ident=user_id) is not None
        finally:
            await engine.dispose()


StartApi = Callable[..., Awaitable[Api]]


@pytest.fixture
async def migrated_database_url(empty_database_url: str) -> str:
    """A fresh database at the migrations' head (as `ask-applicant db upgrade` leaves it)."""
    await upgrade_to_head_async(empty_database_url)
    return empty_database_url


def _starter(database_url: str, servers: list[LiveServer]) -> StartApi:
    async def start(
        *,
        model: Model | None = None,
        keepalive_seconds: float = 15.0,
        **overrides: Any,
    ) -> Api:
        values: dict[str, Any] = {"mcp_enabled": False, **overrides}
        settings = Settings(_env_file=None, database_url=database_url, **values)  # type: ignore[call-arg]
        app = create_app(
            settings,
            model=model,
            stream=StreamOptions(keepalive_seconds=keepalive_seconds, retry_ms=1500),
        )
        server = LiveServer(app)
        servers.append(server)
        await anyio.to_thread.run_sync(server.start)
        return Api(url=server.url, database_url=database_url, settings=settings, server=server)

    return start


@pytest.fixture
async def start_api(migrated_database_url: str) -> AsyncIterator[StartApi]:
    """Starts API servers on the test's database (SQLite, then MySQL); stopped after it."""
    servers: list[LiveServer] = []
    try:
        yield _starter(migrated_database_url, servers)
    finally:
        for server in servers:
            await anyio.to_thread.run_sync(server.stop)


@pytest.fixture
async def start_api_on_sqlite(tmp_path: Path) -> AsyncIterator[StartApi]:
    """Like `start_api`, on SQLite only: for behaviour that does not depend on the database."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'api.db'}"
    await upgrade_to_head_async(url)
    servers: list[LiveServer] = []
    try:
        yield _starter(url, servers)
    finally:
        for server in servers:
            await anyio.to_thread.run_sync(server.stop)
