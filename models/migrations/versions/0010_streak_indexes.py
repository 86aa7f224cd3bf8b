"""indexes for logging a check-in: a member's late days and open streak bonuses, read from small indexes

Revision ID: 0010_streak_indexes
Revises: 0009_search_grams
Create Date: 2026-12-05

Issue 13: every check-in reconciles the member's streak bonuses, reading all their check-in days (with the late
flag) and their open bonus entries. At 100,000 members both came from the table rows — about a hundred random
reads each in a 3 GB file, most of a check-in's time. The days now come from the unique (membership, day) index
(which holds the id) and a partial index of the late ones; the bonuses from a partial index of the open streak
entries.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_streak_indexes"
down_revision = "0009_search_grams"
branch_labels = None
depends_on = None

STREAK_BONUS_WHERE = "source_kind = 'streak' AND reverses_id IS NULL"  # as models/points.py (frozen here)


def upgrade() -> None:
    op.create_index(
        "ix_checkin_membership_late",
        "checkin",
        ["membership_id", "day"],
        unique=False,
        sqlite_where=sa.text("late = 1"),
        postgresql_where=sa.text("late"),
    )
    op.create_index(
        "ix_points_entry_streak_bonus",
        "points_entry",
        ["membership_id", "day", "points"],
        unique=False,
        sqlite_where=sa.text(STREAK_BONUS_WHERE),
        postgresql_where=sa.text(STREAK_BONUS_WHERE),
    )


def downgrade() -> None:
    op.drop_index("ix_points_entry_streak_bonus", table_name="points_entry")
    op.drop_index("ix_checkin_membership_late", table_name="checkin")
