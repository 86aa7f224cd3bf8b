"""the default tiers' target shares add up to the 5/20/75 guideline

Revision ID: 0018_tier_targets
Revises: 0017_gram_trigger_when
Create Date: 2026-12-06

A tier's target share (Settings → 层级 → 目标占比) was stored but read by nothing except the demo generator: the
dashboard and the workbook compared the structure with a fixed 5/20/75. They now compare with the shares summed by
bucket (desktop.health.structure_targets), and the default shares — 核心 2%, 大咖 5%, 中咖 20%, 普通 73%, that is
7/20/73 — become 1/4/20/75, PRODUCT §2's 5/20/75. A workspace whose tiers are still exactly the old defaults (the
same four names, places and shares) gets the new shares; any tier list an organiser changed is left as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_tier_targets"
down_revision = "0017_gram_trigger_when"
branch_labels = None
depends_on = None

OLD = (("核心", 0, 0.02), ("大咖", 1, 0.05), ("中咖", 2, 0.20), ("普通", 3, 0.73))
NEW = {"核心": 0.01, "大咖": 0.04, "中咖": 0.20, "普通": 0.75}


def _swap(old: tuple[tuple[str, int, float], ...], new: dict[str, float]) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT name, rank, target_share FROM tier ORDER BY rank, id")).all()
    if len(rows) != len(old) or any(
        (name, rank) != (n, r) or abs((share or 0.0) - s) > 1e-9
        for (name, rank, share), (n, r, s) in zip(rows, old, strict=True)
    ):
        return
    for name, share in new.items():
        connection.execute(sa.text("UPDATE tier SET target_share = :s WHERE name = :n"), {"s": share, "n": name})


def upgrade() -> None:
    _swap(OLD, NEW)


def downgrade() -> None:
    _swap(tuple((n, r, NEW[n]) for n, r, _s in OLD), {n: s for n, _r, s in OLD})
