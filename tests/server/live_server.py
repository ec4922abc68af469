"""`LiveServer`: the real app under a real uvicorn, on a free loopback port, in a thread."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI

START_TIMEOUT_SECONDS = 60.0


class LiveServer:
    """Runs `app` in a background thread with its own event loop until `stop()`."""

    def __init__(self, app: FastAPI) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        config = uvicorn.Config(
            app, lifespan="on", log_level="warning", timeout_graceful_shutdown=3
        )
        self.server = uvicorn.Server(config)
        self.exit_code: int | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.server.run(sockets=[self._socket])
        except SystemExit as stop:  # uvicorn exits when the lifespan fails to start
            self.exit_code = int(stop.code or 0)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start serving; raises when the app does not come up (e.g. its lifespan failed)."""
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not self.server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the server stopped during start-up (see the log above)")
            if time.monotonic() > deadline:
                raise TimeoutError("the server did not start in time")
            time.sleep(0.02)

    def stop(self) -> None:
        """Shut down gracefully (the lifespan's exit runs) and wait for the thread."""
        self.server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()
