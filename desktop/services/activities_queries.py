"""Read-only queries for the Activities page: a month's activities with their sign-up counts, one activity
as an ActivityInput (for the edit dialog), the attendance sheet, the group's members for the pickers and
the recent contributions and violations. Plain frozen dataclasses out; no writes here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound
from desktop.services.checkins_queries import on_leave_condition
from desktop.services.participation import ActivityInput
from models import Activity, Attendance, Contribution, Member, Membership, Violation
from models.base import MEMBERSHIP_STATUSES
from models.queries.participation import DELETED_MEMBERSHIPS, member_at_end_condition
from models.queries.roster import recent_former_names


@dataclass(frozen=True)
class ActivityRow:
    id: int
    title: str
    kind: str
    series: str | None
    edition: int | None
    starts_at: datetime
    ends_at: datetime | None
    online: bool
    place: str | None
    capacity: int | None
    hosts: str | None
    registered: int  # everyone on the sign-up list (any status), deleted people left out (in no figure)
    attended: int


def list_activities(
    session: Session, group_id: int, start: date | None = None, end: date | None = None
) -> list[ActivityRow]:
    """The group's activities starting in [start, end] (inclusive days; open ends when None), newest first.

    The sign-up counts are read per listed activity from its rows of the attendance index: counted for the
    whole workspace and then joined, every list read all attendance (38 ms for any group at 190,000 rows).
    A deleted person's places are in no count (docs/metrics.md; the workbook's 活动 sheet and the attendance rate
    leave them out): the page said 2 attended where the workbook said 1. Subtracted, as month_stats does."""
    on_list = Attendance.activity_id == Activity.id
    gone = Attendance.membership_id.in_(DELETED_MEMBERSHIPS)

    def places(*where):
        every = select(func.count()).where(on_list, *where).correlate(Activity).scalar_subquery()
        deleted = select(func.count()).where(on_list, gone, *where).correlate(Activity).scalar_subquery()
        return every - deleted

    registered = places()
    attended = places(Attendance.status == "attended")
    q = (
        select(
            Activity.id,
            Activity.title,
            Activity.kind,
            Activity.series,
            Activity.edition,
            Activity.starts_at,
            Activity.ends_at,
            Activity.online,
            Activity.place,
            Activity.capacity,
            Activity.hosts,
            registered,
            attended,
        )
        .where(Activity.group_id == group_id)
        .order_by(Activity.starts_at.desc(), Activity.id.desc())
    )
    if start is not None:
        q = q.where(Activity.starts_at >= datetime.combine(start, time.min))
    if end is not None:
        q = q.where(Activity.starts_at < datetime.combine(end + timedelta(days=1), time.min))
    return [
        ActivityRow(*r[:7], bool(r[7]), r[8], r[9], r[10], int(r[11] or 0), int(r[12] or 0))
        for r in session.execute(q).all()
    ]


def get_activity(session: Session, activity_id: int) -> tuple[int, ActivityInput]:
    """(group id, the activity's fields as an ActivityInput) for the edit dialog."""
    act = session.get(Activity, activity_id)
    if act is None:
        raise NotFound(f"activity {activity_id}")
    data = ActivityInput(**{k: getattr(act, k) for k in ActivityInput.__dataclass_fields__})
    return act.group_id, data


def series_names(session: Session, group_id: int) -> list[str]:
    """The series (系列) the group has used, most recent first."""
    rows = session.execute(
        select(Activity.series, func.max(Activity.starts_at).label("last"))
        .where(Activity.group_id == group_id, Activity.series.is_not(None), Activity.series != "")
        .group_by(Activity.series)
        .order_by(func.max(Activity.starts_at).desc())
    ).all()
    return [r[0] for r in rows]


@dataclass(frozen=True)
class MemberChoice:
    """A member as the pickers offer them (search by name, nickname, WeChat ID, pinyin or initials)."""

    membership_id: int
    display_name: str
    nickname: str | None
    group_nickname: str | None
    wechat_id: str | None
    pinyin: str
    initials: str
    pinyin_alt: str = ""  # the name as people read it, where that differs (曾 zeng: models/search_keys.py)
    initials_alt: str = ""
    status: str = "active"  # the membership's status (violation_choices offers more than members)
    # the names carried until a rename of the last 30 days (models/queries/roster.py recent_former_names): the pickers
    # find them by these too, as the roster search does, and say "formerly …"
    former_names: tuple[str, ...] = ()


def member_choices(session: Session, group_id: int) -> list[MemberChoice]:
    """The group's members (已入群), by pinyin."""
    return _choices(session, group_id, ("active",))


def violation_choices(session: Session, group_id: int) -> list[MemberChoice]:
    """Whom a violation may be recorded for: the group's members first, then the people still joining (申请中,
    入群中 — in the chat already: the newcomer posting ads is the commonest case, and the repeat-violator alert
    counts them), then those who left, were removed or blacklisted (the ad they were removed for, recorded after
    the removal — add_violation takes a day they were in the group). Each by pinyin. Only members were offered:
    the newcomer's ad could not be recorded at all."""
    rank = {"active": 0, "onboarding": 1, "applicant": 1}
    rows = _choices(session, group_id, MEMBERSHIP_STATUSES)
    return sorted(rows, key=lambda c: rank.get(c.status, 2))  # stable: by pinyin within each


def _choices(session: Session, group_id: int, statuses: tuple[str, ...]) -> list[MemberChoice]:
    rows = session.execute(
        select(
            Membership.id,
            Member.display_name,
            Member.nickname,
            Membership.group_nickname,
            Member.wechat_id,
            Member.pinyin,
            Member.initials,
            Member.pinyin_alt,
            Member.initials_alt,
            Membership.status,
            Member.id,
        )
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.group_id == group_id, Membership.status.in_(statuses), Member.deleted_at.is_(None))
        .order_by(Member.pinyin, Member.display_name, Membership.id)
    ).all()
    former = recent_former_names(session)
    return [MemberChoice(*r[:5], *(x or "" for x in r[5:9]), r[9], former.get(r[10], ())) for r in rows]


