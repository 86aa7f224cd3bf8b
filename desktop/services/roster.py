"""Roster operations: add, update, find duplicates, soft delete and restore members, list groups' rosters.
Each function takes a Session and plain values, returns plain data and records its operator in the audit
log; the caller commits (one user action = one transaction)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from models import Group, Member, Membership, Tag, Tier, clock, utcnow
from models.base import GENDERS, MEMBERSHIP_STATUSES
from models.queries.roster import (
    MemberRow,
    RosterMatches,
    RosterQuery,
    count_roster,
    count_roster_and_people,
    count_roster_people,
    roster_matches,
    rows_for,
    search_roster,
)
from models.search_keys import name_keys

__all__ = [
    "DuplicateHit",
    "MemberInput",
    "MemberRow",
    "RosterQuery",
    "add_member",
    "count_roster",
    "count_roster_and_people",
    "count_roster_people",
    "find_duplicates",
    "get_member_input",
    "normalise_phone",
    "restore_member",
    "search_roster",
    "RosterMatches",
    "roster_matches",
    "rows_for",
    "soft_delete_member",
    "update_member",
]

_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")
SIMILAR_NAME_SCORE = 90  # rapidfuzz ratio at which two names in one group are "very similar"


@dataclass
class MemberInput:
    """What the add/edit dialog and the importers hand to the roster service."""

    display_name: str
    nickname: str | None = None
    wechat_id: str | None = None
    qq: str | None = None
    phone: str | None = None
    gender: str | None = None
    city: str | None = None
    occupation: str | None = None
    note: str | None = None
    tags: list[str] = field(default_factory=list)
    real_name_verified: bool = False
    verified_on: date | None = None
    seed_user: bool = False
    # membership fields
    status: str = "active"
    tier: str | None = None
    group_nickname: str | None = None
    joined_at: datetime | None = None
    referrer_id: int | None = None
    purpose: str | None = None


MEMBER_FIELDS = (
    "display_name",
    "nickname",
    "wechat_id",
    "qq",
    "phone",
    "gender",
    "city",
    "occupation",
    "note",
    "real_name_verified",
    "verified_on",
    "seed_user",
)
MEMBERSHIP_FIELDS = ("status", "group_nickname", "joined_at", "referrer_id", "purpose")


def normalise_phone(value: str | None) -> str | None:
    """Digits only (a leading + kept); raises ValidationError for anything that is not a phone number."""
    if value is None or not str(value).strip():
        return None
    s = unicodedata.normalize("NFKC", str(value)).strip()
    s = _PHONE_SEPARATORS.sub("", s)
    plus = s.startswith("+")
    digits = s[1:] if plus else s
    if not digits.isdigit() or not 5 <= len(digits) <= 15:
        raise ValidationError("phone", f"「{value}」不是有效的电话号码 (not a phone number)")
    if plus and digits.startswith("86") and len(digits) == 13:
        return digits[2:]
    return ("+" if plus else "") + digits


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _clean_qq(value: str | None) -> str | None:
    text = _clean(unicodedata.normalize("NFKC", value) if value else None)
    if text is None:
        return None
    if not text.isdigit() or not 5 <= len(text) <= 12:
        raise ValidationError("qq", f"「{value}」不是 QQ 号 (a QQ number is 5-12 digits)")
    return text


def validate(data: MemberInput) -> MemberInput:
    name = _clean(data.display_name)
    if not name:
        raise ValidationError("display_name", "姓名不能为空 (name is required)")
    if data.gender is not None and data.gender not in GENDERS:
        raise ValidationError("gender", f"未知性别 {data.gender!r} (unknown gender)")
    if data.status not in MEMBERSHIP_STATUSES:
        raise ValidationError("status", f"未知状态 {data.status!r} (unknown status)")
    if data.joined_at and data.joined_at > clock.now().replace(microsecond=0) and data.joined_at.date() > clock.today():
        raise ValidationError("joined_at", "入群时间不能在未来 (join date is in the future)")
    return MemberInput(
        **{
            **asdict(data),
            "display_name": name,
            "nickname": _clean(data.nickname),
            "wechat_id": _clean(data.wechat_id),
            "qq": _clean_qq(data.qq),
            "phone": normalise_phone(data.phone),
            "city": _clean(data.city),
            "occupation": _clean(data.occupation),
            "note": _clean(data.note),
            "group_nickname": _clean(data.group_nickname),
            "purpose": _clean(data.purpose),
            "tags": [t.strip() for t in data.tags if t and t.strip()],
        }
    )


@dataclass(frozen=True)
class DuplicateHit:
    member_id: int
    display_name: str
    reason: str  # "wechat_id" | "phone" | "similar_name"
    score: float = 100.0
    blacklisted_in: tuple[str, ...] = ()  # groups where this person is blacklisted: re-adding must warn


def same_phone(phone: str) -> Select:
    """(member id, name) of the people with this normalised phone, found through the indexed last four digits
    (`phone_tail`, kept by every writer of a phone, as the roster's phone-tail search needs): `phone` has no
    index of its own, and each duplicate check read all of member — 30–60 ms at 100,000 people."""
    return select(Member.id, Member.display_name).where(Member.phone_tail == phone[-4:], Member.phone == phone)


def find_duplicates(
    session: Session,
    *,
    display_name: str | None,
    wechat_id: str | None = None,
    phone: str | None = None,
    group_id: int | None = None,
    exclude_member_id: int | None = None,
) -> list[DuplicateHit]:
    """Possible duplicates: same WeChat ID or phone anywhere, or a very similar name in the same group.
    Two real people can share a name, so callers warn and offer a merge; they never merge by themselves."""
    hits: dict[int, DuplicateHit] = {}
    live = Member.deleted_at.is_(None)
    if exclude_member_id is not None:
        live = live & (Member.id != exclude_member_id)
    if wechat_id and wechat_id.strip():
        for mid, name in session.execute(
            select(Member.id, Member.display_name).where(live, Member.wechat_id == wechat_id.strip())
        ):
            hits[mid] = DuplicateHit(mid, name, "wechat_id")
    try:
        norm_phone = normalise_phone(phone)
    except ValidationError:
        norm_phone = None
    if norm_phone:
        for mid, name in session.execute(same_phone(norm_phone).where(live)):
            hits.setdefault(mid, DuplicateHit(mid, name, "phone"))
    if display_name and display_name.strip() and group_id is not None:
        from rapidfuzz import fuzz  # here: the window's start does not need it (10 ms)

        target = unicodedata.normalize("NFKC", display_name.strip()).casefold()
        candidates = session.execute(
            select(Member.id, Member.display_name)
            .join(Membership, Membership.member_id == Member.id)
            .where(live, Membership.group_id == group_id)
        )
        for mid, name in candidates:
            score = fuzz.ratio(target, unicodedata.normalize("NFKC", name).casefold())
            if score >= SIMILAR_NAME_SCORE:
                hits.setdefault(mid, DuplicateHit(mid, name, "similar_name", score))
    if hits:
        black: dict[int, list[str]] = {}
        for mid, gname in session.execute(
            select(Membership.member_id, Group.name)
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.member_id.in_(list(hits)), Membership.status == "blacklisted")
        ):
            black.setdefault(mid, []).append(gname)
        hits = {mid: replace(h, blacklisted_in=tuple(black.get(mid, ()))) for mid, h in hits.items()}
    return list(hits.values())


def _tier_id(session: Session, tier: str | None) -> int | None:
    if not tier:
        return None
    tid = session.scalar(select(Tier.id).where(Tier.name == tier))
    if tid is None:
        raise ValidationError("tier", f"未知层级「{tier}」(unknown tier)")
    return tid


def _tags(session: Session, names: list[str]) -> list[Tag]:
    out = []
    for name in dict.fromkeys(names):
        tag = session.scalar(select(Tag).where(Tag.name == name))
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        out.append(tag)
    return out


def _apply_member(member: Member, data: MemberInput) -> None:
    for f in MEMBER_FIELDS:
        setattr(member, f, getattr(data, f))
    initials, pinyin = name_keys(data.display_name)
    member.initials, member.pinyin = initials[:100], pinyin[:400]  # the columns' sizes (long CJK names)
    member.phone_tail = data.phone[-4:] if data.phone else None


def add_member(session: Session, actor: Actor, group_id: int, data: MemberInput) -> tuple[int, int]:
    """Create a person and their membership in group_id. Returns (member_id, membership_id)."""
    require(actor, "edit_members")
    data = validate(data)
    member = Member(display_name=data.display_name)
    _apply_member(member, data)
    member.tags = _tags(session, data.tags)
    session.add(member)
    session.flush()
    ms = Membership(
        member_id=member.id,
        group_id=group_id,
        status=data.status,
        tier_id=_tier_id(session, data.tier),
        group_nickname=data.group_nickname,
        joined_at=data.joined_at or (utcnow() if data.status == "active" else None),
        applied_at=utcnow() if data.status in ("applicant", "onboarding") else None,
        referrer_id=data.referrer_id,
        purpose=data.purpose,
    )
    session.add(ms)
    session.flush()
    record_audit(session, actor.id, "member.add", "member", member.id, after={**asdict(data), "group_id": group_id})
    return member.id, ms.id


def get_member_input(session: Session, membership_id: int) -> MemberInput:
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    m = ms.member
    tier = session.get(Tier, ms.tier_id).name if ms.tier_id else None
    return MemberInput(
        **{f: getattr(m, f) for f in MEMBER_FIELDS},
        tags=[t.name for t in m.tags],
        tier=tier,
        **{f: getattr(ms, f) for f in MEMBERSHIP_FIELDS},
    )


def update_member(session: Session, actor: Actor, membership_id: int, data: MemberInput) -> None:
    require(actor, "edit_members")
    data = validate(data)
    before = get_member_input(session, membership_id)
    ms = session.get(Membership, membership_id)
    assert ms is not None
    _apply_member(ms.member, data)
    ms.member.tags = _tags(session, data.tags)
    for f in MEMBERSHIP_FIELDS:
        setattr(ms, f, getattr(data, f))
    ms.tier_id = _tier_id(session, data.tier)
    changed_before = {
        f.name: getattr(before, f.name) for f in fields(before) if getattr(before, f.name) != getattr(data, f.name)
    }
    changed_after = {k: getattr(data, k) for k in changed_before}
    record_audit(session, actor.id, "member.update", "member", ms.member_id, before=changed_before, after=changed_after)


def soft_delete_member(session: Session, actor: Actor, member_id: int) -> None:
    require(actor, "delete_members")
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound(f"member {member_id}")
    m.deleted_at = utcnow()
    record_audit(session, actor.id, "member.delete", "member", member_id, before={"display_name": m.display_name})


def restore_member(session: Session, actor: Actor, member_id: int) -> None:
    require(actor, "delete_members")
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound(f"member {member_id}")
    m.deleted_at = None
    record_audit(session, actor.id, "member.restore", "member", member_id)
