"""paste-ready text templates per group and kind

Revision ID: 0005_text_templates
Revises: 0004_chat_history
Create Date: 2026-12-04

PRODUCT §3.9 (issue 16): a group's own template for a kind of text (reminder, welcome, stalled, leaderboard,
summary). A group without a row uses the default of desktop/services/texts.py, so nothing is written for
existing groups.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_text_templates"
down_revision = "0004_chat_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('reminder', 'welcome', 'stalled', 'leaderboard', 'summary')",
            name=op.f("ck_text_template_kind_enum"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_group.id"],
            name=op.f("fk_text_template_group_id_community_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["operator.id"], name=op.f("fk_text_template_updated_by_operator"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_template")),
        sa.UniqueConstraint("group_id", "kind", name=op.f("uq_text_template_group_id_kind")),
    )


def downgrade() -> None:
    op.drop_table("text_template")
