"""Every metric of a group's month, defined once. `qundesk stats`, the dashboard and the monthly
workbook all call these functions; docs/metrics.md states each definition in words."""

from __future__ import annotations

import calendar
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timedelta

from sqlalchemy import Integer, and_, bindparam, case, false, func, not_, or_, select, union_all
from sqlalchemy.orm import Session

from desktop.settings import rules_at
from models import (
    Activity,
    Attendance,
    ChatActivity,
    ChatImport,
    CheckIn,
    Group,
    Leave,
    Membership,
    MembershipSpell,
    PointsEntry,
    StepProgress,
    bulk,
    clock,
)
from models.queries.participation import (
    DELETED_MEMBERSHIPS,
    DELETED_PEOPLE,
    SMALL_GROUP,
    attendance_counted,
    day,
    day_after,
    day_params,
    day_start,
    in_closed_spell,
    member_at_end_condition,
    members_at_end,
    of_live_person,
    participated,
)


@dataclass(frozen=True)
class Period:
    """The days of a month that count: the whole month, or up to today for the current month."""

    start: date
    end: date  # inclusive; end < start means no day has begun yet (a future month)

    @property
    def days(self) -> int:
        return max(0, (self.end - self.start).days + 1)

    @classmethod
    def month(cls, year: int, month: int, today: date | None = None) -> Period:
        today = today or clock.today()
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        return cls(first, min(last, today))


def parse_month(text: str) -> tuple[int, int]:
    """'2026-11' -> (2026, 11); raises ValueError with a clear message."""
    try:
        y, m = text.strip().split("-")
        year, month = int(y), int(m)
        date(year, month, 1)
    except (ValueError, AttributeError) as exc:
        raise ValueError(f"月份格式应为 YYYY-MM (month must be YYYY-MM): {text!r}") from exc
    return year, month


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


@dataclass(frozen=True)
class MonthStats:
    members_total: int
    members_active: int
    joined: int
    left: int
    checkins: int
    checkin_rate: float
    activities: int
    attendance_rate: float
    points_awarded: int
    dormant: int
    stalled_onboarding: int
    messages: int = 0  # chat messages of known senders dated in the period (chat-history imports)
    # checkin_rate's own terms: the members' check-ins and the days they could check in (members × days − leave
    # days not checked in). Several groups' rate is the ratio of their sums (combined_checkin_rate), not an average
    # of their rates — weighted by members it left out that the groups' leave days differ. Not stats' keys.
    rate_checkins: int = field(default=0, compare=False, metadata={"term": True})
    rate_days: int = field(default=0, compare=False, metadata={"term": True})
    # the days the rate counts (rate_span): the period's, from the day the group was set up here in the month it
    # was and up to the day it was archived in the month it was (nothing of the days cut off recorded)
    rate_from: date | None = field(default=None, compare=False, metadata={"term": True})
    rate_until: date | None = field(default=None, compare=False, metadata={"term": True})
    # attendance_rate's divisor: the places counted (attended + absent + sign-ups whose day has passed). 0 with
    # activities in the period: none of their attendance taken yet — the Dashboard shows "–", not 0%
    attendance_expected: int = field(default=0, compare=False, metadata={"term": True})

    def as_dict(self) -> dict[str, int | float]:
        """The figures (STATS_KEYS): `qundesk stats`, the workbook's KPIs."""
        out = asdict(self)
        return {k: out[k] for k in STATS_KEYS}


STATS_KEYS: tuple[str, ...] = tuple(f.name for f in fields(MonthStats) if not f.metadata.get("term"))


