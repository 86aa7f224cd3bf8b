"""an assistant's login finds members by the phones it holds (team mode)

Revision ID: 0022_teamimp_phone_lookup
Revises: 0021_setting_history
Create Date: 2026-12-06

An assistant's login reads phones masked (138****8000), so their imports and the member dialog matched no one by
phone: a row found only by its phone became a second person. `<prefix>_masked.members_by_phone(phones)`, a SECURITY
DEFINER function (desktop/team_roles.py `_phone_lookup`, its limits written there and in docs/architecture.md),
answers with member ids for numbers the caller holds. It is one of the grants (team_roles.GRANTS_VERSION 5), given
when the tables' owner opens the upgraded workspace (regrant after an upgrade; regrant_if_stale on any open of an
older grants version). This revision has no statements of its own: nothing on SQLite, nor on PostgreSQL.
"""

from __future__ import annotations

revision = "0022_teamimp_phone_lookup"
down_revision = "0021_setting_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the function and its registrations are grants (team_roles.apply_grants, GRANTS_VERSION 5): the workspace's
    # open after this upgrade gives them (desktop/workspace.py `_regrant_after_upgrade`, the tables' owner's login),
    # with the schema of the head — given here they would name the head's tables before a later revision made them
    pass


def downgrade() -> None:
    pass
