"""the earlier, closed spells of a membership, so a member who leaves and comes back keeps the months they were in

Revision ID: 0014_membership_spells
Revises: 0013_streak_checked
Create Date: 2026-12-05

A member who left a group and came back (a chat export's join notice, the entry process: onboarding.record_join)
has one membership row per (member, group); coming back overwrote its joined_at and cleared its left_at, so the
months of the earlier spell were rewritten (their members_total, joined, left and check-in rate changed, and a
missed check-in of that spell could no longer be logged). `membership_spell` keeps each closed spell (joined_at,
left_at, left_reason) when the member comes back; the current spell stays on the membership (docs/architecture.md
"Membership spells"). Existing workspaces start with no spells: a return recorded before this revision already
overwrote its earlier spell, which cannot be recovered.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_membership_spells"
down_revision = "0013_streak_checked"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "membership_spell",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=True),
        sa.Column("left_at", sa.DateTime(), nullable=False),
        sa.Column("left_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "joined_at IS NULL OR left_at >= joined_at", name=op.f("ck_membership_spell_left_after_joined")
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_membership_spell_membership_id_membership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_spell")),
    )
    op.create_index(
        "ix_membership_spell_membership",
        "membership_spell",
        ["membership_id", "joined_at", "left_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_membership_spell_membership", table_name="membership_spell")
    op.drop_table("membership_spell")
