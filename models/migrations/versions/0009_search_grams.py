"""name search by n-grams: the 1-, 2- and 3-character pieces of names, nicknames and group nicknames, kept by
triggers

Revision ID: 0009_search_grams
Revises: 0008_roster_sort_indexes
Create Date: 2026-12-05

Issue 13: a search for a part of a name ('张', 'amy') read the whole index of each name column — three scans of
100,000–130,000 entries a keystroke (7–9 ms each on SQLite; sequential scans on PostgreSQL, where LIKE '%…%' uses
no B-tree). The pieces of every name are now kept in two indexed tables by triggers (models/search.py), filled
here for existing workspaces.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_search_grams"
down_revision = "0008_roster_sort_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from models import search

    op.create_table(
        "search_gram_span",
        sa.Column("pos", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("len", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("pos", "len", name=op.f("pk_search_gram_span")),
    )
    op.create_table(
        "member_gram",
        sa.Column("gram", sa.String(length=search.GRAM), nullable=False),
        sa.Column("member_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("gram", "member_id", name=op.f("pk_member_gram")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "membership_gram",
        sa.Column("gram", sa.String(length=search.GRAM), nullable=False),
        sa.Column("membership_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("gram", "membership_id", name=op.f("pk_membership_gram")),
        sqlite_with_rowid=False,
    )
    span = sa.table("search_gram_span", sa.column("pos", sa.Integer()), sa.column("len", sa.Integer()))
    op.bulk_insert(span, search.span_rows())
    connection = op.get_bind()
    search.install(connection)
    search.refresh(connection)


def downgrade() -> None:
    from models import search

    search.uninstall(op.get_bind())
    op.drop_table("membership_gram")
    op.drop_table("member_gram")
    op.drop_table("search_gram_span")
