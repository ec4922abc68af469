"""Errors as `application/problem+json` (RFC 9457), for every failure the API can answer.

Routes raise `Problem`; FastAPI's validation errors, Starlette's 404/405 and any
unexpected exception are turned into the same shape by the handlers installed with
`install_problem_handlers`, so a client never has to parse two error formats and
never sees a stack trace. An unreachable database is a 503 with `Retry-After`, not a
500: the request may well succeed a little later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match

from ask_applicant.persistence.columns import dumps
from ask_applicant.persistence.outage import DatabaseUnavailableError, cause_of, is_unavailable

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:ask-applicant:problem:"
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_REPORTED_ERRORS = 20
DATABASE_RETRY_AFTER_SECONDS = 5
CHECKED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")

# Our own words, not `http.HTTPStatus`'s: its phrases change between Python versions
# (3.13 says "Unprocessable Content" where 3.11 said "Unprocessable Entity").
TITLES: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    413: "Request Entity Too Large",
    415: "Unsupported Media Type",
    421: "Misdirected Request",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class Problem(Exception):
    """An error the API answers as problem+json.

    Args:
        status: The HTTP status.
        detail: What went wrong, for a human, in one or two sentences.
        kind: A short slug naming the kind of problem (`session-busy`); its `type` URI is
            built from it. None means `about:blank` (the status says it all).
        title: A short summary; defaults to the status phrase.
        headers: Extra response headers (`WWW-Authenticate`, `Retry-After`).
        extra: Extension members added to the body (`active_run_id`).
    """

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str | None = None,
        title: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind
        self.title = title or _phrase(status)
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def response(self) -> Response:
        """This problem as a response."""
        return problem_response(
            self.status,
            self.detail,
            kind=self.kind,
            title=self.title,
            headers=self.headers,
            extra=self.extra,
        )


def json_text(value: Any) -> str:
    """JSON as the API writes it: compact, Korean and emoji as they are.

    A lone surrogate cannot be encoded as UTF-8; it is written as a `\\uXXXX` escape
    instead, which JSON parsers accept, so no value can make a response fail.
    """
    text = dumps(value)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def problem_response(
    status: int,
    detail: str,
    *,
    kind: str | None = None,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Response:
    """A problem+json response with `type`, `title`, `status`, `detail` and any extras."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + kind if kind else "about:blank",
        "title": title or _phrase(status),
        "status": status,
        "detail": detail,
    }
    body.update({name: value for name, value in (extra or {}).items() if name not in body})
    return Response(
        json_text(body).encode("utf-8"),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=dict(headers or {}),
    )


def _phrase(status: int) -> str:
    return TITLES.get(status, "Error")


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only where and why: echoing the input could repeat megabytes or a lone surrogate.
    return [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()[:MAX_REPORTED_ERRORS]
    ]


def _summary(errors: list[dict[str, Any]]) -> str:
    if not errors:
        return "The request is not valid."
    first = errors[0]
    where = ".".join(part for part in first["loc"] if part != "body") or "request"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


async def _on_problem(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return exc.response()


async def _on_validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    return problem_response(422, _summary(errors), kind="invalid-request", extra={"errors": errors})


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 404:
        detail = "There is nothing at this address."
    elif exc.status_code == 405:
        allow = ", ".join(allowed_methods(request))
        if request.method == "OPTIONS":
            return Response(status_code=204, headers={"Allow": allow})
        detail = "This address does not accept this method."
        headers["Allow"] = allow
    else:
        detail = str(exc.detail)
    return problem_response(exc.status_code, detail, headers=headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route of the app accepts at the request's path, and OPTIONS.

    Starlette's own `Allow` names only the first route that matched the path, so a path
    served by two routes (GET and HEAD) advertised one of them. Each method is tried
    against every route, through the routes' public `matches`.
    """
    routes = request.app.router.routes
    allowed = [
        method
        for method in CHECKED_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes
        )
    ]
    return [*allowed, "OPTIONS"]


async def _on_unexpected(_request: Request, _exc: Exception) -> Response:
    # Starlette re-raises the exception after this response, so the server logs it.
    return problem_response(500, "Something went wrong on our side; the error was logged.")


async def _on_database_error(request: Request, exc: Exception) -> Response:
    if not is_unavailable(exc):
        logger.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return problem_response(500, "Something went wrong on our side; the error was logged.")
    # One line, no traceback: during an outage every request would log one.
    where = f"{request.method} {request.url.path}"
    logger.warning("%s: the database is unreachable: %s", where, cause_of(exc))
    return problem_response(
        503,
        "The database is unreachable right now; try again shortly.",
        kind="database-unavailable",
        headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
    )


class StreamOver(Exception):
    """A finished run's stream asked for after its terminal event: nothing more will come."""


async def _on_stream_over(request: Request, error: Exception) -> Response:
    return Response(status_code=204)


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error of `app` answer problem+json."""
    app.add_exception_handler(StreamOver, _on_stream_over)
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(SQLAlchemyError, _on_database_error)
    app.add_exception_handler(DatabaseUnavailableError, _on_database_error)
    app.add_exception_handler(Exception, _on_unexpected)
