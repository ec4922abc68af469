"""An OpenAI-style `messages` list read as a conversation: checked turns and the question."""

from __future__ import annotations

from collections.abc import Sequence

from ask_applicant.server.adapters.error_routes import AdapterError, ShapedError
from ask_applicant.server.adapters.history_key import Turn
from ask_applicant.server.adapters.openai_wire import ChatMessage

ROLES = ("system", "developer", "user", "assistant")
TEXT_PARTS = ("text", "input_text")


def conversation_turns(messages: Sequence[ChatMessage]) -> list[Turn]:
    """The history as turns, ending with the user's question.

    Raises:
        ShapedError: 400 for an unknown role, a part that is not text, or a history
            that does not end with a user message with some text.
    """
    turns = [_turn(index, message) for index, message in enumerate(messages)]
    last = len(turns) - 1
    if turns[last].role != "user":
        raise _bad(
            f"messages.{last}.role",
            "The last message must be the user's question (role `user`).",
            "invalid_role",
        )
    return turns


def _turn(index: int, message: ChatMessage) -> Turn:
    if message.role not in ROLES:
        raise _bad(
            f"messages.{index}.role",
            f"Role {message.role[:32]!r} is not supported; use one of {', '.join(ROLES)}.",
            "invalid_role",
        )
    content = message.content
    if content is None:
        return Turn(message.role, "")
    if isinstance(content, str):
        return Turn(message.role, content)
    texts: list[str] = []
    for part_index, part in enumerate(content):
        if part.type not in TEXT_PARTS or part.text is None:
            raise _bad(
                f"messages.{index}.content.{part_index}",
                f"Only text can be answered; a {part.type[:64]!r} part is not supported.",
                "unsupported_content",
            )
        texts.append(part.text)
    return Turn(message.role, "\n".join(texts))


def _bad(param: str, message: str, code: str) -> ShapedError:
    return ShapedError(AdapterError(400, message, code, param))
