"""What an import did, kept so that it can be undone (desktop/services/import_undo.py, PRODUCT §3.6 and §5)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class ImportRun(Base):
    """One import into one group (a roster, applications, a check-in sheet): who ran it, when, from which file, and
    whether it created the group. `undone_at` once taken back. Imports made before migration 0026 have no row and
    cannot be undone (said when asked)."""

    __tablename__ = "import_run"
    __table_args__ = (Index("ix_import_run_group", "group_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # roster / applications / checkins
    file: Mapped[str] = mapped_column(Text)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    group_created: Mapped[bool] = mapped_column(default=False)
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class ImportItem(Base):
    """One row an import added (`action` "add": a member, a membership, a check-in, a leave, a step record, a tag
    link — `row_id` its id, `ref` the membership or member it belongs to) or changed (`action` "change": a member's or
    a membership's columns, `before` and `after` as JSON, so that the undo restores only a value still as the
    import left it)."""

    __tablename__ = "import_item"
    __table_args__ = (Index("ix_import_item_run", "run_id", "entity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(10))
    row_id: Mapped[int] = mapped_column(Integer)
    ref: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
