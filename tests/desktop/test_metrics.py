"""The §4 month metrics against a hand-built group whose every number is worked out in the comments."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import insert

from desktop.metrics import Period, month_stats, parse_month
from desktop.services.groups import create_group, list_groups
from desktop.settings import set_setting
from models import (
    Activity,
    Attendance,
    CheckIn,
    Contribution,
    EntryStep,
    Group,
    Leave,
    Member,
    Membership,
    PointsEntry,
    StepProgress,
)

TODAY = date(2026, 11, 20)


@pytest.fixture
def group(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        # kept here since the summer: the days of its records were observed (metrics.observed_since)
        s.get(Group, gid).created_at = datetime(2026, 8, 1)
        s.commit()
    people = {
        # key: (status, joined, left, applied)
        "A": ("active", datetime(2026, 9, 1), None, None),
        "B": ("active", datetime(2026, 9, 1), None, None),
        "C": ("active", datetime(2026, 11, 5, 9), None, None),
        "D": ("left", datetime(2026, 8, 1), datetime(2026, 11, 10, 20), None),
        "E": ("applicant", None, None, datetime(2026, 11, 1)),
        "F": ("onboarding", None, None, datetime(2026, 11, 1)),
        "G": ("active", datetime(2026, 10, 1), None, None),
    }
    ids = {}
    with workspace.engine.begin() as conn:
        for i, (key, (status, joined, left, applied)) in enumerate(people.items(), start=1):
            conn.execute(insert(Member).values(id=i, display_name=f"成员{key}"))
            conn.execute(
                insert(Membership).values(
                    id=i,
                    member_id=i,
                    group_id=gid,
                    status=status,
                    joined_at=joined,
                    left_at=left,
                    applied_at=applied,
                    created_at=applied or joined,
                )
            )
            ids[key] = i
        a, d = ids["A"], ids["D"]
        conn.execute(
            insert(CheckIn),
            [{"membership_id": a, "group_id": gid, "day": date(2026, 11, n)} for n in range(1, 11)]
            + [{"membership_id": d, "group_id": gid, "day": date(2026, 11, n)} for n in range(1, 4)]
            + [{"membership_id": ids["B"], "group_id": gid, "day": date(2026, 9, 3)}],
        )
        conn.execute(insert(Leave).values(membership_id=a, start_day=date(2026, 11, 15), end_day=date(2026, 11, 17)))
        conn.execute(
            insert(Contribution).values(membership_id=ids["C"], group_id=gid, day=date(2026, 11, 6), kind="share")
        )
        conn.execute(
            insert(Activity).values(id=1, group_id=gid, title="读书分享 第1期", starts_at=datetime(2026, 11, 12, 20))
        )
        conn.execute(
            insert(Activity).values(id=2, group_id=gid, title="十月直播", starts_at=datetime(2026, 10, 12, 20))
        )
        conn.execute(
            insert(Attendance),
            [
                {"activity_id": 1, "membership_id": ids["G"], "status": "attended"},
                {"activity_id": 1, "membership_id": a, "status": "absent"},
                {"activity_id": 1, "membership_id": ids["B"], "status": "excused"},
                {"activity_id": 2, "membership_id": ids["G"], "status": "attended"},
            ],
        )
        ledger = [(a, date(2026, 11, n), 1) for n in range(1, 11)] + [
            (a, date(2026, 11, 7), 5),
            (ids["B"], date(2026, 11, 8), -10),
            (ids["G"], date(2026, 10, 12), 3),
        ]
        conn.execute(
            insert(PointsEntry),
            [
                {"membership_id": m, "group_id": gid, "day": d, "points": p, "reason": "t", "source_kind": "manual"}
                for m, d, p in ledger
            ],
        )
        step = conn.execute(
            EntryStep.__table__.select().where(EntryStep.group_id == gid, EntryStep.code == "purpose")
        ).first()
        conn.execute(
            insert(StepProgress).values(membership_id=ids["F"], step_id=step.id, done_at=datetime(2026, 11, 18))
        )
    return gid


def test_november_numbers(workspace, group):
    with workspace.session() as s:
        st = month_stats(s, group, 2026, 11, today=TODAY)
    assert st.as_dict() == {
        "members_total": 4,  # A, B, C, G (D left on the 10th; E, F are not members yet)
        "members_active": 3,  # A checked in, C contributed, G attended
        "joined": 1,  # C
        "left": 1,  # D
        "checkins": 13,  # A 10 + D 3
        "checkin_rate": round(10 / (4 * 20 - 3), 4),  # members' check-ins / (4 members x 20 days - A's 3 leave days)
        "activities": 1,
        "attendance_rate": 0.5,  # G attended, A absent; B excused does not count
        "points_awarded": 5,  # 10 x 1 + 5 - 10
        "dormant": 1,  # B; C is a newcomer, A and G participated
        "stalled_onboarding": 1,  # E applied 19 days ago; F recorded a step 2 days ago
        "messages": 0,  # no chat export imported
    }


def test_stalled_days_is_a_setting(workspace, group):
    with workspace.session() as s:
        set_setting(s, "stalled_days", 30)
        assert month_stats(s, group, 2026, 11, today=TODAY).stalled_onboarding == 0


def test_october_is_rebuilt_from_history(workspace, group):
    with workspace.session() as s:
        st = month_stats(s, group, 2026, 10, today=TODAY)
    # At the end of October A, B, D and G were members; C had not joined yet.
    assert (st.members_total, st.joined, st.left, st.activities, st.points_awarded) == (4, 1, 0, 1, 3)
    assert st.members_active == 1  # G attended the October live stream


def test_future_month_is_empty(workspace, group):
    with workspace.session() as s:
        st = month_stats(s, group, 2027, 1, today=TODAY)
    assert st.members_total == 0 and st.checkin_rate == 0.0


def test_list_groups_counts_members_now(workspace, group):
    with workspace.session() as s:
        (row,) = list_groups(s, today=TODAY)
    assert (row.name, row.members_total, row.capacity) == ("早起打卡营", 4, 500)
    assert row.members_active == 3


def test_period_and_month_parsing():
    assert Period.month(2026, 11, TODAY).days == 20
    assert Period.month(2026, 2, TODAY).days == 28
    assert Period.month(2026, 12, TODAY).days == 0
    assert parse_month("2026-03") == (2026, 3)
    for bad in ("2026/03", "2026-13", "march"):
        with pytest.raises(ValueError, match="YYYY-MM"):
            parse_month(bad)
    assert TODAY - timedelta(days=1) < TODAY


def test_health_alerts_and_dashboard_figures(workspace, group):
    from desktop.health import group_health

    with workspace.session() as s:
        h = group_health(s, group, as_of=TODAY)
    kinds = sorted((a.kind, a.display_name) for a in h.alerts)
    assert kinds == [("dormant", "成员B"), ("stalled_onboarding", "成员E"), ("zombie_group", None)]
    zombie = next(a for a in h.alerts if a.kind == "zombie_group")
    assert "0%" in zombie.reason  # nobody participated in the last 7 days (the last fact is the 12th)
    assert (h.members, h.active_7, h.active_30) == (4, 0, 3)
    assert h.month.members_total == 4 and h.last_month.members_total == 4
    assert h.structure == {"key": 0, "mid": 0, "ordinary": 0, "unset": 4}
    assert set(h.missing_roles) == {"日常运营", "策划", "输出者", "助理", "客服"}
    assert dict(h.daily_checkins)[date(2026, 11, 2)] == 2 and len(h.daily_checkins) == 20
    assert h.activities_per_month[-2:] == (("2026-10", 1), ("2026-11", 1))
    assert h.funnel[0] == ("进群目的问答", 1)
    # group_health hands its member count and 7-day active count to the alerts: the same alerts as counted alone
    from desktop.health import alerts

    with workspace.session() as s:
        alone = alerts(s, group, TODAY)
    assert [(a.kind, a.membership_id, str(a.reason)) for a in alone] == [
        (a.kind, a.membership_id, str(a.reason)) for a in h.alerts
    ]


def test_a_busy_group_is_not_a_zombie(workspace, group, owner):
    from desktop.health import zombie_reason
    from desktop.services.checkins import record_checkins

    with workspace.session() as s:
        record_checkins(s, owner, group, TODAY, [1, 2, 3], today=TODAY)
        s.commit()
        assert zombie_reason(s, group, TODAY, members=4) is None
        assert "14" in zombie_reason(s, group, TODAY + timedelta(days=20), members=4)


def test_both_forms_of_month_stats_agree(workspace, group, monkeypatch):
    """month_stats reads participation from the group's facts collected once for a small group and by one
    seek per membership for a big one (metrics.SMALL_GROUP): the two give the same figures."""
    import desktop.metrics as metrics

    def stats(month: int):
        with workspace.session() as s:
            return month_stats(s, group, 2026, month, today=TODAY).as_dict()

    small = stats(11)
    assert small["members_active"] == 3 and small["dormant"] == 1
    monkeypatch.setattr(metrics, "SMALL_GROUP", 0)  # every group is "big" now
    assert stats(11) == small
    monkeypatch.undo()
    october = stats(10)
    monkeypatch.setattr(metrics, "SMALL_GROUP", 0)
    assert stats(10) == october


def test_settings_read_together_are_what_each_reads_alone(workspace):
    """get_settings: one statement for several settings, in the order asked, defaults for those never set, and
    a value set in the same session (not yet flushed) is the one read."""
    from desktop.settings import SETTINGS, get_setting, get_settings

    with workspace.session() as s:
        set_setting(s, "dormant_days", 45)
        set_setting(s, "capacity_warn_share", 0.8)
        keys = ("capacity_warn_share", "stalled_days", "dormant_days", "zombie_active_share")
        together = get_settings(s, *keys)
        assert together == (0.8, SETTINGS["stalled_days"].default, 45, SETTINGS["zombie_active_share"].default)
        assert together == tuple(get_setting(s, k) for k in keys)
        assert type(together[2]) is int and type(together[0]) is float
        s.commit()
    with workspace.session() as s:
        assert get_settings(s, "dormant_days", "dormant_days") == (45, 45)


def test_a_leave_day_checked_in_anyway_is_a_day_like_any_other(workspace, owner, tmp_path):
    """陈 is on leave 10–12 November and checks in on the 11th anyway, and on 16 other days. November's check-in
    rate is 17 of 28 days (30 less the two days of leave not checked in) — it was 17 of 27: the check-in counted
    over a day taken out. The workbook's row agrees: 2 leave days, the same rate."""
    from openpyxl import load_workbook

    from desktop.services.checkins import record_checkins, record_leave
    from desktop.services.report import export_monthly_report
    from desktop.services.roster import MemberInput, add_member

    today = date(2026, 12, 4)
    with workspace.session() as s:
        gid = create_group(s, owner, "请假群")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="陈", joined_at=datetime(2026, 10, 1)))
        record_leave(s, owner, ms, date(2026, 11, 10), date(2026, 11, 12), "出差")
        days = [date(2026, 11, d) for d in (*range(1, 10), 11, *range(20, 27))]
        for d in days:
            record_checkins(s, owner, gid, d, [ms], today=today)
        s.commit()
        stats = month_stats(s, gid, 2026, 11, today=today)
    assert (stats.members_total, stats.checkins) == (1, 17)
    assert stats.checkin_rate == round(17 / 28, 4)
    path = tmp_path / "r.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=today)
    sheet = load_workbook(path)["打卡明细"]
    rows = [r for r in sheet.iter_rows(values_only=True) if len(r) > 1 and r[1] == "陈"]
    assert len(rows) == 1 and rows[0][-4:] == (17, 2, 10, round(17 / 28, 4))  # the run 1–12 Nov over the leave
