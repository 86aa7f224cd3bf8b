"""Groups (社群), their rules versions and their entry steps (入群流程)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import GROUP_KINDS, STEP_KINDS, Base, enum_check, utcnow


class Group(Base):
    """One community group. Capacity is advisory (WeChat caps a group at 500)."""

    __tablename__ = "community_group"
    __table_args__ = (
        enum_check("kind", GROUP_KINDS),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("fee_cents >= 0", name="fee_nonnegative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    goal: Mapped[str | None] = mapped_column(Text)  # 有目标: goal & positioning
    value_text: Mapped[str | None] = mapped_column(Text)  # 有价值
    threshold_text: Mapped[str | None] = mapped_column(Text)  # 有门槛
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    rituals_text: Mapped[str | None] = mapped_column(Text)  # 有仪式
    sharing_text: Mapped[str | None] = mapped_column(Text)  # 有分享
    operators_text: Mapped[str | None] = mapped_column(Text)  # 有运营
    joining_notice: Mapped[str | None] = mapped_column(Text)  # 入会须知
    capacity: Mapped[int] = mapped_column(Integer, default=500)
    late_checkins_count_for_streak: Mapped[bool] = mapped_column(Boolean, default=False)
    # words that make a chat message a check-in (one per line or separated by spaces/commas); None: 打卡
    checkin_keywords: Mapped[str | None] = mapped_column(Text)
    # a camp's day 1 (开营日): a chain titled 第15天 / Day 15 is for camp_start_day + 14 (desktop.services.paste
    # camp_title); None: the day count names no date. camp_days: the camp's length (21), None when not recorded
    camp_start_day: Mapped[date | None]
    camp_days: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived_at: Mapped[datetime | None]

    rules_versions: Mapped[list[RulesVersion]] = relationship(back_populates="group", order_by="RulesVersion.version")
    steps: Mapped[list[EntryStep]] = relationship(back_populates="group", order_by="EntryStep.position")


class RulesVersion(Base):
    """群规: every edit adds a version; old texts are kept with their date."""

    __tablename__ = "rules_version"
    __table_args__ = (UniqueConstraint("group_id", "version"), CheckConstraint("version >= 1", name="version_positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    version: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))

    group: Mapped[Group] = relationship(back_populates="rules_versions")


class EntryStep(Base):
    """One step of a group's entry process. Retired steps keep their recorded progress."""

    __tablename__ = "entry_step"
    __table_args__ = (enum_check("kind", STEP_KINDS), UniqueConstraint("group_id", "code"))

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(40))  # stable key ("purpose", "rules", "custom_3", ...)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    retired_at: Mapped[datetime | None]

    group: Mapped[Group] = relationship(back_populates="steps")
