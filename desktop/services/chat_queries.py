"""Reads about who speaks (chat-history imports) and each membership's last participation: the `members`
command, the roster's 最近发言 / 近30天发言 columns, the member timeline, the dashboard's speaking leaderboard
and the monthly workbook. No Qt here; plain rows out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.phones import mask_phones_in
from models import ChatActivity, Member, Membership, clock
from models.queries.participation import DELETED_MEMBERSHIPS


@dataclass(frozen=True)
class MemberListing:
    membership_id: int
    name: str
    nickname: str | None
    group_nickname: str | None
    wechat_id: str | None
    qq: str | None
    status: str
    joined_at: datetime | None
    left_at: datetime | None
    referrer: str | None
    last_active: date | None  # the last day of any participation, messages included
    last_message: date | None
    messages_30d: int  # messages in the 30 days up to today


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def listing_json(row: MemberListing) -> dict:
    """One `qundesk members --json` object (PRODUCT §4)."""
    return {
        "name": row.name,
        "nickname": row.nickname,
        "group_nickname": row.group_nickname,
        "wechat_id": row.wechat_id,
        "qq": row.qq,
        "status": row.status,
        "joined_at": _iso(row.joined_at),
        "left_at": _iso(row.left_at),
        "referrer": row.referrer,
        "last_active": _iso(row.last_active),
        "last_message": _iso(row.last_message),
        "messages_30d": row.messages_30d,
    }


def list_members(
    session: Session, group_id: int, today: date | None = None, *, masked: bool = False
) -> list[MemberListing]:
    """Every membership of the group (applicants and former members included), by name. `masked` (an operator who
    may not export phones): a phone written into a name, nickname, group nickname, referrer's name or WeChat ID is
    masked."""
    today = today or clock.today()
    since = today - timedelta(days=29)
    referrer = aliased(Member)
    recent = (
        select(ChatActivity.membership_id.label("ms"), func.sum(ChatActivity.messages).label("n"))
        .where(ChatActivity.group_id == group_id, ChatActivity.day >= since, ChatActivity.day <= today)
        .group_by(ChatActivity.membership_id)
        .subquery()
    )
    spoke = (
        select(ChatActivity.membership_id.label("ms"), func.max(ChatActivity.day).label("day"))
        .where(ChatActivity.group_id == group_id)
        .group_by(ChatActivity.membership_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Membership.id,
            Member.display_name,
            Member.nickname,
            Membership.group_nickname,
            Member.wechat_id,
            Member.qq,
            Membership.status,
            Membership.joined_at,
            Membership.left_at,
            referrer.display_name,
            Membership.last_active,  # kept by the database (models/kept.py): any participation, messages included
            spoke.c.day,
            func.coalesce(recent.c.n, 0),
        )
        .join(Member, Member.id == Membership.member_id)
        .outerjoin(referrer, referrer.id == Membership.referrer_id)
        .outerjoin(spoke, spoke.c.ms == Membership.id)
        .outerjoin(recent, recent.c.ms == Membership.id)
        .where(Membership.group_id == group_id, Member.deleted_at.is_(None), Member.merged_into_id.is_(None))
        .order_by(Member.display_name, Membership.id)
    ).all()
    out = []
    for ms, name, nick, gnick, wx, qq, status, joined, left, ref, last_day, spoke_day, n30 in rows:
        if masked:  # a WeChat ID that is the phone number (13566667777) too, as the roster and the exports mask it
            name, nick, gnick, ref, wx = (mask_phones_in(v) for v in (name, nick, gnick, ref, wx))
        out.append(
            MemberListing(ms, name, nick, gnick, wx, qq, status, joined, left, ref, last_day, spoke_day, int(n30))
        )
    return out


@dataclass(frozen=True)
class SpeakerRow:
    membership_id: int
    display_name: str
    messages: int


def speaking_leaderboard(session: Session, group_id: int, start: date, end: date, limit: int = 10) -> list[SpeakerRow]:
    """Who spoke most in [start, end] (a deleted person is on no leaderboard: docs/metrics.md)."""
    total = func.sum(ChatActivity.messages).label("n")
    rows = session.execute(
        select(ChatActivity.membership_id, Member.display_name, total)
        .join(Membership, Membership.id == ChatActivity.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(
            ChatActivity.group_id == group_id,
            ChatActivity.day >= start,
            ChatActivity.day <= end,
            Member.deleted_at.is_(None),
        )
        .group_by(ChatActivity.membership_id, Member.display_name)
        .order_by(total.desc(), Member.display_name)
        .limit(limit)
    ).all()
    return [SpeakerRow(ms, name, int(n)) for ms, name, n in rows]


def messages_per_day(session: Session, group_id: int, start: date, end: date) -> dict[date, int]:
    """Messages of the group per day in [start, end] (the dashboard's chart): a deleted person's left out, as in
    the month's `messages` (desktop/metrics.messages_in) the days add up to."""
    return {
        day: int(n)
        for day, n in session.execute(
            select(ChatActivity.day, func.sum(ChatActivity.messages))
            .where(
                ChatActivity.group_id == group_id,
                ChatActivity.day >= start,
                ChatActivity.day <= end,
                ChatActivity.membership_id.not_in(DELETED_MEMBERSHIPS),
            )
            .group_by(ChatActivity.day)
        )
    }


def member_messages(session: Session, membership_id: int) -> dict[date, int]:
    """A membership's messages per day (the member timeline)."""
    return {
        day: int(n)
        for day, n in session.execute(
            select(ChatActivity.day, ChatActivity.messages).where(ChatActivity.membership_id == membership_id)
        )
    }


def messages_by_membership(session: Session, group_id: int, start: date, end: date) -> dict[int, int]:
    """Messages per membership of the group in [start, end] (the workbook's 发言 column)."""
    return {
        ms: int(n)
        for ms, n in session.execute(
            select(ChatActivity.membership_id, func.sum(ChatActivity.messages))
            .where(ChatActivity.group_id == group_id, ChatActivity.day >= start, ChatActivity.day <= end)
            .group_by(ChatActivity.membership_id)
        )
    }
