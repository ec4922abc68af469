"""A real HTTP server on loopback that receives webhooks, failing the first N requests."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Receiver:
    """What the webhook server saw; `arrived(n)` is set when the n-th request came."""

    url: str
    fail_first: int
    bodies: list[Any] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    events: dict[int, threading.Event] = field(default_factory=dict)

    def arrived(self, count: int) -> threading.Event:
        return self.events.setdefault(count, threading.Event())


@contextmanager
def webhook_receiver(*, fail_first: int) -> Iterator[Receiver]:
    """Serve on 127.0.0.1 (a free port): 503 for the first `fail_first` POSTs, then 204."""
    receiver: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status = 503 if len(receiver.bodies) < receiver.fail_first else 204
            receiver.bodies.append(json.loads(body))
            receiver.statuses.append(status)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
            receiver.arrived(len(receiver.bodies)).set()

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver = Receiver(
        url=f"http://127.0.0.1:{server.server_address[1]}/hook", fail_first=fail_first
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
