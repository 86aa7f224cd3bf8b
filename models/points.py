"""Points (会员积分): per-group rules, the append-only ledger and levels."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import POINT_SOURCES, Base, enum_check, utcnow

# How to add a rule: add (code, points, label) here, award it in desktop/services/points.py,
# and mention it in docs/metrics.md. Existing groups get it through a migration.
DEFAULT_POINT_RULES: tuple[tuple[str, int, str], ...] = (
    ("checkin", 1, "打卡"),
    ("streak7", 5, "连续打卡7天"),
    ("activity_online", 3, "参加线上活动"),
    ("activity_offline", 10, "参加线下活动"),
    ("speaker", 5, "活动分享嘉宾"),
    ("share", 5, "分享"),
    ("referral", 20, "推荐入群"),
    ("violation", -10, "违规"),
)

DEFAULT_LEVELS: tuple[tuple[str, int], ...] = (("新人", 0), ("活跃", 30), ("骨干", 100), ("元老", 300))


class PointRule(Base):
    __tablename__ = "point_rule"
    __table_args__ = (UniqueConstraint("group_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(30))
    label: Mapped[str] = mapped_column(String(100))
    points: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)


# the entries of ix_points_entry_streak_bonus; a query must repeat these literal terms for SQLite to use it
STREAK_BONUS_WHERE = "source_kind = 'streak' AND reverses_id IS NULL"


class PointsEntry(Base):
    """Append-only ledger: a removed fact gets a reversing entry, never a delete or an update."""

    __tablename__ = "points_entry"
    __table_args__ = (
        enum_check("source_kind", POINT_SOURCES),
        # covering: month sums and per-member month points read the index only
        Index("ix_points_entry_group_day_points", "group_id", "day", "membership_id", "points"),
        Index("ix_points_entry_membership", "membership_id"),
        Index("ix_points_entry_source", "source_kind", "source_id"),
        # which entries are reversed: the few that are (partial), looked up for every open entry of a member
        Index(
            "ix_points_entry_reverses",
            "reverses_id",
            sqlite_where=text("reverses_id IS NOT NULL"),
            postgresql_where=text("reverses_id IS NOT NULL"),
        ),
        # a member's streak bonuses (the check-in service reconciles them at every check-in): a small index
        # holding what it reads, instead of every ledger row of the member (issue 13)
        Index(
            "ix_points_entry_streak_bonus",
            "membership_id",
            "day",
            "points",
            sqlite_where=text(STREAK_BONUS_WHERE),
            postgresql_where=text(STREAK_BONUS_WHERE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    day: Mapped[date]
    points: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)
    source_kind: Mapped[str] = mapped_column(String(20))
    source_id: Mapped[int | None]
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("points_entry.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Level(Base):
    __tablename__ = "level"
    __table_args__ = (UniqueConstraint("group_id", "min_points"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(30))
    min_points: Mapped[int]
