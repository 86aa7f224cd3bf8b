"""a place excused by a leave (请假) is marked so, and goes back to absent when the leave no longer covers its day

Revision ID: 0020_leave_excused
Revises: 0019_kept_definer
Create Date: 2026-12-06

A place marked absent on a leave day is recorded as excused (participation.set_attendance), and so is one marked
absent before the leave was recorded (participation.excuse_absences). Nothing said which excused places the leave
had made: a leave removed, or cut short by a leaving, left them excused, and the attendance rate kept a leave that
no longer existed. `attendance.leave_excused` says the leave made it; an excused place the organiser chose
stays as it is. Existing places start unmarked (as chosen by the organiser: nothing is taken back on a guess).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_leave_excused"
down_revision = "0019_kept_definer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attendance", sa.Column("leave_excused", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("attendance", "leave_excused")
