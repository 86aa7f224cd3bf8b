"""Check-ins (打卡): record (idempotent, one per member per day, with points and audit in the same
transaction), undo, leave (请假), and streaks.

What a check-in row says:
* ``day`` — the day the member checked in for (the chain's day), never the day it was logged.
* ``checked_at`` — the time the member posted it: the time written on the line or the chat stamp
  above it. Without one: the logging time for a check-in typed or clicked in today (source "manual": the
  assistant logs as members post), otherwise None — no time is invented (the window shows "—", the tooltip
  the logging time). A pasted chain (source "paste") is not logged as members post: a 接龙 grows all day and
  is pasted once, so an entry without a time between `5:52` and `6:01` is not a 22:06 check-in; a file
  imported (source "import") likewise: without a time written, None, today too.
* ``logged_at`` — when QunDesk recorded it; ``recorded_by`` — who.
* ``late`` (补卡) — the member checked in after the day was over: the line says 补卡/补打卡, or the
  assistant marked it. Logging an earlier day's chain is not late by itself (the assistant's delay is
  not the member's).

Streaks and the streak bonus follow desktop/streaks.py (the one definition). Points: the group's
`checkin` rule per check-in; the `streak7` rule on every bonus day, reconciled after each write so that
a check-in logged for an earlier day (which can make a later day a bonus day, or stop one being one)
leaves the ledger exactly as "recompute" would. A member already reconciled (`Membership.streak_checked`, cleared
by triggers on the writes that can move bonus days: models/kept.py) whose check-in is their latest day has only
the weeks of that day's run read (`streaks.appended_run`), not their whole history."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop import streaks as streak_rule
from desktop.errors import NotFound, ValidationError, gone
from desktop.services.audit import record_audit, record_audits
from desktop.services.operators import Actor, require
from desktop.services.points import keeping_agreement, reverse_entry, reverse_source, rule_points, rules_difference
from models import CheckIn, Group, Leave, Member, Membership, MembershipSpell, PointsEntry, bulk, clock
from models.base import ENDED_STATUSES as ENDED

EARLIEST_DAY = date(2000, 1, 1)

# The statements of one check-in: SQL text built once (building a select cost more than running it: one check-in
# was ≈4 ms of Python before), run on the driver (models/bulk.py `_run`: SQLAlchemy's execution of a small
# statement costs three to five times the statement itself when the CPU caches are cold). `{ids}`: the IN list.
#
# The memberships named, with what the group's settings say on each row (subqueries of a parameter: run once per
# statement, not per row): late check-ins count for streaks; the points of the active `checkin` and `streak7`
# rules (NULL: off or missing; the condition of points.rule_points_select). One round trip where two were.
_MEMBERS_SQL = (
    "SELECT ms.id, ms.status, ms.joined_at, m.display_name, ms.streak_checked,"
    " (SELECT g.late_checkins_count_for_streak FROM community_group AS g WHERE g.id = ?),"
    " (SELECT r.points FROM point_rule AS r WHERE r.group_id = ? AND r.code = 'checkin' AND r.active IS {true}),"
    " (SELECT r.points FROM point_rule AS r WHERE r.group_id = ? AND r.code = 'streak7' AND r.active IS {true})"
    " FROM membership AS ms JOIN member AS m ON m.id = ms.member_id WHERE ms.id IN {ids} AND ms.group_id = ?{lock}"
)
# A member's history for the streak rule, in one statement of four parts, each read from an index alone:
# 0 its check-in days (the unique (membership, day) index; PostgreSQL's holds no id: the check-in ids of the few
# days that earn a bonus are read afterwards, `_AWARDED_SQL`, or each day was a read of the table), 1 its late days
# (ix_checkin_membership_late: the rows of the table were 100 random reads a member), 2 its leaves, 3 its open
# streak bonuses (ix_points_entry_streak_bonus holds what is read). Named on SQLite: without statistics (the app
# never runs ANALYZE) its planner took the (source_kind, source_id) index for more than one member — every streak
# entry of the workspace, for each paste. (INDEXED BY fails loudly if the condition stops matching the index's:
# models/points.py STREAK_BONUS_WHERE.) Four statements were four round trips on PostgreSQL.
# `{since}`s: nothing, or the window's conditions (`_WINDOW_TERMS`: the history from a day on, a parameter after each
# part's ids).
_HISTORY_SQL = (
    "SELECT 0, membership_id, day, {no_int}, {no_int}, {no_day} FROM checkin WHERE membership_id IN {ids}{since_day}"
    " UNION ALL SELECT 1, membership_id, day, {no_int}, {no_int}, {no_day} FROM checkin"
    " WHERE membership_id IN {ids} AND {late}{since_day}"
    " UNION ALL SELECT 2, membership_id, start_day, {no_int}, {no_int}, end_day FROM leave"
    " WHERE membership_id IN {ids}{since_leave}"
    " UNION ALL SELECT 3, p.membership_id, p.day, p.id, p.points, {no_day} FROM points_entry AS p{hint}"
    " WHERE p.membership_id IN {ids}{since_bonus} AND p.source_kind = 'streak' AND p.reverses_id IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM points_entry AS r WHERE r.reverses_id = p.id)"
)
_WHOLE_TERMS = {"since_day": "", "since_leave": "", "since_bonus": ""}
_WINDOW_TERMS = {"since_day": " AND day >= ?", "since_leave": " AND end_day >= ?", "since_bonus": " AND p.day >= ?"}
# The window read when a check-in is the member's latest (streaks.appended_run): four weeks hold the current run of
# almost everyone; a longer run (or a gap filled) reads the whole history.
STREAK_WINDOW = timedelta(days=28)
_DIALECT_TERMS = {
    # the late terms as the partial index states them (models/participation.py), or it is not used
    "sqlite": {
        "true": "1",
        "no_int": "NULL",
        "no_day": "NULL",
        "late": "late = 1",
        "hint": " INDEXED BY ix_points_entry_streak_bonus",
        "lock": "",  # the write lock is taken before (bulk.begin_write)
    },
    "postgresql": {
        "true": "true",
        "no_int": "NULL::integer",
        "no_day": "NULL::date",
        "late": "late",
        "hint": "",
        # the memberships are locked, all at once and in one order, until their check-ins are written: a merge or a
        # delete under way is waited for, and a membership it removed is not found (a clear NotFound, not a
        # foreign-key violation at the insert); a merge starting meanwhile waits, then folds these check-ins too
        # (bulk.lock_rows). Two pastes naming the same people wait for each other here instead of taking the rows
        # day by day: pastes of several days (补卡 lines, a 打卡表) deadlocked on each other's days, one in three
        # at three assistants. (NO KEY UPDATE: the writer of a place, holding KEY SHARE, is not waited for.)
        "lock": " ORDER BY ms.id FOR NO KEY UPDATE OF ms",
    },
}
_DAYS, _LATE, _LEAVE, _BONUS = range(4)
# the check-ins of some memberships between two days (a superset of the pairs wanted: filtered in Python)
_AWARDED_SQL = "SELECT membership_id, day, id FROM checkin WHERE membership_id IN {ids} AND day BETWEEN ? AND ?"
_CHECKED_SQL = "UPDATE membership SET streak_checked = ? WHERE id IN {ids} AND streak_checked = ?"
_AWARD_SQL = (
    "INSERT INTO points_entry (membership_id, group_id, day, points, reason, source_kind, source_id, operator_id,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@functools.cache
def members_sql(dialect: str, count: int) -> str:
    """The memberships statement for `count` ids: parameters (gid, gid, gid, *ids, gid)."""
    return _MEMBERS_SQL.format(ids=bulk.in_list(count), **_DIALECT_TERMS[dialect])


@functools.cache
def history_sql(dialect: str, count: int, *, window: bool = False) -> str:
    """The history statement for `count` ids: parameters the ids four times (`window`: each time followed by the
    window's first day)."""
    terms = _WINDOW_TERMS if window else _WHOLE_TERMS
    return _HISTORY_SQL.format(ids=bulk.in_list(count), **_DIALECT_TERMS[dialect], **terms)


def closed_spell_days(session: Session, membership_ids: Sequence[int]) -> dict[int, list[tuple[date, date]]]:
    """membership -> (first day, last day) of each of its closed spells: the earlier ones (membership_spell) and,
    for a membership that has ended (退群 / 移出 / 拉黑, with its leaving day), its last one — the spell on the
    membership itself. The days it was a member at the end of (joined by the end of the day, left after it: as
    member_at_end_condition), so a check-in of a day before someone left stays theirs: a 打卡表 of November with
    someone who left on the 20th, yesterday's chain pasted the day after someone left. A spell imported without a
    join date begins at EARLIEST_DAY."""
    out: dict[int, list[tuple[date, date]]] = {}
    for chunk in _chunks(list(membership_ids)):
        earlier = select(MembershipSpell.membership_id, MembershipSpell.joined_at, MembershipSpell.left_at).where(
            MembershipSpell.membership_id.in_(chunk)
        )
        ended = select(Membership.id, Membership.joined_at, Membership.left_at).where(
            Membership.id.in_(chunk), Membership.status.in_(ENDED), Membership.left_at.is_not(None)
        )
        for statement in (earlier, ended):
            for mid, joined, left in session.execute(statement):
                first = joined.date() if joined is not None else EARLIEST_DAY
                out.setdefault(mid, []).append((first, left.date() - timedelta(days=1)))
    return out


def left_before(spells: Sequence[tuple[date, date]], day: date) -> date | None:
    """The day a member who came back had left, when `day` (not in any of their closed spells, before their latest
    join) falls after one of those spells — a day they were away, not one before they ever joined. `spells`: their
    closed_spell_days. None: before their first spell."""
    ends = [last for _first, last in spells if last < day]
    return max(ends) + timedelta(days=1) if ends else None


def first_joined(spells: Sequence[tuple[date, date]], joined: date) -> date:
    """The day a member first joined: their earliest closed spell's, else `joined` — a day before all of a returner's
    spells is refused as "10月1日才入群" (their first join), not the day they came back."""
    return min([first for first, _last in spells] + [joined])


def away_text(name: str, left: date, back: date) -> str:
    """「x月x日退群, x月x日才回来」: a member who came back was not one between the two."""
    return (
        f"{name} {left.month}月{left.day}日退群, {back.month}月{back.day}日才回来"
        f" ({name} left on {left} and came back on {back})"
    )


def joined_later_text(name: str, joined: date, day: date, left: date | None = None) -> str:
    """Why a check-in is refused for a day before the member joined (「x月x日才入群」); `left`: a member who came back
    had left that day, and `day` is between their leaving and return — "才入群" read as if they had never been in."""
    if left is not None:
        zh, en = away_text(name, left, joined).split(" (", 1)
        return f"{zh}, 不能记 {day} 的打卡 ({en[:-1]}: no check-in for {day}, a day they were away)"
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
    bonus: int = 0  # of which streak bonuses (net), reported on the last day of the call


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
    bulk.begin_write(connection)  # SQLite: the memberships read are those written to (a merge cannot come between)
    members_found: dict[int, tuple[str, datetime | None, str]] = {}
    checked: set[int] = set()  # memberships whose streak bonuses were reconciled with their whole history
    rules: tuple = (False, None, None)
    dialect = connection.dialect.name
    for chunk in _chunks(ids):
        params = (group_id, group_id, group_id, *chunk, group_id)
        for row in bulk.fetch(connection, members_sql(dialect, len(chunk)), params):
            members_found[row[0]] = (row[1], bulk.stored_moment(row[2]), row[3])
            if row[4]:
                checked.add(row[0])
            rules = row[5:]
    for mid in ids:
        if mid not in members_found:  # merged away or deleted since the list was read (another assistant)
            raise NotFound(
                f"成员资格 {mid} 不在这个社群, 可能刚被合并或删除; 请重新粘贴或刷新后再记 (membership {mid} is not in this"
                " group: merged or deleted meanwhile? paste again or refresh, then log)"
            )
    # a member (已入群) checks in from the day they joined; a day of an earlier, closed spell (a member who left and
    # came back) is theirs too, whatever their status now — looked up only for the days refused otherwise
    outside = [
        (day, e.membership_id)
        for day, entries in per_day.items()
        for e in entries
        if members_found[e.membership_id][0] != "active"
        or (members_found[e.membership_id][1] is not None and day < members_found[e.membership_id][1].date())
    ]
    if outside:
        spells = closed_spell_days(session, sorted({mid for _day, mid in outside}))
        for day, mid in sorted(outside):
            if any(first <= day <= last for first, last in spells.get(mid, ())):
                continue
            status, joined, name = members_found[mid]
            if status != "active":  # ended since the paste was read (another assistant marked them left): named
                raise ValidationError(
                    "member",
                    f"「{name}」现在不是已入群成员, 未记录任何打卡; 请重新粘贴 ({name} is not an active member now:"
                    " nothing was logged; paste again)",
                )
            assert joined is not None
            own = spells.get(mid, ())
            left = left_before(own, day)
            back = joined.date() if left is not None else first_joined(own, joined.date())
            raise ValidationError("date", joined_later_text(name, back, day, left))
    late_counts, checkin_points, streak_points = rules  # no ids, no rows: nothing is written
    late_counts = bool(late_counts)
    checkin_points = int(checkin_points or 0)
    now = clock.now()
    values = bulk.Values(connection)
    now_value = values.datetime(now)
    results: dict[date, CheckinResult] = {}
    touched: dict[int, list[date]] = {}  # the days logged now, per membership
    audits: list[tuple[str, str, int | None, dict]] = []  # one row per day, written together
    for day in sorted(per_day):
        entries = per_day[day]
        if not entries:
            results[day] = CheckinResult((), (), 0)
            continue
        # the rows in one order too (the memberships were locked at the read above, in id order)
        day_value = values.date(day)
        rows = [
            (
                e.membership_id,
                group_id,
                day_value,
                values.datetime(e.at if e.at is not None else (now if day == today and source == "manual" else None)),
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
        for mid in inserted:
            touched.setdefault(mid, []).append(day)
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
    appended = {mid: days[0] for mid, days in touched.items() if len(days) == 1 and mid in checked}
    bonus = _reconcile(
        session, group_id, bool(late_counts), touched, actor.id, int(streak_points or 0), appended=appended
    )
    if bonus:  # a bonus belongs to the day it was reached; the caller sees it on the last day
        last = max(results)
        r = results[last]
        results[last] = CheckinResult(r.logged, r.already, r.points + bonus, bonus)
    return results


def _member_days(session: Session, membership_id: int) -> tuple[list[tuple[date, bool]], set[date]]:
    """(day, late) of every check-in of a membership, and its leave days."""
    h = _members_history(session, [membership_id])
    return h.checkins.get(membership_id, []), h.leaves.get(membership_id, set())


def _chunks(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@dataclass
class _History:
    """What the streak rule needs of some memberships: (day, late) of each check-in, the leave days, and the
    open streak bonuses (entry id, day, points)."""

    checkins: dict[int, list[tuple[date, bool]]]
    leaves: dict[int, set[date]]
    bonuses: dict[int, list[tuple[int, date, int]]]


def _members_history(session: Session, membership_ids: list[int], since: date | None = None) -> _History:
    """The memberships' history for the streak rule: all of it, or (`since`) the check-ins, leaves and open
    bonuses from that day on."""
    session.flush()
    connection = session.connection()
    dialect = connection.dialect.name
    days: dict[int, list[date]] = {}
    late: set[tuple[int, date]] = set()
    ranges: dict[int, list[tuple[date, date]]] = {}
    bonuses: dict[int, list[tuple[int, date, int]]] = {}
    day = bulk.stored_day
    window = since is not None
    first = bulk.Values(connection).date(since) if window else None
    for chunk in _chunks(membership_ids, 224):  # the ids go four times into the statement (SQLite: 999 at most)
        sql = history_sql(dialect, len(chunk), window=window)
        params = [*chunk, first] * 4 if window else chunk * 4
        for part, mid, d, num, points, until in bulk.fetch(connection, sql, params):
            if part == _DAYS:
                days.setdefault(mid, []).append(day(d))
            elif part == _LATE:
                late.add((mid, day(d)))
            elif part == _LEAVE:
                ranges.setdefault(mid, []).append((day(d), day(until)))
            else:
                bonuses.setdefault(mid, []).append((num, day(d), points))
    checkins = {mid: [(d, (mid, d) in late) for d in rows] for mid, rows in days.items()}
    leaves = {mid: streak_rule.leave_days(r) for mid, r in ranges.items()}
    return _History(checkins, leaves, bonuses)


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
    *,
    appended: dict[int, date] | None = None,
) -> int:
    """reconcile_streak_bonuses with the group's settings already read (`points`: the streak7 rule's).

    `appended`: memberships reconciled before (`streak_checked`) that just had one check-in logged, with its day.
    When that day is the member's latest and its whole run lies in the last STREAK_WINDOW (streaks.appended_run),
    only that day can become a bonus day (the earlier days' runs are as they were, and their bonuses matched them):
    the window of the history is read, not all of it. Any other case — a gap filled, a longer run, an open bonus on
    or after the day — reads the whole history, reconciles it and marks the membership checked."""
    ids = sorted(set(membership_ids))
    if not points or not ids:
        return 0
    awards: list[tuple[int, date, int]] = []  # (membership, day, run length)
    net = 0
    wanted = set(ids)
    quick = {mid: d for mid, d in (appended or {}).items() if mid in wanted}
    if quick:
        since = min(quick.values()) - STREAK_WINDOW
        recent = _members_history(session, sorted(quick), since)
        decided: set[int] = set()
        for mid, d in quick.items():
            days = streak_rule.counted_days(recent.checkins.get(mid, []), late_counts)
            run = streak_rule.appended_run(days, recent.leaves.get(mid, set()), d, since)
            if run is None or any(b >= d for _eid, b, _pts in recent.bonuses.get(mid, [])):
                continue  # the whole history decides
            decided.add(mid)
            if streak_rule.is_bonus(run):
                awards.append((mid, d, run))
                net += points
        ids = [mid for mid in ids if mid not in decided]
    reversals: list[int] = []
    stale: dict[int, tuple[int, date]] = {}  # membership: (current price − face of the bonuses reversed, a day)
    history = _members_history(session, ids) if ids else _History({}, {}, {})
    checkins, leaves, open_by_member = history.checkins, history.leaves, history.bonuses
    for mid in ids:
        days = streak_rule.counted_days(checkins.get(mid, []), late_counts)
        target = streak_rule.bonus_days(days, leaves.get(mid, set()))
        have: dict[date, int] = {}
        for eid, d, pts in open_by_member.get(mid, []):
            if d in target and d not in have:
                have[d] = eid
            else:  # no longer a bonus day (or a second entry for one day)
                reversals.append(eid)
                net -= pts
                if pts != points:
                    stale[mid] = (stale.get(mid, (0, d))[0] + points - pts, d)
        for d in sorted(set(target) - set(have)):
            awards.append((mid, d, target[d]))
            net += points
    for eid in reversals:
        reverse_entry(session, eid, operator_id, "连续天数变化 (streak changed)")
    if awards:
        _award(session, group_id, awards, operator_id, points)
    if stale:
        net += _settle_repriced_bonuses(session, group_id, stale, operator_id)
    if ids:  # their bonuses now match their whole history (models/kept.py, streak marks)
        connection = session.connection()
        yes, no = bulk.Values(connection).bool(True), bulk.Values(connection).bool(False)
        for chunk in _chunks(ids):
            bulk.execute_many(connection, _CHECKED_SQL.format(ids=bulk.in_list(len(chunk))), [(yes, *chunk, no)])
    return net


def _settle_repriced_bonuses(
    session: Session, group_id: int, stale: dict[int, tuple[int, date]], operator_id: int | None
) -> int:
    """Bonuses the reconcile moved that were paid at another price than the rule's now: after a recompute (5 → 9)
    such a bonus is worth 9 (5 and its share of the membership's 'recompute' entry), yet its reversal takes back
    5 — the moved bonus is paid 9 again and the member kept 4 too many (a 补卡 filling a gap). When the ledger
    disagrees with the rules by exactly that (it agreed but for it), the rest is taken back, as
    points.keeping_agreement does for the writes that take a fact back. Rare: only after a rule change. Returns
    the points written."""

    off = rules_difference(session, group_id, sorted(stale))
    rows = [(mid, off[mid], d) for mid, (diff, d) in stale.items() if off[mid] and off[mid] == -diff]
    if rows:
        session.execute(
            insert(PointsEntry),
            [
                {
                    "membership_id": mid,
                    "group_id": group_id,
                    "day": d,
                    "points": pts,
                    "reason": "按当前规则重新计算",
                    "source_kind": "recompute",
                    "source_id": None,
                    "operator_id": operator_id,
                }
                for mid, pts, d in rows
            ],
        )
    return sum(pts for _mid, pts, _d in rows)


def _award(
    session: Session, group_id: int, awards: list[tuple[int, date, int]], operator_id: int | None, points: int
) -> None:
    """Write the streak bonuses `awards` (membership, day, run length), each naming the check-in of its day."""
    connection = session.connection()
    values = bulk.Values(connection)
    wanted = {(mid, d) for mid, d, _n in awards}
    members = sorted({mid for mid, _d, _n in awards})
    first, last = values.date(min(d for _mid, d, _n in awards)), values.date(max(d for _mid, d, _n in awards))
    source: dict[tuple[int, date], int] = {}
    for chunk in _chunks(members):
        sql = _AWARDED_SQL.format(ids=bulk.in_list(len(chunk)))
        for mid, d, cid in bulk.fetch(connection, sql, [*chunk, first, last]):
            key = (mid, bulk.stored_day(d))
            if key in wanted:
                source[key] = cid
    now = values.datetime(clock.now())
    bulk.execute_many(
        connection,
        _AWARD_SQL,
        [
            (mid, group_id, values.date(d), points, f"连续打卡{n}天", "streak", source[(mid, d)], operator_id, now)
            for mid, d, n in awards
        ],
        adapted=True,
    )


def undo_checkin(session: Session, actor: Actor, membership_id: int, day: date) -> bool:
    """Remove one check-in; its points (and a streak bonus it earned) get reversing ledger entries."""
    require(actor, "record_participation")
    # one writer of the member's check-ins at a time (as record_checkins): two assistants undoing one check-in at
    # once each found it and each reversed its point — the member lost one they had earned
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")
    ci = session.scalars(select(CheckIn).where(CheckIn.membership_id == membership_id, CheckIn.day == day)).first()
    if ci is None:
        return False
    group = session.get(Group, ci.group_id)
    assert group is not None
    # after a recompute the check-in (and a bonus the undo moves) is worth the current rules, not its face value
    with keeping_agreement(session, group.id, [membership_id], actor.id, day):
        reverse_source(session, "checkin", ci.id, actor.id, "撤销打卡")
        reverse_source(session, "streak", ci.id, actor.id, "撤销打卡")
        session.execute(delete(CheckIn).where(CheckIn.id == ci.id))
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
    # one writer of a member's leave at a time: two assistants recording overlapping leave at once each found no
    # overlap, and both were written
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")
    overlap = session.execute(
        select(Leave.start_day, Leave.end_day)
        .where(Leave.membership_id == membership_id, Leave.start_day <= end, Leave.end_day >= start)
        .order_by(Leave.start_day)
    ).first()
    if overlap is not None:
        # which leave: a member who asks for two more days (请假 to the 3rd, then to the 5th) is recorded from the
        # day after it — "overlaps an existing leave" alone left the assistant to find it
        first, last = bulk.stored_day(overlap[0]), bulk.stored_day(overlap[1])
        raise ValidationError(
            "start",
            f"与已有请假 {first} 至 {last} 重叠, 请记录其余的日子或先删除它 "
            f"(overlaps the leave of {first} to {last}: record the other days, or remove it first)",
        )
    ms = session.get(Membership, membership_id)
    if ms is not None:
        _refuse_before_joining(session, ms, start, end)
        # a leave of days after they left, were removed or blacklisted names a group they were no longer in (leaving
        # ends a leave that runs on: roster.end_leaves): refused by name, as a check-in or a place of such a day is
        from desktop.services.participation import _refuse_after_leaving  # participation imports checkins_queries

        _refuse_after_leaving(session, ms, end, "请假", "leave")
    group = session.get(Group, ms.group_id) if ms is not None else None
    # a bonus day the leave moves is worth the current rules after a recompute, not its face value (points.py)
    with keeping_agreement(session, group.id if group else 0, [membership_id] if group else [], actor.id, start):
        leave = Leave(membership_id=membership_id, start_day=start, end_day=end, reason=reason, recorded_by=actor.id)
        session.add(leave)
        session.flush()
        # a leave can join two runs (or split none): the bonuses follow at once, as recompute would give them
        if group is not None:
            reconcile_streak_bonus(session, group, membership_id, actor.id)
    # an activity of those days marked absent before the leave was known: excused, as marked on a leave day
    from desktop.services.participation import excuse_absences  # participation reads leave from checkins_queries

    excuse_absences(session, actor.id, membership_id, start, end)
    record_audit(
        session,
        actor.id,
        "leave.record",
        "membership",
        membership_id,
        after={"start": start, "end": end, "reason": reason},
    )
    return leave.id


def _refuse_before_joining(session: Session, ms: Membership, start: date, end: date) -> None:
    """A leave is of days the person was a member (PRODUCT §2: a membership's): one starting before they joined named
    a group they were not yet in — and, for someone who came back, covered the days they were gone, bridging their
    streak across the gap (docs/metrics.md: a leave never does). Refused by name with the day they joined, as a
    check-in of such a day is (`joined_later_text`); a leave wholly inside an earlier spell is of that spell. A
    membership without a join date (imported without one) is a member from the beginning."""
    joined = ms.joined_at.date() if ms.joined_at is not None else None
    if joined is None or start >= joined:
        return
    spells = closed_spell_days(session, [ms.id]).get(ms.id, ())
    if any(first <= start and end <= last for first, last in spells):
        return
    name = session.scalar(select(Member.display_name).where(Member.id == ms.member_id)) or ""
    # the first day refused: the start, or, for a leave from a day of an earlier spell running on past it, the day
    # after that spell (5–19 November of someone away 8–17 November: "11月8日退群, 11月18日才回来", not 10月1日才入群)
    inside = next((last for first, last in spells if first <= start <= last), None)
    left = left_before(spells, start if inside is None else inside + timedelta(days=1))
    if left is not None:  # over days they were away: not "才入群" as if never in the group
        zh, en = away_text(name, left, joined).split(" (", 1)
        raise ValidationError(
            "start",
            f"{zh}, 不能记 {start} 起的请假; 请从 {joined} 起记录 ({en[:-1]}: no leave from {start}, a day they were"
            f" away; record it from {joined})",
        )
    joined = first_joined(spells, joined)
    raise ValidationError(
        "start",
        f"{name} {joined.month}月{joined.day}日才入群, 不能记 {start} 起的请假; 请从 {joined} 起记录 "
        f"({name} joined on {joined}: no leave from {start}, an earlier day; record it from {joined})",
    )


@dataclass(frozen=True)
class RemovedLeave:
    membership_id: int
    start_day: date
    end_day: date
    excused_kept: int  # places the organiser marked excused on activities of those days, left as they are
    absent_again: int = 0  # places the leave had excused (marked absent on its days): absent again


def remove_leave(session: Session, actor: Actor, leave_id: int) -> RemovedLeave:
    """Take back a leave recorded by mistake (the wrong member, the wrong days; a shorter one is recorded after):
    there was no way to, and its days kept bridging the member's streak and coming out of their check-in rate. The
    streak bonuses follow at once, as record_leave's do. The places the leave excused (marked absent on its days,
    or excused when it was recorded: `leave_excused`) are absent again, as they would read had it never been
    recorded — the attendance rate kept a leave that no longer existed; places the organiser marked excused
    themselves stay as they are (the member may have sent word all the same). Both numbers are returned for the
    window to say."""
    require(actor, "record_participation")
    leave = session.get(Leave, leave_id)
    if leave is None:
        raise gone("这条请假", "leave")
    membership_id = leave.membership_id
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")  # as record_leave
    start, end, reason = leave.start_day, leave.end_day, leave.reason
    ms = session.get(Membership, membership_id)
    group = session.get(Group, ms.group_id) if ms is not None else None
    # participation reads leave from checkins_queries
    from desktop.services.participation import excused_on, unexcuse_places

    with keeping_agreement(session, group.id if group else 0, [membership_id] if group else [], actor.id, start):
        session.execute(delete(Leave).where(Leave.id == leave_id))
        session.flush()
        if group is not None:
            reconcile_streak_bonus(session, group, membership_id, actor.id)
    absent_again = unexcuse_places(session, actor.id, membership_id, start, end)
    record_audit(
        session,
        actor.id,
        "leave.remove",
        "membership",
        membership_id,
        before={"start": start, "end": end, "reason": reason},
    )
    return RemovedLeave(membership_id, start, end, excused_on(session, membership_id, start, end), absent_again)


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
    days = streak_rule.counted_days(((d, late) for d, late in checkins if d <= today), count_late)
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
    """The day's check-ins of the group, latest logged first; a deleted person's are not listed (their check-ins stay
    recorded and come back with a restore), as they are in no count of the day (checkins_queries.daily_counts)."""
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
        .where(CheckIn.group_id == group_id, CheckIn.day == day, Member.deleted_at.is_(None))
        .order_by(CheckIn.logged_at.desc(), CheckIn.id.desc())
    ).all()
    return [CheckinRow(*r) for r in rows]
