"""The roster query: one row per membership, filtered and sorted in SQL, paged, returned as frozen rows.

Text search matches display name, nickname or group nickname (substring), WeChat ID (prefix), phone tail
(digits), and pinyin initials or full pinyin (indexed prefix ranges: `zs` finds 张三). Extras shown per row
(last activity, points) are fetched for the page only, so a keystroke never touches 100k ledgers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from models import (
    ChatActivity,
    Group,
    Member,
    Membership,
    Role,
    Tag,
    Tier,
    clock,
    member_tag,
    membership_role,
)
from models.search_keys import prefix_upper_bound

SORT_COLUMNS = (
    "name",
    "group",
    "status",
    "tier",
    "joined_at",
    "wechat_id",
    "city",
    "last_activity",
    "points",
    "last_message",
    "messages_30d",
)


@dataclass(frozen=True)
class RosterQuery:
    group_id: int | None = None
    text: str = ""
    status: str | None = None
    tier_id: int | None = None
    tag_id: int | None = None
    role_id: int | None = None
    joined_month: tuple[int, int] | None = None
    include_deleted: bool = False
    only_deleted: bool = False
    never_spoke: bool = False  # in the chat (已入群/入群中 unless `status`) with no message in any imported history
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    member_id: int
    group_id: int
    group_name: str
    display_name: str
    nickname: str | None
    group_nickname: str | None
    wechat_id: str | None
    phone: str | None
    city: str | None
    status: str
    tier: str | None
    joined_at: datetime | None
    deleted: bool
    tags: tuple[str, ...] = field(default_factory=tuple)
    roles: tuple[str, ...] = field(default_factory=tuple)
    last_activity: date | None = None  # last participation of any kind (the kept Membership.last_active)
    points: int = 0
    last_message: date | None = None  # from chat-history imports
    messages_30d: int = 0  # messages in the 30 days up to today


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_condition(text: str):
    t = text.strip()
    if not t:
        return None
    like = f"%{_escape_like(t)}%"
    conds = [
        Member.display_name.like(like, escape="\\"),
        Member.nickname.like(like, escape="\\"),
        Membership.group_nickname.like(like, escape="\\"),
        and_(Member.wechat_id >= t, Member.wechat_id < prefix_upper_bound(t)),
    ]
    low = t.lower()
    if low.isascii() and low.replace(" ", "").isalnum():
        key = low.replace(" ", "")
        if key.isdigit():
            if len(key) <= 4:
                conds.append(Member.phone_tail == key.zfill(4) if len(key) == 4 else Member.phone_tail.like(f"%{key}"))
            else:
                conds.append(Member.phone.like(f"%{key}"))
        else:
            bound = prefix_upper_bound(key)
            conds.append(and_(Member.initials >= key, Member.initials < bound))
            conds.append(and_(Member.pinyin >= key, Member.pinyin < bound))
    return or_(*conds)


def _last_message_expr():
    return (
        select(func.max(ChatActivity.day))
        .where(ChatActivity.membership_id == Membership.id)
        .correlate(Membership)
        .scalar_subquery()
    )


def _messages_30d_expr():
    today = clock.today()
    return (
        select(func.coalesce(func.sum(ChatActivity.messages), 0))
        .where(
            ChatActivity.membership_id == Membership.id,
            ChatActivity.day > today - timedelta(days=30),
            ChatActivity.day <= today,
        )
        .correlate(Membership)
        .scalar_subquery()
    )


def filtered(q: RosterQuery) -> Select:
    stmt = select(Membership.id).join(Member, Member.id == Membership.member_id)
    if q.only_deleted:
        stmt = stmt.where(Member.deleted_at.is_not(None))
    elif not q.include_deleted:
        stmt = stmt.where(Member.deleted_at.is_(None))
    if q.group_id is not None:
        stmt = stmt.where(Membership.group_id == q.group_id)
    if q.status:
        stmt = stmt.where(Membership.status == q.status)
    if q.tier_id is not None:
        stmt = stmt.where(Membership.tier_id == q.tier_id)
    if q.tag_id is not None:
        stmt = stmt.where(Member.id.in_(select(member_tag.c.member_id).where(member_tag.c.tag_id == q.tag_id)))
    if q.role_id is not None:
        stmt = stmt.where(
            Membership.id.in_(select(membership_role.c.membership_id).where(membership_role.c.role_id == q.role_id))
        )
    if q.joined_month:
        y, m = q.joined_month
        start = datetime(y, m, 1)
        end = datetime(y + (m == 12), m % 12 + 1, 1)
        stmt = stmt.where(Membership.joined_at >= start, Membership.joined_at < end)
    if q.never_spoke:
        stmt = stmt.where(~select(ChatActivity.id).where(ChatActivity.membership_id == Membership.id).exists())
        if not q.status:  # the lurkers are in the chat now: members and newcomers, unless a status is chosen
            stmt = stmt.where(Membership.status.in_(("active", "onboarding")))
    cond = _text_condition(q.text)
    if cond is not None:
        stmt = stmt.where(cond)
    return stmt


def _order(stmt: Select, q: RosterQuery) -> Select:
    if q.sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort column {q.sort!r}")
    key = {
        "name": Member.pinyin,
        "group": Membership.group_id,
        "status": Membership.status,
        "tier": Membership.tier_id,
        "joined_at": Membership.joined_at,
        "wechat_id": Member.wechat_id,
        "city": Member.city,
        "last_activity": Membership.last_active,  # kept values (models/kept.py): indexed, no aggregate per sort
        "points": Membership.points_balance,
        "last_message": _last_message_expr(),
        "messages_30d": _messages_30d_expr(),
    }[q.sort]
    key = key.desc() if q.descending else key.asc()
    return stmt.order_by(key.nulls_last(), Membership.id)


def count_roster(session: Session, q: RosterQuery) -> int:
    """Rows of the roster: memberships (a person in two groups is two rows)."""
    return int(session.scalar(select(func.count()).select_from(filtered(q).subquery())) or 0)


def count_roster_people(session: Session, q: RosterQuery) -> int:
    """The distinct people among the rows of `q` (within one group, one row is one person)."""
    ids = filtered(q).with_only_columns(Membership.member_id).distinct().subquery()
    return int(session.scalar(select(func.count()).select_from(ids)) or 0)


def roster_ids(session: Session, q: RosterQuery, offset: int = 0, limit: int | None = 200) -> list[int]:
    stmt = _order(filtered(q), q).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def rows_for(session: Session, membership_ids: list[int]) -> list[MemberRow]:
    """Full rows for the given memberships, in the given order."""
    if not membership_ids:
        return []
    base = session.execute(
        select(
            Membership.id,
            Member.id,
            Group.id,
            Group.name,
            Member.display_name,
            Member.nickname,
            Membership.group_nickname,
            Member.wechat_id,
            Member.phone,
            Member.city,
            Membership.status,
            Tier.name,
            Membership.joined_at,
            Member.deleted_at,
            Membership.last_active,
            Membership.points_balance,
            _last_message_expr(),
            _messages_30d_expr(),
        )
        .join(Member, Member.id == Membership.member_id)
        .join(Group, Group.id == Membership.group_id)
        .outerjoin(Tier, Tier.id == Membership.tier_id)
        .where(Membership.id.in_(membership_ids))
    ).all()
    member_ids = {r[1] for r in base}
    tags: dict[int, list[str]] = {}
    for mid, name in session.execute(
        select(member_tag.c.member_id, Tag.name)
        .join(Tag, Tag.id == member_tag.c.tag_id)
        .where(member_tag.c.member_id.in_(member_ids))
        .order_by(Tag.name)
    ):
        tags.setdefault(mid, []).append(name)
    roles: dict[int, list[str]] = {}
    for msid, name in session.execute(
        select(membership_role.c.membership_id, Role.name)
        .join(Role, Role.id == membership_role.c.role_id)
        .where(membership_role.c.membership_id.in_(membership_ids))
        .order_by(Role.id)
    ):
        roles.setdefault(msid, []).append(name)
    by_id = {
        r[0]: MemberRow(
            membership_id=r[0],
            member_id=r[1],
            group_id=r[2],
            group_name=r[3],
            display_name=r[4],
            nickname=r[5],
            group_nickname=r[6],
            wechat_id=r[7],
            phone=r[8],
            city=r[9],
            status=r[10],
            tier=r[11],
            joined_at=r[12],
            deleted=r[13] is not None,
            tags=tuple(tags.get(r[1], ())),
            roles=tuple(roles.get(r[0], ())),
            last_activity=r[14],
            points=int(r[15] or 0),
            last_message=r[16],
            messages_30d=int(r[17] or 0),
        )
        for r in base
    }
    return [by_id[i] for i in membership_ids if i in by_id]


def search_roster(session: Session, q: RosterQuery, offset: int = 0, limit: int | None = 200) -> list[MemberRow]:
    return rows_for(session, roster_ids(session, q, offset, limit))
