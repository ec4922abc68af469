"""OAuth for the MCP mounts: registered clients, authorization codes and tokens

Revision ID: 0004_oauth
Revises: 0003_console
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import ask_applicant.persistence.columns

revision: str = "0004_oauth"
down_revision: str | None = "0003_console"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MYSQL = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_bin", "mysql_engine": "InnoDB"}


def _string(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _when() -> ask_applicant.persistence.columns.UTCDateTime:
    return ask_applicant.persistence.columns.UTCDateTime()


def upgrade() -> None:
    op.create_table(
        "oauth_clients",
        sa.Column("client_id", _string(64), nullable=False),
        sa.Column("info", ask_applicant.persistence.columns.JSONText(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("client_id"),
        **_MYSQL,
    )
    op.create_table(
        "oauth_codes",
        sa.Column("code_hash", _string(64), nullable=False),
        sa.Column("grant_id", _string(64), nullable=False),
        sa.Column("client_id", _string(64), nullable=False),
        sa.Column("user_id", _string(64), nullable=False),
        sa.Column("mount", _string(16), nullable=False),
        sa.Column("scopes", _string(200), nullable=False),
        sa.Column("code_challenge", _string(128), nullable=False),
        sa.Column("redirect_uri", _string(2000), nullable=False),
        sa.Column("redirect_uri_explicit", sa.Boolean(), nullable=False),
        sa.Column("expires_at", _when(), nullable=False),
        sa.Column("used", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["oauth_clients.client_id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("code_hash"),
        **_MYSQL,
    )
    op.create_table(
        "oauth_tokens",
        sa.Column("token_hash", _string(64), nullable=False),
        sa.Column("kind", _string(8), nullable=False),
        sa.Column("grant_id", _string(64), nullable=False),
        sa.Column("client_id", _string(64), nullable=False),
        sa.Column("user_id", _string(64), nullable=False),
        sa.Column("mount", _string(16), nullable=False),
        sa.Column("scopes", _string(200), nullable=False),
        sa.Column("expires_at", _when(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["oauth_clients.client_id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
        **_MYSQL,
    )
    op.create_index("ix_oauth_tokens_grant_id", "oauth_tokens", ["grant_id"], unique=False)
    op.create_index("ix_oauth_tokens_user_id", "oauth_tokens", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_oauth_tokens_user_id", table_name="oauth_tokens")
    op.drop_index("ix_oauth_tokens_grant_id", table_name="oauth_tokens")
    op.drop_table("oauth_tokens")
    op.drop_table("oauth_codes")
    op.drop_table("oauth_clients")
