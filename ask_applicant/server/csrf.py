"""Cross-site request forgery: cookie-signed writes must come from a page we trust.

A browser sends the session cookie with any request to us, whoever's page made it
(SameSite=Lax still sends it on top-level form posts in some browsers and from
same-site subdomains). So a state-changing request signed in by cookie must say where
it comes from: an `Origin` that is ours (PUBLIC_URL's, or the Host the request was sent
to) or one of CORS_ORIGINS, or, without `Origin`, `Sec-Fetch-Site: same-origin`.
Bearer-key requests need no check: a page cannot make a browser add that header.
"""

from __future__ import annotations

from starlette.requests import Request

from ask_applicant.server.problems import Problem
from ask_applicant.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def trusted_origins(request: Request, settings: Settings) -> set[str]:
    """The origins whose pages may change state with a session cookie."""
    origins = {settings.public_origin, *settings.cors_origins}
    host = request.headers.get("host")
    if host:
        origins.add(f"{request.url.scheme}://{host}".lower())
    return origins


def check_origin(request: Request, settings: Settings) -> None:
    """Refuse a cookie-signed, state-changing request from another site.

    Raises:
        Problem: 403 `cross-site-request` when the request's origin is not trusted.
    """
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("origin")
    if origin is not None:
        if origin.strip().rstrip("/").lower() in trusted_origins(request, settings):
            return
        detail = "This request comes from another site's page; it was refused."
    elif request.headers.get("sec-fetch-site") == "same-origin":
        return
    else:
        detail = "A browser request that changes something must carry an Origin header."
    raise Problem(403, detail, kind="cross-site-request")
