"""Activities (活动) with attendance, contributions (贡献) and violations (违规), each with its points
written in the same transaction; removing or changing a fact writes reversing ledger entries.

Points: attended online activity → `activity_online`, offline → `activity_offline`; a host or speaker who
attended also gets `speaker`; a contribution of kind share → `share`; a violation → `violation` (negative)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError, gone
from desktop.phrases import PHRASES
from desktop.services.audit import record_audit
from desktop.services.checkins_queries import on_leave_condition
from desktop.services.operators import Actor, require
from desktop.services.points import award, keeping_agreement, reverse_source
from desktop.settings import rules_at
from models import Activity, Attendance, Contribution, Member, Membership, Operator, Violation, bulk, clock, utcnow
from models.base import (
    ACTIVITY_KINDS,
    ATTENDANCE_ROLES,
    ATTENDANCE_STATUSES,
    CONTRIBUTION_KINDS,
    ENDED_STATUSES,
    VIOLATION_ACTIONS,
    VIOLATION_KINDS,
)


@dataclass
class ActivityInput:
    title: str
    kind: str = "other"
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    series: str | None = None
    edition: int | None = None
    online: bool = True
    place: str | None = None
    capacity: int | None = None
    hosts: str | None = None


def _validate_activity(data: ActivityInput) -> None:
    if not data.title or not data.title.strip():
        raise ValidationError("title", "活动标题不能为空 (title is required)")
    if data.kind not in ACTIVITY_KINDS:
        raise ValidationError("kind", f"未知活动类型 {data.kind!r} (unknown kind)")
    if data.starts_at is None:
        raise ValidationError("starts_at", "请填写开始时间 (start time is required)")
    if data.ends_at is not None and data.ends_at < data.starts_at:
        raise ValidationError("ends_at", "结束时间早于开始时间 (ends before it starts)")
    if data.edition is not None and data.edition < 1:
        raise ValidationError("edition", "期数从 1 开始 (edition starts at 1)")
    if data.capacity is not None and data.capacity < 1:
        raise ValidationError("capacity", "容量必须大于 0 (capacity must be positive)")


def next_edition(session: Session, group_id: int, series: str) -> int:
    """第N期: the edition that follows the series' latest one in this group."""
    last = session.scalar(
        select(func.max(Activity.edition)).where(Activity.group_id == group_id, Activity.series == series)
    )
    return (last or 0) + 1


def _refuse_reused_edition(
    session: Session, group_id: int, data: ActivityInput, activity_id: int | None = None
) -> None:
    """An edition (第N期) names one activity of its series: a second 第4期 (typed over the pre-filled 第5期, or an
    edit that changed the number) made two activities one name — in the list, the workbook's 活动 sheet and every
    chain titled 第4期 — and nothing said so. Refused with the day of the one that has it and the next free number;
    two sessions of one edition are told apart by their titles, without an edition or as editions of their own."""
    if not data.series or data.edition is None:
        return
    twin = session.execute(
        select(Activity.starts_at, Activity.title).where(
            Activity.group_id == group_id,
            Activity.series == data.series,
            Activity.edition == data.edition,
            *([Activity.id != activity_id] if activity_id is not None else []),
        )
    ).first()
    if twin is None:
        return
    day, free = twin[0].date(), next_edition(session, group_id, data.series)
    raise ValidationError(
        "edition",
        f"「{data.series}」第{data.edition}期已有: {day} 的「{twin[1]}」; 下一期是第{free}期 "
        f"(edition {data.edition} of {data.series} exists already: {twin[1]} on {day}; the next one is {free})",
    )


def create_activity(session: Session, actor: Actor, group_id: int, data: ActivityInput) -> int:
    require(actor, "record_participation")
    _validate_activity(data)
    if data.series and data.edition is None:
        data.edition = next_edition(session, group_id, data.series)
    _refuse_reused_edition(session, group_id, data)
    act = Activity(
        group_id=group_id, created_by=actor.id, **{k: getattr(data, k) for k in ActivityInput.__dataclass_fields__}
    )
    act.title = data.title.strip()
    session.add(act)
    session.flush()
    record_audit(session, actor.id, "activity.create", "activity", act.id, after=data.__dict__)
    return act.id


