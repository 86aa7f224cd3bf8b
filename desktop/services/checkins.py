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

from sqlalchemy import Date, Integer, bindparam, delete, insert, select, text, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop import streaks as streak_rule
from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit, record_audits
from desktop.services.operators import Actor, require
from desktop.services.points import reverse_entry, reverse_source, rule_points, rule_points_select
from models import CheckIn, Group, Leave, Member, Membership, PointsEntry, bulk, clock

EARLIEST_DAY = date(2000, 1, 1)

# The statements of the check-in path, built once (building a select costs more than running it: one
# check-in was ≈4 ms of Python before these, most of it statement construction) and run on the connection.
_IDS = bindparam("ids", expanding=True)
_MEMBERS = (
    select(Membership.id, Membership.status, Membership.joined_at, Member.display_name)
    .join(Member, Member.id == Membership.member_id)
    .where(Membership.id.in_(_IDS), Membership.group_id == bindparam("gid"))
)


# what the group's settings say, in one round trip: late check-ins count for streaks; the points of the active
# `checkin` and `streak7` rules (NULL: off or missing)
_GROUP_RULES = select(
    Group.late_checkins_count_for_streak,
    rule_points_select(Group.id, "checkin").scalar_subquery(),
    rule_points_select(Group.id, "streak7").scalar_subquery(),
).where(Group.id == bindparam("gid"))
# a member's check-in days and late days, each read from an index alone (the unique (membership, day) index holds
# the id too; ix_checkin_membership_late the few late ones): the rows of the table were 100 random reads a member
_DAYS = select(CheckIn.membership_id, CheckIn.day, CheckIn.id).where(CheckIn.membership_id.in_(_IDS))
_LATE_DAYS = select(CheckIn.membership_id, CheckIn.day).where(CheckIn.membership_id.in_(_IDS), CheckIn.late == true())
_LEAVES = select(Leave.membership_id, Leave.start_day, Leave.end_day).where(Leave.membership_id.in_(_IDS))
# a member's open streak bonuses, from ix_points_entry_streak_bonus (which holds what is read). Named on SQLite:
# without statistics (the app never runs ANALYZE) its planner took the (source_kind, source_id) index for more
# than one member — every streak entry of the workspace, for each paste.
# (INDEXED BY fails loudly if the condition stops matching the index's: models/points.py STREAK_BONUS_WHERE)
_OPEN_BONUSES_SQL = (
    "SELECT p.id, p.membership_id, p.day, p.points FROM points_entry AS p{hint} "
    "WHERE p.membership_id IN :ids AND p.source_kind = 'streak' AND p.reverses_id IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM points_entry AS r WHERE r.reverses_id = p.id)"
)
_OPEN_BONUSES = {
    dialect: text(_OPEN_BONUSES_SQL.format(hint=hint))
    .bindparams(bindparam("ids", expanding=True))
    .columns(id=Integer, membership_id=Integer, day=Date, points=Integer)
    for dialect, hint in (("sqlite", " INDEXED BY ix_points_entry_streak_bonus"), ("postgresql", ""))
}


