"""a camp group's first day (开营日) and length: a chain titled 第15天 names a date

Revision ID: 0025_camp_start_day
Revises: 0024_zones2_chat_span_zone
Create Date: 2026-12-07

A paid camp (21天写作训练营, 早起30天) titles every chain with its day count (`#接龙 第15天打卡`, `Day 15`). Without
knowing the camp's first day the paste logged such a chain for whichever day was chosen, without a word — a chain
pasted late named the wrong day. `camp_start_day` is the camp's day 1 (day N is camp_start_day + N − 1);
`camp_days` its length in days (第99天 of a 21-day camp is asked, not logged). Both optional: NULL for every
existing group (nothing is guessed from a name such as 21天写作营).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_camp_start_day"
down_revision = "0024_zones2_chat_span_zone"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN on both engines: a batch (copy-and-move) of community_group on SQLite dropped the old table,
    # and every row that cascades from a group (check-ins, memberships …) went with it. The length's range is the
    # profile's rule (group_profile: 1…366), not a constraint that SQLite could only add by rebuilding the table.
    op.add_column("community_group", sa.Column("camp_start_day", sa.Date(), nullable=True))
    op.add_column("community_group", sa.Column("camp_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("community_group", "camp_days")  # native DROP COLUMN: no rebuild of the table (see upgrade)
    op.drop_column("community_group", "camp_start_day")
