"""Tables of the OAuth authorization server in front of the MCP mounts.

Clients register themselves (RFC 7591) and are kept whole as JSON. Authorization codes
and tokens are kept only as SHA-256 hashes, each bound to the user who consented and
to the one mount (`profile` or `portfolio`) it may be used at. A `grant_id` ties an
access token to the refresh token issued with it, so revoking either ends both.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from ask_applicant.persistence.columns import JSONText, UTCDateTime, utcnow
from ask_applicant.persistence.models import ID_LENGTH, MYSQL_TABLE_ARGS

HASH_LENGTH = 64
MOUNT_LENGTH = 16
SCOPE_LENGTH = 200
REDIRECT_URI_LENGTH = 2000
CHALLENGE_LENGTH = 128
TOKEN_KIND_LENGTH = 8


class OAuthClient(SQLModel, table=True):
    """A registered OAuth client (its RFC 7591 metadata and credentials)."""

    __tablename__ = "oauth_clients"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    client_id: str = Field(primary_key=True, max_length=ID_LENGTH)
    info: dict[str, Any] = Field(sa_type=JSONText, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class OAuthCode(SQLModel, table=True):
    """An authorization code, used at most once; a second use ends its grant."""

    __tablename__ = "oauth_codes"
    __table_args__ = (MYSQL_TABLE_ARGS,)

    code_hash: str = Field(primary_key=True, max_length=HASH_LENGTH)
    grant_id: str = Field(max_length=ID_LENGTH)
    client_id: str = Field(
        foreign_key="oauth_clients.client_id", ondelete="CASCADE", max_length=ID_LENGTH
    )
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE", max_length=ID_LENGTH)
    mount: str = Field(max_length=MOUNT_LENGTH)
    scopes: str = Field(default="", max_length=SCOPE_LENGTH)
    code_challenge: str = Field(max_length=CHALLENGE_LENGTH)
    redirect_uri: str = Field(max_length=REDIRECT_URI_LENGTH)
    redirect_uri_explicit: bool = Field(default=True)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    used: bool = Field(default=False)


class OAuthToken(SQLModel, table=True):
    """An access or refresh token (`kind`), by hash."""

    __tablename__ = "oauth_tokens"
    __table_args__ = (
        Index("ix_oauth_tokens_grant_id", "grant_id"),
        Index("ix_oauth_tokens_user_id", "user_id"),
        MYSQL_TABLE_ARGS,
    )

    token_hash: str = Field(primary_key=True, max_length=HASH_LENGTH)
    kind: str = Field(max_length=TOKEN_KIND_LENGTH)
    grant_id: str = Field(max_length=ID_LENGTH)
    client_id: str = Field(
        foreign_key="oauth_clients.client_id", ondelete="CASCADE", max_length=ID_LENGTH
    )
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE", max_length=ID_LENGTH)
    mount: str = Field(max_length=MOUNT_LENGTH)
    scopes: str = Field(default="", max_length=SCOPE_LENGTH)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
