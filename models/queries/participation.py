"""Queries that define "participation" (check-in, attended activity, contribution, chat message) and membership
over time. Every metric that says "active" or "dormant" builds on these (docs/metrics.md)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Date, DateTime, Select, and_, bindparam, or_, select, union
from sqlalchemy.sql.elements import BindParameter

from models import Activity, Attendance, ChatActivity, CheckIn, Contribution, Membership

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


def _fact_selects(start: date, end: date, whose):
    """The four kinds of fact between start and end — check-ins, contributions, attended activities (by the
    activity's start) and chat days — as selects of membership_id; `whose(table)` picks the rows (one
    membership's, or one group's)."""
    return (
        select(CheckIn.membership_id).where(whose(CheckIn), CheckIn.day >= start, CheckIn.day <= end),
        select(Contribution.membership_id).where(
            whose(Contribution), Contribution.day >= start, Contribution.day <= end
        ),
        select(Attendance.membership_id)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(
            whose(Attendance),
            Attendance.status == "attended",
            Activity.starts_at >= day_start(start),
            Activity.starts_at < day_after(end),
        ),
        select(ChatActivity.membership_id).where(
            whose(ChatActivity), ChatActivity.day >= start, ChatActivity.day <= end
        ),
    )


def member_at_end_condition(end: date):
    """A membership counts as a member (已入群) at the end of `end`: it had joined by then and had not
    left yet. Memberships imported without a join date count from the beginning."""
    return and_(
        Membership.status.in_(MEMBER_STATUSES_HISTORIC),
        or_(Membership.joined_at.is_(None), Membership.joined_at < day_after(end)),
        or_(Membership.left_at.is_(None), Membership.left_at >= day_after(end)),
        # a membership whose status says it left but has no date is not a member any more
        or_(Membership.status == "active", Membership.left_at.is_not(None)),
    )


def members_at_end(end: date, group_id: int | None = None) -> Select:
    q = select(Membership.id).where(member_at_end_condition(end))
    if group_id is not None:
        q = q.where(Membership.group_id == group_id)
    return q
