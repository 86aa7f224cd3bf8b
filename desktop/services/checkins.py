"""Check-ins (打卡): record (idempotent, one per member per day, with points and audit in the same
transaction), undo, leave (请假), and streaks.

Streak rule: consecutive days with a check-in; a leave day neither breaks nor extends a streak; a late
check-in (补卡, logged after its day) counts only when the group's `late_checkins_count_for_streak` is on.
Points: the group's `checkin` rule per check-in, and its `streak7` rule each time a streak reaches a
multiple of 7 days on the day just logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.services.points import award, reverse_source
from models import CheckIn, Group, Leave, Member, Membership, utcnow

STREAK_LOOKBACK_DAYS = 400


@dataclass(frozen=True)
class CheckinResult:
    logged: tuple[int, ...]  # membership ids logged now
    already: tuple[int, ...]  # membership ids that already had a check-in that day
    points: int  # points awarded in this call


def _insert_ignore(session: Session):
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CheckIn)


def record_checkins(
    session: Session,
    actor: Actor,
    group_id: int,
    day: date,
    membership_ids: list[int] | tuple[int, ...],
    *,
    source: str = "manual",
    today: date | None = None,
) -> CheckinResult:
    """Log check-ins for `day`. Members already checked in that day are reported, not duplicated, also
    when several assistants log the same people at the same moment (insert … ON CONFLICT DO NOTHING)."""
    require(actor, "record_participation")
    today = today or date.today()
    if day > today:
        raise ValidationError("date", f"不能为未来的日期打卡: {day} (cannot check in for a future day)")
    ids = list(dict.fromkeys(membership_ids))
    members = dict(
        session.execute(
            select(Membership.id, Membership.status).where(Membership.id.in_(ids), Membership.group_id == group_id)
        ).all()
    )
    for mid in ids:
        if mid not in members:
            raise NotFound(f"成员资格 {mid} 不在这个社群 (membership {mid} is not in this group)")
        if members[mid] != "active":
            raise ValidationError("member", f"membership {mid} 不是已入群成员 (is not an active member)")
    late = day < today
    now = utcnow()
    logged: list[int] = []
    already: list[int] = []
    points = 0
    group = session.get(Group, group_id)
    assert group is not None
    for mid in sorted(ids):  # one lock order for every assistant: concurrent pastes cannot deadlock
        stmt = (
            _insert_ignore(session)
            .values(
                membership_id=mid,
                group_id=group_id,
                day=day,
                checked_at=now,
                source=source,
                late=late,
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
        points += award(
            session,
            membership_id=mid,
            group_id=group_id,
            day=day,
            code="checkin",
            source_kind="checkin",
            source_id=cid,
            reason="打卡" if not late else "补卡",
            operator_id=actor.id,
        )
        if not late or group.late_checkins_count_for_streak:
            run = streak_ending(session, mid, day, group.late_checkins_count_for_streak)
            if run and run % 7 == 0:
                points += award(
                    session,
                    membership_id=mid,
                    group_id=group_id,
                    day=day,
                    code="streak7",
                    source_kind="streak",
                    source_id=cid,
                    reason=f"连续打卡{run}天",
                    operator_id=actor.id,
                )
    if logged:
        record_audit(
            session,
            actor.id,
            "checkin.record",
            "group",
            group_id,
            after={"day": day.isoformat(), "memberships": logged, "source": source, "late": late},
        )
    order = {m: i for i, m in enumerate(ids)}  # report in the caller's order
    logged.sort(key=order.__getitem__)
    already.sort(key=order.__getitem__)
    return CheckinResult(tuple(logged), tuple(already), points)


def undo_checkin(session: Session, actor: Actor, membership_id: int, day: date) -> bool:
    """Remove one check-in; its points (and a streak bonus it earned) get reversing ledger entries."""
    require(actor, "record_participation")
    ci = session.scalars(select(CheckIn).where(CheckIn.membership_id == membership_id, CheckIn.day == day)).first()
    if ci is None:
        return False
    reverse_source(session, "checkin", ci.id, actor.id, "撤销打卡")
    reverse_source(session, "streak", ci.id, actor.id, "撤销打卡")
    session.execute(delete(CheckIn).where(CheckIn.id == ci.id))
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


def _days_and_leaves(
    session: Session, membership_id: int, since: date, until: date, count_late: bool
) -> tuple[set[date], set[date]]:
    q = select(CheckIn.day).where(CheckIn.membership_id == membership_id, CheckIn.day >= since, CheckIn.day <= until)
    if not count_late:
        q = q.where(CheckIn.late.is_(False))
    days = set(session.scalars(q))
    leave_days: set[date] = set()
    for s, e in session.execute(
        select(Leave.start_day, Leave.end_day).where(
            Leave.membership_id == membership_id, Leave.start_day <= until, Leave.end_day >= since
        )
    ):
        d = max(s, since)
        while d <= min(e, until):
            leave_days.add(d)
            d += timedelta(days=1)
    return days, leave_days


def run_length(days: set[date], leave_days: set[date], end: date, floor: date) -> int:
    """Check-in days in the run that ends at `end`, walking back over leave days."""
    n = 0
    d = end
    while d >= floor:
        if d in days:
            n += 1
        elif d not in leave_days:
            break
        d -= timedelta(days=1)
    return n


def longest_run(days: set[date], leave_days: set[date]) -> int:
    best = cur = 0
    if not days:
        return 0
    d, last = min(days), max(days)
    while d <= last:
        if d in days:
            cur += 1
            best = max(best, cur)
        elif d not in leave_days:
            cur = 0
        d += timedelta(days=1)
    return best


def streak_ending(session: Session, membership_id: int, day: date, count_late: bool = False) -> int:
    floor = day - timedelta(days=STREAK_LOOKBACK_DAYS)
    days, leaves = _days_and_leaves(session, membership_id, floor, day, count_late)
    return run_length(days, leaves, day, floor)


@dataclass(frozen=True)
class Streak:
    current: int
    longest: int


def streaks(session: Session, membership_id: int, today: date | None = None) -> Streak:
    """Current streak (ending today, or yesterday when today has no check-in yet) and the longest ever."""
    today = today or date.today()
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    count_late = bool(session.scalar(select(Group.late_checkins_count_for_streak).where(Group.id == ms.group_id)))
    days, leaves = _days_and_leaves(session, membership_id, date(1970, 1, 1), today, count_late)
    floor = today - timedelta(days=STREAK_LOOKBACK_DAYS * 10)
    current = run_length(days, leaves, today, floor)
    if current == 0 and today not in days:
        current = run_length(days, leaves, today - timedelta(days=1), floor)
    return Streak(current, longest_run(days, leaves))


@dataclass(frozen=True)
class CheckinRow:
    membership_id: int
    display_name: str
    checked_at: datetime
    source: str
    late: bool


def checkins_on(session: Session, group_id: int, day: date) -> list[CheckinRow]:
    rows = session.execute(
        select(CheckIn.membership_id, Member.display_name, CheckIn.checked_at, CheckIn.source, CheckIn.late)
        .join(Membership, Membership.id == CheckIn.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(CheckIn.group_id == group_id, CheckIn.day == day)
        .order_by(CheckIn.checked_at.desc(), CheckIn.id.desc())
    ).all()
    return [CheckinRow(*r) for r in rows]
