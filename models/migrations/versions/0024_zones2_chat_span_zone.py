"""a chat import's span keeps the zone its epoch stamps were read in

Revision ID: 0024_zones2_chat_span_zone
Revises: 0023_tierhist
Create Date: 2026-12-06

A ChatLab / QCE export's span (chat_import.first_at / last_at) is stored as wall-clock times of the community's
zone at the time of the import. After the zone setting changed (Settings → 社群时区), the same file read again gave
other wall-clock times, fell partly outside its own span, and its messages were counted twice. `time_zone` names
the zone the span was read in, so a later import moves it into its own zone. Existing spans of epoch formats were
read in the workspace's zone as it stands now (the best that is known: the setting is new and rarely changed);
text exports' spans stay NULL (times as written, never shifted).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0024_zones2_chat_span_zone"
down_revision = "0023_tierhist"
branch_labels = None
depends_on = None

EPOCH_FORMATS = ("chatlab_json", "chatlab_jsonl", "qce_json")


def upgrade() -> None:
    with op.batch_alter_table("chat_import") as batch:
        batch.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    stored = bind.execute(sa.text("SELECT value FROM workspace_setting WHERE key = 'time_zone'")).scalar()
    try:
        zone = json.loads(stored) if stored is not None else ""
    except ValueError:
        zone = ""
    if isinstance(zone, str) and zone.strip():
        chat_import = sa.table("chat_import", sa.column("format", sa.String), sa.column("time_zone", sa.String))
        bind.execute(
            chat_import.update().where(chat_import.c.format.in_(EPOCH_FORMATS)).values(time_zone=zone.strip())
        )


def downgrade() -> None:
    with op.batch_alter_table("chat_import") as batch:
        batch.drop_column("time_zone")
