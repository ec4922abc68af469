"""runs: a first message's claim on its client id, and the process answering the run

Revision ID: 0002_races
Revises: 0002_newcomer
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002_races"
down_revision: str | None = "0002_newcomer"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "opening_client_message_id",
                sqlmodel.sql.sqltypes.AutoString(length=128),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("owner_process", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True)
        )
        batch_op.create_unique_constraint(
            "uq_runs_user_opening_client_msg", ["user_id", "opening_client_message_id"]
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "mysql":
        # MySQL let the unique index serve the user_id foreign key and dropped the index it
        # had made for it; it refuses to drop ours until that one is back.
        op.create_index("user_id", "runs", ["user_id"])
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.drop_constraint("uq_runs_user_opening_client_msg", type_="unique")
        batch_op.drop_column("owner_process")
        batch_op.drop_column("opening_client_message_id")