@dataclass(frozen=True)
class AttendanceLine:
    membership_id: int
    display_name: str
    nickname: str | None
    status: str | None  # None: not on the list
    role: str | None


def attendance_sheet(session: Session, group_id: int, activity_id: int) -> list[AttendanceLine]:
    """The group's members with their status for the activity, plus those who were members on the activity's day
    and are no longer (someone who came and has left since must still be ticked: they were missing), plus anyone
    on the list who is no longer a member: those on the list first, then the others, each by pinyin. A deleted
    person is not listed (their places stay recorded and come back with a restore), as they are in no count of the
    activity (list_activities, the workbook, the attendance rate)."""
    starts_at = session.scalar(select(Activity.starts_at).where(Activity.id == activity_id))
    if starts_at is None:
        raise NotFound(f"activity {activity_id}")
    day = starts_at.date()
    att = (
        select(Attendance.membership_id, Attendance.status, Attendance.role)
        .where(Attendance.activity_id == activity_id)
        .subquery()
    )
    rows = session.execute(
        select(Membership.id, Member.display_name, Member.nickname, att.c.status, att.c.role)
        .join(Member, Member.id == Membership.member_id)
        .outerjoin(att, att.c.membership_id == Membership.id)
        .where(
            Membership.group_id == group_id,
            Member.deleted_at.is_(None),
            or_(
                and_(Membership.status == "active", Member.deleted_at.is_(None)),
                # a member at some moment of the day: at its end, or at the end of the day before (left that day)
                member_at_end_condition(day),
                member_at_end_condition(day - timedelta(days=1)),
                att.c.status.is_not(None),
            ),
        )
        .order_by(att.c.status.is_(None), Member.pinyin, Member.display_name, Membership.id)
    ).all()
    return [AttendanceLine(*r) for r in rows]


@dataclass(frozen=True)
class ContributionRow:
    id: int
    membership_id: int
    display_name: str
    day: date
    kind: str
    title: str | None
    link: str | None


def recent_contributions(session: Session, group_id: int, limit: int = 200) -> list[ContributionRow]:
    rows = session.execute(
        select(
            Contribution.id,
            Contribution.membership_id,
            Member.display_name,
            Contribution.day,
            Contribution.kind,
            Contribution.title,
            Contribution.link,
        )
        .join(Membership, Membership.id == Contribution.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(Contribution.group_id == group_id)
        .order_by(Contribution.day.desc(), Contribution.id.desc())
        .limit(limit)
    ).all()
    return [ContributionRow(*r) for r in rows]


@dataclass(frozen=True)
class ViolationRow:
    id: int
    membership_id: int
    display_name: str
    day: date
    kind: str
    action: str
    note: str | None


def recent_violations(session: Session, group_id: int, limit: int = 200) -> list[ViolationRow]:
    rows = session.execute(
        select(
            Violation.id,
            Violation.membership_id,
            Member.display_name,
            Violation.day,
            Violation.kind,
            Violation.action,
            Violation.note,
        )
        .join(Membership, Membership.id == Violation.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(Violation.group_id == group_id)
        .order_by(Violation.day.desc(), Violation.id.desc())
        .limit(limit)
    ).all()
    return [ViolationRow(*r) for r in rows]


def violations_within(session: Session, membership_id: int, day: date, window_days: int) -> int:
    """Violations of the membership in the `window_days` days ending `day` (the window add_violation flags on)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Violation)
            .where(
                Violation.membership_id == membership_id,
                Violation.day > day - timedelta(days=window_days),
                Violation.day <= day,
            )
        )
        or 0
    )


def on_leave_on(session: Session, group_id: int, day: date) -> set[int]:
    """The group's memberships a leave (请假) covers on `day`: a sign-up of theirs is recorded as excused
    (participation.set_attendance), which the sign-up paste says before it is applied."""
    return set(session.scalars(select(Membership.id).where(Membership.group_id == group_id, on_leave_condition(day))))