def month_recorded(set_up_on: date, year: int, month: int, stats: MonthStats) -> bool:
    """Whether QunDesk knows the month `stats` describe: the group was set up here (`set_up_on`, its created_at
    day) before the month ended, or something was recorded in it (a check-in, an activity, a chat message or
    points — imported history). A group set up on 1 December with a roster of November joiners has no
    November: its members × days make a 0.0% check-in rate nobody measured, and "上月 0.0% ▲100.0" on its first
    day (the dashboard card, the month's summary text) compared with nothing. Such a month's figures are "–"."""
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    if stats.rate_from is not None and stats.rate_until is not None and stats.rate_from > stats.rate_until:
        # no day of the month counts (rate_span): before the group was set up, or after it was archived — a camp
        # archived at its 结营 in December read "0.0%" for January, beside five "silent" members, as if it had died
        return False
    return set_up_on <= last_day or bool(stats.checkins or stats.activities or stats.messages or stats.points_awarded)


def _recorded_between(session: Session, group_id: int, first: date, last: date) -> bool:
    """Whether something of the group dated in [first, last] was recorded: a check-in, an activity, a chat message
    or points (month_recorded's facts)."""
    if last < first:
        return False
    recorded = (
        select(CheckIn.id).where(CheckIn.group_id == group_id, CheckIn.day >= first, CheckIn.day <= last),
        select(Activity.id).where(
            Activity.group_id == group_id,
            Activity.starts_at >= datetime.combine(first, time.min),
            Activity.starts_at < datetime.combine(last + timedelta(days=1), time.min),
        ),
        select(ChatActivity.id).where(
            ChatActivity.group_id == group_id, ChatActivity.day >= first, ChatActivity.day <= last
        ),
    )
    if any(session.scalar(q.limit(1)) is not None for q in recorded):
        return True
    # points as month_recorded counts them, net: a check-in undone and its reversal are nothing recorded
    points = select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
        PointsEntry.group_id == group_id, PointsEntry.day >= first, PointsEntry.day <= last
    )
    return bool(session.scalar(points))


def rate_span(session: Session, group_id: int, start: date, end: date) -> tuple[date, date]:
    """The days of [start, end] the check-in rate counts for the group, (first, last):
    * from the day the group was set up here (its created_at) when that is later than `start` — a camp set up on
      20 November with a roster of October joiners had November's 19 days before it in the divisor of its November
      rate (a third of what was measured); the month before reads "–" already;
    * up to the day it was archived when that is earlier than `end` — a camp ended and archived on the 15th had
      the fifteen days after it, when nobody checked in, in the divisor (50% for members who never missed a day);
    each unless something of the group dated in the days cut off was recorded (a check-in, an activity, a chat
    message or points — imported history, logged late: month_recorded's rule, day by day), when those days count.
    first > last when no day of the period counts (a month before the group was set up, nothing of it imported)."""
    created, archived = session.execute(
        select(Group.created_at, Group.archived_at).where(Group.id == group_id)
    ).one_or_none() or (None, None)
    first, last = start, end
    set_up = bulk.stored_day(created) if created is not None else start
    if set_up > start and not _recorded_between(session, group_id, start, min(set_up - timedelta(days=1), end)):
        first = min(set_up, end + timedelta(days=1))
    ended = bulk.stored_day(archived) if archived is not None else None
    if ended is not None and ended < end and not _recorded_between(session, group_id, ended + timedelta(days=1), end):
        last = max(ended, start - timedelta(days=1))
    return first, last


IMPORTED_SOURCES = ("import", "chat")  # check-ins of an imported history (CHECKIN_SOURCES)


def observed_since(session: Session, group_id: int) -> date | None:
    """The first day QunDesk can speak of the group's absences (nobody checking in, nobody speaking): the day it
    was set up here (its created_at), unless a history of the group dated earlier was imported — check-ins read
    from a check-in table or a chat export (source import / chat), chat messages, or the span of an imported chat
    history (an export holds every message of its span, a silent member's silence too) — when the earliest day of
    those is the day. A group set up this morning with a roster of September joiners was observed since this
    morning: its members' silence in October is not known, nobody's. Nor does one fact logged by hand for an
    earlier day (a forgotten check-in, a pasted chain of that day, a past activity, points) make QunDesk the
    observer of every day since: it tells of its own day, and every member not in it would become dormant at once.
    None: no such group."""
    created = session.scalar(select(Group.created_at).where(Group.id == group_id))
    if created is None:
        return None
    set_up = bulk.stored_day(created)
    before = datetime.combine(set_up, time.min)
    earliest = session.execute(
        select(
            select(func.min(CheckIn.day))
            .where(CheckIn.group_id == group_id, CheckIn.day < set_up, CheckIn.source.in_(IMPORTED_SOURCES))
            .scalar_subquery(),
            select(func.min(ChatActivity.day))
            .where(ChatActivity.group_id == group_id, ChatActivity.day < set_up)
            .scalar_subquery(),
            select(func.min(ChatImport.first_at))
            .where(ChatImport.group_id == group_id, ChatImport.first_at < before)
            .scalar_subquery(),
        )
    ).one()
    return min([set_up, *(bulk.stored_day(d) for d in earliest if d is not None)])


