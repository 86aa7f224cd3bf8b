"""indexes for the roster's sorts across all groups (status, tier, joined date, city) and its search (nickname,
group nickname)

Revision ID: 0008_roster_sort_indexes
Revises: 0007_kept_values
Create Date: 2026-12-04

Issue 13: sorting the whole roster (130,000 memberships) by status, tier, joined date or city sorted every row
to show the first 200 (0.2–0.25 s at 100,000 members). With an index on the key (and the ties ordered by id in
the same direction, models/queries/roster.py `_order`) the first page is read in order and the query stops.
A search for a part of a name reads the narrow indexes of the name columns instead of every whole row, and a
pasted name known in another group is found by index.

And the ledger's reversals: logging one check-in looked, for each of the member's open streak bonuses, for an
entry reversing it — a scan of the whole ledger each (0.5 s a check-in at 10,000 members); a partial index on
points_entry.reverses_id (only the entries that reverse another) makes it a look-up.

And the dashboard: a group's members at a day, this month's joiners and leavers, the active and the dormant were
each counted by reading every membership row of the group (12–16 ms each at 9,400 members, a dozen per group);
ix_membership_group_roster (group, status, joined, left, last active) answers them from the index alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_roster_sort_indexes"
down_revision = "0007_kept_values"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_membership_status", "membership", ["status"], unique=False)
    op.create_index("ix_membership_tier", "membership", ["tier_id"], unique=False)
    op.create_index("ix_membership_joined_at", "membership", ["joined_at"], unique=False)
    op.create_index("ix_member_city", "member", ["city"], unique=False)
    op.create_index("ix_member_nickname", "member", ["nickname"], unique=False)
    op.create_index("ix_membership_group_nickname", "membership", ["group_nickname"], unique=False)
    op.create_index(
        "ix_membership_group_roster",
        "membership",
        ["group_id", "status", "joined_at", "left_at", "last_active"],
        unique=False,
    )
    op.create_index(
        "ix_points_entry_reverses",
        "points_entry",
        ["reverses_id"],
        unique=False,
        sqlite_where=sa.text("reverses_id IS NOT NULL"),
        postgresql_where=sa.text("reverses_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_membership_group_roster", table_name="membership")
    op.drop_index("ix_points_entry_reverses", table_name="points_entry")
    op.drop_index("ix_membership_group_nickname", table_name="membership")
    op.drop_index("ix_member_nickname", table_name="member")
    op.drop_index("ix_member_city", table_name="member")
    op.drop_index("ix_membership_joined_at", table_name="membership")
    op.drop_index("ix_membership_tier", table_name="membership")
    op.drop_index("ix_membership_status", table_name="membership")
