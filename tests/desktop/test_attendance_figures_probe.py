"""An activity's attendance as the activities probe kept it by hand: 成员A attended, 成员B absent, 成员C excused,
成员D registered (never marked), 成员E attended and then deleted from the roster.

* A deleted person is in no figure (docs/metrics.md): the attendance rate and the workbook's 活动 sheet left 成员E out
  (1 attended of 3 expected), but the Activities page still said 5 signed up and 2 attended, and listed 成员E as
  attended on the attendance sheet.
* 成员B wrote 请假 for those days after the organiser had marked the list: a place marked absent on a leave day is
  recorded as excused (participation.set_attendance), but recorded the other way round the absence stood and the
  attendance rate paid for the leave (1/3 where 1/2 is true)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.metrics import month_stats
from desktop.services.activities_queries import attendance_sheet, list_activities
from desktop.services.checkins import record_leave
from desktop.services.groups import create_group
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member, restore_member, soft_delete_member
from desktop.workspace import actor_for
from models import AuditEntry

TODAY = date(2026, 11, 20)
HIKE = datetime(2026, 11, 14, 8)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (the activity is on 14 November 2026)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def hike(sqlite_workspace):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "徒步群")
        people = {
            n: add_member(s, owner, gid, MemberInput(display_name=f"成员{n}", joined_at=datetime(2026, 10, 1, 9)))
            for n in "ABCDEF"
        }
        aid = create_activity(s, owner, gid, ActivityInput(title="周六徒步", starts_at=HIKE, online=False))
        for n, status in zip("ABCDE", ["attended", "absent", "excused", "registered", "attended"], strict=True):
            set_attendance(s, owner, aid, people[n][1], status)
        s.commit()
    return sqlite_workspace, owner, gid, aid, people


def _marks(s, gid, aid) -> dict[str, str]:
    return {a.display_name: a.status for a in attendance_sheet(s, gid, aid) if a.status}


def test_a_deleted_person_is_in_no_count_of_the_activities_page(hike, tmp_path):
    db, owner, gid, aid, people = hike
    with db.session() as s:
        soft_delete_member(s, owner, people["E"][0])
        s.commit()
        row = list_activities(s, gid)[0]
        assert (row.registered, row.attended) == (4, 1)
        assert _marks(s, gid, aid) == {
            "成员A": "attended",
            "成员B": "absent",
            "成员C": "excused",
            "成员D": "registered",
        }
        assert month_stats(s, gid, 2026, 11).attendance_rate == round(1 / 3, 4)
    path = tmp_path / "report.xlsx"
    export_monthly_report(db, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY)
    sheet = load_workbook(path)["活动"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    header = next(r for r in rows if "报名" in r)
    hike_row = dict(zip(header, next(r for r in rows if "周六徒步" in r), strict=False))
    assert (hike_row["报名"], hike_row["出席"]) == (row.registered, row.attended)
    with db.session() as s:  # restored, they count again
        restore_member(s, owner, people["E"][0])
        s.commit()
        row = list_activities(s, gid)[0]
        assert (row.registered, row.attended) == (5, 2) and _marks(s, gid, aid)["成员E"] == "attended"


def test_leave_recorded_after_the_list_was_marked_excuses_the_absence(hike):
    db, owner, gid, aid, people = hike
    with db.session() as s:
        assert month_stats(s, gid, 2026, 11).attendance_rate == round(2 / 4, 4)  # A, E of A B D E
        record_leave(s, owner, people["B"][1], date(2026, 11, 13), date(2026, 11, 15), "出差")
        s.commit()
        assert _marks(s, gid, aid)["成员B"] == "excused"
        assert month_stats(s, gid, 2026, 11).attendance_rate == round(2 / 3, 4)
        audit = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == aid)).all()
        assert audit.count("attendance.set") == 6  # five marks, and the absence excused
        # a leave of other days leaves a place alone; attended is never touched
        record_leave(s, owner, people["D"][1], date(2026, 11, 15), date(2026, 11, 16))
        record_leave(s, owner, people["A"][1], date(2026, 11, 14), date(2026, 11, 14))
        s.commit()
        assert _marks(s, gid, aid) == {
            "成员A": "attended",
            "成员B": "excused",
            "成员C": "excused",
            "成员D": "registered",
            "成员E": "attended",
        }


def test_sign_ups_of_an_activity_not_yet_held_are_no_absences(sqlite_workspace, tmp_path):
    """Tonight's meetup has 3 sign-ups, nobody ticked yet: on that morning the Dashboard said 出勤率 0%, as if
    nobody had come (seen in the demo). Its sign-ups count from the next day on, as a sign-up never marked reads
    absent once its day has passed; a place already marked today counts at once. The stats, the workbook's
    all-groups 合计 and the day after agree."""
    owner = actor_for(sqlite_workspace)
    meetup = datetime(2026, 11, 20, 20)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "夜跑群")
        people = [
            add_member(s, owner, gid, MemberInput(display_name=f"跑友{i}", joined_at=datetime(2026, 10, 1, 9)))[1]
            for i in range(4)
        ]
        aid = create_activity(s, owner, gid, ActivityInput(title="周五夜跑", starts_at=meetup, online=False))
        for mid in people[:3]:
            set_attendance(s, owner, aid, mid, "registered")
        s.commit()
        today = month_stats(s, gid, 2026, 11, today=TODAY)
        assert (today.activities, today.attendance_expected, today.attendance_rate) == (1, 0, 0.0)
        set_attendance(s, owner, aid, people[3], "attended")  # a walk-in ticked at once
        s.commit()
        today = month_stats(s, gid, 2026, 11, today=TODAY)
        assert (today.attendance_expected, today.attendance_rate) == (1, 1.0)
        next_day = month_stats(s, gid, 2026, 11, today=date(2026, 11, 21))
        assert (next_day.attendance_expected, next_day.attendance_rate) == (4, 0.25)
    with sqlite_workspace.session() as s:
        create_group(s, owner, "读书群")  # the workbook of all groups: 合计 recounts the places
        s.commit()
    out = tmp_path / "all.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=None, path=out, today=TODAY)
    ws = load_workbook(out)["概览"]
    rates = [
        row[i + 1]
        for row in ws.iter_rows(values_only=True)
        for i, v in enumerate(row[:-1])
        if v == "出勤率" and isinstance(row[i + 1], float)
    ]
    assert rates and rates[0] == 1.0
    kpi = {(r[0], r[5]): r[2:5] for r in ws.iter_rows(min_row=4, max_col=6, values_only=True) if r[5]}
    assert kpi[("合计", "attendance_rate")] == (1.0, "–", "–")  # nothing counted in October: no change against 0%
    # 读书群 held no activity: "–", as the Dashboard says — a 0% read as nobody coming
    assert kpi[("读书群", "attendance_rate")] == ("–", "–", "–")
    sheet = load_workbook(out)["活动"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if "出勤率" in r)
    meetup_row = next(r for r in rows if "周五夜跑" in r)
    assert meetup_row[header.index("出勤率")] == 1.0  # the walk-in of 1 counted; the 3 sign-ups not yet
