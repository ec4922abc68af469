"""What a request about runs may contain, checked before anything touches the database."""

from __future__ import annotations

from ask_applicant.persistence.runs import MAX_CLIENT_MESSAGE_ID_LENGTH
from ask_applicant.persistence.titles import clean_title, shortened
from ask_applicant.server.runs.errors import InvalidRunRequestError

MAX_ID_LENGTH = 64
TITLE_LENGTH = 80


def check_run_request(message: str, client_message_id: str | None, *, max_chars: int) -> None:
    """Accept a question and its client id, or say which one is wrong and why.

    Raises:
        InvalidRunRequestError: Empty or whitespace-only, longer than `max_chars`, holding
            NUL or lone surrogates (which no database column takes); a client id that is
            not 1 to 128 printable ASCII characters.
    """
    if not isinstance(message, str) or not message.strip():
        raise InvalidRunRequestError("message", "must not be empty")
    if len(message) > max_chars:
        raise InvalidRunRequestError("message", f"must be at most {max_chars} characters")
    if "\x00" in message or not _encodable(message):
        raise InvalidRunRequestError("message", "contains characters that are not text")
    if client_message_id is not None and not (
        0 < len(client_message_id) <= MAX_CLIENT_MESSAGE_ID_LENGTH
        and client_message_id.isascii()
        and client_message_id.isprintable()
    ):
        raise InvalidRunRequestError(
            "client_message_id",
            f"must be 1 to {MAX_CLIENT_MESSAGE_ID_LENGTH} printable ASCII characters",
        )


def plausible_id(identifier: str) -> bool:
    """False for a string that cannot be a run or session id, so no query is needed.

    Ids are short printable ASCII; anything else (huge, Korean, NUL, lone surrogates)
    would only make the driver fail.
    """
    return (
        isinstance(identifier, str)
        and 0 < len(identifier) <= MAX_ID_LENGTH
        and identifier.isascii()
        and identifier.isprintable()
    )


def conversation_title(message: str) -> str:
    """A new conversation's title: its first message on one line, shortened."""
    title = clean_title(message)
    return shortened(title, TITLE_LENGTH)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
