"""The service on the real model path: the app under uvicorn, the OpenAI client, the fake.

Nothing is replaced in-process: the settings name an OpenAI model (`gpt-test`), the
process's `AsyncOpenAI` client is pointed at the fake upstream with `OPENAI_BASE_URL`,
and the SDK's own Responses or Chat Completions model talks to it over loopback.

    async def test_something(start_service):
        service = await start_service(api="chat_completions", faults=(Fault(kind="drop"),))
        async with service.client() as http:
            ...
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, Literal

import anyio
import httpx
import pytest
import uvicorn
from pydantic import SecretStr

from ask_applicant.persistence import create_engine, open_db, upgrade_to_head_async
from ask_applicant.persistence.users import create_user
from ask_applicant.server.app import create_app
from ask_applicant.server.services import StreamOptions
from ask_applicant.settings import Settings
from benchmarks.fake_openai import FakeConfig, FakeOpenAI, Fault

# Short enough that a stalled model request fails within a test, long enough for a loaded CI.
CLIENT_TIMEOUT_SECONDS = 1.5
START_TIMEOUT_SECONDS = 60.0
HTTP_TIMEOUT_SECONDS = 30.0

OpenAIApi = Literal["responses", "chat_completions"]


class _Uvicorn:
    """The app under a real uvicorn on a free loopback port, in a background thread."""

    def __init__(self, app: Any) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(app, lifespan="on", log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the service stopped while starting (see the log above)")
            if time.monotonic() > deadline:
                raise TimeoutError("the service did not start in time")
            time.sleep(0.02)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()


@dataclass
class Service:
    """A running service, its key, and the fake upstream it talks to."""

    url: str
    key: str
    fake: FakeOpenAI
    settings: Settings

    def client(self) -> httpx.AsyncClient:
        """An HTTP client for the service, authenticated with the service's key."""
        return httpx.AsyncClient(
            base_url=self.url,
            headers={"Authorization": f"Bearer {self.key}"},
            timeout=HTTP_TIMEOUT_SECONDS,
        )


StartService = Callable[..., Awaitable[Service]]


@pytest.fixture
async def start_service(empty_database_url: str) -> AsyncIterator[StartService]:
    """Starts a fake upstream and the service on it (SQLite, then MySQL when configured)."""
    await upgrade_to_head_async(empty_database_url)
    with ExitStack() as stack:

        async def start(
            *,
            api: OpenAIApi = "responses",
            faults: tuple[Fault, ...] = (),
            max_retries: int = 0,
            retry_after_seconds: float = 1.0,
        ) -> Service:
            fake = FakeOpenAI(
                FakeConfig(
                    ttft_ms=5,
                    token_delay_ms=1,
                    answer_tokens=12,
                    faults=faults,
                    retry_after_seconds=retry_after_seconds,
                )
            )
            base_url = stack.enter_context(fake.running())
            settings = Settings(
                _env_file=None,  # type: ignore[call-arg]
                database_url=empty_database_url,
                model="gpt-test",
                openai_api_key=SecretStr("test"),
                openai_base_url=base_url,
                openai_api=api,
                openai_timeout_seconds=CLIENT_TIMEOUT_SECONDS,
                openai_max_retries=max_retries,
                # The MCP servers have tests of their own; here they would only slow start-up.
                mcp_enabled=False,
            )
            app = create_app(settings, stream=StreamOptions(keepalive_seconds=15.0))
            server = _Uvicorn(app)
            await anyio.to_thread.run_sync(server.start)
            stack.callback(server.stop)
            return Service(
                url=server.url, key=await _new_key(empty_database_url), fake=fake, settings=settings
            )

        yield start
        # ExitStack unwinds here: every service first, then its fake upstream.


async def _new_key(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        async with open_db(engine) as db:
            _user, key = await create_user(db, name="E2E recruiter", role="recruiter")
    finally:
        await engine.dispose()
    return key
