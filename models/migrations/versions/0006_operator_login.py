"""operator.login: the PostgreSQL login of an operator in team mode

Revision ID: 0006_operator_login
Revises: 0005_text_templates
Create Date: 2026-12-04

Issue 14: on a team database whose roles are set up (`qundesk team init`), each operator signs in with a server
login of their own; this column names it (NULL on SQLite and before team init).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_operator_login"
down_revision = "0005_text_templates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN and a unique index: SQLite needs no table rebuild (which its foreign keys would refuse)
    op.add_column("operator", sa.Column("login", sa.String(length=63), nullable=True))
    op.create_index("ix_operator_login", "operator", ["login"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_operator_login", table_name="operator")
    with op.batch_alter_table("operator") as batch:
        batch.drop_column("login")
