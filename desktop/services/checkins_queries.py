"""Read-only queries for the Check-ins page: who has not checked in on a day, who is on leave, a group's
check-ins per day and one member's check-in and leave days (for the calendar heat-map). No writes here."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from models import CheckIn, Group, Leave, Member, Membership
from models.queries.participation import DELETED_MEMBERSHIPS, member_at_end_condition


@dataclass(frozen=True)
class MemberBrief:
    """One active member of a group, as lists and pickers show it."""

    membership_id: int
    display_name: str
    nickname: str | None = None
    group_nickname: str | None = None
    wechat_id: str | None = None


def _people(group_id: int):
    """The group's memberships with the names lists show (soft-deleted people left out)."""
    return (
        select(
            Membership.id,
            Member.display_name,
            Member.nickname,
            Membership.group_nickname,
            Member.wechat_id,
        )
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.group_id == group_id, Member.deleted_at.is_(None))
    )


def _active_members(group_id: int):
    return _people(group_id).where(Membership.status == "active")


# in the group chat now: a member, or a newcomer part-way through the entry steps (applicants are not in it yet;
# people who left, were removed or blacklisted are no longer)
IN_GROUP_NOW = ("active", "onboarding")


def _members_on(group_id: int, day: date, *, in_group_now: bool = False):
    """The members of the group on `day` — joined by the end of that day and not left before it ended, whatever
    their status now (member_at_end_condition, docs/metrics.md): the people expected to check in that day (with
    those on leave). For an earlier day, someone who has left since was still expected then. `in_group_now`: of
    those, only the people still in the group chat (IN_GROUP_NOW) — what a text pasted into the group today may
    name (texts.reminder_text): a reminder for last Tuesday @-named someone who had left the group since."""
    q = _people(group_id).where(member_at_end_condition(day))
    return q.where(Membership.status.in_(IN_GROUP_NOW)) if in_group_now else q


def expected_count(session: Session, group_id: int, day: date, *, in_group_now: bool = False) -> int:
    """How many members are expected to check in on `day`: joined by then and not on leave (`in_group_now`: of
    those still in the group, _members_on)."""
    q = _members_on(group_id, day, in_group_now=in_group_now).where(~on_leave_condition(day))
    return int(session.scalar(select(func.count()).select_from(q.subquery())) or 0)


def on_leave_condition(day: date):
    """A condition on Membership: a leave (请假) of theirs covers `day`."""
    return exists().where(Leave.membership_id == Membership.id, Leave.start_day <= day, Leave.end_day >= day)


def not_checked_in(session: Session, group_id: int, day: date, *, in_group_now: bool = False) -> list[MemberBrief]:
    """Members of the group on `day` (`_members_on`) without a check-in that day who are not on leave that day,
    by pinyin; `in_group_now`: those still in the group (the paste-ready reminder, desktop/services/texts.py)."""
    checked = exists().where(CheckIn.membership_id == Membership.id, CheckIn.day == day)
    stmt = (
        _members_on(group_id, day, in_group_now=in_group_now)
        .where(~checked, ~on_leave_condition(day))
        .order_by(Member.pinyin.asc().nulls_last(), Membership.id)
    )
    return [MemberBrief(*row) for row in session.execute(stmt)]


def on_leave(session: Session, group_id: int, day: date) -> list[MemberBrief]:
    """Active members of the group on leave on `day`, by pinyin."""
    stmt = (
        _active_members(group_id)
        .where(on_leave_condition(day))
        .order_by(Member.pinyin.asc().nulls_last(), Membership.id)
    )
    return [MemberBrief(*row) for row in session.execute(stmt)]


def group_members(session: Session, group_id: int) -> list[MemberBrief]:
    """Every active member of the group, by pinyin (for the leave dialog and pickers)."""
    stmt = _active_members(group_id).order_by(Member.pinyin.asc().nulls_last(), Membership.id)
    return [MemberBrief(*row) for row in session.execute(stmt)]


def daily_counts(session: Session, group_id: int, start: date, end: date) -> dict[date, int]:
    """Check-ins of the group per day from `start` to `end` (both included); days without any are left out. A deleted
    person's are in no count (docs/metrics.md): the heatmap's day is the dashboard's bar and the workbook's 每日合计.
    Answered from the (group_id, day, membership_id) covering index."""
    rows = session.execute(
        select(CheckIn.day, func.count())
        .where(
            CheckIn.group_id == group_id,
            CheckIn.day >= start,
            CheckIn.day <= end,
            CheckIn.membership_id.not_in(DELETED_MEMBERSHIPS),
        )
        .group_by(CheckIn.day)
    )
    return {day: int(n) for day, n in rows}


@dataclass(frozen=True)
class MemberCalendar:
    """One member's days between two dates: when they checked in (late ones also in `late`) and on leave."""

    checkin_days: frozenset[date]
    late_days: frozenset[date]
    leave_days: frozenset[date]


def member_calendar(session: Session, membership_id: int, start: date, end: date) -> MemberCalendar:
    days: set[date] = set()
    late: set[date] = set()
    for day, is_late in session.execute(
        select(CheckIn.day, CheckIn.late).where(
            CheckIn.membership_id == membership_id, CheckIn.day >= start, CheckIn.day <= end
        )
    ):
        days.add(day)
        if is_late:
            late.add(day)
    leave: set[date] = set()
    for s, e in session.execute(
        select(Leave.start_day, Leave.end_day).where(
            and_(Leave.membership_id == membership_id, Leave.start_day <= end, Leave.end_day >= start)
        )
    ):
        d = max(s, start)
        while d <= min(e, end):
            leave.add(d)
            d += timedelta(days=1)
    return MemberCalendar(frozenset(days), frozenset(late), frozenset(leave))


def group_name(session: Session, group_id: int) -> str | None:
    return session.scalar(select(Group.name).where(Group.id == group_id))


def membership_names(session: Session, membership_ids: Collection[int]) -> dict[int, str]:
    """The display names of these memberships' people (those still there)."""
    if not membership_ids:
        return {}
    return dict(
        session.execute(
            select(Membership.id, Member.display_name)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.id.in_(sorted(set(membership_ids))))
        ).all()
    )
