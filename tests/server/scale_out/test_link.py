"""Redis going away and coming back, against a redis-server this test starts and stops."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from ask_applicant.server.runs.record import RunEventRecord
from ask_applicant.server.scale_out import (
    RedisLink,
    RedisUnavailableError,
    RunStreams,
    SharedLimits,
)

from .serve_process import free_port

pytestmark = pytest.mark.anyio

READY = "Ready to accept connections"


class OwnRedis:
    """A redis-server on its own port, without persistence, started and stopped at will."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self._directory = directory
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        options = {"port": str(self.port), "bind": "127.0.0.1", "save": "", "appendonly": "no"}
        arguments = [part for name, value in options.items() for part in (f"--{name}", value)]
        self._process = subprocess.Popen(
            ["redis-server", *arguments, "--dir", str(self._directory)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self._process.stdout is not None
        for line in self._process.stdout:
            if READY in line:
                return
        raise RuntimeError("redis-server exited before it was ready")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(10)


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    if shutil.which("redis-server") is None:
        message = "redis-server is not installed (apt-get install redis-server)"
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail(message)
        pytest.skip(message)
    server = OwnRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _event(seq: int) -> RunEventRecord:
    return RunEventRecord(seq, "message.delta", {"delta": f"조각 {seq} 🙂"}, "r_test")


async def test_while_redis_is_away_calls_fall_back_with_one_warning_and_recover_when_it_is_back(
    own_redis: OwnRedis, caplog: pytest.LogCaptureFixture
) -> None:
    client = Redis.from_url(f"redis://127.0.0.1:{own_redis.port}/0", decode_responses=True)
    link = RedisLink(client, prefix="test:", retry_after=0)
    streams = RunStreams(link, maxlen=100, ttl_seconds=60)
    limits = SharedLimits(link)
    caplog.set_level(logging.WARNING, logger="ask_applicant.server.scale_out.link")
    try:
        await streams.publish([_event(2), _event(3)])
        assert await streams.read("r_test", after=2, block_ms=10) == [_event(3)]

        own_redis.stop()
        await streams.publish([_event(4)])  # Does not raise: the database has the event.
        assert await streams.read("r_test", after=3, block_ms=10) is None
        with pytest.raises(RedisUnavailableError):
            await limits.take_slot("u_1", 2, ttl=60)
        with pytest.raises(RedisUnavailableError):
            await limits.hit("u_1", limit=5, window=60)
        warnings = [r for r in caplog.records if "Redis is unreachable" in r.getMessage()]
        assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
        assert not link.up

        own_redis.start()  # Empty: it kept nothing.
        await streams.publish([_event(5)])
        assert await streams.read("r_test", after=4, block_ms=10) == [_event(5)]
        assert link.up
        assert any("Redis answers again" in r.getMessage() for r in caplog.records)
        assert await limits.take_slot("u_1", 1, ttl=60) is not None
        assert await limits.take_slot("u_1", 1, ttl=60) is None
    finally:
        await client.aclose()
