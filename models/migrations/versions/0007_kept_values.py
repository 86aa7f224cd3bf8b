"""kept values per membership: points balance and last day of participation, kept by triggers

Revision ID: 0007_kept_values
Revises: 0006_operator_login
Create Date: 2026-12-04

Issue 13: the roster sorted by points summed ten million ledger rows on every sort at 100,000 members. Each
membership now keeps its points balance and its last participation day, maintained by database triggers in the
same transaction as each fact (models/kept.py), and filled here for existing workspaces from the ledger and the
fact tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_kept_values"
down_revision = "0006_operator_login"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from models import kept

    op.add_column("membership", sa.Column("points_balance", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("membership", sa.Column("last_active", sa.Date(), nullable=True))
    op.create_index("ix_membership_points", "membership", ["points_balance"], unique=False)
    op.create_index("ix_membership_last_active", "membership", ["last_active"], unique=False)
    connection = op.get_bind()
    kept.install(connection)
    kept.refresh(connection)


def downgrade() -> None:
    from models import kept

    kept.uninstall(op.get_bind())
    op.drop_index("ix_membership_last_active", table_name="membership")
    op.drop_index("ix_membership_points", table_name="membership")
    with op.batch_alter_table("membership") as batch:
        batch.drop_column("last_active")
        batch.drop_column("points_balance")
