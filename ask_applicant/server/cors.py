"""CORS for the applicant's own sites (`CORS_ORIGINS`): their pages may call the API.

Only listed origins get `Access-Control-Allow-Origin`, and with it credentials (the
share-link cookie, or an `Authorization` header the page sets). With no origins listed
no CORS headers are sent at all, and browsers keep other sites' pages out.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from ask_applicant.settings import Settings

ALLOWED_METHODS = ["GET", "POST", "PATCH", "DELETE"]
ALLOWED_HEADERS = ["Authorization", "Content-Type", "Last-Event-ID", "Idempotency-Key"]
# X-Session-Id and X-Run-Id: the adapters name the conversation and run there.
EXPOSED_HEADERS = ["Location", "Retry-After", "Content-Language", "X-Session-Id", "X-Run-Id"]
PREFLIGHT_MAX_AGE_SECONDS = 600


def install_cors(app: FastAPI, settings: Settings) -> None:
    """Answer preflights and add CORS headers for `settings.cors_origins` (none: no-op).

    Add it last, so it is the outermost middleware and answers preflights first.
    """
    if not settings.cors_origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=ALLOWED_METHODS,
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        max_age=PREFLIGHT_MAX_AGE_SECONDS,
    )
