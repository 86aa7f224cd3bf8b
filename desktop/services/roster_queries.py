"""Read-only lookups for the Roster page, the member panel and the merge dialog: a membership's header,
entry steps, points and referrals; a person side by side with another; the tiers, tags and roles of a
selection (what bulk undo restores). Plain frozen data out; no writes here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound
from desktop.services.points import balance, group_levels, level_for
from models import (
    CheckIn,
    EntryStep,
    Group,
    Member,
    Membership,
    Role,
    StepProgress,
    Tag,
    Tier,
    member_tag,
    membership_role,
)

_CHUNK = 900  # SQLite's limit on bound parameters is 999


def list_roles(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every operating role (日常运营, 策划, …), in id order."""
    return [(rid, name) for rid, name in session.execute(select(Role.id, Role.name).order_by(Role.id))]


@dataclass(frozen=True)
class MembershipSnapshot:
    membership_id: int
    member_id: int
    tier: str | None
    tags: tuple[str, ...]
    roles: tuple[str, ...]


def membership_snapshots(session: Session, membership_ids: list[int]) -> dict[int, MembershipSnapshot]:
    """Tier, tags (of the person) and roles of each membership, taken before a bulk change so undo can put
    them back."""
    base: dict[int, tuple[int, str | None]] = {}
    tags: dict[int, list[str]] = {}
    roles: dict[int, list[str]] = {}
    ids = list(dict.fromkeys(membership_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for msid, mid, tier in session.execute(
            select(Membership.id, Membership.member_id, Tier.name)
            .outerjoin(Tier, Tier.id == Membership.tier_id)
            .where(Membership.id.in_(chunk))
        ):
            base[msid] = (mid, tier)
        for mid, name in session.execute(
            select(member_tag.c.member_id, Tag.name)
            .join(Tag, Tag.id == member_tag.c.tag_id)
            .where(member_tag.c.member_id.in_({base[m][0] for m in chunk if m in base}))
        ):
            tags.setdefault(mid, []).append(name)
        for msid, name in session.execute(
            select(membership_role.c.membership_id, Role.name)
            .join(Role, Role.id == membership_role.c.role_id)
            .where(membership_role.c.membership_id.in_(chunk))
        ):
            roles.setdefault(msid, []).append(name)
    return {
        msid: MembershipSnapshot(msid, mid, tier, tuple(sorted(tags.get(mid, ()))), tuple(sorted(roles.get(msid, ()))))
        for msid, (mid, tier) in base.items()
    }


# ---- the member panel ----


@dataclass(frozen=True)
class StepState:
    step_id: int
    name: str
    kind: str
    required: bool
    retired: bool
    done_at: datetime | None
    answer: str | None


@dataclass(frozen=True)
class PersonRef:
    member_id: int
    display_name: str
    status: str | None = None  # their status in this group (for referred people)


@dataclass(frozen=True)
class MemberPanelData:
    membership_id: int
    member_id: int
    group_id: int
    group_name: str
    display_name: str
    nickname: str | None
    group_nickname: str | None
    status: str
    tier: str | None
    roles: tuple[str, ...]
    tags: tuple[tuple[str, str], ...]  # (name, colour)
    seed_user: bool
    real_name_verified: bool
    note: str | None
    purpose: str | None
    applied_at: datetime | None
    joined_at: datetime | None
    left_at: datetime | None
    left_reason: str | None
    deleted: bool
    points: int
    level: str | None
    referrer: PersonRef | None
    referred: tuple[PersonRef, ...]
    steps: tuple[StepState, ...]


def member_panel_data(session: Session, membership_id: int, *, today: date | None = None) -> MemberPanelData:
    """Everything the member panel shows above the timeline, for one membership."""
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    m = ms.member
    group_name = session.scalar(select(Group.name).where(Group.id == ms.group_id)) or ""
    tier = session.scalar(select(Tier.name).where(Tier.id == ms.tier_id)) if ms.tier_id else None
    tags = tuple(
        (name, color or "#5B8FF9")
        for name, color in session.execute(
            select(Tag.name, Tag.color)
            .join(member_tag, member_tag.c.tag_id == Tag.id)
            .where(member_tag.c.member_id == m.id)
            .order_by(Tag.name)
        )
    )
    roles = tuple(r.name for r in sorted(ms.roles, key=lambda r: r.id))
    points = balance(session, membership_id, today)
    level = level_for(group_levels(session, ms.group_id), points)
    referrer = None
    if ms.referrer_id is not None:
        name = session.scalar(select(Member.display_name).where(Member.id == ms.referrer_id))
        referrer = PersonRef(ms.referrer_id, name or "?")
    referred = tuple(
        PersonRef(mid, name, status)
        for mid, name, status in session.execute(
            select(Member.id, Member.display_name, Membership.status)
            .join(Membership, Membership.member_id == Member.id)
            .where(Membership.group_id == ms.group_id, Membership.referrer_id == m.id, Member.deleted_at.is_(None))
            .order_by(Membership.joined_at.is_(None), Membership.joined_at, Member.pinyin)
        )
    )
    done = {
        sid: (at, answer)
        for sid, at, answer in session.execute(
            select(StepProgress.step_id, StepProgress.done_at, StepProgress.answer).where(
                StepProgress.membership_id == membership_id
            )
        )
    }
    steps = []
    for s in session.scalars(
        select(EntryStep)
        .where(EntryStep.group_id == ms.group_id)
        .order_by(EntryStep.retired_at.is_not(None), EntryStep.position)
    ):
        retired = s.retired_at is not None
        if retired and s.id not in done:
            continue  # a retired step nobody recorded for this person says nothing about them
        at, answer = done.get(s.id, (None, None))
        steps.append(StepState(s.id, s.name, s.kind, s.required, retired, at, answer))
    return MemberPanelData(
        membership_id=ms.id,
        member_id=m.id,
        group_id=ms.group_id,
        group_name=group_name,
        display_name=m.display_name,
        nickname=m.nickname,
        group_nickname=ms.group_nickname,
        status=ms.status,
        tier=tier,
        roles=roles,
        tags=tags,
        seed_user=bool(m.seed_user),
        real_name_verified=bool(m.real_name_verified),
        note=m.note,
        purpose=ms.purpose,
        applied_at=ms.applied_at,
        joined_at=ms.joined_at,
        left_at=ms.left_at,
        left_reason=ms.left_reason,
        deleted=m.deleted_at is not None,
        points=points,
        level=level,
        referrer=referrer,
        referred=referred,
        steps=tuple(steps),
    )


# ---- the merge dialog ----


@dataclass(frozen=True)
class GroupPresence:
    group_name: str
    status: str
    checkins: int
    joined_at: datetime | None = None  # the earlier of two records' join dates is the merged membership's: compared


@dataclass(frozen=True)
class PersonBrief:
    member_id: int
    display_name: str
    nickname: str | None
    wechat_id: str | None
    phone: str | None
    gender: str | None
    city: str | None
    occupation: str | None
    note: str | None
    tags: tuple[str, ...]
    seed_user: bool
    real_name_verified: bool
    created_at: datetime | None
    deleted: bool
    groups: tuple[GroupPresence, ...]
    qq: str | None = None  # a QQ group's identity: compared before a merge as the WeChat ID is

    @property
    def checkins(self) -> int:
        return sum(g.checkins for g in self.groups)


def person_brief(session: Session, member_id: int) -> PersonBrief:
    """A person with their groups and check-in counts (shown side by side before a merge)."""
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound(f"member {member_id}")
    counts = dict(
        session.execute(
            select(CheckIn.membership_id, func.count())
            .join(Membership, Membership.id == CheckIn.membership_id)
            .where(Membership.member_id == member_id)
            .group_by(CheckIn.membership_id)
        ).all()
    )
    groups = tuple(
        GroupPresence(name, status, int(counts.get(msid, 0)), joined)
        for msid, name, status, joined in session.execute(
            select(Membership.id, Group.name, Membership.status, Membership.joined_at)
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.member_id == member_id)
            .order_by(Group.id)
        )
    )
    return PersonBrief(
        member_id=m.id,
        display_name=m.display_name,
        nickname=m.nickname,
        wechat_id=m.wechat_id,
        qq=m.qq,
        phone=m.phone,
        gender=m.gender,
        city=m.city,
        occupation=m.occupation,
        note=m.note,
        tags=tuple(sorted(t.name for t in m.tags)),
        seed_user=bool(m.seed_user),
        real_name_verified=bool(m.real_name_verified),
        created_at=m.created_at,
        deleted=m.deleted_at is not None,
        groups=groups,
    )