def update_activity(session: Session, actor: Actor, activity_id: int, data: ActivityInput) -> None:
    require(actor, "record_participation")
    _validate_activity(data)
    act = session.get(Activity, activity_id)
    if act is None:
        raise gone("这个活动", "activity")
    _refuse_reused_edition(session, act.group_id, data, activity_id)
    before = {k: getattr(act, k) for k in ActivityInput.__dataclass_fields__}
    if data.starts_at.date() > clock.today() and session.scalar(
        select(Attendance.id)
        .where(Attendance.activity_id == activity_id, Attendance.status.in_(("attended", "absent")))
        .limit(1)
    ):
        raise ValidationError(
            "starts_at",
            f"已经记录了出勤, 活动不能改到还没到的 {data.starts_at.date()} "
            f"(attendance is recorded: the activity cannot move to {data.starts_at.date()}, a day that has not come; "
            "set the places back to registered first)",
        )
    if before["starts_at"].date() != data.starts_at.date():
        _refuse_places_after_leaving(session, activity_id, data.starts_at.date())
    moved = before["starts_at"].date() != data.starts_at.date() or bool(before["online"]) != bool(data.online)
    places = (
        session.execute(
            select(Attendance.id, Attendance.membership_id, Attendance.role).where(
                Attendance.activity_id == activity_id, Attendance.status == "attended"
            )
        ).all()
        if moved
        else []
    )
    # read before the change: after a recompute a place is worth the current rules, not its face value (points.py)
    with keeping_agreement(session, act.group_id, [p.membership_id for p in places], actor.id, data.starts_at.date()):
        for k in ActivityInput.__dataclass_fields__:
            setattr(act, k, getattr(data, k))
        act.title = data.title.strip()
        record_audit(session, actor.id, "activity.update", "activity", activity_id, before=before, after=data.__dict__)
        if before["starts_at"].date() != data.starts_at.date():
            session.flush()
            _places_follow_leaves(session, actor.id, activity_id, data.starts_at.date())
        if moved:
            # the attended people's points follow the activity: dated its (new) day, priced online or offline —
            # they had stayed on the old day (in the old month's figures) at the old price
            session.flush()
            for att_id, membership_id, role in places:
                reverse_source(session, "attendance", att_id, actor.id, "活动时间或形式变更")
                _award_attendance(session, act, membership_id, att_id, role, actor.id)


def _places_follow_leaves(session: Session, operator_id: int | None, activity_id: int, day: date) -> None:
    """An activity moved to another day: its places read as they would had it been on that day when they were
    recorded (set_attendance's leave rule). 李四 signed up for the 21st while on leave the 20th to the 22nd (excused by
    the leave); the activity moved to the 25th, he stayed 请假 for a day he is not on leave — now he is signed up
    again (absent, for a day that has passed). 张三 marked absent on the 9th; moved to the 11th, a day of his leave, he
    stayed absent and his attendance rate paid for the leave — now excused. A place the organiser marked excused
    themselves stays; each change is audited."""
    places = session.execute(
        select(Attendance.id, Attendance.membership_id, Attendance.status, Attendance.leave_excused)
        .where(Attendance.activity_id == activity_id)
        .order_by(Attendance.id)
    ).all()
    for att_id, membership_id, status, by_leave in places:
        covered = (
            session.scalar(select(Membership.id).where(Membership.id == membership_id, on_leave_condition(day)))
            is not None
        )
        if covered and status in LEAVE_EXCUSES:
            _set_leave_mark(
                session,
                operator_id,
                membership_id,
                att_id,
                activity_id,
                excused=True,
                before={**_who(session, membership_id), "status": status},
                reason="请假 (leave)",
            )
        elif not covered and status == "excused" and by_leave:
            _set_leave_mark(
                session,
                operator_id,
                membership_id,
                att_id,
                activity_id,
                excused=False,
                before={**_who(session, membership_id), "status": "excused", "reason": "请假 (leave)"},
                reason="活动改期, 那天没有请假 (the activity moved to a day off the leave)",
                status="registered" if day > clock.today() else "absent",
            )


