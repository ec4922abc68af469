"""Routes whose errors take their protocol's shape instead of problem+json.

    router = APIRouter(route_class=error_route(openai_error))

Every error a route of such a router can raise, from body validation, the auth and
rate-limit dependencies or the route itself, is caught as it leaves the route and
handed to the protocol's shape function; the rest of the API keeps problem+json.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from ask_applicant.server.problems import Problem


@dataclass(frozen=True)
class AdapterError:
    """An error, before it is put in a protocol's shape.

    Attributes:
        status: The HTTP status (422 for a body that failed validation).
        message: What went wrong, for a person.
        kind: The problem kind (`invalid-request`, `not-found`, `too-many-runs`, ...).
        param: The offending field, dotted (`messages.0.role`), when known.
        headers: Headers to keep (`Retry-After`, `WWW-Authenticate`).
    """

    status: int
    message: str
    kind: str | None = None
    param: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of_problem(cls, problem: Problem) -> AdapterError:
        """The same error as a `Problem` the shared code raised."""
        return cls(problem.status, problem.detail, problem.kind, None, problem.headers)


ErrorShape = Callable[[AdapterError], Response]


class ShapedError(Exception):
    """Raised by an adapter's route to answer `error` in its protocol's shape."""

    def __init__(self, error: AdapterError) -> None:
        super().__init__(error.message)
        self.error = error


def validation_error(exc: RequestValidationError) -> AdapterError:
    """A body that failed validation: its first error, where and why (never the input)."""
    errors = exc.errors()
    if not errors:
        return AdapterError(422, "The request is not valid.", "invalid-request")
    first = errors[0]
    loc = [str(part) for part in first.get("loc", ()) if part != "body"]
    param = ".".join(loc) or None
    message = str(first.get("msg", "is not valid"))
    if param:
        message = f"{param}: {message}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more)"
    return AdapterError(422, message, "invalid-request", param)


def error_route(shape: ErrorShape) -> type[APIRoute]:
    """An `APIRoute` class whose errors are answered by `shape`."""

    class ShapedErrorRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def shaped(request: Request) -> Response:
                try:
                    return await handler(request)
                except RequestValidationError as exc:
                    return shape(validation_error(exc))
                except Problem as problem:
                    return shape(AdapterError.of_problem(problem))
                except ShapedError as failure:
                    return shape(failure.error)

            return shaped

    return ShapedErrorRoute


class ShapesByPath:
    """Which error shape answers for a path, for errors raised before routing (413)."""

    def __init__(self) -> None:
        self._shapes: list[tuple[tuple[str, ...], ErrorShape]] = []

    def add(self, prefixes: tuple[str, ...], shape: ErrorShape) -> None:
        """Answer errors of paths starting with any of `prefixes` with `shape`."""
        self._shapes.append((prefixes, shape))

    def __call__(self, path: str, problem: Problem) -> Response | None:
        """The problem in the shape of `path`'s protocol; None for problem+json."""
        for prefixes, shape in self._shapes:
            if path.startswith(prefixes):
                return shape(AdapterError.of_problem(problem))
        return None
