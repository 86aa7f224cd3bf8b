"""One month of one group computed by hand, and every place that shows its figures read back: month_stats,
group_health (the dashboard's group page), overview_task (the dashboard's all-groups page, headless), the CLI's
`stats --json` and `text summary`, and the monthly workbook's 概览, 打卡明细 and 预警 cells (docs/metrics.md)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from queue import SimpleQueue

from openpyxl import load_workbook
from sqlalchemy import func, insert, select

from desktop.cli import main
from desktop.health import group_health
from desktop.metrics import month_stats
from desktop.services.checkins import CheckinEntry, record_checkins, record_leave, undo_checkin
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group
from desktop.services.participation import ActivityInput, create_activity, set_attendance, withdraw_sign_up
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member, soft_delete_member
from desktop.tasks import Progress
from desktop.workspace import actor_for, open_workspace
from models import ChatActivity, Group, PointsEntry, kept
from ui.pages.dashboard_page import overview_task

TODAY = date(2026, 11, 18)
OCT = (date(2026, 10, 1), date(2026, 10, 31))


def _days(a: date, b: date):
    while a <= b:
        yield a
        a += timedelta(days=1)


def test_one_month_one_value_in_every_place(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    path = tmp_path / "ws.sqlite"
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "十月营")
        s.get(Group, g).created_at = datetime(2026, 9, 1)  # kept here since September: October was observed

        def add(name, joined=datetime(2026, 9, 1, 9)):
            return add_member(s, owner, g, MemberInput(display_name=name, joined_at=joined))

        _, jia = add("阿甲")  # every day
        _, yi = add("阿乙", datetime(2026, 10, 15, 9))  # joined mid-month, every day since
        _, bing = add("阿丙")  # 1–19, left on the 20th
        _, ding = add("阿丁")  # leave 5–9, checked in on the 7th anyway
        wu_id, wu = add("阿戊")  # 1–10, then deleted
        _, ji = add("阿己")  # a 补卡 on the 3rd, the 4th; the 2nd undone
        _, geng = add("阿庚")  # never takes part: dormant
        _, xin = add("阿辛")  # only speaks in the chat
        record_leave(s, owner, ding, date(2026, 10, 5), date(2026, 10, 9))
        for d in _days(*OCT):
            who = [jia]
            who += [yi] if d.day >= 15 else []
            who += [bing] if d.day <= 19 else []
            who += [ding] if d.day not in (5, 6, 8, 9) else []
            who += [wu] if d.day <= 10 else []
            record_checkins(s, owner, g, d, who, today=TODAY)
        record_checkins(s, owner, g, date(2026, 10, 2), [ji], today=TODAY)
        undo_checkin(s, owner, ji, date(2026, 10, 2))
        record_checkins(s, owner, g, date(2026, 10, 3), [CheckinEntry(ji, late=True)], today=TODAY)
        record_checkins(s, owner, g, date(2026, 10, 4), [ji], today=TODAY)
        leave_group(s, owner, bing, "毕业", when=datetime(2026, 10, 20, 10))
        act = create_activity(s, owner, g, ActivityInput(title="读书会", starts_at=datetime(2026, 10, 12, 20)))
        set_attendance(s, owner, act, jia, "attended")
        set_attendance(s, owner, act, wu, "attended")
        set_attendance(s, owner, act, bing, "registered")
        withdraw_sign_up(s, owner, act, bing)
        set_attendance(s, owner, act, ding, "absent")
        set_attendance(s, owner, act, ji, "excused")
        s.execute(insert(ChatActivity).values(membership_id=xin, group_id=g, day=date(2026, 10, 12), messages=5))
        kept.refresh(s.connection(), [xin])
        soft_delete_member(s, owner, wu_id)
        s.commit()
        points = int(
            s.scalar(
                select(func.sum(PointsEntry.points)).where(
                    PointsEntry.group_id == g, PointsEntry.day >= OCT[0], PointsEntry.day <= OCT[1]
                )
            )
        )

        # by hand: members on 31 October 甲 乙 丁 己 庚 辛 (丙 left, 戊 deleted); their check-ins 31 + 17 + 27 + 2 = 77
        # over 6 × 31 days less 丁's 5 leave days, plus the leave day checked in: 182
        expected = {
            "members_total": 6,
            "members_active": 5,  # all but 庚 (辛 spoke)
            "joined": 1,
            "left": 1,
            "checkins": 31 + 17 + 19 + 27 + 2,  # the 打卡明细 total: 丙's too, not the deleted 戊's
            "checkin_rate": round(77 / 182, 4),
            "activities": 1,
            "attendance_rate": 0.5,  # 甲 attended, 丁 absent; excused, withdrawn and deleted not expected
            "points_awarded": points,
            "dormant": 1,  # 庚
            "stalled_onboarding": 0,
            "messages": 5,
        }
        stats = month_stats(s, g, 2026, 10, today=TODAY)
        assert stats.as_dict() == expected
        h = group_health(s, g, OCT[1])
        assert h.month.as_dict() == expected
        assert (h.members, h.active_7, h.active_30) == (6, 3, 5)  # 25–31: 甲 乙 丁; 2–31: and 己 辛
        assert [(a.kind, a.display_name) for a in h.alerts] == [("dormant", "阿庚")]
        assert sum(n for _d, n in h.daily_checkins) == expected["checkins"]

    sink: SimpleQueue = SimpleQueue()
    row = next(r for r in overview_task(Progress(), database=database, as_of=OCT[1], sink=sink).rows if r.group_id == g)
    assert (row.members, row.active_7, row.active_30, row.checkin_rate, row.dormant, row.stalled) == (
        6,
        3,
        5,
        expected["checkin_rate"],
        1,
        0,
    )
    assert row.zombie_reason is None

    assert main(["--db", str(path), "stats", "--group", "十月营", "--month", "2026-10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in expected} == expected
    assert main(["--db", str(path), "text", "summary", "--group", "十月营", "--month", "2026-10"]) == 0
    text = capsys.readouterr().out
    assert "成员 6 人" in text and f"打卡 {expected['checkins']} 次，打卡率 {77 / 182:.1%}" in text

    xlsx = tmp_path / "oct.xlsx"
    export_monthly_report(database, owner, year=2026, month=10, group_ids=[g], path=xlsx)
    wb = load_workbook(xlsx)
    kpi = {r[5]: r[2] for r in wb["概览"].iter_rows(min_row=4, values_only=True) if r[5]}
    assert kpi == expected
    matrix = {r[1]: r for r in wb["打卡明细"].iter_rows(values_only=True) if r[0] == "十月营"}
    assert matrix["每日合计"][2 + 31] == expected["checkins"]
    assert matrix["每日合计"][-1] == expected["checkin_rate"]
    assert "阿戊" not in matrix
    assert matrix["阿丁"][-4:] == (27, 4, 27, 1.0)  # 请假天数 4: the 7th was checked in
    assert matrix["阿乙"][-4:] == (17, None, 17, 1.0)  # 17 of the 17 days in the group
    assert matrix["阿己"][-4:] == (2, None, 1, round(2 / 31, 4))  # the 补卡 does not count for a streak
    named = [(r[1], r[2]) for r in wb["预警"].iter_rows(min_row=4, values_only=True) if r[2]]
    assert named == [("沉默成员", "阿庚")]
    database.dispose()
