"""console: owner tickets, leads, run answer kind

Revision ID: 0003_console
Revises: 0002_web
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import ask_applicant.persistence.columns

revision: str = "0003_console"
down_revision: str | None = "0002_web"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "leads",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("session_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("company", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("message", ask_applicant.persistence.columns.LongText(), nullable=False),
        sa.Column("created_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=False),
        sa.Column("delivery", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("delivery_attempts", sa.Integer(), nullable=False),
        sa.Column("delivery_error", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("delivered_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=True),
        sa.Column(
            "next_attempt_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=True
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        mysql_charset="utf8mb4",
        mysql_collate="utf8mb4_bin",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.create_index("ix_leads_created", ["created_at"], unique=False)
        batch_op.create_index("ix_leads_delivery", ["delivery"], unique=False)

    op.create_table(
        "owner_tickets",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=False),
        sa.Column("expires_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=False),
        sa.Column("used_at", ask_applicant.persistence.columns.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
        mysql_charset="utf8mb4",
        mysql_collate="utf8mb4_bin",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("answer_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.drop_column("answer_kind")

    op.drop_table("owner_tickets")
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_index("ix_leads_delivery")
        batch_op.drop_index("ix_leads_created")

    op.drop_table("leads")
