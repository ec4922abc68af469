"""A person at the consent page, and a raw OAuth client, for the OAuth tests."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import httpx
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientInformationFull, OAuthToken

REDIRECT_URI = "http://127.0.0.1:9/callback"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def hidden_fields(page: str) -> dict[str, str]:
    """The consent form's hidden fields."""
    return {name: html.unescape(value) for name, value in HIDDEN.findall(page)}


def query_of(location: str) -> dict[str, str]:
    """A redirect's query parameters."""
    return {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}


@dataclass
class Person:
    """Plays the person in the browser: opens the authorization URL and answers the form."""

    key: str
    decision: str = "allow"
    result: AuthorizationCodeResult | None = None
    pages: list[str] = field(default_factory=list)

    async def open(self, authorization_url: str) -> None:
        """The client's redirect handler: follow to the consent page and submit it."""
        async with httpx.AsyncClient(timeout=30) as http:
            sent = await http.get(authorization_url)
            assert sent.status_code == 302, sent.text
            consent_url = urljoin(authorization_url, sent.headers["location"])
            page = await http.get(consent_url)
            assert page.status_code == 200, page.text
            self.pages.append(page.text)
            form = {**hidden_fields(page.text), "api_key": self.key, "decision": self.decision}
            answered = await http.post(consent_url, data=form)
        assert answered.status_code == 302, answered.text
        back = query_of(answered.headers["location"])
        self.result = AuthorizationCodeResult(
            code=back.get("code", ""), state=back.get("state"), iss=back.get("iss")
        )

    async def callback(self) -> AuthorizationCodeResult:
        """The client's callback handler: the code the redirect carried."""
        assert self.result is not None
        return self.result


class MemoryStorage:
    """The SDK's `TokenStorage`, in memory."""

    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client = client_info


def pkce() -> tuple[str, str]:
    """A code verifier and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).decode().rstrip("=")


@dataclass
class RawClient:
    """An OAuth client written out request by request, to send what the SDK would not."""

    http: httpx.AsyncClient
    base_url: str
    client_id: str = ""

    async def register(self, redirect_uris: list[str] | None = None) -> httpx.Response:
        reply = await self.http.post(
            "/oauth/register",
            json={
                "client_name": "Raw client",
                "redirect_uris": redirect_uris or [REDIRECT_URI],
                "grant_types": ["authorization_code", "refresh_token"],
                "response_types": ["code"],
                "token_endpoint_auth_method": "none",
            },
        )
        if reply.status_code == 201:
            self.client_id = reply.json()["client_id"]
        return reply

    def authorize_query(self, challenge: str, mount: str = "profile", **extra: str) -> str:
        params = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": REDIRECT_URI,
            "state": "s-1",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "resource": f"{self.base_url}/mcp/{mount}",
            **extra,
        }
        return "/oauth/authorize?" + urlencode(params)

    async def code(self, key: str, challenge: str, mount: str = "profile") -> str:
        """Authorize, sign in with `key` and allow: the code the redirect carries."""
        sent = await self.http.get(self.authorize_query(challenge, mount))
        assert sent.status_code == 302, sent.text
        page = await self.http.get(sent.headers["location"])
        form = {**hidden_fields(page.text), "api_key": key, "decision": "allow"}
        answered = await self.http.post("/oauth/consent", data=form)
        assert answered.status_code == 302, answered.text
        return query_of(answered.headers["location"])["code"]

    async def exchange(self, code: str, verifier: str) -> httpx.Response:
        return await self.http.post(
            "/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT_URI,
                "client_id": self.client_id,
                "code_verifier": verifier,
            },
        )

    async def tokens(self, key: str, mount: str = "profile") -> dict[str, Any]:
        """A fresh access and refresh token for `mount`, approved with `key`."""
        verifier, challenge = pkce()
        reply = await self.exchange(await self.code(key, challenge, mount), verifier)
        assert reply.status_code == 200, reply.text
        return dict(reply.json())