def observed_from(session: Session, group_id: int, first: date, last: date | None = None) -> bool:
    """Whether QunDesk observed the group on every day from `first` on (observed_since ≤ first): an alert that
    reads an absence of participation over a window — dormant, silent newcomer, zombie group — is judged only when
    its window's first day is. The one place of that rule (docs/metrics.md "Observed days"). A group set up before
    `first` is answered from its set-up day alone (the group is in the session already: no query); only a group
    set up since asks for its earlier facts — one small query, never one per member.

    `last`, the window's last day (the day judged): a group archived on or before it was not observed to its end —
    it ended (结营): nobody takes part in an archived camp, and its graduates are not "silent for 30 days" in the
    months after, as it is no zombie group (health.zombie_reason)."""
    group = session.get(Group, group_id)
    if group is None:
        return False
    if last is not None and group.archived_at is not None and bulk.stored_day(group.archived_at) <= last:
        return False
    if bulk.stored_day(group.created_at) <= first:
        return True
    since = observed_since(session, group_id)
    return since is not None and since <= first


def combined_checkin_rate(stats: Iterable[MonthStats]) -> float:
    """The check-in rate of several groups' months together (the dashboard's all-groups row, the workbook's 合计):
    all their members' check-ins ÷ all the days those members could check in — the definition of checkin_rate
    (docs/metrics.md) over the groups' members together; 0 to 1, 4 decimals."""
    stats = list(stats)
    days = sum(s.rate_days for s in stats)
    return round(min(1.0, sum(s.rate_checkins for s in stats) / days), 4) if days > 0 else 0.0


def _count(session: Session, q) -> int:
    return int(session.scalar(select(func.count()).select_from(q.subquery())) or 0)


def leave_days(ranges, start: date, end: date) -> int:
    """Days in [start, end] covered by the leave `ranges` ((start, end) pairs; overlapping leaves counted once
    per day would need a calendar; leaves are recorded without overlap, see services/checkins)."""
    return sum(max(0, (min(e, end) - max(s, start)).days + 1) for s, e in ranges)


def stalled_query(session: Session, group_id: int, as_of: date, *, days: int | None = None):
    """(membership id, stalled since) of applicants and newcomers part-way through (申请中/入群中) at the end of
    `as_of` whose last recorded step by then — or their application, when no step is recorded — is more than
    `stalled_days` days (or `days`) before as_of, and who had not entered the group chat since (`joined_at`: a chat
    export's join notice, a former member's return). Soft-deleted people are left out."""
    n = int(rules_at(session, as_of, "stalled_days")[0]) if days is None else max(0, int(days))
    return _stalled(group_id, as_of - timedelta(days=n), as_of)


