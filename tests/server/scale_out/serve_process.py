"""`ServeProcess`: a real `ask-applicant serve` process on a free loopback port.

Its log is read by a thread as it comes (a full pipe would stall the server), so a test
can wait for start-up and look for a warning without sleeping.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading

STARTED = "Application startup complete"
START_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 30.0


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServeProcess:
    """`python -m ask_applicant serve` with `env` added to this process's environment."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log: list[str] = []
        self._started = threading.Event()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "ask_applicant", "serve", "--port", str(self.port)],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()

    def wait_started(self) -> None:
        """Block until the server serves; raises when it exits or takes too long."""
        if not self._started.wait(START_TIMEOUT_SECONDS):
            self.stop()
            raise TimeoutError("the server did not start:\n" + "".join(self.log))
        if self._process.poll() is not None:
            raise RuntimeError("the server stopped during start-up:\n" + "".join(self.log))

    def logged(self, text: str) -> bool:
        """Whether any log line so far contains `text`."""
        return any(text in line for line in list(self.log))

    def stop(self) -> None:
        """SIGTERM (a graceful shutdown), then SIGKILL if it hangs."""
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=5)

    def _read_log(self) -> None:
        assert self._process.stderr is not None
        for line in self._process.stderr:
            self.log.append(line)
            if STARTED in line:
                self._started.set()
        self._started.set()  # Exited: let a waiter see it.
