"""The authorization server's and protected resources' routes, added to the app.

    /.well-known/oauth-authorization-server            RFC 8414 metadata
    /.well-known/oauth-protected-resource/mcp/{name}   RFC 9728 metadata per mount
    /oauth/register  /oauth/authorize  /oauth/token  /oauth/revoke
    /oauth/consent                                     the person's sign-in and answer

The SDK's handlers do the protocol; each request gets a provider for its issuer.
Metadata, registration, token and revocation answer browsers from any origin (CORS),
as the SDK's own routes do, for browser-based clients such as the MCP Inspector.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from mcp.server.auth.handlers.authorize import AuthorizationHandler
from mcp.server.auth.handlers.register import RegistrationHandler
from mcp.server.auth.handlers.revoke import RevocationHandler
from mcp.server.auth.handlers.token import TokenHandler
from mcp.server.auth.json_response import PydanticJSONResponse
from mcp.server.auth.middleware.client_auth import ClientAuthenticator
from mcp.server.auth.routes import build_metadata, cors_middleware
from mcp.server.auth.settings import ClientRegistrationOptions, RevocationOptions
from mcp.shared.auth import OAuthMetadata, ProtectedResourceMetadata
from pydantic import AnyHttpUrl
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ask_applicant.server.oauth.consent import consent_endpoint
from ask_applicant.server.oauth.provider import DatabaseProvider
from ask_applicant.server.oauth.resources import (
    MOUNT_PATHS,
    MOUNT_TITLES,
    PROTECTED_RESOURCE_PREFIX,
    issuer_of,
    resource_url,
)
from ask_applicant.server.problems import Problem, problem_response

Handle = Callable[[DatabaseProvider, Request], Awaitable[Response]]
REGISTRATION = ClientRegistrationOptions(enabled=True)
CACHE = {"Cache-Control": "public, max-age=300"}


def authorization_server_metadata(issuer: str) -> OAuthMetadata:
    """What an OAuth client needs to know about our authorization server."""
    built = build_metadata(
        AnyHttpUrl(issuer), None, REGISTRATION, RevocationOptions(enabled=True)
    ).model_dump(mode="json", exclude_none=True)
    # Validated from strings, so the issuer keeps its exact form (no trailing slash):
    # clients compare it as a string (RFC 8414 §3.3, RFC 9207).
    return OAuthMetadata.model_validate(
        {
            **built,
            "issuer": issuer,
            "authorization_endpoint": issuer + "/oauth/authorize",
            "token_endpoint": issuer + "/oauth/token",
            "registration_endpoint": issuer + "/oauth/register",
            "revocation_endpoint": issuer + "/oauth/revoke",
            # Public clients (PKCE, no secret) are what MCP clients register as.
            "token_endpoint_auth_methods_supported": [
                "none",
                "client_secret_post",
                "client_secret_basic",
            ],
            # The consent page names itself in every answer, against mix-up attacks.
            "authorization_response_iss_parameter_supported": True,
        }
    )


def _with_provider(handle: Handle) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        services = getattr(request.app.state, "services", None)
        if services is None:
            return problem_response(503, "The service is starting or stopping; try again.")
        try:
            issuer = issuer_of(request, services.settings)
        except Problem as problem:
            return problem.response()
        return await handle(DatabaseProvider(services.engine, services.settings, issuer), request)

    return endpoint


async def _server_metadata(provider: DatabaseProvider, _request: Request) -> Response:
    metadata = authorization_server_metadata(provider.issuer)
    return PydanticJSONResponse(metadata, headers=CACHE)


def _resource_metadata(mount: str) -> Handle:
    async def handle(provider: DatabaseProvider, _request: Request) -> Response:
        metadata = ProtectedResourceMetadata.model_validate(
            {
                "resource": resource_url(provider.issuer, mount),
                "authorization_servers": [provider.issuer],
                "resource_name": f"Ask the Applicant: {MOUNT_TITLES[mount]['en']}",
            }
        )
        return PydanticJSONResponse(metadata, headers=CACHE)

    return handle


async def _authorize(provider: DatabaseProvider, request: Request) -> Response:
    return await AuthorizationHandler(provider).handle(request)


async def _token(provider: DatabaseProvider, request: Request) -> Response:
    return await TokenHandler(provider, ClientAuthenticator(provider)).handle(request)


async def _register(provider: DatabaseProvider, request: Request) -> Response:
    return await RegistrationHandler(provider, options=REGISTRATION).handle(request)


async def _revoke(provider: DatabaseProvider, request: Request) -> Response:
    return await RevocationHandler(provider, ClientAuthenticator(provider)).handle(request)


def _cors_route(path: str, handle: Handle, methods: list[str]) -> Route:
    return Route(
        path,
        endpoint=cors_middleware(_with_provider(handle), [*methods, "OPTIONS"]),
        methods=[*methods, "OPTIONS"],
    )


def oauth_routes() -> list[Route]:
    """Every OAuth route, to add to the app's router."""
    routes = [
        _cors_route("/.well-known/oauth-authorization-server", _server_metadata, ["GET"]),
        _cors_route("/oauth/register", _register, ["POST"]),
        _cors_route("/oauth/token", _token, ["POST"]),
        _cors_route("/oauth/revoke", _revoke, ["POST"]),
        # No CORS: browsers navigate here, scripts have no business calling it.
        Route("/oauth/authorize", endpoint=_with_provider(_authorize), methods=["GET", "POST"]),
        Route("/oauth/consent", endpoint=consent_endpoint, methods=["GET", "POST"]),
    ]
    routes += [
        _cors_route(PROTECTED_RESOURCE_PREFIX + path, _resource_metadata(mount), ["GET"])
        for mount, path in MOUNT_PATHS.items()
    ]
    return routes
