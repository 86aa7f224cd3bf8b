"""Check-ins (打卡): record (idempotent, one per member per day, with points and audit in the same
transaction), undo, leave (请假), and streaks.

What a check-in row says:
* ``day`` — the day the member checked in for (the chain's day), never the day it was logged.
* ``checked_at`` — the time the member posted it: the time written on the line or the chat stamp
  above it. Without one: the logging time when the day is today (the assistant logs as members post),
  otherwise None — no time is invented (the window shows "—", the tooltip the logging time).
* ``logged_at`` — when QunDesk recorded it; ``recorded_by`` — who.
* ``late`` (补卡) — the member checked in after the day was over: the line says 补卡/补打卡, or the
  assistant marked it. Logging an earlier day's chain is not late by itself (the assistant's delay is
  not the member's).

Streaks and the streak bonus follow desktop/streaks.py (the one definition). Points: the group's
`checkin` rule per check-in; the `streak7` rule on every bonus day, reconciled after each write so that
a check-in logged for an earlier day (which can make a later day a bonus day, or stop one being one)
leaves the ledger exactly as "recompute" would."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from desktop import streaks as streak_rule
from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.services.points import award, reverse_entry, reverse_source, rule_points
from models import CheckIn, Group, Leave, Member, Membership, PointsEntry, clock

EARLIEST_DAY = date(2000, 1, 1)


@dataclass(frozen=True)
class CheckinEntry:
    """One member's check-in for the day: when they posted it (None: not written) and whether it is a
    补卡 (checked in after the day was over)."""

    membership_id: int
    at: datetime | None = None
    late: bool = False


@dataclass(frozen=True)
class CheckinResult:
    logged: tuple[int, ...]  # membership ids logged now
    already: tuple[int, ...]  # membership ids that already had a check-in that day
    points: int  # points awarded in this call (check-ins and streak bonuses, net of bonus reversals)


def _insert_ignore(session: Session):
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CheckIn)


def _entries(members: Iterable[int | CheckinEntry]) -> list[CheckinEntry]:
    """One entry per membership, the first one given winning (the caller's order is kept)."""
    out: dict[int, CheckinEntry] = {}
    for m in members:
        entry = m if isinstance(m, CheckinEntry) else CheckinEntry(int(m))
        out.setdefault(entry.membership_id, entry)
    return list(out.values())


def record_checkins(
    session: Session,
    actor: Actor,
    group_id: int,
    day: date,
    members: Sequence[int | CheckinEntry],
    *,
    source: str = "manual",
    today: date | None = None,
) -> CheckinResult:
    """Log check-ins for `day` (membership ids, or CheckinEntry with the posted time and 补卡 flag).
    Members already checked in that day are reported, not duplicated, also when several assistants log
    the same people at the same moment (insert … ON CONFLICT DO NOTHING)."""
    require(actor, "record_participation")
    today = today or clock.today()
    if day > today:
        raise ValidationError("date", f"不能为未来的日期打卡: {day} (cannot check in for a future day)")
    if day < EARLIEST_DAY:
        raise ValidationError("date", f"日期太早: {day} (a check-in before {EARLIEST_DAY} is not a real date)")
    entries = _entries(members)
    ids = [e.membership_id for e in entries]
    members_found = dict(
        session.execute(
            select(Membership.id, Membership.status).where(Membership.id.in_(ids), Membership.group_id == group_id)
        ).all()
    )
    for mid in ids:
        if mid not in members_found:
            raise NotFound(f"成员资格 {mid} 不在这个社群 (membership {mid} is not in this group)")
        if members_found[mid] != "active":
            raise ValidationError("member", f"membership {mid} 不是已入群成员 (is not an active member)")
    now = clock.now()
    logged: list[int] = []
    already: list[int] = []
    points = 0
    group = session.get(Group, group_id)
    assert group is not None
    late_any = False
    for entry in sorted(entries, key=lambda e: e.membership_id):  # one lock order: concurrent pastes cannot deadlock
        mid = entry.membership_id
        at = entry.at if entry.at is not None else (now if day == today else None)
        stmt = (
            _insert_ignore(session)
            .values(
                membership_id=mid,
                group_id=group_id,
                day=day,
                checked_at=at,
                logged_at=now,
                source=source,
                late=entry.late,
                recorded_by=actor.id,
            )
            .on_conflict_do_nothing(index_elements=["membership_id", "day"])
            .returning(CheckIn.id)
        )
        cid = session.execute(stmt).scalar()
        if cid is None:
            already.append(mid)
            continue
        logged.append(mid)
        late_any = late_any or entry.late
        points += award(
            session,
            membership_id=mid,
            group_id=group_id,
            day=day,
            code="checkin",
            source_kind="checkin",
            source_id=cid,
            reason="补卡" if entry.late else "打卡",
            operator_id=actor.id,
        )
        points += reconcile_streak_bonus(session, group, mid, actor.id)
    if logged:
        record_audit(
            session,
            actor.id,
            "checkin.record",
            "group",
            group_id,
            after={
                "day": day.isoformat(),
                "memberships": logged,
                "source": source,
                "late": sorted(e.membership_id for e in entries if e.late and e.membership_id in logged)
                if late_any
                else False,
            },
        )
    order = {m: i for i, m in enumerate(ids)}  # report in the caller's order
    logged.sort(key=order.__getitem__)
    already.sort(key=order.__getitem__)
    return CheckinResult(tuple(logged), tuple(already), points)


def _member_days(session: Session, membership_id: int) -> tuple[list[tuple[date, bool, int]], set[date]]:
    """(day, late, check-in id) of every check-in of a membership, and its leave days."""
    checkins = [
        (d, bool(late), cid)
        for d, late, cid in session.execute(
            select(CheckIn.day, CheckIn.late, CheckIn.id).where(CheckIn.membership_id == membership_id)
        )
    ]
    leaves = streak_rule.leave_days(
        session.execute(select(Leave.start_day, Leave.end_day).where(Leave.membership_id == membership_id)).all()
    )
    return checkins, leaves


def reconcile_streak_bonus(session: Session, group: Group, membership_id: int, operator_id: int | None) -> int:
    """Make the membership's open streak-bonus entries match desktop.streaks.bonus_days: award the
    missing bonus days, reverse the entries of days that are no longer bonus days. Returns the net
    points written. Nothing happens while the group's streak7 rule is off (recompute re-prices)."""
    if not rule_points(session, group.id, "streak7"):
        return 0
    checkins, leaves = _member_days(session, membership_id)
    ids = {d: cid for d, _late, cid in checkins}
    days = streak_rule.counted_days(((d, late) for d, late, _cid in checkins), group.late_checkins_count_for_streak)
    target = streak_rule.bonus_days(days, leaves)
    reversal = aliased(PointsEntry)
    open_entries = session.execute(
        select(PointsEntry.id, PointsEntry.day).where(
            PointsEntry.membership_id == membership_id,
            PointsEntry.source_kind == "streak",
            PointsEntry.reverses_id.is_(None),
            ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
    ).all()
    have = {}
    net = 0
    for eid, d in open_entries:
        if d in target and d not in have:
            have[d] = eid
        else:  # no longer a bonus day (or a second entry for one day)
            net -= reverse_entry(session, eid, operator_id, "连续天数变化 (streak changed)")
    for d in sorted(set(target) - set(have)):
        net += award(
            session,
            membership_id=membership_id,
            group_id=group.id,
            day=d,
            code="streak7",
            source_kind="streak",
            source_id=ids[d],
            reason=f"连续打卡{target[d]}天",
            operator_id=operator_id,
        )
    return net


def undo_checkin(session: Session, actor: Actor, membership_id: int, day: date) -> bool:
    """Remove one check-in; its points (and a streak bonus it earned) get reversing ledger entries."""
    require(actor, "record_participation")
    ci = session.scalars(select(CheckIn).where(CheckIn.membership_id == membership_id, CheckIn.day == day)).first()
    if ci is None:
        return False
    reverse_source(session, "checkin", ci.id, actor.id, "撤销打卡")
    reverse_source(session, "streak", ci.id, actor.id, "撤销打卡")
    session.execute(delete(CheckIn).where(CheckIn.id == ci.id))
    group = session.get(Group, ci.group_id)
    assert group is not None
    reconcile_streak_bonus(session, group, membership_id, actor.id)  # later days of the broken run
    record_audit(
        session,
        actor.id,
        "checkin.undo",
        "membership",
        membership_id,
        before={"day": day.isoformat(), "checkin_id": ci.id},
    )
    return True


def record_leave(
    session: Session, actor: Actor, membership_id: int, start: date, end: date, reason: str | None = None
) -> int:
    require(actor, "record_participation")
    if end < start:
        raise ValidationError("end", "结束日期早于开始日期 (leave ends before it starts)")
    overlap = session.scalar(
        select(Leave.id).where(Leave.membership_id == membership_id, Leave.start_day <= end, Leave.end_day >= start)
    )
    if overlap is not None:
        raise ValidationError("start", "与已有请假重叠 (overlaps an existing leave)")
    leave = Leave(membership_id=membership_id, start_day=start, end_day=end, reason=reason, recorded_by=actor.id)
    session.add(leave)
    session.flush()
    record_audit(
        session,
        actor.id,
        "leave.record",
        "membership",
        membership_id,
        after={"start": start, "end": end, "reason": reason},
    )
    return leave.id


@dataclass(frozen=True)
class Streak:
    current: int
    longest: int


def streaks(session: Session, membership_id: int, today: date | None = None) -> Streak:
    """Current streak (ending today, or yesterday when today has no check-in yet) and the longest ever."""
    today = today or clock.today()
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    count_late = bool(session.scalar(select(Group.late_checkins_count_for_streak).where(Group.id == ms.group_id)))
    checkins, leaves = _member_days(session, membership_id)
    days = streak_rule.counted_days(((d, late) for d, late, _cid in checkins if d <= today), count_late)
    return Streak(streak_rule.current_streak(days, leaves, today), streak_rule.longest_run(days, leaves))


@dataclass(frozen=True)
class CheckinRow:
    membership_id: int
    display_name: str
    checked_at: datetime | None  # the time the member posted (None: not written)
    source: str
    late: bool
    logged_at: datetime | None = None  # when it was recorded


def checkins_on(session: Session, group_id: int, day: date) -> list[CheckinRow]:
    rows = session.execute(
        select(
            CheckIn.membership_id,
            Member.display_name,
            CheckIn.checked_at,
            CheckIn.source,
            CheckIn.late,
            CheckIn.logged_at,
        )
        .join(Membership, Membership.id == CheckIn.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(CheckIn.group_id == group_id, CheckIn.day == day)
        .order_by(CheckIn.logged_at.desc(), CheckIn.id.desc())
    ).all()
    return [CheckinRow(*r) for r in rows]
