"""`MariaDbServer`: a MariaDB server of the test's own, to kill and start again.

Its own data directory, port and socket, so stopping it touches nothing else. Needs
`/usr/sbin/mariadbd` and `mariadb-install-db` (installed by `.ci/run`).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

MARIADBD = Path("/usr/sbin/mariadbd")
START_TIMEOUT_SECONDS = 60.0


def mariadb_available() -> bool:
    """True when a MariaDB server binary and its installer are here."""
    return MARIADBD.is_file() and shutil.which("mariadb-install-db") is not None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MariaDbServer:
    """A throwaway MariaDB on 127.0.0.1: `start`, `kill` (SIGKILL) or `pause` (SIGSTOP),
    `start` or `resume` again, `stop`.

    Args:
        root: An empty directory for its data, socket and log.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.datadir = root / "data"
        self.port = _free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def database_url(self) -> str:
        """A `mysql+asyncmy://` URL of its `ask` database (made by `start`)."""
        return f"mysql+asyncmy://root@127.0.0.1:{self.port}/ask"

    def start(self) -> None:
        """Start it (initialising the data directory the first time) and wait until it answers."""
        if not self.datadir.exists():
            subprocess.run(
                [
                    "mariadb-install-db",
                    "--no-defaults",
                    f"--datadir={self.datadir}",
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db",
                    *(["--user=root"] if os.geteuid() == 0 else []),
                ],
                check=True,
                capture_output=True,
            )
        self._process = subprocess.Popen(
            [
                str(MARIADBD),
                "--no-defaults",
                f"--datadir={self.datadir}",
                f"--port={self.port}",
                "--bind-address=127.0.0.1",
                f"--socket={self.root / 'mariadb.sock'}",
                f"--pid-file={self.root / 'mariadb.pid'}",
                f"--log-error={self.root / 'mariadb.log'}",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=16M",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_bin",
                *(["--user=root"] if os.geteuid() == 0 else []),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_ready()
        self._sql("CREATE DATABASE IF NOT EXISTS ask")

    def kill(self) -> None:
        """Kill it at once (SIGKILL), as a crash would; open connections break."""
        process = self._process
        if process is None:
            return
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        self._process = None

    def pause(self) -> None:
        """Freeze it (SIGSTOP): connections stay open but nothing answers."""
        assert self._process is not None
        self._process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        """Let a paused server go on (SIGCONT)."""
        assert self._process is not None
        self._process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        """Kill it if it runs (the data directory is the test's to throw away)."""
        if self._process is not None:
            self.resume()  # A stopped process takes SIGKILL too, but let it go cleanly.
        self.kill()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            assert self._process is not None
            if self._process.poll() is not None:
                log = (self.root / "mariadb.log").read_text(errors="replace")
                raise RuntimeError(f"mariadbd exited with {self._process.returncode}:\n{log}")
            try:
                self._sql("SELECT 1")
                return
            except subprocess.CalledProcessError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)  # Polling a starting server: nothing to wait on instead.

    def _sql(self, statement: str) -> None:
        subprocess.run(
            [
                "mariadb",
                "--no-defaults",
                "--protocol=tcp",
                "-h127.0.0.1",
                f"-P{self.port}",
                "-uroot",
                "-e",
                statement,
            ],
            check=True,
            capture_output=True,
        )
