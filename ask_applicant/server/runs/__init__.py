"""Server-owned runs: started, recorded, replayed, followed, cancelled and swept.

Public names: `RunManager`, `RunEventRecord`, `TERMINAL_EVENTS`, and the errors
`SessionBusyError`, `SessionNotFoundError`, `ClientMessageIdReusedError`, `RunNotFoundError`,
`InvalidRunRequestError`, `RunManagerClosedError`, `TooManyRunsError`.
"""

from __future__ import annotations

from ask_applicant.server.runs.errors import (
    ClientMessageIdReusedError,
    InvalidRunRequestError,
    RunManagerClosedError,
    RunNotFoundError,
    SessionBusyError,
    SessionNotFoundError,
    TooManyRunsError,
)
from ask_applicant.server.runs.manager import RunManager
from ask_applicant.server.runs.record import TERMINAL_EVENTS, RunEventRecord

__all__ = [
    "TERMINAL_EVENTS",
    "ClientMessageIdReusedError",
    "InvalidRunRequestError",
    "RunEventRecord",
    "RunManager",
    "RunManagerClosedError",
    "RunNotFoundError",
    "SessionBusyError",
    "SessionNotFoundError",
    "TooManyRunsError",
]
