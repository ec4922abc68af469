"""The MCP SDK's authorization-server provider, backed by our database.

The SDK's handlers (`mcp.server.auth.handlers`) parse and check every request (PKCE
S256, redirect URI match, code expiry, client authentication) and call this provider
to store and look things up. One is made per request, because the issuer (and so the
resource URLs) may come from the request's Host.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from mcp.server.auth.provider import (
    AccessToken,
    AuthorizationCode,
    AuthorizationParams,
    AuthorizeError,
    OAuthAuthorizationServerProvider,
    RefreshToken,
    RegistrationError,
    TokenError,
)
from mcp.shared.auth import OAuthClientInformationFull
from mcp.shared.auth import OAuthToken as TokenResponse
from pydantic import AnyUrl
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence import open_db
from ask_applicant.persistence.oauth_grants import (
    ACCESS,
    REFRESH,
    find_code,
    find_token,
    issue_tokens,
    load_client,
    revoke_grant,
    save_client,
    spend_refresh_token,
    use_code,
)
from ask_applicant.persistence.oauth_models import OAuthCode, OAuthToken
from ask_applicant.persistence.users import get_user
from ask_applicant.server.oauth.redirects import redirect_uri_problem
from ask_applicant.server.oauth.resources import mount_of_resource, resource_url
from ask_applicant.settings import Settings

CONSENT_PATH = "/oauth/consent"


class DatabaseProvider(
    OAuthAuthorizationServerProvider[AuthorizationCode, RefreshToken, AccessToken]
):
    """`OAuthAuthorizationServerProvider` over our tables, for one issuer.

    Args:
        engine: The service's database engine.
        settings: Token lifetimes.
        issuer: The authorization server's origin, which resource URLs start with.
    """

    def __init__(self, engine: AsyncEngine, settings: Settings, issuer: str) -> None:
        self.engine = engine
        self.issuer = issuer
        self.access_ttl = timedelta(seconds=settings.oauth_access_token_seconds)
        self.refresh_ttl = timedelta(seconds=settings.oauth_refresh_token_seconds)

    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        """A registered client, or None."""
        async with open_db(self.engine, read_only=True) as db:
            info = await load_client(db, client_id)
        return None if info is None else OAuthClientInformationFull.model_validate(info)

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        """Keep a client whose redirect URIs are safe to send codes to."""
        for uri in client_info.redirect_uris or []:
            problem = redirect_uri_problem(str(uri))
            if problem is not None:
                raise RegistrationError("invalid_redirect_uri", problem)
        info = client_info.model_dump(mode="json", exclude_none=True)
        async with open_db(self.engine) as db:
            await save_client(db, client_info.client_id or "", info)

    async def authorize(
        self, client: OAuthClientInformationFull, params: AuthorizationParams
    ) -> str:
        """Send the person to the consent page with the (checked) request."""
        if mount_of_resource(self.issuer, params.resource) is None:
            raise AuthorizeError(
                "invalid_target",
                "resource must be this service's /mcp/profile or /mcp/portfolio URL.",
            )
        query = {
            "client_id": client.client_id or "",
            "redirect_uri": str(params.redirect_uri),
            "redirect_uri_provided_explicitly": str(int(params.redirect_uri_provided_explicitly)),
            "code_challenge": params.code_challenge,
            "resource": params.resource or "",
            "scope": " ".join(params.scopes or []),
            "state": params.state or "",
        }
        return f"{CONSENT_PATH}?{urlencode(query)}"

    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> AuthorizationCode | None:
        """The unused code of this client; a replayed code also ends what it granted."""
        async with open_db(self.engine) as db:
            row = await find_code(db, authorization_code)
            if row is None or row.client_id != client.client_id:
                return None
            if row.used:
                # RFC 6749 §4.1.2: a code used twice may have been stolen.
                await revoke_grant(db, row.grant_id)
                return None
        return AuthorizationCode(
            code=authorization_code,
            scopes=row.scopes.split(),
            expires_at=row.expires_at.timestamp(),
            client_id=row.client_id,
            code_challenge=row.code_challenge,
            redirect_uri=AnyUrl(row.redirect_uri),
            redirect_uri_provided_explicitly=row.redirect_uri_explicit,
            resource=resource_url(self.issuer, row.mount),
            subject=row.user_id,
        )

    async def exchange_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: AuthorizationCode
    ) -> TokenResponse:
        """Tokens for a code, exactly once."""
        async with open_db(self.engine) as db:
            row = await find_code(db, authorization_code.code)
            if row is None or not await use_code(db, row):
                raise TokenError("invalid_grant", "authorization code was already used")
            user = await get_user(db, user_id=row.user_id)
            if user is None or user.disabled:
                raise TokenError("invalid_grant", "the key that approved this has been revoked")
            return await self._issue(db, row)

    async def load_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: str
    ) -> RefreshToken | None:
        """A live refresh token, or None."""
        async with open_db(self.engine, read_only=True) as db:
            found = await find_token(db, refresh_token, kind=REFRESH)
        if found is None:
            return None
        row, _user = found
        return RefreshToken(
            token=refresh_token,
            client_id=row.client_id,
            scopes=row.scopes.split(),
            expires_at=int(row.expires_at.timestamp()),
            resource=resource_url(self.issuer, row.mount),
            subject=row.user_id,
        )

    async def exchange_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: RefreshToken, scopes: list[str]
    ) -> TokenResponse:
        """New access and refresh tokens; the old ones end (rotation)."""
        async with open_db(self.engine) as db:
            found = await find_token(db, refresh_token.token, kind=REFRESH)
            if found is None or not await spend_refresh_token(db, found[0]):
                raise TokenError("invalid_grant", "refresh token does not exist")
            row = found[0]
            await revoke_grant(db, row.grant_id)
            row.scopes = " ".join(scopes)
            return await self._issue(db, row)

    async def load_access_token(self, token: str) -> AccessToken | None:
        """A live access token, or None."""
        async with open_db(self.engine, read_only=True) as db:
            found = await find_token(db, token, kind=ACCESS)
        if found is None:
            return None
        row, _user = found
        return AccessToken(
            token=token,
            client_id=row.client_id,
            scopes=row.scopes.split(),
            expires_at=int(row.expires_at.timestamp()),
            resource=resource_url(self.issuer, row.mount),
            subject=row.user_id,
        )

    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        """End the token's grant: its access and refresh tokens both."""
        kind = ACCESS if isinstance(token, AccessToken) else REFRESH
        async with open_db(self.engine) as db:
            found = await find_token(db, token.token, kind=kind)
            if found is not None:
                await revoke_grant(db, found[0].grant_id)

    async def _issue(self, db: AsyncSession, grant: OAuthCode | OAuthToken) -> TokenResponse:
        access, refresh = await issue_tokens(
            db,
            grant=grant,
            access_ttl=self.access_ttl,
            refresh_ttl=self.refresh_ttl,
        )
        return TokenResponse(
            access_token=access,
            expires_in=int(self.access_ttl.total_seconds()),
            refresh_token=refresh,
            scope=grant.scopes or None,
        )
