"""Points (会员积分): award by the group's rules, reverse (the ledger is append-only), adjust by hand,
levels and leaderboards. Every award is written in the caller's transaction, with the fact it rewards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, insert, select
from sqlalchemy.orm import Session, aliased

from desktop.errors import ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from models import Level, Member, Membership, PointRule, PointsEntry


def rule_points(session: Session, group_id: int, code: str) -> int:
    """Points of an active rule of the group (0 when the rule is off or missing)."""
    pts = session.scalar(
        select(PointRule.points).where(
            PointRule.group_id == group_id, PointRule.code == code, PointRule.active.is_(True)
        )
    )
    return int(pts or 0)


def award(
    session: Session,
    *,
    membership_id: int,
    group_id: int,
    day: date,
    code: str,
    source_kind: str,
    source_id: int | None,
    reason: str,
    operator_id: int | None,
) -> int:
    """Ledger entry for rule `code`; returns the points written (0: nothing written)."""
    pts = rule_points(session, group_id, code)
    if pts:
        session.execute(
            insert(PointsEntry).values(
                membership_id=membership_id,
                group_id=group_id,
                day=day,
                points=pts,
                reason=reason,
                source_kind=source_kind,
                source_id=source_id,
                operator_id=operator_id,
            )
        )
    return pts


def reverse_source(session: Session, source_kind: str, source_id: int, operator_id: int | None, reason: str) -> int:
    """Append a reversing entry for every not-yet-reversed entry of a fact. Returns the points taken back."""
    reversal = aliased(PointsEntry)
    open_entries = session.scalars(
        select(PointsEntry).where(
            PointsEntry.source_kind == source_kind,
            PointsEntry.source_id == source_id,
            PointsEntry.reverses_id.is_(None),
            ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
    ).all()
    total = 0
    for e in open_entries:
        session.execute(
            insert(PointsEntry).values(
                membership_id=e.membership_id,
                group_id=e.group_id,
                day=e.day,
                points=-e.points,
                reason=f"{reason}: {e.reason}",
                source_kind="reversal",
                source_id=source_id,
                reverses_id=e.id,
                operator_id=operator_id,
            )
        )
        total += e.points
    return total


def adjust_points(
    session: Session, actor: Actor, membership_id: int, points: int, reason: str, day: date | None = None
) -> None:
    """A manual adjustment; the reason is required."""
    require(actor, "record_participation")
    if not reason or not reason.strip():
        raise ValidationError("reason", "手动调整积分必须填写原因 (a manual adjustment needs a reason)")
    if points == 0:
        raise ValidationError("points", "调整分值不能为 0 (points must not be 0)")
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise ValidationError("membership", f"membership {membership_id} not found")
    session.execute(
        insert(PointsEntry).values(
            membership_id=membership_id,
            group_id=ms.group_id,
            day=day or date.today(),
            points=points,
            reason=reason.strip(),
            source_kind="manual",
            operator_id=actor.id,
        )
    )
    record_audit(
        session, actor.id, "points.adjust", "membership", membership_id, after={"points": points, "reason": reason}
    )


def balance(session: Session, membership_id: int, until: date | None = None) -> int:
    q = select(func.coalesce(func.sum(PointsEntry.points), 0)).where(PointsEntry.membership_id == membership_id)
    if until is not None:
        q = q.where(PointsEntry.day <= until)
    return int(session.scalar(q) or 0)


def level_for(levels: list[tuple[str, int]], points: int) -> str | None:
    """The highest level whose threshold the points reach (levels sorted by threshold ascending)."""
    name = None
    for lvl, threshold in levels:
        if points >= threshold:
            name = lvl
    return name


def group_levels(session: Session, group_id: int) -> list[tuple[str, int]]:
    return [
        (n, int(p))
        for n, p in session.execute(
            select(Level.name, Level.min_points).where(Level.group_id == group_id).order_by(Level.min_points)
        )
    ]


@dataclass(frozen=True)
class LeaderRow:
    rank: int
    membership_id: int
    display_name: str
    points: int
    level: str | None


def leaderboard(
    session: Session, group_id: int, *, start: date | None = None, end: date | None = None, limit: int | None = 50
) -> list[LeaderRow]:
    """Points per member in [start, end] (all time when None), highest first; opted-out members hidden."""
    conds = [PointsEntry.group_id == group_id]
    if start is not None:
        conds.append(PointsEntry.day >= start)
    if end is not None:
        conds.append(PointsEntry.day <= end)
    total = func.sum(PointsEntry.points).label("total")
    q = (
        select(PointsEntry.membership_id, Member.display_name, total)
        .join(Membership, Membership.id == PointsEntry.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(and_(*conds), Member.points_opt_out.is_(False), Member.deleted_at.is_(None))
        .group_by(PointsEntry.membership_id, Member.display_name)
        .order_by(total.desc(), Member.display_name)
    )
    if limit is not None:
        q = q.limit(limit)
    levels = group_levels(session, group_id)
    rows = []
    for i, (mid, name, pts) in enumerate(session.execute(q).all(), start=1):
        all_time = balance(session, mid) if start is not None else int(pts)
        rows.append(LeaderRow(i, mid, name, int(pts), level_for(levels, all_time)))
    return rows
