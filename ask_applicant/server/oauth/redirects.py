"""Which redirect URIs a client may register: where an authorization code may be sent.

Codes travel in the redirect's query, so they go only to HTTPS, to HTTP on the loopback
interface (desktop clients listening locally, RFC 8252 §7.3), or to a native app's own
scheme (`cursor://...`); never to plain HTTP elsewhere, to script-running schemes, or
to a URI with a fragment.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
FORBIDDEN_SCHEMES = ("javascript", "data", "file", "vbscript", "about", "blob")
MAX_REDIRECT_URI_CHARS = 2000


def redirect_uri_problem(uri: str) -> str | None:
    """Why `uri` cannot be a redirect URI, or None when it can."""
    if len(uri) > MAX_REDIRECT_URI_CHARS:
        return f"redirect URIs have at most {MAX_REDIRECT_URI_CHARS} characters"
    try:
        parts = urlsplit(uri)
        host = parts.hostname
    except ValueError:
        return f"{uri!r} is not a valid URI"
    scheme = parts.scheme.lower()
    if parts.fragment or "#" in uri:
        return "a redirect URI must not have a fragment"
    if scheme in FORBIDDEN_SCHEMES:
        return f"the {scheme}: scheme cannot be a redirect URI"
    if scheme == "https":
        return None if host else "an https redirect URI needs a host"
    if scheme == "http":
        if host in LOOPBACK_HOSTS:
            return None
        return "plain http redirect URIs are allowed only on the loopback interface"
    # A native app's private-use scheme (RFC 8252 §7.1).
    return None if scheme else "a redirect URI needs a scheme"
