"""The audit log (every write, who and what) and workspace settings kept in the database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_operator_at", "operator_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None]
    summary: Mapped[str | None] = mapped_column(Text)  # JSON: {"before": ..., "after": ...} or a sentence


class WorkspaceSetting(Base):
    """Facts about the workspace (thresholds, stalled days …). Window state lives in QSettings instead."""

    __tablename__ = "workspace_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class SettingHistory(Base):
    """The rules as they stood: each change of a workspace rule (a threshold of desktop/settings.py, the tiers'
    structure targets) is in force from the day it was made (`effective_from`) until the next change; the first
    change of a rule also records the value it replaced, as in force from the beginning (settings.RULES_BEGINNING).
    A past month's figures read the rules at that month's end (settings.rules_at); a rule with no row here has
    always been its current value. Written by settings.record_rule only (migration 0021)."""

    __tablename__ = "setting_history"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    effective_from: Mapped[date] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
