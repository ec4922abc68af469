"""share links and service secrets

Revision ID: 0002_web
Revises: 0002_adapters
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import ask_applicant.persistence.columns

revision: str = "0002_web"
down_revision: str | None = "0002_adapters"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MYSQL = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_bin", "mysql_engine": "InnoDB"}


def upgrade() -> None:
    op.create_table(
        "share_links",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("token_prefix", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=False),
        sa.Column("expires_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=True),
        sa.Column("revoked_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=True),
        sa.Column("last_used_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
        sa.UniqueConstraint("user_id"),
        **_MYSQL,
    )
    op.create_table(
        "service_secrets",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("created_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
        **_MYSQL,
    )


def downgrade() -> None:
    op.drop_table("service_secrets")
    op.drop_table("share_links")
