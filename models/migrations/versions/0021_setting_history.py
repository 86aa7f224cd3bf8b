"""the workspace rules keep their history: a past month's figures read the rules in force then

Revision ID: 0021_setting_history
Revises: 0020_leave_excused
Create Date: 2026-12-06

The thresholds (dormant after 30 days, stalled after 7, the zombie rules, the violation flag) and the tiers'
structure targets were current settings only: an owner who made "dormant after 30 days" 14 in December and
exported October again got another October than the one they filed, with nothing said. `setting_history` keeps each
change, in force from its day (desktop/settings.py `rules_at`). The rules set before this upgrade are seeded as in
force from the beginning (1900-01-01): nothing earlier is known. A rule never set has no row (its default stands
until its first change, which records the default as from the beginning).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0021_setting_history"
down_revision = "0020_leave_excused"
branch_labels = None
depends_on = None

# the rules of desktop/settings.py at this revision (not backups_keep, a preference)
RULES = (
    "stalled_days",
    "dormant_days",
    "newcomer_days",
    "zombie_active_share",
    "zombie_idle_days",
    "capacity_warn_share",
    "violations_flag_count",
    "violations_window_days",
)


def upgrade() -> None:
    history = op.create_table(
        "setting_history",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", "effective_from", name=op.f("pk_setting_history")),
    )
    setting = sa.table("workspace_setting", sa.column("key", sa.String), sa.column("value", sa.Text))
    rows = op.get_bind().execute(sa.select(setting.c.key, setting.c.value).where(setting.c.key.in_(RULES))).all()
    if rows:
        op.bulk_insert(history, [{"key": k, "effective_from": date(1900, 1, 1), "value": v} for k, v in rows])


def downgrade() -> None:
    op.drop_table("setting_history")
