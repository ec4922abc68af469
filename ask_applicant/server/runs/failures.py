"""What a failed run tells its client: a stable code and a plain message, never a trace."""

from __future__ import annotations

from dataclasses import dataclass

import openai
from agents import MaxTurnsExceeded, ModelBehaviorError

from ask_applicant.persistence.outage import is_unavailable


@dataclass(frozen=True)
class Failure:
    """The `run.failed` event's data.

    Attributes:
        code: One of `max_turns`, `timeout`, `model_error`, `rate_limited`,
            `database_unavailable`, `internal`.
        message: One sentence for the asker; it never contains exception text.
    """

    code: str
    message: str

    def to_data(self) -> dict[str, str]:
        """`{code, message}`, as the event carries it."""
        return {"code": self.code, "message": self.message}


TIMEOUT = Failure("timeout", "the answer took too long and was stopped")
SERVER_STOPPED = Failure("internal", "the server running this answer stopped")
DATABASE_UNAVAILABLE = Failure(
    "database_unavailable", "the database could not be reached for too long, so the answer stopped"
)
INTERNAL = Failure("internal", "something went wrong on our side while answering")


def failure_of(error: BaseException) -> Failure:
    """The failure to report for an exception that ended a run.

    Args:
        error: What escaped the turn (the caller logs it with its traceback).
    """
    if is_unavailable(error):
        return DATABASE_UNAVAILABLE
    if isinstance(error, MaxTurnsExceeded):
        return Failure("max_turns", "the agents needed more steps than allowed for one answer")
    # The subclasses first: a timeout and a rate limit are API errors too.
    if isinstance(error, openai.APITimeoutError):
        return Failure("timeout", "the language model did not answer in time")
    if isinstance(error, openai.RateLimitError):
        return Failure("rate_limited", "the language model is rate limited; try again shortly")
    if isinstance(error, openai.APIError | ModelBehaviorError):
        return Failure("model_error", "the language model failed to produce an answer")
    return INTERNAL
