"""a merge of two people can be undone: what it changed is kept in merge_undo

Revision ID: 0016_merge_undo
Revises: 0015_name_readings
Create Date: 2026-12-06

Merging two records of one person folds everything of the dropped record into the kept one (check-ins, points,
answers, memberships). Merging two different people by mistake (two 张伟) could not be undone. `merge_undo` keeps,
per merge, every row the merge could touch as it was before, and a digest of them right after; the undo puts them
back while nothing has changed them since (desktop/services/merge_undo.py). Merges made before this revision have
no such record and stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_merge_undo"
down_revision = "0015_name_readings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merge_undo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("kept_member_id", sa.Integer(), nullable=False),
        sa.Column("dropped_member_id", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
        sa.Column("after_digest", sa.String(length=64), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"], name=op.f("fk_merge_undo_operator_id_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_undo")),
    )
    op.create_index("ix_merge_undo_kept", "merge_undo", ["kept_member_id", "merged_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_merge_undo_kept", table_name="merge_undo")
    op.drop_table("merge_undo")
