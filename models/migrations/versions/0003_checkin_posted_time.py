"""check-ins keep the time the member posted; the logging time gets its own column

Revision ID: 0003_checkin_posted_time
Revises: 0002_points_covering_index
Create Date: 2026-12-04

Until now `checkin.checked_at` was the moment QunDesk logged the row, and `late` meant "logged for a day
before today". From this revision (PRODUCT §3.3, issue 10):
- `checked_at` is the time the member posted (written on the line, or the chat stamp), NULL when unknown;
- `logged_at` (new, NOT NULL) is when QunDesk recorded the row;
- `late` (补卡) means the member checked in after the day was over.

What happens to existing rows (decided here, once):
- `logged_at` = the old `checked_at` (that is what it always held). The column is renamed, not copied,
  so the upgrade of a 10-million-row table is a metadata change plus one UPDATE.
- `checked_at` keeps the old value where it falls on the row's own day (logged while the day was on: the
  best time known), and where the row is a 补卡 kept as late below (its logging time is when the member
  made it up, in the demo and in practice). Otherwise it is NULL: a time from a later day is the
  assistant's, not the member's, and no time is invented.
- `late` stays as it was for rows typed or imported (a person chose that day and marked it; the demo's
  补卡 rows are real 补卡). Rows from a pasted chat lose `late`: the old paste flow never read 补卡 from a
  line — it marked every line of an earlier day's chain late only because it was logged the next
  morning. The points ledger is append-only and is not rewritten here: where a group does not count late
  check-ins for streaks, Points → "recompute" shows (and can apply) the streak bonuses those rows earn.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_checkin_posted_time"
down_revision = "0002_points_covering_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE checkin RENAME COLUMN checked_at TO logged_at")
    op.add_column("checkin", sa.Column("checked_at", sa.DateTime(), nullable=True))
    op.execute("UPDATE checkin SET late = false WHERE source = 'paste' AND late")
    if op.get_bind().dialect.name == "postgresql":
        same_day = "CAST(logged_at AS date) = day"
    else:  # SQLite keeps datetimes and dates as ISO text
        same_day = "substr(logged_at, 1, 10) = day"
    op.execute(f"UPDATE checkin SET checked_at = logged_at WHERE {same_day} OR late")


def downgrade() -> None:
    op.drop_column("checkin", "checked_at")
    op.execute("ALTER TABLE checkin RENAME COLUMN logged_at TO checked_at")
