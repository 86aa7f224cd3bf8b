"""Groups: create (with the canonical entry steps, default point rules and levels), list with counts,
look up by name, and the workspace defaults (tiers, roles)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from models import (
    EntryStep,
    Group,
    Level,
    Membership,
    PointRule,
    Role,
    RulesVersion,
    Tier,
    clock,
)
from models.base import GROUP_KINDS
from models.points import DEFAULT_LEVELS, DEFAULT_POINT_RULES
from models.queries.participation import (
    DELETED_PEOPLE,
    as_day,
    member_at_end_condition,
    of_live_person,
    participated,
)

# The canonical entry process (PRODUCT §2): (code, name, kind, required, only when the group has a fee).
CANONICAL_STEPS: tuple[tuple[str, str, str, bool, bool], ...] = (
    ("purpose", "进群目的问答", "question", True, False),
    ("rules", "阅读群规与入会须知", "acknowledge", True, False),
    ("fee", "缴纳门槛费", "payment", True, True),
    ("intro", "自我介绍", "ritual", True, False),
    ("photo", "爆照", "ritual", False, False),
    ("share", "爆料/分享", "ritual", False, False),
    ("verify", "实名认证", "verification", False, False),
)

# the default tiers' target shares add up to PRODUCT §2's 5/20/75 (核心 + 大咖 the key voices): the dashboard and the
# workbook compare the structure with them (health.structure_targets). Before 0018 they were 2/5/20/73 (7/20/73).
DEFAULT_TIERS: tuple[tuple[str, int, float], ...] = (
    ("核心", 0, 0.01),
    ("大咖", 1, 0.04),
    ("中咖", 2, 0.20),
    ("普通", 3, 0.75),
)
DEFAULT_ROLES: tuple[str, ...] = ("日常运营", "策划", "输出者", "助理", "客服")
DEFAULT_CAPACITY = 500


def ensure_workspace_defaults(session: Session) -> None:
    """Tiers and roles a fresh workspace starts with (only when none exist)."""
    if session.scalar(select(func.count()).select_from(Tier)) == 0:
        session.execute(insert(Tier), [{"name": n, "rank": r, "target_share": s} for n, r, s in DEFAULT_TIERS])
    if session.scalar(select(func.count()).select_from(Role)) == 0:
        session.execute(insert(Role), [{"name": n} for n in DEFAULT_ROLES])


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    kind: str
    capacity: int
    members_total: int
    members_active: int
    archived: bool

    @property
    def capacity_used(self) -> float:
        return self.members_total / self.capacity if self.capacity else 0.0


def create_group(
    session: Session,
    actor: Actor,
    name: str,
    *,
    kind: str = "other",
    capacity: int = DEFAULT_CAPACITY,
    fee_cents: int = 0,
    goal: str | None = None,
    rules_text: str | None = None,
) -> int:
    require(actor, "edit_groups")
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "社群名称不能为空 (group name is required)")
    if kind not in GROUP_KINDS:
        raise ValidationError("kind", f"未知社群类型 {kind!r} (unknown kind)")
    if capacity <= 0:
        raise ValidationError("capacity", "容量必须大于 0 (capacity must be positive)")
    refuse_taken_name(session, name)
    ensure_workspace_defaults(session)
    group = Group(name=name, kind=kind, capacity=capacity, fee_cents=fee_cents, goal=goal)
    session.add(group)
    session.flush()
    steps = [s for s in CANONICAL_STEPS if not s[4] or fee_cents > 0]
    session.execute(
        insert(EntryStep),
        [
            {"group_id": group.id, "position": i, "code": code, "name": n, "kind": k, "required": req}
            for i, (code, n, k, req, _fee) in enumerate(steps)
        ],
    )
    session.execute(
        insert(PointRule),
        [{"group_id": group.id, "code": c, "points": p, "label": lbl} for c, p, lbl in DEFAULT_POINT_RULES],
    )
    session.execute(insert(Level), [{"group_id": group.id, "name": n, "min_points": p} for n, p in DEFAULT_LEVELS])
    if rules_text:
        session.add(RulesVersion(group_id=group.id, version=1, text=rules_text, created_by=actor.id))
    record_audit(session, actor.id, "group.create", "group", group.id, after={"name": name, "kind": kind})
    return group.id


def group_name_key(name: str | None) -> str:
    """A group's name as the eye reads it: full-width and half-width forms one (`读书群２期` typed with a Chinese
    input method is `读书群2期`, `（二期）` is `(二期)`), case aside, spaces aside (`读书群 2期`)."""
    return "".join(unicodedata.normalize("NFKC", name or "").casefold().split())


def find_group_id(session: Session, name: str, *, exclude: int | None = None) -> int | None:
    """The group called `name`: the one of exactly that name, else the one whose name reads the same
    (group_name_key); None when there is none. `--group 读书群２期` named no group while 读书群2期 existed, and the
    import commands created a second group that looks the same, splitting one group's people in two."""
    name = (name or "").strip()
    q = select(Group.id).where(Group.name == name)
    if exclude is not None:
        q = q.where(Group.id != exclude)
    gid = session.scalar(q)
    if gid is not None:
        return gid
    key = group_name_key(name)
    same = [g for g, n in session.execute(select(Group.id, Group.name)) if g != exclude and group_name_key(n) == key]
    return same[0] if len(same) == 1 else None


