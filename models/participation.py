"""Participation facts: check-ins (打卡), leave (请假), activities and attendance, contributions, violations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import (
    ACTIVITY_KINDS,
    ATTENDANCE_ROLES,
    ATTENDANCE_STATUSES,
    CHECKIN_SOURCES,
    CONTRIBUTION_KINDS,
    VIOLATION_ACTIONS,
    VIOLATION_KINDS,
    Base,
    enum_check,
    utcnow,
)


class CheckIn(Base):
    """One check-in per membership per day. group_id is copied from the membership so that the
    month matrix of a group is answered from one covering index (group_id, day, membership_id)."""

    __tablename__ = "checkin"
    __table_args__ = (
        UniqueConstraint("membership_id", "day"),
        enum_check("source", CHECKIN_SOURCES),
        Index("ix_checkin_group_day_membership", "group_id", "day", "membership_id"),
        # a member's late days (补卡, the few that are): with the unique (membership, day) index, which holds the
        # id too, a member's streak days are read from two indexes without a row of the table (issue 13)
        Index(
            "ix_checkin_membership_late",
            "membership_id",
            "day",
            sqlite_where=text("late = 1"),
            postgresql_where=text("late"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    day: Mapped[date]
    # the time the member posted it (from the line or the chat stamp); None when none was written
    checked_at: Mapped[datetime | None]
    logged_at: Mapped[datetime] = mapped_column(default=utcnow)  # when QunDesk recorded it
    source: Mapped[str] = mapped_column(String(10), default="manual")
    late: Mapped[bool] = mapped_column(Boolean, default=False)  # 补卡: the member checked in after the day
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class Leave(Base):
    """请假: leave days neither break a streak nor count against the check-in rate."""

    __tablename__ = "leave"
    __table_args__ = (
        CheckConstraint("end_day >= start_day", name="end_after_start"),
        Index("ix_leave_membership_start", "membership_id", "start_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    start_day: Mapped[date]
    end_day: Mapped[date]
    reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Activity(Base):
    __tablename__ = "activity"
    __table_args__ = (
        enum_check("kind", ACTIVITY_KINDS),
        CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="ends_after_start"),
        CheckConstraint("edition IS NULL OR edition >= 1", name="edition_positive"),
        Index("ix_activity_group_starts", "group_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), default="other")
    series: Mapped[str | None] = mapped_column(String(100))
    edition: Mapped[int | None]  # 第N期
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    online: Mapped[bool] = mapped_column(Boolean, default=True)
    place: Mapped[str | None] = mapped_column(String(200))
    capacity: Mapped[int | None]
    hosts: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("activity_id", "membership_id"),
        enum_check("status", ATTENDANCE_STATUSES),
        enum_check("role", ATTENDANCE_ROLES),
        Index("ix_attendance_membership", "membership_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="registered")
    role: Mapped[str] = mapped_column(String(20), default="attendee")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # excused because a leave (请假) covers the activity's day — absent marked on a leave day, or an absence the leave
    # recorded later excused (participation.py) — not because the organiser chose excused: such a place is absent
    # again once no leave covers that day (a leave removed, cut short by a leaving; migration 0020)
    leave_excused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Contribution(Base):
    __tablename__ = "contribution"
    __table_args__ = (
        enum_check("kind", CONTRIBUTION_KINDS),
        Index("ix_contribution_group_day", "group_id", "day", "membership_id"),
        Index("ix_contribution_membership", "membership_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(300))
    link: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Violation(Base):
    __tablename__ = "violation"
    __table_args__ = (
        enum_check("kind", VIOLATION_KINDS),
        enum_check("action", VIOLATION_ACTIONS),
        Index("ix_violation_group_day", "group_id", "day"),
        Index("ix_violation_membership", "membership_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(20), default="warning")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
