"""Members (成员), memberships in groups, tags, tiers, roles, step progress and operators."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import GENDERS, MEMBERSHIP_STATUSES, OPERATOR_ROLES, Base, enum_check, utcnow


class Operator(Base):
    """Who uses the app. Every write records its operator."""

    __tablename__ = "operator"
    __table_args__ = (enum_check("role", OPERATOR_ROLES), Index("ix_operator_login", "login", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    # scrypt$salt$hash, or None; deferred: never loaded with the row (a team login may not read it at all)
    password_hash: Mapped[str | None] = mapped_column(String(300), deferred=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    login: Mapped[str | None] = mapped_column(String(63))  # the server login in team mode (unique index)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


member_tag = Table(
    "member_tag",
    Base.metadata,
    Column("member_id", ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)

membership_role = Table(
    "membership_role",
    Base.metadata,
    Column("membership_id", ForeignKey("membership.id", ondelete="CASCADE"), primary_key=True),
    Column("role_id", ForeignKey("role.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="#5B8FF9")


class Tier(Base):
    """核心/大咖/中咖/普通 — names, order and target share are editable."""

    __tablename__ = "tier"
    __table_args__ = (CheckConstraint("target_share >= 0 AND target_share <= 1", name="share_fraction"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    rank: Mapped[int]  # 0 = highest
    target_share: Mapped[float] = mapped_column(default=0.0)


class Role(Base):
    """Operating roles a membership can hold (日常运营, 策划, 输出者, 助理, 客服 ...)."""

    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


DELETED_WHERE = "deleted_at IS NOT NULL"


class Member(Base):
    """A person. May be in several groups. ID-card numbers are never stored."""

    __tablename__ = "member"
    __table_args__ = (
        enum_check("gender", GENDERS),
        Index("ix_member_initials", "initials"),
        Index("ix_member_pinyin", "pinyin"),
        # the name's other reading (models/search_keys.alt_name_keys: 曾小贤 zxx), for the few names that have one
        *(
            Index(f"ix_member_{c}", c, sqlite_where=text(f"{c} IS NOT NULL"), postgresql_where=text(f"{c} IS NOT NULL"))
            for c in ("initials_alt", "pinyin_alt")
        ),
        Index("ix_member_wechat_id", "wechat_id"),
        # the foreign key of a merged record: deleting people (an import's undo takes back thousands) checks that no
        # record was merged into them — without an index, one scan of every person per person deleted (migration 0026)
        Index("ix_member_merged_into", "merged_into_id"),
        Index("ix_member_qq", "qq"),
        Index("ix_member_phone_tail", "phone_tail"),
        Index("ix_member_display_name", "display_name"),
        Index("ix_member_city", "city"),  # the roster sorted by city
        Index("ix_member_nickname", "nickname"),  # search and paste look-ups by nickname
        # the few deleted people: the roster's counts subtract their rows (models/queries/roster.py `_counts`)
        Index(
            "ix_member_deleted",
            "id",
            sqlite_where=text(DELETED_WHERE),
            postgresql_where=text(DELETED_WHERE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100))
    initials: Mapped[str] = mapped_column(String(100), default="")  # pinyin initials, lower case: 张三 -> zs
    pinyin: Mapped[str] = mapped_column(String(400), default="")  # full pinyin, no spaces: zhangsan
    initials_alt: Mapped[str | None] = mapped_column(String(100))  # as people read the name, when not the same:
    pinyin_alt: Mapped[str | None] = mapped_column(String(400))  # 曾小贤 -> zxx / zengxiaoxian (cxx above)
    nickname: Mapped[str | None] = mapped_column(String(100))
    wechat_id: Mapped[str | None] = mapped_column(String(100))
    qq: Mapped[str | None] = mapped_column(String(20))  # QQ号, for QQ groups (a chat export's sender ID)
    phone: Mapped[str | None] = mapped_column(String(30))
    phone_tail: Mapped[str | None] = mapped_column(String(4))  # last 4 digits, indexed for "search by tail"
    gender: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(50))
    occupation: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    real_name_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_on: Mapped[date | None]
    seed_user: Mapped[bool] = mapped_column(Boolean, default=False)
    points_opt_out: Mapped[bool] = mapped_column(Boolean, default=False)  # hidden from leaderboards
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None]  # soft delete
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))

    tags: Mapped[list[Tag]] = relationship(secondary=member_tag)
    memberships: Mapped[list[Membership]] = relationship(back_populates="member", foreign_keys="Membership.member_id")


class Membership(Base):
    """Member × group: status, tier, roles, referral, purpose answer and fee."""

    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("member_id", "group_id"),
        enum_check("status", MEMBERSHIP_STATUSES),
        CheckConstraint("fee_paid_cents >= 0", name="fee_nonnegative"),
        CheckConstraint("referrer_id IS NULL OR referrer_id <> member_id", name="no_self_referral"),
        CheckConstraint("left_at IS NULL OR joined_at IS NULL OR left_at >= joined_at", name="left_after_joined"),
        Index("ix_membership_group_status", "group_id", "status"),
        # covering: who was a member of a group on a day, who joined or left in a month, who took part lately
        # (models/queries/participation.py) are read from this index alone — the dashboard counts a group's
        # members a dozen ways
        Index("ix_membership_group_roster", "group_id", "status", "joined_at", "left_at", "last_active"),
        Index("ix_membership_referrer", "referrer_id"),
        Index("ix_membership_points", "points_balance"),  # roster sorted by points, leaderboards
        Index("ix_membership_last_active", "last_active"),  # sorted by last participation; dormant members
        Index("ix_membership_status", "status"),  # the whole roster sorted by status, tier or joined date
        Index("ix_membership_tier", "tier_id"),
        Index("ix_membership_joined_at", "joined_at"),
        Index("ix_membership_group_nickname", "group_nickname"),  # search and paste look-ups by group nickname
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="active")
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id", ondelete="SET NULL"))
    group_nickname: Mapped[str | None] = mapped_column(String(100))  # 群昵称
    applied_at: Mapped[datetime | None]
    joined_at: Mapped[datetime | None]
    left_at: Mapped[datetime | None]
    left_reason: Mapped[str | None] = mapped_column(Text)
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    purpose: Mapped[str | None] = mapped_column(Text)  # 进群目的
    fee_paid_cents: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Kept values (issue 13): read often, kept in the same transaction as each fact by database triggers
    # (models/kept.py; migration 0007). The ledger and the fact tables stay the source of truth; never set these
    # from Python — recompute (models.kept.refresh) repairs them.
    points_balance: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # sum of the ledger
    last_active: Mapped[date | None]  # last day of any participation: check-in, attended activity, contribution, chat
    # The open streak bonuses were reconciled with the whole history (set by the check-in service's reconcile,
    # cleared by triggers on every write that can move bonus days without it: models/kept.py, streak marks).
    streak_checked: Mapped[bool] = mapped_column(Boolean, server_default=false())

    member: Mapped[Member] = relationship(back_populates="memberships", foreign_keys=[member_id])
    roles: Mapped[list[Role]] = relationship(secondary=membership_role)


class MembershipSpell(Base):
    """An earlier, closed spell of a membership (docs/architecture.md "Membership spells"): the person was a member
    from joined_at (None: from the beginning, imported without a date) to left_at, left, and came back. The
    current spell stays on the membership itself (joined_at, left_at), so every query of "members now" reads the
    membership alone; the definitions over time (models/queries/participation.py) also ask these rows."""

    __tablename__ = "membership_spell"
    __table_args__ = (
        CheckConstraint("joined_at IS NULL OR left_at >= joined_at", name="left_after_joined"),
        # "a closed spell covers the day": one seek per membership asked (participation.member_at_end_condition)
        Index("ix_membership_spell_membership", "membership_id", "joined_at", "left_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime | None]
    left_at: Mapped[datetime]
    left_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StepProgress(Base):
    """Membership × entry step: when it was done, by whom, with what answer."""

    __tablename__ = "step_progress"
    __table_args__ = (UniqueConstraint("membership_id", "step_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    step_id: Mapped[int] = mapped_column(ForeignKey("entry_step.id", ondelete="CASCADE"), index=True)
    done_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    answer: Mapped[str | None] = mapped_column(Text)
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    rules_version: Mapped[int | None] = mapped_column(Integer)