def _refuse_places_after_leaving(session: Session, activity_id: int, day: date) -> None:
    """An activity moved to a day after someone on its list left the group (赵六 attended on the 10th and left on the
    12th; the activity moved to the 14th): their place — attended with its points, a sign-up, absent — read as a place
    on a day they were no longer in the group, the record set_attendance refuses. Refused naming them and the day
    they went: take them off the list first (their place of the old day goes with it), or choose another day."""
    gone = session.execute(
        select(Member.display_name, Membership.left_at)
        .join(Membership, Membership.member_id == Member.id)
        .join(Attendance, Attendance.membership_id == Membership.id)
        .where(
            Attendance.activity_id == activity_id,
            Membership.status.in_(ENDED_STATUSES),
            Membership.left_at.is_not(None),
            Membership.left_at < datetime.combine(day, time.min),
        )
        .order_by(Membership.left_at, Member.display_name)
    ).all()
    if not gone:
        return
    names = "、".join(f"{name}({left_at.date()})" for name, left_at in gone)
    names_en = ", ".join(f"{name} ({left_at.date()})" for name, left_at in gone)
    raise ValidationError(
        "starts_at",
        f"名单上的 {names} 在 {day} 之前已离开本群: 请先把他们从名单上移除, 或选另一天 "
        f"(on the list, {names_en} left the group before {day}: take them off the list first, or choose another day)",
    )


def delete_activity(session: Session, actor: Actor, activity_id: int) -> int:
    """Delete an activity entered by mistake (or cancelled before anything was recorded): its attended people's
    points are reversed in the ledger (the ledger keeps both entries), its places go, and the audit row keeps the
    activity and every place as they were — nothing is lost from the record. Returns the points taken back."""
    require(actor, "record_participation")
    # the activity first: a place another assistant is recording commits before its places are read (its points
    # were left standing for an activity that no longer exists), and one started after finds the activity gone
    bulk.lock_rows(session.connection(), "activity", [activity_id])
    act = session.get(Activity, activity_id)
    if act is None:
        raise gone("这个活动", "activity")
    places = session.execute(
        select(Attendance.id, Attendance.membership_id, Attendance.status, Attendance.role).where(
            Attendance.activity_id == activity_id
        )
    ).all()
    before = {k: getattr(act, k) for k in ActivityInput.__dataclass_fields__}
    before["places"] = [{"membership_id": mid, "status": st, "role": role} for _id, mid, st, role in places]
    attended = [mid for _id, mid, status, _role in places if status == "attended"]
    group_id, day = act.group_id, act.starts_at.date()
    with keeping_agreement(session, group_id, attended, actor.id, day):  # points.py
        taken = sum(
            reverse_source(session, "attendance", att_id, actor.id, f"活动「{act.title}」已删除")
            for att_id, _mid, status, _role in places
            if status == "attended"
        )
        # the places first, each as itself: the kept last-activity days of their people follow the deletes
        session.execute(delete(Attendance).where(Attendance.activity_id == activity_id))
        session.delete(act)
        session.flush()
    record_audit(session, actor.id, "activity.delete", "activity", activity_id, before=before)
    return taken


def _who(session: Session, membership_id: int) -> dict:
    """Whom an attendance audit row is about: the membership and the person's name — the row's entity is the
    activity, and "membership_id: 3" alone did not say who was ticked, taken off or excused."""
    name = session.scalar(
        select(Member.display_name)
        .join(Membership, Membership.member_id == Member.id)
        .where(Membership.id == membership_id)
    )
    return {"membership_id": membership_id, "display_name": name}


def withdraw_sign_up(session: Session, actor: Actor, activity_id: int, membership_id: int) -> bool:
    """The member took their sign-up back (`2. 李四 不去了` in a later chain): a place that is only registered is
    removed; a place already marked attended, absent or excused is left as it is (a sign-up chain never takes back
    what was recorded). Returns whether a place was removed; audited."""
    require(actor, "record_participation")
    place = session.scalar(
        select(Attendance).where(Attendance.activity_id == activity_id, Attendance.membership_id == membership_id)
    )
    if place is None or place.status != "registered":
        return False
    session.delete(place)
    session.flush()
    record_audit(
        session,
        actor.id,
        "attendance.withdraw",
        "activity",
        activity_id,
        before={**_who(session, membership_id), "status": "registered"},
    )
    return True


