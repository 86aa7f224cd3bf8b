"""the name's other reading for the pinyin search: 曾小贤 is found by zxx / zengxiaoxian as well as cxx

Revision ID: 0015_name_readings
Revises: 0014_membership_spells
Create Date: 2026-12-06

The pinyin keys were each character's most common reading, so a surname read otherwise as a surname (曾 zeng,
单 shan, 解 xie, 仇 qiu, 朴 piao, 翟 zhai …) or a word read otherwise in context (重庆 chongqing, 银行 yinhang) could
not be found by what people type. `member.initials_alt` / `member.pinyin_alt` hold the name as people read it
(models/search_keys.alt_name_keys) when that differs — NULL for most names, so their partial indexes stay small.
Filled here for every existing person (1.1 s at 100,000 people, 1,049 of whom have another reading; measured on the benchmark workspace).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_name_readings"
down_revision = "0014_membership_spells"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from models.search_keys import alt_name_keys

    op.add_column("member", sa.Column("initials_alt", sa.String(length=100), nullable=True))
    op.add_column("member", sa.Column("pinyin_alt", sa.String(length=400), nullable=True))
    conn = op.get_bind()
    rows = []
    for mid, name in conn.execute(sa.text("SELECT id, display_name FROM member")):
        alt = alt_name_keys(name or "")
        if alt:
            rows.append({"i": alt[0][:100], "p": alt[1][:400], "id": mid})
    if rows:
        conn.execute(sa.text("UPDATE member SET initials_alt = :i, pinyin_alt = :p WHERE id = :id"), rows)
    for col in ("initials_alt", "pinyin_alt"):
        op.create_index(
            f"ix_member_{col}",
            "member",
            [col],
            unique=False,
            sqlite_where=sa.text(f"{col} IS NOT NULL"),
            postgresql_where=sa.text(f"{col} IS NOT NULL"),
        )


def downgrade() -> None:
    for col in ("initials_alt", "pinyin_alt"):
        op.drop_index(f"ix_member_{col}", table_name="member")
    # ALTER TABLE … DROP COLUMN on both engines: a batch copy of member would lose the search pieces' triggers
    op.drop_column("member", "pinyin_alt")
    op.drop_column("member", "initials_alt")