def _stalled(group_id, cutoff_day, end_day, *, ids_only: bool = False):
    """stalled_query from the day before which the last step must be (a date, or `day(...)`), as the people stood
    at the end of `end_day`; `ids_only`: the memberships alone, without the day they are stalled since (a count).

    As they stood then, not as they stand now: a past month's count read today's statuses and steps — someone
    waiting at the end of November and let in on 3 December (a step recorded, or the last required step retired
    and everyone done admitted) left November's count, and the month's figure fell from 10 to 2 after it was
    reported. Steps recorded after the day are not read; a member now (已入群) who entered the group chat only
    after the day was still on the way in then (one who came back then — a closed spell — was not: gone before).
    Someone who dropped out since is not counted (the drop-out has no date to say when: roster.left_fields)."""
    cutoff = day_start(cutoff_day)
    after_end = day_after(end_day)
    # each waiting membership's own last step, by its (membership, step) index: PostgreSQL planned the grouped
    # form (the waiting people's steps, then joined) as a parallel scan of every step of the workspace — 60 ms of
    # a month's stats at 100,000 members, 0.5 s for twenty groups' counts
    last_step = (
        select(func.max(StepProgress.done_at))
        .where(StepProgress.membership_id == Membership.id, StepProgress.done_at < after_end)
        .correlate(Membership)
        .scalar_subquery()
    )
    moved = func.coalesce(last_step, Membership.applied_at, Membership.created_at)
    # entering the group chat moves the process too: a former member back yesterday (record_join), or an applicant
    # of October whom a chat export shows joining yesterday, was "stalled for 78 days" — since their old last step
    entered = and_(Membership.joined_at.is_not(None), Membership.joined_at < after_end)  # by the end of the day
    since = case((and_(entered, Membership.joined_at > moved), Membership.joined_at), else_=moved).label("since")
    # counted (month_stats), only the ids are selected: the day's CASE read each waiting membership's last step
    # twice more (6.2 → 7.6 ms a WeChat group's month stats)
    columns = (Membership.id, *(() if ids_only else (since,)))
    # a newcomer on leave (请假) that day is not stalled, as a member on leave is not dormant: 阿静, away until the
    # 25th and told so, was @-named in the stalled reminder and counted on the Dashboard while the leave ran
    common = (
        moved < cutoff,
        or_(~entered, Membership.joined_at < cutoff),
        of_live_person(),
        # asked of each waiting membership on the (membership, start) index: a NOT IN read all the workspace's
        # leaves twice, for a group's hundred newcomers (+0.5 ms of a WeChat group's month stats)
        ~select(Leave.id)
        .where(Leave.membership_id == Membership.id, Leave.start_day <= end_day, Leave.end_day >= end_day)
        .exists(),
    )
    # two selects, each on the (group, status) index: as one OR of the two, SQLite walked the group's memberships
    # (40 → 55 ms of a 6,000-member group's month stats)
    waiting_now = select(*columns).where(
        Membership.group_id == group_id, Membership.status.in_(("applicant", "onboarding")), *common
    )
    let_in_since = select(*columns).where(
        Membership.group_id == group_id,
        Membership.status == "active",
        Membership.joined_at >= after_end,
        # in the entry process then: an application or a step by the day (not a member added as one, whose join
        # date a chat export gave later), and no earlier spell (a former member was gone, not on the way in)
        or_(Membership.applied_at.is_not(None), last_step.is_not(None)),
        ~select(MembershipSpell.id).where(MembershipSpell.membership_id == Membership.id).exists(),
        *common,
    )
    return union_all(waiting_now, let_in_since)


def stalled_onboarding(session: Session, group_id: int, as_of: date) -> int:
    n = int(rules_at(session, as_of, "stalled_days")[0])
    return _count(session, _stalled(group_id, as_of - timedelta(days=n), as_of, ids_only=True))