def remove_place(session: Session, actor: Actor, activity_id: int, membership_id: int) -> str | None:
    """Take a member off an activity's list, whatever their place says: someone ticked or signed up by mistake (the
    wrong 李四 ticked attended, unticked later) stayed 已报名 for an activity they never signed up for — counted in the
    activity's and the month's attendance rate as a no-show, with no way to take the place back but a chain saying
    「不去了」. An attended place's points are reversed (dated the activity's day, keeping the ledger in agreement
    with the rules as delete_activity does). Returns the status the place had, None when there was none; audited
    with it, so the record says what was taken off."""
    require(actor, "record_participation")
    connection = session.connection()
    if not bulk.lock_rows(connection, "activity", [activity_id], mode="refer"):
        raise gone("这个活动", "activity")
    bulk.lock_rows(connection, "membership", [membership_id], mode="write")  # as set_attendance
    act = session.get(Activity, activity_id)
    if act is None:
        raise gone("这个活动", "activity")
    place = session.scalar(
        select(Attendance).where(Attendance.activity_id == activity_id, Attendance.membership_id == membership_id)
    )
    if place is None:
        return None
    status, role, att_id = place.status, place.role, place.id
    taken_back = [membership_id] if status == "attended" else []
    with keeping_agreement(session, act.group_id, taken_back, actor.id, act.starts_at.date()):  # points.py
        if status == "attended":
            reverse_source(session, "attendance", att_id, actor.id, PHRASES["ledger.place_removed"][0])
        session.execute(delete(Attendance).where(Attendance.id == att_id))
        session.flush()
    record_audit(
        session,
        actor.id,
        "attendance.remove",
        "activity",
        activity_id,
        before={**_who(session, membership_id), "status": status, "role": role},
    )
    return status


# the places a leave (请假) covering the activity's day excuses: absent, and a sign-up never marked (registered) — a
# member signed up for the 15th's talk, then on leave from the 10th to the 20th, stayed 已报名 and counted in the
# attendance rate as a no-show (registered + attended + absent); not attended, on leave, is excused
LEAVE_EXCUSES = ("absent", "registered")


def excuse_absences(session: Session, operator_id: int | None, membership_id: int, start: date, end: date) -> int:
    """A leave (请假) recorded for [start, end] after the list was marked: the member's places marked absent (or
    signed up and not marked: LEAVE_EXCUSES) on activities of those days become excused — the rule set_attendance applies when absent is marked on a leave day
    (docs/metrics.md `attendance_rate`). Recorded the other way round (the member wrote 请假 after the organiser had
    gone down the list), the absence stood and the attendance rate paid for the leave. Absent carries no points;
    each change is audited. Returns how many places changed."""
    places = session.execute(
        select(Attendance.id, Attendance.activity_id, Attendance.status)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(
            Attendance.membership_id == membership_id,
            Attendance.status.in_(LEAVE_EXCUSES),
            Activity.starts_at >= datetime.combine(start, time.min),
            Activity.starts_at < datetime.combine(end + timedelta(days=1), time.min),
        )
        .order_by(Attendance.id)
    ).all()
    for att_id, activity_id, status in places:
        _set_leave_mark(
            session,
            operator_id,
            membership_id,
            att_id,
            activity_id,
            excused=True,
            before={**_who(session, membership_id), "status": status},
            reason="请假 (leave)",
        )
    return len(places)


def _set_leave_mark(
    session: Session,
    operator_id: int | None,
    membership_id: int,
    att_id: int,
    activity_id: int,
    *,
    excused: bool,
    before: dict,
    reason: str,
    status: str = "absent",
) -> None:
    """A place excused by a leave (excused) or made absent again (`status`: registered for an activity still to
    come) when no leave covers it (not excused), audited."""
    status = "excused" if excused else status
    session.execute(
        update(Attendance)
        .where(Attendance.id == att_id)
        .values(status=status, leave_excused=excused, recorded_by=operator_id, updated_at=utcnow())
    )
    after = {**_who(session, membership_id), "status": status, "reason": reason}
    record_audit(session, operator_id, "attendance.set", "activity", activity_id, before=before, after=after)


