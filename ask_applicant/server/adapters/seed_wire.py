"""The seed front end's API on the wire: its bodies, its envelope, its stream, its caller.

The front end written for the backend this service replaces (bibibush/Agent-Front)
sends no credentials, knows users, conversations and messages by integers, wraps every
answer in `{"status_code", "message", "data"}` and reads errors from `detail`.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.responses import JSONResponse, Response

from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.users import hash_api_key
from ask_applicant.server.adapters.error_routes import AdapterError
from ask_applicant.server.schemas import MAX_MESSAGE_FIELD_CHARS

SEED_USER_ID = "seed-front-end"
IMAGES_NOT_SUPPORTED = {
    "en": "(Images are not supported here; only the text of a message is answered.)",
    "ko": "(이미지는 지원하지 않습니다. 메시지의 글만 답변합니다.)",
}
MAX_INPUT_MESSAGES = 50
MAX_PARTS = 20


class SeedPart(BaseModel):
    """`{"type": "input_text", "text"}` or `{"type": "input_image", "image_url"}`."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(max_length=64)
    text: str | None = Field(default=None, max_length=MAX_MESSAGE_FIELD_CHARS)


class SeedInputMessage(BaseModel):
    """One message of a list `input`."""

    model_config = ConfigDict(extra="allow")

    role: str = Field(max_length=32)
    content: str | list[SeedPart] = Field(max_length=MAX_MESSAGE_FIELD_CHARS)


class SeedAskRequest(BaseModel):
    """`POST /openai-response/sse|text`. `model`, `mode`, `stream`, `instructions` and
    `tools` are accepted and ignored: the agents choose their own model and tools."""

    model_config = ConfigDict(extra="allow")

    input: str | list[SeedInputMessage] = Field(max_length=MAX_MESSAGE_FIELD_CHARS)
    session_id: int | None = None
    model: str | None = Field(default=None, max_length=200)
    mode: str | None = Field(default=None, max_length=64)
    stream: bool | None = None
    instructions: Any = None
    tools: Any = None


def envelope(data: Any, message: str = "성공") -> dict[str, Any]:
    """The front end's success envelope."""
    return {"status_code": 200, "message": message, "data": data}


def seed_error(error: AdapterError) -> Response:
    """An error the front end can read: `detail` holds the message."""
    body = {
        "status_code": error.status,
        "message": error.message,
        "detail": error.message,
        "data": None,
    }
    return JSONResponse(body, status_code=error.status, headers=dict(error.headers))


def text_frame(text: str) -> str:
    """A piece of answer text as one SSE frame; each line of it is one `data:` line."""
    return "".join(f"data: {line}\n" for line in text.split("\n")) + "\n"


def session_frame(alias: int) -> str:
    """The frame telling the front end which conversation it is in."""
    return f"event: session\ndata: {alias}\n\n"


def question_of(body: SeedAskRequest) -> tuple[str, bool]:
    """The text to answer and whether an image came with it.

    Raises:
        ValueError: A role other than `user`, or a part that is neither text nor image.
    """
    if isinstance(body.input, str):
        return body.input, False
    if not body.input:
        raise ValueError("input: there is no message")
    if len(body.input) > MAX_INPUT_MESSAGES:
        raise ValueError(f"input: at most {MAX_INPUT_MESSAGES} messages")
    texts: list[str] = []
    image = False
    for index, message in enumerate(body.input):
        if message.role != "user":
            raise ValueError(f"input.{index}.role: only `user` messages can be answered")
        parts = (
            [SeedPart(type="input_text", text=message.content)]
            if isinstance(message.content, str)
            else message.content
        )
        for part in parts[:MAX_PARTS]:
            if part.type == "input_text" and part.text is not None:
                texts.append(part.text)
            elif part.type == "input_image":
                image = True
            else:
                raise ValueError(f"input.{index}: a {part.type[:64]!r} part is not supported")
    return "\n".join(texts), image


async def seed_identity(engine: AsyncEngine, name: str) -> User:
    """The one recruiter every caller without credentials is (created on first use).

    Its API key is random and never shown, so nobody can use it with a Bearer key.
    """
    async with open_db(engine) as db:
        user = await db.get(User, SEED_USER_ID)
        if user is not None:
            return user
        unusable = hash_api_key(secrets.token_urlsafe(32))
        db.add(
            User(
                id=SEED_USER_ID,
                name=name,
                role="recruiter",
                api_key_hash=unusable,
                api_key_prefix=hashlib.sha256(unusable.encode()).hexdigest()[:10],
            )
        )
        try:
            await db.commit()
        except IntegrityError:  # Created by a concurrent request.
            await db.rollback()
        user = await db.get(User, SEED_USER_ID)
        assert user is not None
        return user
