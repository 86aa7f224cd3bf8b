"""a mark per membership that its streak bonuses match the streak rule, so a day's check-in reads weeks, not years

Revision ID: 0013_streak_checked
Revises: 0012_deleted_members
Create Date: 2026-12-05

Issue 13. Every check-in reconciled the member's streak bonuses with their whole history (145 days a member at
100,000 members: half a millisecond of a check-in's 2.4). `membership.streak_checked` says the bonuses were
reconciled over the whole history; while it holds, a check-in that is the member's latest day reads only the weeks
of its run. Triggers clear it on every write that can move bonus days without that reconcile (models/kept.py,
streak marks). Existing memberships start unchecked: each one's next check-in reads its whole history once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_streak_checked"
down_revision = "0012_deleted_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from models import kept

    op.add_column(
        "membership", sa.Column("streak_checked", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    kept.install_streak_marks(op.get_bind())


def downgrade() -> None:
    from models import kept

    kept.uninstall_streak_marks(op.get_bind())
    # ALTER TABLE … DROP COLUMN on both engines (SQLite 3.35 or later): a batch copy of membership would fail on the
    # kept values' triggers, which name the table
    op.drop_column("membership", "streak_checked")
