"""A server whose answers hang half-way, to be killed by a test (see test_runs.py).

Run as `python tests/server/held_server.py` with DATABASE_URL set; prints its port on
the first line of stdout once it serves.
"""

from __future__ import annotations

import socket
import sys

import uvicorn
from held_model import HeldModel  # type: ignore[import-not-found]

from ask_applicant.server.app import create_app
from ask_applicant.settings import Settings


def main() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = create_app(Settings(_env_file=None), model=HeldModel(hold=True))  # type: ignore[call-arg]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    original_startup = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original_startup(sockets=sockets)
        print(sock.getsockname()[1], flush=True)

    server.startup = startup  # type: ignore[method-assign]
    server.run(sockets=[sock])


if __name__ == "__main__":
    sys.exit(main())
