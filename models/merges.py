"""What a merge of two people changed, kept so the merge can be undone (desktop/services/merge_undo.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class MergeUndo(Base):
    """One merge of `dropped_member_id` into `kept_member_id`: every row the merge could touch as it was before
    (`rows`, JSON by table), and a digest of the same rows right after it (`after_digest`). The merge is undone
    only while those rows are still as the merge left them — a later check-in, edit or points entry of either
    person changes the digest, and the undo is refused rather than throwing that later write away. Holds the
    people's phones: never readable by an assistant in team mode (desktop/team_roles.py)."""

    __tablename__ = "merge_undo"
    __table_args__ = (Index("ix_merge_undo_kept", "kept_member_id", "merged_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    merged_at: Mapped[datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    kept_member_id: Mapped[int]
    dropped_member_id: Mapped[int]
    rows: Mapped[str] = mapped_column(Text)
    after_digest: Mapped[str] = mapped_column(String(64))
    undone_at: Mapped[datetime | None]