def month_stats(session: Session, group_id: int, year: int, month: int, today: date | None = None) -> MonthStats:
    p = Period.month(year, month, today)
    if p.days == 0:
        return MonthStats(0, 0, 0, 0, 0, 0.0, 0, 0.0, 0, 0, 0)
    conn = session.connection()  # the statements are built once (_month_statements): run them as they are
    # the same rule on both engines: on PostgreSQL the facts collected once won for a 987-member group (20 ms against
    # 30 ms) and lost badly for the 9,387-member one (1.4 s against a 0.3 s baseline: the set of 94,000 facts
    # outgrows work_mem and is no longer hashed)
    small = bulk.fetch(conn, _GROUP_SIZE, (group_id,))[0][0] <= SMALL_GROUP
    counts, leaves, attendance = _month_statements(small)
    # the rules as they stood at the period's end (a past month: those it was reported with, whatever changed since)
    dormant_days, stalled_days = rules_at(session, p.end, "dormant_days", "stalled_days")
    params = {
        "gid": group_id,
        **day_params(
            start=p.start,
            end=p.end,
            today=today or clock.today(),
            since=p.end - timedelta(days=int(dormant_days) - 1),
            cutoff=p.end - timedelta(days=int(stalled_days)),
        ),
    }
    c = dict(zip(counts.keys, counts.fetch(conn, params)[0], strict=True))
    day = bulk.stored_day
    leave_rows = leaves.fetch(conn, params)
    ranges = [(day(s), day(e)) for s, e, _checked in leave_rows]
    checked_on_leave = sum(int(n) for _s, _e, n in leave_rows)  # leave days checked in anyway: days like any other
    # the rate's days: from the day the group was set up here, up to the day it was archived, in the months it was
    # (rate_span) — the days before or after were in the divisor though nobody could check in through QunDesk then
    rate_from, rate_until = rate_span(session, group_id, p.start, p.end)
    rate_days = max(0, (rate_until - rate_from).days + 1)
    possible = (
        c["members_total"] * rate_days - leave_days(ranges, rate_from, rate_until) + checked_on_leave
        if rate_days
        else 0
    )
    # a deleted person's check-ins are in no figure (docs/metrics.md): `checkins` is the check-in matrix's total
    member_checkins = c["checkins"] - c["nonmember_checkins"]
    checkins = c["checkins"] - c["deleted_checkins"]
    checkin_rate = min(1.0, member_checkins / possible) if possible > 0 else 0.0
    att_counts: dict[str, int] = defaultdict(int)
    for status, n in attendance.fetch(conn, params):
        att_counts[status] += n
    expected = sum(att_counts.values())
    attendance_rate = att_counts.get("attended", 0) / expected if expected else 0.0
    return MonthStats(
        members_total=c["members_total"],
        members_active=c["members_active"],
        joined=c["joined"],
        left=c["left"],
        checkins=checkins,
        checkin_rate=round(checkin_rate, 4),
        activities=c["activities"],
        attendance_rate=round(attendance_rate, 4),
        points_awarded=int(c["points_awarded"] or 0),
        # none before QunDesk observed the whole window (observed_from): a roster imported this morning is not
        # "silent for 30 days"
        dormant=c["dormant"]
        if observed_from(session, group_id, p.end - timedelta(days=int(dormant_days) - 1), p.end)
        else 0,
        stalled_onboarding=c["stalled_onboarding"],
        messages=int(c["messages"] or 0) - int(c["deleted_messages"] or 0),
        rate_checkins=member_checkins,
        rate_days=max(possible, 0),
        rate_from=rate_from,
        rate_until=rate_until,
        attendance_expected=expected,
    )


_GROUP_SIZE = "SELECT count(*) FROM membership WHERE group_id = ?"  # on the driver: SQLAlchemy's run cost more


