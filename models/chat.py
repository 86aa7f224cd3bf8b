"""Chat history (PRODUCT §3.8): what imported chat exports tell about a group, without a single message text —
who a sender is (aliases), how many messages each membership sent per day, and which span each export covered."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import CHAT_ALIAS_KINDS, Base, enum_check, utcnow


class ChatAlias(Base):
    """An identity a chat export showed for someone of a group: a sender ID (wxid, QQ number, e-mail) or a name
    (nickname, group nickname, remark), remembered so that the next export is matched at once and one person
    stays one person across nickname changes. `member_id` None with `ignored`: a sender the organiser chose to
    ignore. `value` is the comparison key (NFKC, case-folded), `shown` the text as the export wrote it."""

    __tablename__ = "chat_alias"
    __table_args__ = (
        UniqueConstraint("group_id", "kind", "value"),
        enum_check("kind", CHAT_ALIAS_KINDS),
        Index("ix_chat_alias_member", "member_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # id | name
    value: Mapped[str] = mapped_column(String(200))
    shown: Mapped[str] = mapped_column(String(200))
    first_seen: Mapped[date | None]
    last_seen: Mapped[date | None]
    ignored: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChatActivity(Base):
    """Messages one membership sent on one local day, counted from chat exports. group_id is copied from the
    membership so that a group's month is answered from one covering index."""

    __tablename__ = "chat_activity"
    __table_args__ = (
        UniqueConstraint("membership_id", "day"),
        CheckConstraint("messages > 0", name="messages_positive"),
        Index("ix_chat_activity_group_day_membership", "group_id", "day", "membership_id", "messages"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    day: Mapped[date]
    messages: Mapped[int] = mapped_column(Integer)


class ChatImport(Base):
    """One imported export of a group's chat: its format and the span of time it covered. An export holds every
    message of its span, so a later export's messages inside a span already imported were counted then: this
    is what makes re-importing the same file, or an overlapping one, count nothing twice.

    `time_zone`: the zone an export of epoch stamps (ChatLab, QCE) was read in, so its span — wall-clock times of
    that zone — is moved into the community's zone of a later import after the setting changed (the same file read
    again must fall inside it); None for a text export's span, whose times are as written and never shifted."""

    __tablename__ = "chat_import"
    __table_args__ = (Index("ix_chat_import_group_span", "group_id", "first_at", "last_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("community_group.id", ondelete="CASCADE"))
    format: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(255))
    first_at: Mapped[datetime]
    last_at: Mapped[datetime]
    time_zone: Mapped[str | None] = mapped_column(String(64))
    messages: Mapped[int] = mapped_column(Integer, default=0)  # messages counted by this import
    checkins: Mapped[int] = mapped_column(Integer, default=0)
    joins: Mapped[int] = mapped_column(Integer, default=0)
    removals: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
