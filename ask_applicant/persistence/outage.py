"""Database outages: telling them from other errors, and outlasting short ones.

An outage is the database not answering at all: refused or lost connections, a
server shutting down, a full pool, a locked SQLite file. Requests meet it as a 503
(`server.problems`); a run retries its writes through it for a bounded grace
(`outlast`), then ends with `database_unavailable`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy import exc as sa_exc

logger = logging.getLogger(__name__)

T = TypeVar("T")

# MySQL/MariaDB client and server codes that mean "no usable connection", not "bad SQL":
# too many connections, shutdown in progress, can't connect (socket, TCP, host),
# server gone away, lost connection, connection killed, and their relatives.
_UNREACHABLE_CODES = frozenset(
    {1040, 1053, 1927, 2002, 2003, 2005, 2006, 2013, 2026, 2047, 2055, 4031}
)
_SQLITE_BUSY = ("database is locked", "database is busy")
FIRST_RETRY_SECONDS = 0.2
MAX_RETRY_SECONDS = 2.0


class DatabaseUnavailableError(RuntimeError):
    """The database stayed unreachable for longer than we could wait."""


def is_unavailable(error: BaseException) -> bool:
    """True when `error` says the database cannot be reached now (worth a retry later).

    Args:
        error: Anything a database call raised.
    """
    if isinstance(error, DatabaseUnavailableError | sa_exc.TimeoutError):
        return True
    if isinstance(error, sa_exc.DisconnectionError):
        return True
    if not isinstance(error, sa_exc.DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    if not isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError):
        return False
    args = getattr(error.orig, "args", ())
    if args and isinstance(args[0], int):
        return args[0] in _UNREACHABLE_CODES
    return any(busy in str(error.orig) for busy in _SQLITE_BUSY)


def cause_of(error: BaseException) -> str:
    """The driver's own one-line message (without SQLAlchemy's statement and links)."""
    text = str(getattr(error, "orig", None) or error)
    return text.splitlines()[0] if text else type(error).__name__


async def outlast(attempt: Callable[[], Awaitable[T]], *, grace_seconds: float, what: str) -> T:
    """Call `attempt` until it succeeds, retrying outages for up to `grace_seconds`.

    Other errors are raised at once. The wait between tries grows from 0.2 s to 2 s.

    Args:
        attempt: One try of the operation (opening its own session each time).
        grace_seconds: How long after the first failure to keep trying; 0 or less
            tries once, and its error is raised as it is.
        what: What is being written, for the log.

    Raises:
        DatabaseUnavailableError: Still unreachable when the grace ran out.
    """
    if grace_seconds <= 0:
        return await attempt()
    loop = asyncio.get_running_loop()
    deadline: float | None = None
    delay = FIRST_RETRY_SECONDS
    while True:
        try:
            result = await attempt()
        except Exception as error:
            if not is_unavailable(error):
                raise
            now = loop.time()
            if deadline is None:
                deadline = now + grace_seconds
                cause = cause_of(error)
                logger.warning("the database is unreachable; retrying %s: %s", what, cause)
            if now >= deadline:
                raise DatabaseUnavailableError(
                    f"the database was unreachable for {grace_seconds:g}s"
                ) from error
            await asyncio.sleep(min(delay, deadline - now))
            delay = min(delay * 2, MAX_RETRY_SECONDS)
            continue
        if deadline is not None:
            logger.info("the database is back; %s stored", what)
        return result
