"""The errors a caller of the run manager handles (each maps to one HTTP answer)."""

from __future__ import annotations

from ask_applicant.persistence.runs import SessionBusyError
from ask_applicant.persistence.store import SessionNotFoundError

__all__ = [
    "ClientMessageIdReusedError",
    "InvalidRunRequestError",
    "RunManagerClosedError",
    "RunNotFoundError",
    "SessionBusyError",
    "SessionNotFoundError",
    "TooManyRunsError",
]


class RunNotFoundError(LookupError):
    """No such run, or not one the caller may see (answer 404 either way)."""


class InvalidRunRequestError(ValueError):
    """The message or client message id cannot be accepted (answer 422).

    Attributes:
        field: The offending field ("message" or "client_message_id").
    """

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class RunManagerClosedError(RuntimeError):
    """The server is shutting down and starts no new runs (answer 503)."""


class TooManyRunsError(RuntimeError):
    """The caller already has their cap of runs in progress (answer 429)."""


class ClientMessageIdReusedError(ValueError):
    """A `client_message_id` already named a different message (answer 409).

    Attributes:
        run_id: The run the id names.
    """

    def __init__(self, run_id: str) -> None:
        super().__init__("client_message_id was already used for a different message")
        self.run_id = run_id
