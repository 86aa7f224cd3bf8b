"""Choice lists for filters and forms (tiers, tags): plain (id, name) pairs the window puts in combo boxes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Tag, Tier


def list_tiers(session: Session) -> list[tuple[int, str]]:
    """Tiers from highest (核心) to lowest (普通)."""
    return [(tid, name) for tid, name in session.execute(select(Tier.id, Tier.name).order_by(Tier.rank, Tier.id))]


def list_tags(session: Session) -> list[tuple[int, str]]:
    return [(tid, name) for tid, name in session.execute(select(Tag.id, Tag.name).order_by(Tag.name))]
