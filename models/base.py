"""Declarative base, naming convention and the enumerations every table shares (no Qt here)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, MetaData
from sqlalchemy.orm import DeclarativeBase

from models import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def local_now() -> datetime:
    """Naive local wall-clock time, seconds precision. Every stored datetime is the organiser's local time:
    a community lives in one time zone and its days (check-in days, join months) are local days, so a
    06:10 check-in in Beijing must not become 22:10 of the day before (docs/architecture.md, "Time")."""
    return clock.now()


utcnow = local_now  # the first name of this function; kept for existing callers


def enum_check(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK that keeps a text column inside one of our enumerations (portable to SQLite and PostgreSQL).
    Written `kind = 'a' OR kind = 'b' …`, never `kind IN (…)`: SQLite builds an IN list's lookup table again for
    every row a CHECK is evaluated on (a third of the time of a bulk insert; migration 0011). A migration that
    adds an enumeration column writes its CHECK this way too (tests/models/test_schema.py holds every INSERT to
    it)."""
    return CheckConstraint(" OR ".join(f"{column} = '{v}'" for v in values), name=name or f"{column}_enum")


# ---- enumerations (stored as short English codes; the UI translates them) ----
MEMBERSHIP_STATUSES = ("applicant", "onboarding", "active", "left", "removed", "blacklisted")
ENDED_STATUSES = ("left", "removed", "blacklisted")  # out of the group: left_at (and a reason) say since when, why
OPERATOR_ROLES = ("owner", "admin", "assistant")
STEP_KINDS = ("question", "acknowledge", "payment", "ritual", "verification")
GROUP_KINDS = ("product", "self_media", "service", "brand", "user", "learning", "hobby", "camp", "other")
GENDERS = ("male", "female", "other")
CHECKIN_SOURCES = ("manual", "paste", "import", "chat")
CHAT_ALIAS_KINDS = ("id", "name")
ACTIVITY_KINDS = (
    "knowledge_share",  # 干货分享
    "expert_live",  # 大牛直播
    "prize_interaction",  # 有奖互动
    "offline_meetup",  # 线下聚会
    "opening_ceremony",  # 开营仪式
    "award_ceremony",  # 颁奖典礼
    "course",  # 课程
    "other",
)
ATTENDANCE_STATUSES = ("registered", "attended", "absent", "excused")
ATTENDANCE_ROLES = ("host", "speaker", "attendee")
CONTRIBUTION_KINDS = ("share", "answer", "post", "referral", "other")
VIOLATION_KINDS = ("ad", "flood", "off_topic", "abuse", "other")
VIOLATION_ACTIONS = ("warning", "mute", "removal")
POINT_SOURCES = (
    "checkin",
    "streak",
    "attendance",
    "contribution",
    "violation",
    "referral",
    "manual",
    "recompute",
    "reversal",
)
