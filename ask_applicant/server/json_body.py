"""Request bodies read as JSON the same way on every Python version.

Starlette's `Request.json()` hands the raw bytes to `json.loads`, which guesses
UTF-16 and UTF-32 from the first bytes, and whose nesting limit depends on the
interpreter (a body nested 5,000 deep fails on 3.11 and parses on 3.13). Routes with
a JSON body use `JsonBodyRoute` instead: the body must be UTF-8 (a leading byte order
mark is ignored, as RFC 8259 allows) and nest at most `MAX_JSON_DEPTH` levels, else 400.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine
from itertools import accumulate
from typing import Any

from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

MAX_JSON_DEPTH = 32
UTF8_BOM = b"\xef\xbb\xbf"
# A string, to the end of the text when unterminated. Possessive, so no input makes it
# backtrack: the scan stays linear in the body's length.
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_text(body: bytes) -> str:
    """The body as JSON text, decoded strictly as UTF-8.

    Raises:
        HTTPException: 400 when the body is not UTF-8 or nests too deeply.
    """
    if body.startswith(UTF8_BOM):
        body = body[len(UTF8_BOM) :]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "The body is not UTF-8 text; send JSON as UTF-8.") from None
    if "\x00" in text:
        # JSON never holds a raw NUL; UTF-16 and UTF-32 text (without a BOM) always does.
        raise HTTPException(400, "The body is not UTF-8 text; send JSON as UTF-8.")
    if _depth(text) > MAX_JSON_DEPTH:
        raise HTTPException(400, f"The body nests deeper than {MAX_JSON_DEPTH} levels.")
    return text


def _depth(text: str) -> int:
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0
    # Brackets inside strings do not nest; malformed text is json.loads's to reject.
    # Counted by C code (re, map, accumulate, max): a 1 MiB body takes milliseconds.
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


class StrictJsonRequest(Request):
    """A request whose `json()` accepts only UTF-8 JSON of bounded depth."""

    async def json(self) -> Any:
        """The body parsed as JSON.

        Raises:
            HTTPException: 400 for a body that is not UTF-8 or nests too deeply.
            json.JSONDecodeError: Malformed JSON (FastAPI answers 422).
        """
        if not hasattr(self, "_json"):
            self._json = json.loads(json_text(await self.body()))
        return self._json


class JsonBodyRoute(APIRoute):
    """A FastAPI route that reads its JSON body with `StrictJsonRequest`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The route's handler, given the strict request."""
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict_handler
