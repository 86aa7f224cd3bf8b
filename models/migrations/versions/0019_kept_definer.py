"""the functions that keep membership's kept values run as the tables' owner

Revision ID: 0019_kept_definer
Revises: 0018_tier_targets
Create Date: 2026-12-06

On a team database an assistant's login had UPDATE on `membership.points_balance` and `last_active`: the triggers
that keep them (0007, 0013; models/kept.py) ran as the login whose write fired them, and the chat import wrote
`last_active` itself, so the grants had to allow it — and `UPDATE membership SET points_balance = 9999` from psql
gave a member points no ledger entry explains. The functions are made again as SECURITY DEFINER with a fixed
search_path, owned by the tables' owner; `kept_refresh(ids)` recomputes some memberships for any writer of their
facts (the chat import's). The assistant's grants without those columns come with team_roles.GRANTS_VERSION 3,
given again when the owner opens the upgraded workspace. Nothing on SQLite.
"""

from __future__ import annotations

from alembic import op

revision = "0019_kept_definer"
down_revision = "0018_tier_targets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from models import kept

    kept.harden(op.get_bind())


def downgrade() -> None:
    # the definer functions compute the same values as the ones of 0007 and 0013: they stay
    pass
