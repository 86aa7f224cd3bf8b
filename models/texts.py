"""Paste-ready text templates (PRODUCT §3.9): one per group and kind when the group changed the default.
The defaults, the placeholders each kind offers and the rendering live in desktop/services/texts.py."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, enum_check, utcnow

TEXT_KINDS = ("reminder", "welcome", "stalled", "leaderboard", "summary")


class TextTemplate(Base):
    __tablename__ = "text_template"
    __table_args__ = (enum_check("kind", TEXT_KINDS), UniqueConstraint("group_id", "kind"))

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id", ondelete="SET NULL"))
