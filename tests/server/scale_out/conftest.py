"""Two real `serve` processes sharing one MariaDB database and one Redis.

    async def test_something(start_pair):
        pair = await start_pair(token_delay_ms=20)
        async with pair.client(pair.first) as http:
            ...

Redis is the one at 127.0.0.1:6379 (`.ci/run` starts it); each test gets its own key
prefix. Outside CI a missing Redis skips these tests with a message; in CI
(`REQUIRE_REDIS=1`) it fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from ask_applicant.persistence import create_engine, open_db
from ask_applicant.persistence.users import create_user
from benchmarks.fake_openai import FakeConfig, FakeOpenAI

from .serve_process import ServeProcess, free_port

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
HTTP_TIMEOUT_SECONDS = 30.0


@dataclass
class Pair:
    """Two servers on one database and one Redis, and a recruiter's key."""

    first: ServeProcess
    second: ServeProcess
    key: str
    redis: Redis
    prefix: str

    def client(self, server: ServeProcess) -> httpx.AsyncClient:
        """An HTTP client for `server` with the pair's key."""
        return httpx.AsyncClient(
            base_url=server.url,
            headers={"Authorization": f"Bearer {self.key}"},
            timeout=HTTP_TIMEOUT_SECONDS,
        )


StartPair = Callable[..., Awaitable[Pair]]


@pytest.fixture
async def redis_client() -> AsyncIterator[Redis]:
    """The test Redis (skipped when unreachable, unless `REQUIRE_REDIS` is set)."""
    client = Redis.from_url(REDIS_URL, decode_responses=True, socket_connect_timeout=2)
    try:
        await client.ping()
    except (RedisError, OSError) as error:
        await client.aclose()
        message = (
            f"no Redis at {REDIS_URL} ({error}); start one with `redis-server --daemonize yes`"
        )
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
async def start_pair(migrated_database_url: str, redis_client: Redis) -> AsyncIterator[StartPair]:
    """Starts a fake upstream and two `serve` processes on the test's MariaDB database."""
    if migrated_database_url.startswith("sqlite"):
        pytest.skip("two serve processes share MariaDB, not SQLite (MySQL: TEST_DATABASE_URL)")
    prefix = f"test-{uuid.uuid4().hex[:12]}:"
    with ExitStack() as stack:

        async def start(
            *,
            ttft_ms: float = 0.0,
            token_delay_ms: float = 0.0,
            answer_tokens: int = 40,
            redis_url: str = REDIS_URL,
            **settings: Any,
        ) -> Pair:
            fake = FakeOpenAI(
                FakeConfig(
                    ttft_ms=ttft_ms, token_delay_ms=token_delay_ms, answer_tokens=answer_tokens
                )
            )
            base_url = stack.enter_context(fake.running())
            env = {
                "DATABASE_URL": migrated_database_url,
                "REDIS_URL": redis_url,
                "REDIS_PREFIX": prefix,
                "MODEL": "gpt-test",
                "OPENAI_API_KEY": "test",
                "OPENAI_BASE_URL": base_url,
                "MCP_ENABLED": "false",
                **{name.upper(): str(value) for name, value in settings.items()},
            }
            servers = []
            # One after the other: the first creates the owner key, the second finds it.
            for _ in range(2):
                server = ServeProcess(env)
                stack.callback(server.stop)
                await anyio.to_thread.run_sync(server.wait_started)
                servers.append(server)
            return Pair(
                servers[0], servers[1], await _new_key(migrated_database_url), redis_client, prefix
            )

        yield start
        # ExitStack unwinds here: both servers first, then the fake upstream.
    keys = [key async for key in redis_client.scan_iter(match=f"{prefix}*")]
    if keys:
        await redis_client.delete(*keys)


def closed_redis_url() -> str:
    """A Redis URL on a loopback port nobody listens on."""
    return f"redis://127.0.0.1:{free_port()}/0"


async def _new_key(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        async with open_db(engine) as db:
            _user, key = await create_user(db, name="Scale-out recruiter", role="recruiter")
    finally:
        await engine.dispose()
    return key
