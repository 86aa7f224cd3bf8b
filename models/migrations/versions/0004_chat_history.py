"""chat history: aliases, messages per membership and day, imported spans; check-in keywords; source 'chat'

Revision ID: 0004_chat_history
Revises: 0003_checkin_posted_time
Create Date: 2026-12-04

PRODUCT §3.8 (issue 11). member.qq (QQ号) lets a QQ group's export be matched by its sender IDs. No message text is stored anywhere: chat_activity holds counts per membership and
local day, chat_import the span each export covered, chat_alias the sender IDs and names seen.
checkin.source gains 'chat' (on SQLite the CHECK lives in the table definition: the table is rebuilt once).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_chat_history"
down_revision = "0003_checkin_posted_time"
branch_labels = None
depends_on = None

OLD_SOURCES = "source IN ('manual', 'paste', 'import')"
NEW_SOURCES = "source IN ('manual', 'paste', 'import', 'chat')"


def upgrade() -> None:
    op.create_table(
        "chat_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("shown", sa.String(length=200), nullable=False),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.Column("ignored", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('id', 'name')", name=op.f("ck_chat_alias_kind_enum")),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_chat_alias_group_id_community_group"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_chat_alias_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_alias")),
        sa.UniqueConstraint("group_id", "kind", "value", name=op.f("uq_chat_alias_group_id_kind_value")),
    )
    op.create_index("ix_chat_alias_member", "chat_alias", ["member_id"], unique=False)
    op.create_table(
        "chat_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.CheckConstraint("messages > 0", name=op.f("ck_chat_activity_messages_positive")),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_group.id"],
            name=op.f("fk_chat_activity_group_id_community_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_chat_activity_membership_id_membership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_activity")),
        sa.UniqueConstraint("membership_id", "day", name=op.f("uq_chat_activity_membership_id_day")),
    )
    op.create_index(
        "ix_chat_activity_group_day_membership",
        "chat_activity",
        ["group_id", "day", "membership_id", "messages"],
        unique=False,
    )
    op.create_table(
        "chat_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("checkins", sa.Integer(), nullable=False),
        sa.Column("joins", sa.Integer(), nullable=False),
        sa.Column("removals", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_group.id"],
            name=op.f("fk_chat_import_group_id_community_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"], name=op.f("fk_chat_import_operator_id_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_import")),
    )
    op.create_index("ix_chat_import_group_span", "chat_import", ["group_id", "first_at", "last_at"], unique=False)
    with op.batch_alter_table("community_group", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checkin_keywords", sa.Text(), nullable=True))
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("qq", sa.String(length=20), nullable=True))
        batch_op.create_index("ix_member_qq", ["qq"], unique=False)
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_checkin_source_enum"), type_="check")
        batch_op.create_check_constraint("source_enum", NEW_SOURCES)


def downgrade() -> None:
    op.execute("DELETE FROM checkin WHERE source = 'chat'")
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_checkin_source_enum"), type_="check")
        batch_op.create_check_constraint("source_enum", OLD_SOURCES)
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_qq")
        batch_op.drop_column("qq")
    with op.batch_alter_table("community_group", schema=None) as batch_op:
        batch_op.drop_column("checkin_keywords")
    op.drop_index("ix_chat_import_group_span", table_name="chat_import")
    op.drop_table("chat_import")
    op.drop_index("ix_chat_activity_group_day_membership", table_name="chat_activity")
    op.drop_table("chat_activity")
    op.drop_index("ix_chat_alias_member", table_name="chat_alias")
    op.drop_table("chat_alias")
