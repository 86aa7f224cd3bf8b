"""the name-piece triggers of SQLite run only for a row that has a name to cut

Revision ID: 0017_gram_trigger_when
Revises: 0016_merge_undo
Create Date: 2026-12-06

The triggers that keep the search pieces of names (0009, models/search.py) ran their program for every inserted or
deleted membership, though most have no group nickname: 20,000 memberships of a roster import took 1.7 s to insert
against 0.65 s with a `WHEN NEW.group_nickname IS NOT NULL` (measured on the benchmark workspace). SQLite's
triggers are made again with their WHEN clauses; PostgreSQL's are unchanged. The pieces themselves do not change.
"""

from __future__ import annotations

from alembic import op

revision = "0017_gram_trigger_when"
down_revision = "0016_merge_undo"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from models import search

    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        search.uninstall(connection)
        search.install(connection)


def downgrade() -> None:
    # the triggers without WHEN cut the same pieces: the ones of this revision stay
    pass