@functools.cache
def _month_statements(small: bool):
    """month_stats as three statements built once, with the group and the days as parameters: building the
    dozen selects on every call cost more than running them for a 500-member group (17.6 ms against a 5.7 ms
    hand-written baseline at 100,000 members). The definitions are the shared ones (members_at_end,
    participated, dormant, stalled); one statement returns every count. `small`: a group of at most
    SMALL_GROUP memberships, whose participation is read from its facts collected once."""
    gid = bindparam("gid", type_=Integer())
    start, end, since, cutoff = day("start"), day("end"), day("since"), day("cutoff")
    members = members_at_end(end, gid)

    def count(q):
        return select(func.count()).select_from(q.subquery()).scalar_subquery()

    def dated(moment):  # the group's memberships whose `moment` (joined, left) falls in the period, of live people
        return select(Membership.id).where(
            Membership.group_id == gid, moment >= day_start(start), moment < day_after(end), of_live_person()
        )

    def spells_dated(moment):  # and the closed spells of its memberships (a member who came back): each spell
        # joined and left once (docs/metrics.md). The few spells of the workspace, each asked its membership's
        # group by its id: joined, SQLite walked the group's memberships to seek their spells (9,400 reads).
        group_of = select(Membership.group_id).where(Membership.id == MembershipSpell.membership_id)
        return select(MembershipSpell.id).where(
            moment >= day_start(start),
            moment < day_after(end),
            group_of.scalar_subquery() == gid,
            MembershipSpell.membership_id.not_in(DELETED_MEMBERSHIPS),
        )

    def of_deleted(total, facts):
        """`total` over the month's `facts` (check-ins, chat days) of the few soft-deleted people, which no figure
        counts: found through ix_member_deleted, their memberships by the (member, group) index and their facts by
        the (membership, day) index."""
        return (
            select(total)
            .select_from(Membership)
            .join(facts, facts.membership_id == Membership.id)
            .where(
                Membership.member_id.in_(DELETED_PEOPLE),
                Membership.group_id == gid,
                facts.day >= start,
                facts.day <= end,
            )
            .scalar_subquery()
        )

    in_month = and_(CheckIn.group_id == gid, CheckIn.day >= start, CheckIn.day <= end)
    in_period = and_(
        Activity.group_id == gid, Activity.starts_at >= day_start(start), Activity.starts_at < day_after(end)
    )
    counts = select(
        count(members).label("members_total"),
        count(members.where(participated(start, end, facts_of_group=gid if small else None))).label("members_active"),
        (count(dated(Membership.joined_at)) + count(spells_dated(MembershipSpell.joined_at))).label("joined"),
        (count(dated(Membership.left_at)) + count(spells_dated(MembershipSpell.left_at))).label("left"),
        select(func.count()).select_from(CheckIn).where(in_month).scalar_subquery().label("checkins"),
        # the members' check-ins are the group's less those of the few who were not members at the end: asking
        # of each of the month's check-ins whether its membership was a member took 30 ms for a group of 9,400
        # (94,000 check-ins), this 9 ms — read from those memberships' own (membership, day) index: a condition
        # on the check-in's group made the planner walk the month's check-ins again and look each membership up.
        # (A check-in's group is its membership's: record_checkins refuses any other.)
        select(func.count())
        .select_from(Membership)
        .join(CheckIn, CheckIn.membership_id == Membership.id)
        .where(
            Membership.group_id == gid,
            not_(member_at_end_condition(end)),
            CheckIn.day >= start,
            CheckIn.day <= end,
        )
        .scalar_subquery()
        .label("nonmember_checkins"),
        of_deleted(func.count(), CheckIn).label("deleted_checkins"),
        select(func.count()).select_from(Activity).where(in_period).scalar_subquery().label("activities"),
        select(func.coalesce(func.sum(PointsEntry.points), 0))
        .where(PointsEntry.group_id == gid, PointsEntry.day >= start, PointsEntry.day <= end)
        .scalar_subquery()
        .label("points_awarded"),
        count(_dormant(gid, end, since, small=small)).label("dormant"),
        count(_stalled(gid, cutoff, end, ids_only=True)).label("stalled_onboarding"),
        select(func.coalesce(func.sum(ChatActivity.messages), 0))
        .where(ChatActivity.group_id == gid, ChatActivity.day >= start, ChatActivity.day <= end)
        .scalar_subquery()
        .label("messages"),
        of_deleted(func.coalesce(func.sum(ChatActivity.messages), 0), ChatActivity).label("deleted_messages"),
    )
    # each leave with its days checked in anyway (a member on leave who checked in: a day like any other, not taken
    # out of the days counted — or the check-in counted over a day that was not: 17/18 where 16/17 was true)
    checked_on_leave = (
        select(func.count())
        .select_from(CheckIn)
        .where(
            CheckIn.membership_id == Leave.membership_id,
            CheckIn.day >= Leave.start_day,
            CheckIn.day <= Leave.end_day,
            CheckIn.day >= start,
            CheckIn.day <= end,
        )
        .correlate(Leave)
        .scalar_subquery()
    )
    leaves = select(Leave.start_day, Leave.end_day, checked_on_leave).where(
        Leave.membership_id.in_(members), Leave.start_day <= end, Leave.end_day >= start
    )
    # the month's places, less those of the few deleted people (in no figure, docs/metrics.md): subtracted as the
    # check-ins' are — a NOT IN on the places made PostgreSQL scan all 200,000 of them for a group's four
    # activities (27 ms instead of 0.7 for a 775-member group)
    counted = and_(in_period, attendance_counted(day("today")))
    attendance = union_all(
        select(Attendance.status, func.count())
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(counted)
        .group_by(Attendance.status),
        select(Attendance.status, -func.count())
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(counted, Attendance.membership_id.in_(DELETED_MEMBERSHIPS))
        .group_by(Attendance.status),
    )
    return bulk.Prepared(counts), bulk.Prepared(leaves), bulk.Prepared(attendance)