def unexcuse_places(session: Session, operator_id: int | None, membership_id: int, start: date, end: date) -> int:
    """The other way round from excuse_absences: a leave over [start, end] removed, or cut short by a leaving (or
    its days otherwise taken back) — the member's places that a leave excused (`leave_excused`: marked absent on a
    leave day, or excused by a leave recorded later) on activities of those days that no leave covers any more are
    absent again, as they would read had the leave never been recorded. A place the organiser marked excused
    themselves (the member sent word) stays. Absent carries no points; each change is audited. Returns how many
    places changed."""
    day_start = Activity.starts_at >= datetime.combine(start, time.min)
    day_end = Activity.starts_at < datetime.combine(end + timedelta(days=1), time.min)
    places = session.execute(
        select(Attendance.id, Attendance.activity_id, Activity.starts_at)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(
            Attendance.membership_id == membership_id,
            Attendance.status == "excused",
            Attendance.leave_excused.is_(True),
            day_start,
            day_end,
        )
        .order_by(Attendance.id)
    ).all()
    changed = 0
    for att_id, activity_id, starts_at in places:
        covered = session.scalar(
            select(Membership.id).where(Membership.id == membership_id, on_leave_condition(starts_at.date()))
        )
        if covered is not None:
            continue  # another leave covers that day: still excused
        _set_leave_mark(
            session,
            operator_id,
            membership_id,
            att_id,
            activity_id,
            excused=False,
            before={**_who(session, membership_id), "status": "excused", "reason": "请假 (leave)"},
            reason="请假已取消 (leave taken back)",
            # an activity still to come: a place is a sign-up until its day (absent is known once it has come)
            status="registered" if starts_at.date() > clock.today() else "absent",
        )
        changed += 1
    return changed


def excused_on(session: Session, membership_id: int, start: date, end: date) -> int:
    """The member's places marked excused on activities starting in [start, end]."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Attendance)
            .join(Activity, Activity.id == Attendance.activity_id)
            .where(
                Attendance.membership_id == membership_id,
                Attendance.status == "excused",
                Activity.starts_at >= datetime.combine(start, time.min),
                Activity.starts_at < datetime.combine(end + timedelta(days=1), time.min),
            )
        )
        or 0
    )


def _refuse_before_it_happens(day: date, status: str) -> None:
    """Attended or absent is known once the activity's day has come: ticked for an activity next week, the points
    were dated next week and the member's last activity (roster, dormant count) a day that had not come yet."""
    if status in ("attended", "absent") and day > clock.today():
        raise ValidationError(
            "status",
            f"活动在 {day}，还没开始: 现在只能记为已报名或请假 "
            f"(the activity is on {day}: until then a place is registered or excused)",
        )


