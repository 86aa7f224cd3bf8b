"""an import can be undone: what it added and changed is kept in import_run / import_item

Revision ID: 0026_import_undo
Revises: 0025_camp_start_day
Create Date: 2026-12-07

A roster, an applications survey or a check-in sheet imported into the wrong group could only be taken back by
hand or by a restore that lost the day's other work. Each import now records what it did (import_run: who, when,
which file, which group; import_item: the rows it added and the values it changed, with their old values), and
`qundesk import undo` / the window's "撤销这次导入" take back only that (desktop/services/import_undo.py). Nothing is
filled for existing workspaces: imports made before this revision are not undoable, and the undo says so. An index
on member.merged_into_id makes deleting the people an import added a lookup instead of a scan per person.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026_import_undo"
down_revision = "0025_camp_start_day"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("group_created", sa.Boolean(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_group.id"],
            name=op.f("fk_import_run_group_id_community_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"], name=op.f("fk_import_run_operator_id_operator")),
        sa.ForeignKeyConstraint(["undone_by"], ["operator.id"], name=op.f("fk_import_run_undone_by_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_index("ix_import_run_group", "import_run", ["group_id", "id"], unique=False)
    op.create_table(
        "import_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.Integer(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["import_run.id"], name=op.f("fk_import_item_run_id_import_run"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_item")),
    )
    op.create_index("ix_import_item_run", "import_item", ["run_id", "entity"], unique=False)
    # deleting people checks member.merged_into_id (a foreign key to member): without an index one scan of every
    # person per person deleted — the undo of a 20,000-row roster spent 40 s of its 50 there on 21,000 people
    op.create_index("ix_member_merged_into", "member", ["merged_into_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_member_merged_into", table_name="member")
    op.drop_index("ix_import_item_run", table_name="import_item")
    op.drop_table("import_item")
    op.drop_index("ix_import_run_group", table_name="import_run")
    op.drop_table("import_run")
