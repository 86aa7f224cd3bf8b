"""Queries that define "participation" (check-in, attended activity, contribution, chat message) and membership
over time. Every metric that says "active" or "dormant" builds on these (docs/metrics.md)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Date, DateTime, Select, and_, bindparam, func, or_, select, union
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import BindParameter

from models import Activity, Attendance, ChatActivity, CheckIn, Contribution, Member, Membership, MembershipSpell

MEMBER_STATUSES_HISTORIC = ("active", "left", "removed", "blacklisted")


def day_start(d: date | BindParameter) -> datetime | BindParameter:
    """The first moment of day d. A day given as a bound parameter (a statement built once, see
    `day_params`) gives the parameter `<name>__start`."""
    if isinstance(d, BindParameter):
        return bindparam(f"{d.key}__start", type_=DateTime())
    return datetime.combine(d, time.min)


def day_after(d: date | BindParameter) -> datetime | BindParameter:
    """The first moment after day d (a bound parameter: `<name>__after`)."""
    if isinstance(d, BindParameter):
        return bindparam(f"{d.key}__after", type_=DateTime())
    return datetime.combine(d + timedelta(days=1), time.min)


def day(name: str) -> BindParameter:
    """A day as a bound parameter, for a statement built once and run with `day_params`: the helpers here
    (participated, member_at_end_condition, members_at_end) take it where they take a date."""
    return bindparam(name, type_=Date())


def day_params(**days: date) -> dict[str, date | datetime]:
    """The values of `day(name)` parameters and of the moments derived from them (day_start, day_after)."""
    out: dict[str, date | datetime] = {}
    for name, d in days.items():
        out[name] = d
        out[f"{name}__start"] = day_start(d)
        out[f"{name}__after"] = day_after(d)
    return out


def attendance_counted(today: date | BindParameter):
    """A condition on Attendance joined to its Activity: the places an attendance rate counts (docs/metrics.md
    `attendance_rate`). Excused places never count; a sign-up (registered) counts as not attended only once its
    activity's day has passed — tonight's meetup, its 23 sign-ups not ticked yet, made the month's rate 0% on the
    Dashboard that morning, as if nobody had come."""
    return and_(
        Attendance.status != "excused",
        or_(Attendance.status != "registered", Activity.starts_at < day_start(today)),
    )


def participated(start: date, end: date, *, facts_of_group=None):
    """A condition on Membership: it participated between start and end (inclusive) — a check-in, an attended
    activity, a contribution or a chat message (a member who spoke is active) of that membership on a day of
    the window. Read from the kept last day of participation (models/kept.py) where that decides it: a last day
    inside the window is a fact in it, a last day before the window (or none) means no fact in it. Only a
    membership whose last day is after `end` (a window in the past, or a fact dated later) is looked up in the
    fact tables. For the windows that end today — the dashboard, the sidebar, dormant and zombie checks — that
    is nobody, so no fact table is read.

    `facts_of_group`: look the memberships up in the group's facts of the window, collected once, instead of
    one seek per membership — faster for small groups (a 487-member group's month: 1.1 ms against 2.3 ms),
    slower for big ones (5,633 members: 26 ms against 14 ms); see SMALL_GROUP."""
    known = Membership.last_active.is_not(None)  # never NULL itself, so NOT participated(...) keeps the idle
    has_fact = (
        _has_fact(start, end)
        if facts_of_group is None
        else Membership.id.in_(_facts_of_group(start, end, facts_of_group))
    )
    return or_(
        and_(known, Membership.last_active >= start, Membership.last_active <= end),
        and_(known, Membership.last_active > end, has_fact),
    )


SMALL_GROUP = 800  # memberships: up to this many, participated(facts_of_group=…) is the faster form


def _facts_of_group(start: date, end: date, group_id):
    """The memberships of a group with a fact between start and end (one set, collected once)."""
    return union(*_fact_selects(start, end, lambda t: (Activity if t is Attendance else t).group_id == group_id))


def _has_fact(start: date, end: date):
    """Correlated with the enclosing Membership: it has a fact between start and end — one index seek per fact
    table (each is indexed by membership), instead of collecting every fact of the window (a past month of a
    9,400-member group: 94,000 check-ins) to look the memberships up in."""
    # No group condition: a membership's facts are in its own group (each writer takes the group from the
    # membership), and with one SQLite would walk the group's (group, day) index of the whole window for every
    # membership instead of seeking the membership's own rows — 6 s for one month's stats at 100,000 members.
    return or_(*(q.exists() for q in _fact_selects(start, end, lambda t: t.membership_id == Membership.id)))


def _fact_selects(start: date, end: date, whose, *, latest: bool = False, earliest: bool = False):
    """The four kinds of fact between start and end — check-ins, contributions, attended activities (by the
    activity's start) and chat days — as selects of membership_id; `whose(table)` picks the rows (one
    membership's, or one group's). `latest` / `earliest`: each select gives instead the latest / earliest moment
    of its facts (a day; an attended activity's start)."""

    def of(table, moment):
        if latest or earliest:
            return select((func.max if latest else func.min)(moment))
        return select(table.membership_id)

    return (
        of(CheckIn, CheckIn.day).where(whose(CheckIn), CheckIn.day >= start, CheckIn.day <= end),
        of(Contribution, Contribution.day).where(
            whose(Contribution), Contribution.day >= start, Contribution.day <= end
        ),
        of(Attendance, Activity.starts_at)
        .select_from(Attendance)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(
            whose(Attendance),
            Attendance.status == "attended",
            Activity.starts_at >= day_start(start),
            Activity.starts_at < day_after(end),
        ),
        of(ChatActivity, ChatActivity.day).where(
            whose(ChatActivity), ChatActivity.day >= start, ChatActivity.day <= end
        ),
    )


def last_participation(session: Session, group_id: int, since: date, as_of: date) -> date | None:
    """The latest day from `since` to `as_of` (inclusive) on which anyone of the group (a person not deleted)
    participated — the same four kinds of fact as `participated`: a check-in, an attended activity, a
    contribution or a chat message. Read from the kept last day of participation where that decides it; only
    the memberships whose last day is after `as_of` (a day in the past) are looked up in the fact tables."""
    conn = session.connection()
    group = and_(Membership.group_id == group_id, of_live_person())
    days: list[date] = []
    kept = conn.execute(
        select(func.max(Membership.last_active)).where(
            group, Membership.last_active >= since, Membership.last_active <= as_of
        )
    ).scalar()
    if kept is not None:
        days.append(as_day(kept))
    later = select(Membership.id).where(group, Membership.last_active > as_of)
    if conn.execute(later.limit(1)).first() is not None:
        for q in _fact_selects(since, as_of, lambda t: t.membership_id.in_(later), latest=True):
            moment = conn.execute(q).scalar()
            if moment is not None:
                days.append(as_day(moment))
    return max(days) if days else None


def first_participation(session: Session, membership_id: int) -> date | None:
    """The first day the membership participated in its current spell — a check-in, an attended activity, a
    contribution or a chat message after the last earlier spell it left (docs/architecture.md "Membership
    spells"); None when there is none. A join date after it would leave the member's own facts before they
    joined (a roster re-imported with 入群日期 later than their first check-ins counted them in a month they were
    not a member of yet): the writers of join dates refuse such a date, naming this day."""
    ended = session.scalar(
        select(func.max(MembershipSpell.left_at)).where(MembershipSpell.membership_id == membership_id)
    )
    start = as_day(ended) + timedelta(days=1) if ended is not None else date(1900, 1, 1)
    days = [
        as_day(moment)
        for q in _fact_selects(start, date(9000, 12, 31), lambda t: t.membership_id == membership_id, earliest=True)
        if (moment := session.scalar(q)) is not None
    ]
    return min(days) if days else None


def as_day(value) -> date:
    """A day from a query result: a date, a datetime (an activity's start) or SQLite's text of either."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if " " in value or "T" in value else date.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


DELETED_PEOPLE = select(Member.id).where(Member.deleted_at.is_not(None))  # through ix_member_deleted (partial)
_deleted_ms = aliased(Membership, name="deleted_ms")
# the memberships of the few soft-deleted people: their ids from the partial index ix_member_deleted and the
# (member, group) index, collected once per statement. Asked of a membership by its id, which every index of the
# membership table holds on SQLite: the members of a group are still counted from ix_membership_group_roster
# alone (a join to the person would read every member's row).
DELETED_MEMBERSHIPS = select(_deleted_ms.id).where(_deleted_ms.member_id.in_(DELETED_PEOPLE))


def of_live_person():
    """A condition on Membership: its person is not soft-deleted (Member.deleted_at). A deleted person is no
    member, no applicant and no one's figure (docs/metrics.md)."""
    return Membership.id.not_in(DELETED_MEMBERSHIPS)


def member_at_end_condition(end: date):
    """A membership counts as a member (已入群) at the end of `end`: its current spell (the membership's own
    joined_at and left_at) or one of its earlier, closed spells (membership_spell: a member who left and came
    back) had begun by then and had not ended yet, and its person is not deleted. Memberships imported without
    a join date count from the beginning."""
    return and_(
        of_live_person(),
        or_(
            and_(
                Membership.status.in_(MEMBER_STATUSES_HISTORIC),
                or_(Membership.joined_at.is_(None), Membership.joined_at < day_after(end)),
                or_(Membership.left_at.is_(None), Membership.left_at >= day_after(end)),
                # a membership whose status says it left but has no date is not a member any more
                or_(Membership.status == "active", Membership.left_at.is_not(None)),
            ),
            in_closed_spell(end),
        ),
    )


def in_closed_spell(end: date):
    """A condition on Membership: one of its closed spells (membership_spell) covers the end of `end` — asked
    only of the memberships the current spell does not make members (the OR above), one seek each in
    ix_membership_spell_membership (the few who left or are still joining; nothing to read when nobody ever
    came back)."""
    return (
        select(MembershipSpell.id)
        .where(
            MembershipSpell.membership_id == Membership.id,
            or_(MembershipSpell.joined_at.is_(None), MembershipSpell.joined_at < day_after(end)),
            MembershipSpell.left_at >= day_after(end),
        )
        .exists()
    )


def members_at_end(end: date, group_id: int | None = None) -> Select:
    q = select(Membership.id).where(member_at_end_condition(end))
    if group_id is not None:
        q = q.where(Membership.group_id == group_id)
    return q
