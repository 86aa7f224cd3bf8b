"""a membership's tier keeps its history: a past day's structure reads the tiers as they stood then

Revision ID: 0023_tierhist
Revises: 0022_teamimp_phone_lookup
Create Date: 2026-12-06

The structure counts of a past day (the dashboard of a past day, a past month's workbook: 成员结构, 5/20/75) read
today's tiers: an owner who promoted ten members to 核心 in December and exported October again got October's
structure with December's promotions, with nothing said. `tier_history` keeps each change of a membership's tier,
dated the community's day, with the tier it had before (its id, name and rank then) — models/tier_history.py.
Existing workspaces start with no history: their past reads today's tiers, as before (nothing earlier is known).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_tierhist"
down_revision = "0022_teamimp_phone_lookup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tier_history",
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("old_tier_id", sa.Integer(), nullable=True),
        sa.Column("old_tier_name", sa.String(length=30), nullable=True),
        sa.Column("old_tier_rank", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_tier_history_membership_id_membership"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["old_tier_id"], ["tier.id"], name=op.f("fk_tier_history_old_tier_id_tier"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("membership_id", "changed_on", name=op.f("pk_tier_history")),
    )


def downgrade() -> None:
    op.drop_table("tier_history")
