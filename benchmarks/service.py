"""The service as deployed: `ask-applicant serve` in its own process, on the fake upstream."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import psutil

from ask_applicant.persistence import create_engine, open_db
from ask_applicant.persistence.users import create_user

PROJECT_ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 90.0
STOP_SECONDS = 20.0
MODEL_NAME = "gpt-test"


class ServiceProcess:
    """A running `ask-applicant serve`: its URL and its processes.

    Args:
        process: The `serve` process (with `--workers N`, uvicorn's supervisor).
        url: Where it listens.
        log: Its combined stdout and stderr.
    """

    def __init__(self, process: asyncio.subprocess.Process, url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.log = log

    @property
    def pid(self) -> int:
        """The `serve` process's id."""
        return self.process.pid

    def processes(self) -> list[psutil.Process]:
        """The `serve` process and every process under it (uvicorn's workers)."""
        root = psutil.Process(self.pid)
        return [root, *root.children(recursive=True)]

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the service's log, for error messages."""
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def service_environment(
    *, database_url: str, upstream_url: str, openai_api: str = "responses"
) -> dict[str, str]:
    """The environment of a benchmarked service: an OpenAI model name at the fake upstream.

    The per-key limits are lifted (one key drives every stream) and MCP is off, so the
    agents hold exactly the function tools the in-process SDK floor gives them.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
    env.update(
        DATABASE_URL=database_url,
        MODEL=MODEL_NAME,
        OPENAI_API_KEY="test",
        OPENAI_BASE_URL=upstream_url,
        OPENAI_API=openai_api,
        OPENAI_AGENTS_DISABLE_TRACING="1",
        MCP_ENABLED="false",
        RATE_LIMIT_PER_MINUTE="100000000",
        MAX_CONCURRENT_RUNS_PER_KEY="100000",
        PYTHONUNBUFFERED="1",
    )
    return env


@asynccontextmanager
async def running_service(
    *,
    database_url: str,
    upstream_url: str,
    log: Path,
    workers: int = 1,
    extra_env: dict[str, str] | None = None,
) -> AsyncIterator[ServiceProcess]:
    """Start `ask-applicant serve` on a free loopback port; stop it (SIGINT) afterwards.

    Args:
        database_url: Its database (at the migrations' head).
        upstream_url: The fake upstream's base URL.
        log: Where its output goes.
        workers: uvicorn worker processes.
        extra_env: More settings (such as `REDIS_URL`).

    Raises:
        RuntimeError: It exited or was not healthy within `START_SECONDS`.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "ask_applicant",
        "serve",
        "--host=127.0.0.1",
        f"--port={port}",
        f"--workers={workers}",
    ]
    env = service_environment(database_url=database_url, upstream_url=upstream_url)
    env.update(extra_env or {})
    with log.open("ab") as output:
        process = await asyncio.create_subprocess_exec(
            *command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=asyncio.subprocess.STDOUT
        )
    service = ServiceProcess(process, f"http://127.0.0.1:{port}", log)
    try:
        await _wait_until_ready(service)
        yield service
    finally:
        process.send_signal(signal.SIGINT)
        try:
            await asyncio.wait_for(process.wait(), STOP_SECONDS)
        except TimeoutError:
            for child in service.processes()[1:]:
                child.kill()
            process.kill()
            await process.wait()


async def _wait_until_ready(service: ServiceProcess) -> None:
    deadline = time.monotonic() + START_SECONDS
    async with httpx.AsyncClient(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if service.process.returncode is not None:
                raise RuntimeError(f"the service exited while starting:\n{service.log_tail()}")
            try:
                if (await client.get(f"{service.url}/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass  # not listening yet
            await asyncio.sleep(0.1)
    raise RuntimeError(f"the service was not ready in {START_SECONDS:.0f} s:\n{service.log_tail()}")


async def new_api_key(database_url: str, name: str = "Benchmark recruiter") -> str:
    """A recruiter's API key for the service on `database_url`."""
    engine = create_engine(database_url)
    try:
        async with open_db(engine) as db:
            _user, key = await create_user(db, name=name, role="recruiter")
    finally:
        await engine.dispose()
    return key