def _upsert(session: Session, table):
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def set_attendance(
    session: Session, actor: Actor, activity_id: int, membership_id: int, status: str, role: str = "attendee"
) -> str:
    """Register / mark attended / absent / excused; points follow the change (reversed when it is undone).
    Returns the status recorded: absent on a day the member is on leave (请假, PRODUCT §2: leave days count against
    nothing) is recorded as excused — going down the list marking who did not come, the organiser marks the one who
    asked for leave too, and their attendance rate must not pay for it. The caller shows the difference."""
    require(actor, "record_participation")
    if status not in ATTENDANCE_STATUSES:
        raise ValidationError("status", f"未知出勤状态 {status!r}")
    if role not in ATTENDANCE_ROLES:
        raise ValidationError("role", f"未知角色 {role!r}")
    # the activity stays while the place is written (a deletion under way is waited for), and the member's places
    # are written one writer at a time: two assistants ticking the same person attended both read "no place yet"
    # and both paid the activity's points
    connection = session.connection()
    if not bulk.lock_rows(connection, "activity", [activity_id], mode="refer"):
        raise gone("这个活动", "activity")
    bulk.lock_rows(connection, "membership", [membership_id], mode="write")
    act = session.get(Activity, activity_id)
    if act is None:
        raise gone("这个活动", "activity")
    ms = session.get(Membership, membership_id)
    if ms is None or ms.group_id != act.group_id:
        raise ValidationError("member", "成员不属于这个活动的社群 (member is not in the activity's group)")
    _refuse_before_it_happens(act.starts_at.date(), status)
    # a place (a sign-up, attended, absent, excused) on an activity of a day after they left, were removed or
    # blacklisted: refused by name, as a violation of such a day is — the window hides them from the list, a
    # paste of sign-ups or an older screen did not (a sign-up made before they left is withdrawn, not re-marked)
    _refuse_after_leaving(session, ms, act.starts_at.date(), "出勤或报名", "place in an activity")
    on_leave = on_leave_condition(act.starts_at.date())
    leave_excused = (
        status in LEAVE_EXCUSES
        and session.scalar(select(Membership.id).where(Membership.id == membership_id, on_leave)) is not None
    )
    if leave_excused:
        status = "excused"  # the leave's: absent again when no leave covers the day any more (unexcuse_places)
    old = session.scalar(
        select(Attendance).where(Attendance.activity_id == activity_id, Attendance.membership_id == membership_id)
    )
    before = (old.status, old.role) if old else None
    # a place marked attended is taken back: after a recompute it is worth the current rules, not its face value
    taken_back = [membership_id] if before and before[0] == "attended" and before != (status, role) else []
    with keeping_agreement(session, act.group_id, taken_back, actor.id, act.starts_at.date()):  # points.py
        stmt = _upsert(session, Attendance).values(
            activity_id=activity_id,
            membership_id=membership_id,
            status=status,
            role=role,
            recorded_by=actor.id,
            leave_excused=leave_excused,
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["activity_id", "membership_id"],
            set_={
                "status": status,
                "role": role,
                "recorded_by": actor.id,
                "updated_at": utcnow(),
                "leave_excused": leave_excused,
            },
        )
        session.execute(stmt)
        att_id = session.scalar(
            select(Attendance.id).where(
                Attendance.activity_id == activity_id, Attendance.membership_id == membership_id
            )
        )
        if before == (status, role):
            return status
        if before and before[0] == "attended":
            reverse_source(session, "attendance", att_id, actor.id, "出勤变更")
        if status == "attended":
            _award_attendance(session, act, membership_id, att_id, role, actor.id)
    record_audit(
        session,
        actor.id,
        "attendance.set",
        "activity",
        activity_id,
        before={**_who(session, membership_id), "status": before},
        after={**_who(session, membership_id), "status": status, "role": role},
    )
    return status


def _award_attendance(
    session: Session, act: Activity, membership_id: int, att_id: int, role: str, operator_id: int | None
) -> None:
    """The points of one attended place: the online or offline rule, and `speaker` for a host or speaker, dated
    the activity's day."""
    day = act.starts_at.date()
    award(
        session,
        membership_id=membership_id,
        group_id=act.group_id,
        day=day,
        code="activity_online" if act.online else "activity_offline",
        source_kind="attendance",
        source_id=att_id,
        reason=f"参加活动「{act.title}」",
        operator_id=operator_id,
    )
    if role in ("host", "speaker"):
        award(
            session,
            membership_id=membership_id,
            group_id=act.group_id,
            day=day,
            code="speaker",
            source_kind="attendance",
            source_id=att_id,
            reason=f"活动分享「{act.title}」",
            operator_id=operator_id,
        )


@dataclass(frozen=True)
class AttendanceRow:
    membership_id: int
    display_name: str
    status: str
    role: str


