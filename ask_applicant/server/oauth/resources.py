"""Where the service is, as clients see it: the issuer and the two protected resources.

The issuer is `PUBLIC_URL` when set; otherwise the request's own scheme and Host,
which is accepted only when the Host passes `ALLOWED_HOSTS` (the mounts' own check), so
a forged Host cannot make the metadata point elsewhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request

from ask_applicant.mcp_servers.host_policy import HostPolicy
from ask_applicant.server.problems import Problem
from ask_applicant.settings import Settings

MOUNT_PATHS: dict[str, str] = {"profile": "/mcp/profile", "portfolio": "/mcp/portfolio"}
PROTECTED_RESOURCE_PREFIX = "/.well-known/oauth-protected-resource"

MOUNT_TITLES: dict[str, dict[str, str]] = {
    "profile": {
        "en": "the applicant's résumé: work, education, skills and projects",
        "ko": "지원자의 이력서: 경력, 학력, 기술, 프로젝트",
    },
    "portfolio": {
        "en": "the applicant's portfolio code: files, code search and recent commits",
        "ko": "지원자의 포트폴리오 코드: 파일, 코드 검색, 최근 커밋",
    },
}


def issuer_of(request: Request, settings: Settings) -> str:
    """The authorization server's issuer (an origin, without a trailing slash).

    Raises:
        Problem: 421 when the request's Host is not one the service answers for.
    """
    if settings.public_url:
        return settings.public_url
    policy = HostPolicy(settings.allowed_hosts, settings.allowed_origins)
    hosts = request.headers.getlist("host")
    if not policy.host_allowed(hosts):
        raise Problem(421, "This server does not answer for this host name.", kind="unknown-host")
    return f"{request.url.scheme}://{hosts[0]}"


def resource_url(issuer: str, mount: str) -> str:
    """The resource identifier of a mount: its full URL."""
    return issuer + MOUNT_PATHS[mount]


def resource_metadata_url(issuer: str, mount: str) -> str:
    """Where a mount's protected resource metadata is (RFC 9728 §3.1)."""
    return issuer + PROTECTED_RESOURCE_PREFIX + MOUNT_PATHS[mount]


def mount_of_resource(issuer: str, resource: str | None) -> str | None:
    """The mount a resource indicator (RFC 8707) names, or None for anything else."""
    if not resource or len(resource) > 2000:
        return None
    parts = urlsplit(resource)
    if parts.query or parts.fragment:
        return None
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    if origin != issuer.lower():
        return None
    path = parts.path.rstrip("/")
    return next((name for name, mount_path in MOUNT_PATHS.items() if mount_path == path), None)