def joined_later_text(name: str, joined: date, day: date) -> str:
    """Why a check-in is refused for a day before the member joined (「x月x日才入群」)."""
    return (
        f"{name} {joined.month}月{joined.day}日才入群, 不能记 {day} 的打卡"
        f" ({name} joined on {joined}: no check-in for {day}, an earlier day)"
    )


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
    """INSERT of the table itself (Core, not the ORM's bulk path: 5x cheaper per row)."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CheckIn.__table__)


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
    return record_checkins_by_day(session, actor, group_id, {day: members}, source=source, today=today)[day]


def record_checkins_by_day(
    session: Session,
    actor: Actor,
    group_id: int,
    by_day: dict[date, Sequence[int | CheckinEntry]],
    *,
    source: str = "manual",
    today: date | None = None,
) -> dict[date, CheckinResult]:
    """Log the check-ins of several days at once (a paste naming other days, a chat export of a year): the
    rows of a day in one statement, the `checkin` points in one statement, one audit row per day, and each
    member's streak bonus reconciled once at the end — the same result as one record_checkins per day."""
    require(actor, "record_participation")
    today = today or clock.today()
    for day in by_day:
        if day > today:
            raise ValidationError("date", f"不能为未来的日期打卡: {day} (cannot check in for a future day)")
        if day < EARLIEST_DAY:
            raise ValidationError("date", f"日期太早: {day} (a check-in before {EARLIEST_DAY} is not a real date)")
    per_day = {day: _entries(members) for day, members in by_day.items()}
    ids = sorted({e.membership_id for entries in per_day.values() for e in entries})
    session.flush()  # the statements below run on the connection: pending ORM changes first (as autoflush)
    connection = session.connection()
    members_found: dict[int, tuple[str, datetime | None, str]] = {}
    for chunk in _chunks(ids):
        members_found.update(
            (mid, (status, joined, name))
            for mid, status, joined, name in connection.execute(_MEMBERS, {"ids": chunk, "gid": group_id})
        )
    for mid in ids:
        if mid not in members_found:
            raise NotFound(f"成员资格 {mid} 不在这个社群 (membership {mid} is not in this group)")
        if members_found[mid][0] != "active":
            raise ValidationError("member", f"membership {mid} 不是已入群成员 (is not an active member)")
    for day, entries in per_day.items():  # nobody checks in before they joined
        for e in entries:
            _status, joined, name = members_found[e.membership_id]
            if joined is not None and day < joined.date():
                raise ValidationError("date", joined_later_text(name, joined.date(), day))
    late_counts, checkin_points, streak_points = connection.execute(_GROUP_RULES, {"gid": group_id}).one()
    checkin_points = int(checkin_points or 0)
    now = clock.now()
    values = bulk.Values(connection)
    now_value = values.datetime(now)
    results: dict[date, CheckinResult] = {}
    touched: set[int] = set()
    audits: list[tuple[str, str, int | None, dict]] = []  # one row per day, written together
    for day in sorted(per_day):
        entries = per_day[day]
        if not entries:
            results[day] = CheckinResult((), (), 0)
            continue
        # one lock order for every assistant (sorted ids): concurrent pastes cannot deadlock
        day_value = values.date(day)
        rows = [
            (
                e.membership_id,
                group_id,
                day_value,
                values.datetime(e.at if e.at is not None else (now if day == today else None)),
                now_value,
                source,
                values.bool(e.late),
                actor.id,
            )
            for e in sorted(entries, key=lambda e: e.membership_id)
        ]
        # ON CONFLICT DO NOTHING: a member already in that day (another assistant, a second paste) returns no row
        inserted = {
            mid: cid
            for cid, mid in bulk.insert_returning(
                connection,
                "checkin",
                ("membership_id", "group_id", "day", "checked_at", "logged_at", "source", "late", "recorded_by"),
                rows,
                conflict="ON CONFLICT (membership_id, day) DO NOTHING",
                returning=("id", "membership_id"),
                adapted=True,
            )
        }
        late = {e.membership_id for e in entries if e.late}
        if checkin_points and inserted:
            bulk.execute_many(
                connection,
                "INSERT INTO points_entry (membership_id, group_id, day, points, reason, source_kind, source_id,"
                " operator_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        mid,
                        group_id,
                        day_value,
                        checkin_points,
                        "补卡" if mid in late else "打卡",
                        "checkin",
                        cid,
                        actor.id,
                        now_value,
                    )
                    for mid, cid in sorted(inserted.items())
                ],
                adapted=True,
            )
        touched.update(inserted)
        order = [e.membership_id for e in entries]  # report in the caller's order
        logged = tuple(m for m in order if m in inserted)
        already = tuple(m for m in order if m not in inserted)
        if logged:
            audits.append(
                (
                    "checkin.record",
                    "group",
                    group_id,
                    {
                        "after": {
                            "day": day.isoformat(),
                            "memberships": list(logged),
                            "source": source,
                            "late": sorted(m for m in logged if m in late) if late & set(logged) else False,
                        }
                    },
                )
            )
        results[day] = CheckinResult(logged, already, checkin_points * len(logged))
    record_audits(session, actor.id, audits)
    bonus = _reconcile(session, group_id, bool(late_counts), touched, actor.id, int(streak_points or 0))
    if bonus:  # a bonus belongs to the day it was reached; the caller sees it on the last day
        last = max(results)
        r = results[last]
        results[last] = CheckinResult(r.logged, r.already, r.points + bonus)
    return results


