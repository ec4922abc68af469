"""`ProcessIdentity`: which process answers a run, recorded so its death is decidable.

A run row names the process answering it: host name, kernel boot id, PID namespace,
PID and the process's start time. A server starting on the same host (same boot, same
PID namespace) can then tell for certain that the owner is gone: no process has that
PID, or the one that has it started at another time (the PID was reused), or it is a
zombie. Anything it cannot decide (another host, no `/proc`) is left to the heartbeat
sweep.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path

PROC = Path("/proc")
MAX_HOST_LENGTH = 100
# Field 22 of /proc/PID/stat (starttime), counted from the field after the command name.
_STARTTIME_INDEX = 19
_DEAD_STATES = ("Z", "X")


@dataclass(frozen=True)
class ProcessIdentity:
    """A process, named so that another process on the same machine can check it.

    Attributes:
        host: The host name.
        boot: The kernel's boot id ("" when unknown): PIDs are only comparable within a boot.
        pid_namespace: The PID namespace ("" when unknown): containers number PIDs apart.
        pid: The process id.
        started: The process's start time in clock ticks after boot ("" when unknown).
    """

    host: str
    boot: str
    pid_namespace: str
    pid: int
    started: str

    @classmethod
    def current(cls) -> ProcessIdentity:
        """This process."""
        return cls.of_pid(os.getpid())

    @classmethod
    def of_pid(cls, pid: int) -> ProcessIdentity:
        """The process `pid` on this machine (its start time empty when it is gone)."""
        stat = _stat(pid)
        return cls(
            host=socket.gethostname()[:MAX_HOST_LENGTH],
            boot=_read(PROC / "sys" / "kernel" / "random" / "boot_id"),
            pid_namespace=_namespace(),
            pid=pid,
            started=stat[1] if stat is not None else "",
        )

    def dumps(self) -> str:
        """The identity as stored in `runs.owner_process` (compact JSON)."""
        return json.dumps(asdict(self), separators=(",", ":"), sort_keys=True)

    @classmethod
    def loads(cls, text: str | None) -> ProcessIdentity | None:
        """Read a stored identity; None for a missing or unreadable one."""
        if not text:
            return None
        try:
            fields = json.loads(text)
            return cls(
                host=str(fields["host"]),
                boot=str(fields["boot"]),
                pid_namespace=str(fields["pid_namespace"]),
                pid=int(fields["pid"]),
                started=str(fields["started"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def is_gone(self, here: ProcessIdentity) -> bool:
        """True only when it is certain that this process no longer runs.

        Args:
            here: The identity of the process asking (it must be on the same host, in the
                same boot and PID namespace to decide anything).

        Returns:
            True when no process with this PID and start time runs (or it is a zombie);
            False when it runs, or when that cannot be known from here.
        """
        comparable = (
            self.host == here.host
            and self.boot == here.boot
            and self.pid_namespace == here.pid_namespace
        )
        if not (comparable and self.boot and self.pid_namespace and self.started):
            return False
        stat = _stat(self.pid)
        if stat is None:
            return True
        state, started = stat
        return started != self.started or state in _DEAD_STATES


def _stat(pid: int) -> tuple[str, str] | None:
    """The state and start time of process `pid`, or None when there is none."""
    text = _read(PROC / str(pid) / "stat")
    # The command name is in parentheses and may itself hold spaces or parentheses.
    fields = text.rpartition(")")[2].split()
    if len(fields) <= _STARTTIME_INDEX:
        return None
    return fields[0], fields[_STARTTIME_INDEX]


def _namespace() -> str:
    try:
        return os.readlink(PROC / "self" / "ns" / "pid")
    except OSError:
        return ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
