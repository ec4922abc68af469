"""Running the fake upstream on loopback: in a background thread or in its own process."""

from __future__ import annotations

import logging
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import httpx
import openai
import uvicorn

from benchmarks.fake_openai.app import FakeUpstream
from benchmarks.fake_openai.config import FakeConfig
from benchmarks.fake_openai.exchange import DroppedConnection

ANNOUNCEMENT = "fake-openai listening on "
_PROJECT_ROOT = Path(__file__).resolve().parents[2]
_START_SECONDS = 20.0
_STOP_SECONDS = 10.0


class FakeOpenAI:
    """A fake OpenAI API on loopback, for the unmodified ``openai`` client and the Agents SDK.

    Example:
        >>> with FakeOpenAI(FakeConfig(ttft_ms=50)).running() as base_url:
        ...     client = AsyncOpenAI(api_key="test", base_url=base_url)

    Args:
        config: What the fake does; see :class:`FakeConfig`.
        host: Interface to listen on.
        port: Port to listen on; 0 picks a free one.
    """

    def __init__(
        self, config: FakeConfig | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.config = config or FakeConfig()
        self._host = host
        self._port = port
        self._origin: str | None = None

    @property
    def base_url(self) -> str:
        """The ``base_url`` (or ``OPENAI_BASE_URL``) for clients, ending in ``/v1``.

        Raises:
            RuntimeError: The server is not running.
        """
        return f"{self.origin}/v1"

    @property
    def origin(self) -> str:
        """Scheme, host and port, where the ``/_fake`` control endpoints live.

        Raises:
            RuntimeError: The server is not running.
        """
        if self._origin is None:
            raise RuntimeError("the fake OpenAI server is not running; use FakeOpenAI.running()")
        return self._origin

    @contextmanager
    def running(self, *, in_subprocess: bool = False) -> Iterator[str]:
        """Serve until the block exits, then shut down, cutting stalls and streams short.

        Args:
            in_subprocess: Run in a child process (``python -m benchmarks.fake_openai``), so
                the fake's CPU use stays out of the process being measured. By default it
                runs on its own event loop in a daemon thread of this process.

        Yields:
            The ``base_url`` for clients.

        Raises:
            RuntimeError: The server did not become healthy in time.
        """
        starter = self._in_subprocess if in_subprocess else self._in_thread
        with starter() as origin:
            self._origin = origin
            try:
                yield self.base_url
            finally:
                self._origin = None

    def client(self, **options: Any) -> openai.AsyncOpenAI:
        """A plain ``openai.AsyncOpenAI`` for this server; ``max_retries`` defaults to 0.

        Args:
            **options: Passed to ``AsyncOpenAI`` (``timeout``, ``max_retries``, ...).
        """
        options.setdefault("max_retries", 0)  # so that injected faults surface at once
        return openai.AsyncOpenAI(api_key="test", base_url=self.base_url, **options)

    def stats(self) -> dict[str, Any]:
        """Counters since start or reset: requests, per endpoint, replies, faults, in flight."""
        return self._control("GET", "stats")

    def requests(self) -> list[dict[str, Any]]:
        """The latest model requests: endpoint, model, stream, tools offered, reply, fault."""
        return self._control("GET", "requests")

    def reset(self) -> None:
        """Zero the counters; the Nth-request faults count from here again."""
        self._control("POST", "reset")

    def configure(self, config: FakeConfig) -> None:
        """Replace the behaviour of the running server, from its next request on."""
        self._control("PUT", "config", json=config.model_dump(mode="json"))
        self.config = config

    def _control(self, method: str, name: str, **kwargs: Any) -> Any:
        response = httpx.request(method, f"{self.origin}/_fake/{name}", **kwargs)
        response.raise_for_status()
        return response.json()

    @contextmanager
    def _in_thread(self) -> Iterator[str]:
        sock = listening_socket(self._host, self._port)
        upstream = FakeUpstream(self.config)
        server = UpstreamServer(upstream)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="fake-openai", daemon=True
        )
        thread.start()
        try:
            origin = _origin(self._host, sock.getsockname()[1])
            _wait_until_healthy(origin, thread.is_alive, lambda: "the server thread died")
            yield origin
        finally:
            server.should_exit = True
            thread.join(_STOP_SECONDS)
            sock.close()

    @contextmanager
    def _in_subprocess(self) -> Iterator[str]:
        command = [
            sys.executable,
            "-m",
            "benchmarks.fake_openai",
            f"--host={self._host}",
            f"--port={self._port}",
            *self.config.to_cli_args(),
        ]
        with tempfile.TemporaryFile("w+") as errors:
            process = subprocess.Popen(
                command, cwd=_PROJECT_ROOT, stdout=subprocess.PIPE, stderr=errors, text=True
            )

            def failure() -> str:
                errors.seek(0)
                return f"exit code {process.poll()}: {errors.read()[-2000:]}"

            try:
                assert process.stdout is not None
                line = _read_line(process.stdout, _START_SECONDS)
                if not line.startswith(ANNOUNCEMENT):
                    raise RuntimeError(f"the fake OpenAI server did not start: {failure()}")
                origin = line.removeprefix(ANNOUNCEMENT).strip().removesuffix("/v1")
                _wait_until_healthy(origin, lambda: process.poll() is None, failure)
                yield origin
            finally:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(_STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


class UpstreamServer(uvicorn.Server):
    """uvicorn, quiet, telling the upstream to stop waiting as soon as shutdown begins."""

    def __init__(self, upstream: FakeUpstream) -> None:
        _quiet_dropped_connections()
        super().__init__(
            uvicorn.Config(
                upstream.app,
                loop="asyncio",
                http="h11",
                ws="none",
                lifespan="off",
                # None leaves the host process's logging alone (tests, the benchmark).
                log_config=None,
                log_level="warning",
                access_log=False,
                timeout_keep_alive=30,
                timeout_graceful_shutdown=2,
            )
        )
        self._upstream = upstream

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """Release stalled and paced replies, then shut down as uvicorn does."""
        self._upstream.close()
        await super().shutdown(sockets)


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket; port 0 picks a free port, known before serving starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, backlog=2048)


def _origin(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _wait_until_healthy(origin: str, alive: Callable[[], bool], why: Callable[[], str]) -> None:
    deadline = time.monotonic() + _START_SECONDS
    with httpx.Client(timeout=1.0) as client:
        while time.monotonic() < deadline:
            if not alive():
                raise RuntimeError(f"the fake OpenAI server stopped while starting: {why()}")
            try:
                if client.get(f"{origin}/_fake/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass  # not accepting yet; poll again until the deadline
            time.sleep(0.01)
    raise RuntimeError(f"the fake OpenAI server was not healthy in {_START_SECONDS:.0f} s")


def _read_line(stream: IO[str], seconds: float) -> str:
    """The child's first line of output, or "" if none comes in time."""
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline() if ready else ""


class _DroppedConnectionFilter(logging.Filter):
    """Hides uvicorn's traceback for the connection cut on purpose by a ``drop`` fault."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, DroppedConnection)


def _quiet_dropped_connections() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _DroppedConnectionFilter) for f in logger.filters):
        logger.addFilter(_DroppedConnectionFilter())