def messages_in(session: Session, group_id: int, start: date, end: date) -> int:
    """Chat messages of known senders of the group dated in [start, end] (from chat-history imports); a
    deleted person's are left out."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(ChatActivity.messages), 0)).where(
                ChatActivity.group_id == group_id,
                ChatActivity.day >= start,
                ChatActivity.day <= end,
                ChatActivity.membership_id.not_in(DELETED_MEMBERSHIPS),
            )
        )
        or 0
    )


def dormant_query(session: Session, group_id: int, as_of: date):
    """Members (已入群 at as_of) who have been members for at least `dormant_days` days, had no
    participation in the last `dormant_days` days and no leave day in them (`on_leave_in`) — none while QunDesk has not
    observed the group over those days (observed_from: a group set up this morning, nothing earlier recorded)."""
    n = int(rules_at(session, as_of, "dormant_days")[0])
    since = as_of - timedelta(days=n - 1)
    q = _dormant(group_id, as_of, since)
    return q if observed_from(session, group_id, since, as_of) else q.where(false())


def _dormant(group_id, as_of, since, *, small: bool = False):
    """dormant_query from its window's first day `since` (dates, or `day(...)` parameters); `small`: the
    form of participated for small groups."""
    return members_at_end(as_of, group_id).where(
        # a member since before the window — in the current spell, or in a closed one then (a return later does
        # not make an earlier month's dormant member a newcomer)
        or_(Membership.joined_at.is_(None), Membership.joined_at < day_start(since), in_closed_spell(since)),
        ~participated(since, as_of, facts_of_group=group_id if small else None),
        # no leave day in the window (on_leave_in), asked of each member on the (membership, start) index: a NOT IN
        # read all the workspace's leaves (1.2 → 0.9 ms of a WeChat group's month stats, 20 → 18 ms the largest's)
        ~select(Leave.id)
        .where(Leave.membership_id == Membership.id, Leave.start_day <= as_of, Leave.end_day >= since)
        .exists(),
    )


def on_leave_at(as_of):
    """The memberships a leave (请假) covers on `as_of` (a date, or `day(...)`): no dormant member and no silent
    newcomer (PRODUCT §2: a member on leave is not dormant)."""
    return select(Leave.membership_id).where(Leave.start_day <= as_of, Leave.end_day >= as_of)


def on_leave_in(since, as_of):
    """The memberships a leave (请假) covers on any day of [`since`, `as_of`] (dates, or `day(...)`): none of them is
    dormant, nor a silent newcomer, over that window. A member back on 1 December from a leave of all November was
    "dormant, 30 days without taking part" on the 2nd — for days the group had let them off; a leave is word from
    them (they said they would be away), so the window's silence is not theirs. Once a whole window passes without
    a leave day or any participation, they are dormant again."""
    return select(Leave.membership_id).where(Leave.start_day <= as_of, Leave.end_day >= since)


def dormant_count(session: Session, group_id: int, as_of: date) -> int:
    return _count(session, dormant_query(session, group_id, as_of))