def attendance_of(session: Session, activity_id: int) -> list[AttendanceRow]:
    rows = session.execute(
        select(Attendance.membership_id, Member.display_name, Attendance.status, Attendance.role)
        .join(Membership, Membership.id == Attendance.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(Attendance.activity_id == activity_id)
        .order_by(Member.pinyin)
    ).all()
    return [AttendanceRow(*r) for r in rows]


def _same_text(column, text: str | None):
    """The column holds `text` (no text: empty or none)."""
    return column.is_(None) | (column == "") if not text else column == text


def _refuse_repeat(session: Session, recorded_by: Select, field: str, same_zh: str, same_en: str) -> None:
    """Refuse a contribution or violation recorded already (`recorded_by` selects the recorder of the twin), naming
    who recorded it: two assistants logging the same share paid its points twice."""
    twin = session.execute(recorded_by).first()
    if twin is None:
        return
    who = _recorded_by(session, twin[0])
    raise ValidationError(
        field,
        f"{who + ' ' if who else ''}已经记过这一条: {same_zh} (already recorded{' by ' + who if who else ''}: {same_en})",
    )


def _recorded_by(session: Session, operator_id: int | None) -> str:
    """Who recorded a row ("" when nobody is known)."""
    name = session.scalar(select(Operator.name).where(Operator.id == operator_id)) if operator_id else None
    return name or ""


def _refuse_day_outside(session: Session, ms: Membership, day: date, what: str, what_en: str) -> None:
    """A contribution or violation is of a day the person was in the group: never a day to come (a 2027 typed for
    2026 took the points in a month not begun, and the repeat-violator count met it a year on), nor one after they
    left, were removed or blacklisted (the record named a group they were no longer in; one of their time in the
    group is recorded after they went as it was). Check-ins refuse the same (checkins.record_checkins_by_day)."""
    today = clock.today()
    if day > today:
        raise ValidationError(
            "date", f"不能记录未来日期的{what}: {day} (a {what_en} cannot be of a day to come: {day})"
        )
    _refuse_after_leaving(session, ms, day, what, what_en)


def _refuse_after_leaving(session: Session, ms: Membership, day: date, what: str, what_en: str) -> None:
    """Nothing of a day after the person left, was removed or blacklisted is recorded in the group (a violation,
    a contribution, a place in an activity): named with the day they went."""
    if ms.status in ENDED_STATUSES and ms.left_at is not None and day > ms.left_at.date():
        name = session.scalar(select(Member.display_name).where(Member.id == ms.member_id)) or ""
        gone_on = ms.left_at.date()
        label = {"left": "已退群", "removed": "已移除", "blacklisted": "已拉黑"}[ms.status]
        raise ValidationError(
            "date",
            f"「{name}」{gone_on} {label}, {day} 已不在本群, 不能记{what} "
            f"({name} is out of the group since {gone_on}: no {what_en} of {day} here)",
        )


def add_contribution(
    session: Session,
    actor: Actor,
    membership_id: int,
    kind: str,
    day: date,
    title: str | None = None,
    link: str | None = None,
) -> int:
    require(actor, "record_participation")
    if kind not in CONTRIBUTION_KINDS:
        raise ValidationError("kind", f"未知贡献类型 {kind!r}")
    # one writer of a member's records at a time: two assistants logging the same share at once both found none
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    _refuse_day_outside(session, ms, day, "贡献", "contribution")
    title = title.strip() if title and title.strip() else None
    # the same share logged twice (two assistants, or the form sent again) paid its points twice
    _refuse_repeat(
        session,
        select(Contribution.recorded_by).where(
            Contribution.membership_id == membership_id,
            Contribution.day == day,
            Contribution.kind == kind,
            _same_text(Contribution.title, title),
        ),
        "title",
        "同一天、同一类、同一标题 — 若是另一次, 请写上它自己的标题",
        "the same day, kind and title; if it is another one, give it its own title",
    )
    c = Contribution(
        membership_id=membership_id,
        group_id=ms.group_id,
        day=day,
        kind=kind,
        title=title,
        link=link,
        recorded_by=actor.id,
    )
    session.add(c)
    session.flush()
    if kind == "share":
        award(
            session,
            membership_id=membership_id,
            group_id=ms.group_id,
            day=day,
            code="share",
            source_kind="contribution",
            source_id=c.id,
            reason=f"分享「{title or ''}」",
            operator_id=actor.id,
        )
    record_audit(
        session,
        actor.id,
        "contribution.add",
        "membership",
        membership_id,
        after={"kind": kind, "title": title, "day": day},
    )
    return c.id


def remove_contribution(session: Session, actor: Actor, contribution_id: int) -> None:
    require(actor, "record_participation")
    # the row first: two assistants removing it at once each reversed its points (bulk.lock_rows)
    bulk.lock_rows(session.connection(), "contribution", [contribution_id])
    c = session.get(Contribution, contribution_id)
    if c is None:
        raise gone("这条贡献", "contribution")
    record_audit(
        session,
        actor.id,
        "contribution.remove",
        "membership",
        c.membership_id,
        before={"kind": c.kind, "title": c.title, "day": c.day},  # which one: the Audit dialog names its day
    )
    with keeping_agreement(session, c.group_id, [c.membership_id], actor.id, c.day):  # points.py
        reverse_source(session, "contribution", contribution_id, actor.id, "删除贡献")
        session.execute(delete(Contribution).where(Contribution.id == contribution_id))


def add_violation(
    session: Session,
    actor: Actor,
    membership_id: int,
    kind: str,
    day: date,
    action: str = "warning",
    note: str | None = None,
    *,
    remove_member: bool = False,
) -> tuple[int, bool]:
    """Record a violation with the action taken. Returns (id, flagged): flagged when the member now has
    `violations_flag_count` (3) violations within `violations_window_days` (90) up to its day (the rules of that day).

    `remove_member` with the action "removal" (移出) also ends the membership as 已移除 on the violation's day, with
    the violation as its reason (needs `delete_members`, as any removal): recorded alone, the person stayed
    已入群 — counted, expected to check in, named in the reminder — after the group had removed them."""
    require(actor, "record_participation")
    if remove_member and action == "removal":
        require(actor, "delete_members")
    if kind not in VIOLATION_KINDS:
        raise ValidationError("kind", f"未知违规类型 {kind!r}")
    if action not in VIOLATION_ACTIONS:
        raise ValidationError("action", f"未知处理方式 {action!r}")
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")  # as add_contribution
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    _refuse_day_outside(session, ms, day, "违规", "violation")
    note = note.strip() if note and note.strip() else None
    # the same violation recorded twice (two assistants saw the same ad) took the points twice and counted twice
    # towards the flag (3 within 90 days: "consider a removal")
    _refuse_repeat(
        session,
        select(Violation.recorded_by).where(
            Violation.membership_id == membership_id,
            Violation.day == day,
            Violation.kind == kind,
            Violation.action == action,
            _same_text(Violation.note, note),
        ),
        "note",
        "同一天、同一类、同样的处理和备注 — 若是另一次, 请在备注里写明",
        "the same day, kind, action and note; if it is another one, say so in the note",
    )
    v = Violation(
        membership_id=membership_id,
        group_id=ms.group_id,
        day=day,
        kind=kind,
        action=action,
        note=note,
        recorded_by=actor.id,
    )
    session.add(v)
    session.flush()
    award(
        session,
        membership_id=membership_id,
        group_id=ms.group_id,
        day=day,
        code="violation",
        source_kind="violation",
        source_id=v.id,
        reason="违规",
        operator_id=actor.id,
    )
    record_audit(
        session,
        actor.id,
        "violation.add",
        "membership",
        membership_id,
        after={"kind": kind, "action": action, "day": day},
    )
    if remove_member and action == "removal" and ms.status in ("applicant", "onboarding", "active"):
        from desktop.services.onboarding import leave_group  # onboarding reaches this module through points

        reason = f"违规移出: {PHRASES[f'violation.{kind}'][0]}" + (
            f" ({note.strip()})" if note and note.strip() else ""
        )
        now = clock.now()
        when = now if day >= now.date() else datetime.combine(day, time(23, 59))
        leave_group(session, actor, membership_id, reason, status="removed", when=when)
    # by the rules of the violation's day, as that day's 预警 counts it (settings.rules_at): a violation of October
    # logged in December after the window was shortened is flagged as October's workbook names the member
    window, flag_count = (int(v) for v in rules_at(session, day, "violations_window_days", "violations_flag_count"))
    count = session.scalar(
        select(func.count())
        .select_from(Violation)
        .where(
            Violation.membership_id == membership_id, Violation.day > day - timedelta(days=window), Violation.day <= day
        )
    )
    return v.id, count >= flag_count


def remove_violation(session: Session, actor: Actor, violation_id: int) -> None:
    require(actor, "record_participation")
    # the row first: two assistants removing it at once each reversed its points (bulk.lock_rows)
    bulk.lock_rows(session.connection(), "violation", [violation_id])
    v = session.get(Violation, violation_id)
    if v is None:
        raise gone("这条违规记录", "violation")
    record_audit(  # which one: its day, the action taken and the note, as violation.add recorded it
        session,
        actor.id,
        "violation.remove",
        "membership",
        v.membership_id,
        before={"kind": v.kind, "action": v.action, "day": v.day, "note": v.note},
    )
    with keeping_agreement(session, v.group_id, [v.membership_id], actor.id, v.day):  # points.py
        reverse_source(session, "violation", violation_id, actor.id, "撤销违规")
        session.execute(delete(Violation).where(Violation.id == violation_id))
