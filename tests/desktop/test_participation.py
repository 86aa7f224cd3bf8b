"""Activities, attendance, contributions and violations: facts and their ledger entries, reversals when
facts change, editions of a series, the repeat-violator flag."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop.errors import NotFound, ValidationError
from desktop.metrics import month_stats
from desktop.services.groups import create_group
from desktop.services.participation import (
    ActivityInput,
    add_contribution,
    add_violation,
    attendance_of,
    create_activity,
    delete_activity,
    remove_contribution,
    remove_violation,
    set_attendance,
    update_activity,
)
from desktop.services.points import balance, recompute_preview
from desktop.services.roster import MemberInput, add_member
from models import Activity, Membership, PointsEntry


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        a = add_member(s, owner, gid, MemberInput(display_name="张三"))[1]
        b = add_member(s, owner, gid, MemberInput(display_name="李四"))[1]
        s.commit()
    return gid, a, b


def test_series_editions_number_themselves(workspace, owner, grp):
    gid, _, _ = grp
    with workspace.session() as s:
        ids = [
            create_activity(
                s,
                owner,
                gid,
                ActivityInput(
                    "读书分享", kind="knowledge_share", series="读书分享会", starts_at=datetime(2026, 11, d, 20)
                ),
            )
            for d in (1, 8, 15)
        ]
        s.commit()
        assert [s.get(Activity, i).edition for i in ids] == [1, 2, 3]
        with pytest.raises(ValidationError, match="ends before"):
            create_activity(
                s,
                owner,
                gid,
                ActivityInput("x", starts_at=datetime(2026, 11, 2, 20), ends_at=datetime(2026, 11, 2, 19)),
            )


def test_attendance_points_follow_status_changes(workspace, owner, grp):
    gid, a, b = grp
    with workspace.session() as s:
        online = create_activity(
            s, owner, gid, ActivityInput("直播", kind="expert_live", starts_at=datetime(2026, 11, 3, 20))
        )
        offline = create_activity(
            s,
            owner,
            gid,
            ActivityInput(
                "聚会", kind="offline_meetup", online=False, place="杭州", starts_at=datetime(2026, 11, 10, 14)
            ),
        )
        set_attendance(s, owner, online, a, "registered")
        set_attendance(s, owner, online, a, "attended")
        set_attendance(s, owner, online, a, "attended")  # no change, no second award
        set_attendance(s, owner, offline, b, "attended", role="speaker")
        s.commit()
        assert (balance(s, a), balance(s, b)) == (3, 10 + 5)
        set_attendance(s, owner, offline, b, "absent", role="speaker")
        s.commit()
        assert balance(s, b) == 0
        assert [(r.display_name, r.status) for r in attendance_of(s, online)] == [("张三", "attended")]


def test_moving_an_activity_moves_its_attendance_points_to_the_new_day_and_price(workspace, owner, grp):
    """An activity moved from 31 October to 2 November and from online to offline: the attended people's points
    are dated 2 November at the offline price (a speaker's bonus too). Before, they stayed on 31 October at the
    online price — October's `points_awarded` held them, November's did not."""
    gid, a, b = grp
    with workspace.session() as s:
        act = create_activity(s, owner, gid, ActivityInput("读书直播", starts_at=datetime(2026, 10, 31, 20)))
        set_attendance(s, owner, act, a, "attended")
        set_attendance(s, owner, act, b, "attended", role="speaker")
        s.commit()
        assert month_stats(s, gid, 2026, 10).points_awarded == 3 + 3 + 5
        update_activity(
            s, owner, act, ActivityInput("读书直播", starts_at=datetime(2026, 11, 2, 20), online=False, place="书店")
        )
        s.commit()
        assert month_stats(s, gid, 2026, 10).points_awarded == 0
        assert month_stats(s, gid, 2026, 11).points_awarded == 10 + 10 + 5
        assert (balance(s, a), balance(s, b)) == (10, 15)
        assert recompute_preview(s, gid) == []  # the ledger agrees with the rules
        # a new title or place alone writes no entry
        entries = s.scalar(select(func.count()).select_from(PointsEntry))
        update_activity(
            s, owner, act, ActivityInput("读书直播 第1期", starts_at=datetime(2026, 11, 2, 21), online=False)
        )
        s.commit()
        assert s.scalar(select(func.count()).select_from(PointsEntry)) == entries


def test_contribution_and_violation_ledgers_reverse_on_removal(workspace, owner, grp):
    _, a, _ = grp
    with workspace.session() as s:
        c = add_contribution(s, owner, a, "share", date(2026, 11, 5), "时间管理心得")
        v, flagged = add_violation(s, owner, a, "ad", date(2026, 11, 6), action="warning")
        s.commit()
        assert not flagged and balance(s, a) == 5 - 10
        remove_contribution(s, owner, c)
        remove_violation(s, owner, v)
        s.commit()
        assert balance(s, a) == 0
        kinds = s.scalars(select(PointsEntry.source_kind).order_by(PointsEntry.id)).all()
        assert kinds == ["contribution", "violation", "reversal", "reversal"]


def test_three_violations_in_ninety_days_flag_the_member(workspace, owner, grp):
    _, _, b = grp
    with workspace.session() as s:
        flags = [
            add_violation(s, owner, b, k, d, action)[1]
            for k, d, action in [
                ("flood", date(2026, 6, 1), "warning"),
                ("ad", date(2026, 9, 15), "warning"),
                ("ad", date(2026, 10, 1), "mute"),
                ("abuse", date(2026, 11, 1), "removal"),
            ]
        ]
        assert flags == [False, False, False, True]  # June is outside the 90-day window of October


def test_the_activity_list_counts_each_listed_activity_s_sign_ups(workspace, owner, grp):
    """Each activity of the list with its sign-ups (any status) and who attended — counted per listed activity
    (issue 13: the counts of the whole workspace's attendance were made for every list, 38 ms at 190,000 rows).
    Another group's activity and its sign-ups change nothing; on SQLite the plan reads no attendance in full."""
    from sqlalchemy import event

    from desktop.services.activities_queries import list_activities

    gid, a, b = grp
    with workspace.session() as s:
        other = create_group(s, owner, "别的群")
        stranger = add_member(s, owner, other, MemberInput(display_name="外人"))[1]
        talk = create_activity(s, owner, gid, ActivityInput("读书分享", starts_at=datetime(2026, 11, 5, 19)))
        walk = create_activity(s, owner, gid, ActivityInput("徒步", starts_at=datetime(2026, 11, 12, 8)))
        theirs = create_activity(s, owner, other, ActivityInput("别的活动", starts_at=datetime(2026, 11, 6, 19)))
        set_attendance(s, owner, talk, a, "attended")
        set_attendance(s, owner, talk, b, "registered")
        set_attendance(s, owner, theirs, stranger, "attended")
        s.commit()
        statements: list[tuple[str, object]] = []

        def seen(_conn, _cursor, statement, parameters, *_args):
            statements.append((statement, parameters))

        event.listen(workspace.engine, "before_cursor_execute", seen)
        try:
            rows = list_activities(s, gid)
        finally:
            event.remove(workspace.engine, "before_cursor_execute", seen)
        assert [(r.id, r.registered, r.attended) for r in rows] == [(walk, 0, 0), (talk, 2, 1)]
        if workspace.engine.dialect.name == "sqlite":
            ((sql, params),) = statements
            plan = [r[-1] for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
            assert not any(line.startswith("SCAN attendance") for line in plan), plan


def test_the_sheet_of_a_past_activity_lists_who_was_a_member_that_day(workspace, owner, grp):
    """The attendance sheet of an activity on 1 November lists 李四, a member then who left on 5 November (he can
    be ticked), not for an activity on 6 November; a deleted person is on no sheet."""
    from desktop.services.activities_queries import attendance_sheet
    from desktop.services.onboarding import leave_group

    gid, a, b = grp
    with workspace.session() as s:
        s.get(Membership, b).joined_at = datetime(2026, 10, 1, 9)
        leave_group(s, owner, b, "搬家", when=datetime(2026, 11, 5, 12))
        before = create_activity(s, owner, gid, ActivityInput("读书", starts_at=datetime(2026, 11, 1, 20)))
        that_day = create_activity(s, owner, gid, ActivityInput("早读", starts_at=datetime(2026, 11, 5, 7)))
        after = create_activity(s, owner, gid, ActivityInput("夜读", starts_at=datetime(2026, 11, 6, 20)))
        s.commit()
        assert [x.display_name for x in attendance_sheet(s, gid, before)] == ["李四", "张三"]
        assert [x.display_name for x in attendance_sheet(s, gid, that_day)] == ["李四", "张三"]
        assert [x.display_name for x in attendance_sheet(s, gid, after)] == ["张三"]


def test_a_removal_violation_can_end_the_membership(workspace, owner, grp):
    """add_violation(..., action="removal", remove_member=True) ends the membership as 已移除 on the violation's
    day with the violation as its reason; without the flag, or with another action, the membership stays; an
    assistant may not remove."""
    from desktop.errors import PermissionDenied
    from desktop.services.operators import add_operator

    gid, a, b = grp
    with workspace.session() as s:
        s.get(Membership, a).joined_at = datetime(2026, 10, 1, 9)
        add_violation(s, owner, b, "flood", date(2026, 11, 10), "warning", remove_member=True)
        assert s.get(Membership, b).status == "active"
        add_violation(s, owner, a, "ad", date(2026, 11, 10), "removal", "二维码", remove_member=True)
        s.commit()
        ms = s.get(Membership, a)
        assert (ms.status, ms.left_at, ms.left_reason) == (
            "removed",
            datetime(2026, 11, 10, 23, 59),
            "违规移出: 发广告 (二维码)",
        )
        helper = add_operator(s, owner, "助理", "assistant")
        with pytest.raises(PermissionDenied):
            add_violation(s, helper, b, "ad", date(2026, 11, 10), "removal", remove_member=True)


def test_attended_waits_for_the_activity_s_day(workspace, owner, grp):
    """Next week's meetup: a place can be registered or excused now, not attended or absent — ticked ahead, the
    points were dated next week and the member's last activity a day that had not come. An activity with
    attendance cannot move to a day that has not come either."""
    gid, a, b = grp
    with workspace.session() as s:
        later = create_activity(
            s, owner, gid, ActivityInput("下周聚会", starts_at=datetime(2026, 11, 25, 14), online=False)
        )
        set_attendance(s, owner, later, a, "registered")
        set_attendance(s, owner, later, b, "excused")
        for status in ("attended", "absent"):
            with pytest.raises(ValidationError, match="2026-11-25"):
                set_attendance(s, owner, later, a, status)
        today = create_activity(s, owner, gid, ActivityInput("今晚直播", starts_at=datetime(2026, 11, 18, 20)))
        set_attendance(s, owner, today, a, "attended")  # today's is fine, whatever the hour
        with pytest.raises(ValidationError, match="cannot move"):
            update_activity(s, owner, today, ActivityInput("今晚直播", starts_at=datetime(2026, 11, 26, 20)))
        s.commit()
        assert balance(s, a) == 3
        assert s.get(Membership, a).last_active == date(2026, 11, 18)


def test_deleting_an_activity_takes_its_points_back_and_keeps_the_record(workspace, owner, grp):
    """An activity entered by mistake can be deleted: the attended people's points are reversed (the ledger keeps
    both entries, recompute agrees), the month's activities and attendance figures no longer count it, their last
    activity day goes back, and the audit row keeps the activity with every place."""
    import json

    from models import Attendance, AuditEntry

    gid, a, b = grp
    with workspace.session() as s:
        keep = create_activity(s, owner, gid, ActivityInput("读书直播", starts_at=datetime(2026, 11, 2, 20)))
        wrong = create_activity(
            s, owner, gid, ActivityInput("聚会", online=False, place="杭州", starts_at=datetime(2026, 11, 12, 14))
        )
        set_attendance(s, owner, keep, a, "attended")
        set_attendance(s, owner, wrong, a, "attended")
        set_attendance(s, owner, wrong, b, "attended", role="speaker")
        s.commit()
        assert (balance(s, a), balance(s, b)) == (3 + 10, 10 + 5)
        assert month_stats(s, gid, 2026, 11).activities == 2
        assert s.get(Membership, b).last_active == date(2026, 11, 12)
        assert delete_activity(s, owner, wrong) == 10 + 10 + 5
        s.commit()
        assert s.get(Activity, wrong) is None
        assert s.scalar(select(func.count()).select_from(Attendance).where(Attendance.activity_id == wrong)) == 0
        assert (balance(s, a), balance(s, b)) == (3, 0)
        stats = month_stats(s, gid, 2026, 11)
        assert (stats.activities, stats.points_awarded, stats.attendance_rate) == (1, 3, 1.0)
        assert s.get(Membership, b).last_active is None and s.get(Membership, a).last_active == date(2026, 11, 2)
        assert recompute_preview(s, gid) == []
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "activity.delete")).one()
        before = json.loads(audit.summary)["before"]
        assert before["title"] == "聚会" and len(before["places"]) == 2
        with pytest.raises(NotFound):
            delete_activity(s, owner, wrong)


def test_absent_on_a_day_of_leave_is_recorded_as_excused_and_the_attendance_rate_does_not_pay(
    workspace, owner, grp, monkeypatch
):
    """PRODUCT §2: leave days count against nothing. 李四 is on leave (请假) 10–12 November; marked absent from the
    10 November meetup, the place is excused (what set_attendance returns and stores); 张三 absent stays absent;
    attended after all is attended. November's attendance rate: 0 attended of 1 expected (张三), not of 2."""
    from desktop.services.checkins import record_leave

    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-04")  # the 10 November meetup has happened, whatever the suite's day
    gid, a, b = grp
    with workspace.session() as s:
        meetup = create_activity(
            s, owner, gid, ActivityInput("聚会", kind="offline_meetup", starts_at=datetime(2026, 11, 10, 14))
        )
        # members since 1 November (`grp` adds them "today", the suite's day, 18 November: a leave of 10 November
        # would be of days before they joined, which record_leave refuses)
        for ms in (a, b):
            s.get(Membership, ms).joined_at = datetime(2026, 11, 1, 9)
        record_leave(s, owner, b, date(2026, 11, 10), date(2026, 11, 12), "出差")
        assert set_attendance(s, owner, meetup, a, "absent") == "absent"
        assert set_attendance(s, owner, meetup, b, "absent") == "excused"
        s.commit()
        assert sorted((r.display_name, r.status) for r in attendance_of(s, meetup)) == [
            ("张三", "absent"),
            ("李四", "excused"),
        ]
        assert month_stats(s, gid, 2026, 11, today=date(2026, 12, 4)).attendance_rate == 0.0
        set_attendance(s, owner, meetup, a, "attended")
        s.commit()
        assert month_stats(s, gid, 2026, 11, today=date(2026, 12, 4)).attendance_rate == 1.0
        assert set_attendance(s, owner, meetup, b, "attended") == "attended"  # came after all