def _member_days(session: Session, membership_id: int) -> tuple[list[tuple[date, bool, int]], set[date]]:
    """(day, late, check-in id) of every check-in of a membership, and its leave days."""
    checkins, leaves = _members_days(session, [membership_id])
    return checkins.get(membership_id, []), leaves.get(membership_id, set())


def _chunks(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _members_days(
    session: Session, membership_ids: list[int]
) -> tuple[dict[int, list[tuple[date, bool, int]]], dict[int, set[date]]]:
    checkins: dict[int, list[tuple[date, bool, int]]] = {}
    ranges: dict[int, list[tuple[date, date]]] = {}
    session.flush()
    connection = session.connection()
    for chunk in _chunks(membership_ids):
        late = {(mid, d) for mid, d in connection.execute(_LATE_DAYS, {"ids": chunk})}
        for mid, d, cid in connection.execute(_DAYS, {"ids": chunk}):
            checkins.setdefault(mid, []).append((d, (mid, d) in late, cid))
        for mid, start, end in connection.execute(_LEAVES, {"ids": chunk}):
            ranges.setdefault(mid, []).append((start, end))
    return checkins, {mid: streak_rule.leave_days(r) for mid, r in ranges.items()}


def reconcile_streak_bonus(session: Session, group: Group, membership_id: int, operator_id: int | None) -> int:
    """Make the membership's open streak-bonus entries match desktop.streaks.bonus_days: award the
    missing bonus days, reverse the entries of days that are no longer bonus days. Returns the net
    points written. Nothing happens while the group's streak7 rule is off (recompute re-prices)."""
    return reconcile_streak_bonuses(session, group, [membership_id], operator_id)


def reconcile_streak_bonuses(
    session: Session, group: Group, membership_ids: Iterable[int], operator_id: int | None
) -> int:
    """reconcile_streak_bonus for many memberships with a few queries (a day's paste, a chat export)."""
    points = rule_points(session, group.id, "streak7")
    return _reconcile(
        session, group.id, bool(group.late_checkins_count_for_streak), membership_ids, operator_id, points
    )


def _reconcile(
    session: Session,
    group_id: int,
    late_counts: bool,
    membership_ids: Iterable[int],
    operator_id: int | None,
    points: int,
) -> int:
    """reconcile_streak_bonuses with the group's settings already read (`points`: the streak7 rule's)."""
    ids = sorted(set(membership_ids))
    if not points or not ids:
        return 0
    checkins, leaves = _members_days(session, ids)
    connection = session.connection()
    open_by_member: dict[int, list[tuple[int, date, int]]] = {}
    for chunk in _chunks(ids):
        for eid, mid, d, pts in connection.execute(_OPEN_BONUSES[connection.dialect.name], {"ids": chunk}):
            open_by_member.setdefault(mid, []).append((eid, d, pts))
    now = clock.now()
    awards: list[dict] = []
    reversals: list[int] = []
    net = 0
    for mid in ids:
        rows = checkins.get(mid, [])
        by_day = {d: cid for d, _late, cid in rows}
        days = streak_rule.counted_days(((d, late) for d, late, _cid in rows), late_counts)
        target = streak_rule.bonus_days(days, leaves.get(mid, set()))
        have: dict[date, int] = {}
        for eid, d, pts in open_by_member.get(mid, []):
            if d in target and d not in have:
                have[d] = eid
            else:  # no longer a bonus day (or a second entry for one day)
                reversals.append(eid)
                net -= pts
        for d in sorted(set(target) - set(have)):
            awards.append(
                {
                    "membership_id": mid,
                    "group_id": group_id,
                    "day": d,
                    "points": points,
                    "reason": f"连续打卡{target[d]}天",
                    "source_kind": "streak",
                    "source_id": by_day[d],
                    "operator_id": operator_id,
                    "created_at": now,
                }
            )
            net += points
    for eid in reversals:
        reverse_entry(session, eid, operator_id, "连续天数变化 (streak changed)")
    if awards:
        session.connection().execute(insert(PointsEntry.__table__), awards)
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