def refuse_taken_name(session: Session, name: str, *, exclude: int | None = None) -> None:
    """A new name (a new group, a rename) that is, or reads as (group_name_key), another group's is refused, naming
    that group: two groups that look the same split one group's people and facts in two."""
    key = group_name_key(name)
    for gid, other in session.execute(select(Group.id, Group.name).order_by(Group.id)):
        if gid != exclude and group_name_key(other) == key:
            if other == name:
                raise ValidationError("name", f"社群「{name}」已存在 (group already exists)")
            raise ValidationError(
                "name",
                f"社群「{other}」已存在,「{name}」与它只差全角/半角、大小写或空格"
                f" (a group {other} exists already: {name} differs from it only in width, case or spaces)",
            )


def group_id_by_name(session: Session, name: str) -> int:
    """The group called `name` (find_group_id), the spaces around it left out as `create_group` leaves them out of
    every name (`--group "晨读营 "` copied with a space: the imports found the group, stats, members, texts and
    exports said there was no such group)."""
    name = (name or "").strip()
    gid = find_group_id(session, name)
    if gid is None:
        raise NotFound(f"没有名为「{name}」的社群 (no group named {name!r})")
    return gid


def get_or_create_group(session: Session, actor: Actor, name: str) -> tuple[int, bool]:
    """(group id, created?) — the import commands create a missing group and say so."""
    name = (name or "").strip()
    gid = find_group_id(session, name)
    if gid is not None:
        return gid, False
    return create_group(session, actor, name), True


# every group's memberships by status, read from the (group_id, status) index alone
_COUNTS_BY_STATUS = select(Membership.group_id, Membership.status, func.count()).group_by(
    Membership.group_id, Membership.status
)


# the few deleted people's 已入群 memberships per group: through ix_member_deleted and the (member, group) index
_DELETED_BY_GROUP = (
    select(Membership.group_id, func.count())
    .where(Membership.member_id.in_(DELETED_PEOPLE), Membership.status == "active")
    .group_by(Membership.group_id)
)


def set_up_days(session: Session) -> dict[int, date]:
    """Each group's day it was set up in QunDesk (its created_at): a month that ended before it has nothing
    recorded (metrics.month_recorded)."""
    return {gid: as_day(at) for gid, at in session.execute(select(Group.id, Group.created_at))}


def list_groups(
    session: Session, *, today: date | None = None, include_archived: bool = False, active: bool = True
) -> list[GroupRow]:
    """Groups with member counts: members_total = memberships 已入群 now; members_active = those with any
    participation (check-in, attendance, contribution) in the last 30 days (see docs/metrics.md).
    `active=False`: members_active is left 0 (the sidebar shows totals only: 40 ms less at 100,000 members)."""
    today = today or clock.today()
    since = today - timedelta(days=29)
    totals = {
        gid: n
        for gid, status, n in session.execute(_COUNTS_BY_STATUS)
        if status == "active"  # in Python: with `WHERE status = …` SQLite took the status index and looked every
        # member up in the table (46 ms at 100,000 members, on every start and sidebar refresh; 10 ms this way)
    }
    for gid, n in session.execute(_DELETED_BY_GROUP):  # a deleted person is no member (docs/metrics.md)
        totals[gid] = totals.get(gid, 0) - n
    actives = (
        dict(
            session.execute(
                select(Membership.group_id, func.count())
                .where(Membership.status == "active", participated(since, today), of_live_person())
                .group_by(Membership.group_id)
            ).all()
        )
        if active
        else {}
    )
    q = select(Group).order_by(Group.id)
    if not include_archived:
        q = q.where(Group.archived_at.is_(None))
    return [
        GroupRow(g.id, g.name, g.kind, g.capacity, totals.get(g.id, 0), actives.get(g.id, 0), g.archived_at is not None)
        for g in session.scalars(q)
    ]


def people_in_groups(session: Session, *, include_archived: bool = False) -> int:
    """How many people are a member (已入群) of at least one group: someone in two groups counts once, where
    the groups' members_total added up counts them twice (ui/messages.py, "Counting people")."""
    q = select(func.count(func.distinct(Membership.member_id))).where(
        Membership.status == "active", Membership.member_id.not_in(DELETED_PEOPLE)
    )
    if not include_archived:
        q = q.where(Membership.group_id.in_(select(Group.id).where(Group.archived_at.is_(None))))
    return int(session.scalar(q) or 0)


def people_at_end(session: Session, end: date, group_ids: list[int]) -> int:
    """How many people were a member of at least one of these groups at the end of `end` (docs/metrics.md, the
    member rule): the groups' members_total added up counts someone in two groups twice."""
    if not group_ids:
        return 0
    return int(
        session.scalar(
            select(func.count(func.distinct(Membership.member_id))).where(
                Membership.group_id.in_(group_ids), member_at_end_condition(end)
            )
        )
        or 0
    )


def archive_group(session: Session, actor: Actor, group_id: int) -> None:
    require(actor, "edit_groups")
    g = session.get(Group, group_id)
    if g is None:
        raise NotFound(f"group {group_id}")
    g.archived_at = clock.now()
    record_audit(session, actor.id, "group.archive", "group", group_id)
