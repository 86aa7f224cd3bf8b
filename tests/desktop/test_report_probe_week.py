"""The monthly workbook after a month of real work (probe week): the fixes its scenario found, each on its own.

The scenario itself is tests/desktop/test_month_scenario_probe_week.py."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for

TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _rows(path, title):
    return [r for r in load_workbook(path)[title].iter_rows(values_only=True)]


def test_a_member_who_checks_in_on_the_day_they_leave_is_not_rated_above_their_days(sqlite_workspace, tmp_path):
    """A member who checked in every day from the 1st to the 20th and left the group on the evening of the 20th:
    打卡明细 gave 20 check-ins over 19 days (the leaving day is no member day, its check-in counted all the same),
    read as 100% only by the cap — and 15 check-ins over those 20 days read 15/19 = 78.9%. The leaving day they
    checked in is a day of theirs, as a leave day checked in anyway is: 20/20 and 15/20."""
    owner = actor_for(sqlite_workspace)
    joined = datetime(2026, 10, 1, 9)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "读书会")
        _, every = add_member(s, owner, g, MemberInput(display_name="每天都打", joined_at=joined))
        _, most = add_member(s, owner, g, MemberInput(display_name="常常打卡", joined_at=joined))
        _, morning = add_member(s, owner, g, MemberInput(display_name="早上就走", joined_at=joined))
        for d in range(1, 21):
            record_checkins(s, owner, g, date(2026, 11, d), [every], today=TODAY)
            if d % 4 != 1:
                record_checkins(s, owner, g, date(2026, 11, d), [most], today=TODAY)
            if d < 20:
                record_checkins(s, owner, g, date(2026, 11, d), [morning], today=TODAY)
        leave_group(s, owner, every, "退群", when=datetime(2026, 11, 20, 21))
        leave_group(s, owner, most, "退群", when=datetime(2026, 11, 20, 21))
        leave_group(s, owner, morning, "退群", when=datetime(2026, 11, 20, 8))  # left before checking in
        s.commit()
    path = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=path, today=TODAY)
    rows = {r[1]: r for r in _rows(path, "打卡明细") if r[0] == "读书会" and r[1] != "每日合计"}
    # (check-ins, leave days, longest run, rate)
    assert rows["每天都打"][-4:] == (20, None, 20, 1.0)
    assert rows["常常打卡"][-4:] == (15, None, 3, 0.75)
    assert rows["早上就走"][-4:] == (19, None, 19, 1.0)  # the 20th, no check-in: not one of their days


def test_namesakes_in_the_alerts_sheet_are_numbered_as_on_every_other_sheet(sqlite_workspace, tmp_path):
    """Two silent 王芳: 成员名册 and 打卡明细 named them 王芳 (1) and 王芳 (2), and 预警 listed 王芳 twice — the
    owner could not tell which one to write to. 预警 numbers them the same way (test_report_namesakes.py for the
    other sheets)."""
    owner = actor_for(sqlite_workspace)
    joined = datetime(2026, 9, 1, 9)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "读书会")
        add_member(s, owner, g, MemberInput(display_name="王芳", wechat_id="wf_a", joined_at=joined))
        add_member(s, owner, g, MemberInput(display_name="王芳", wechat_id="wf_b", joined_at=joined))
        _, busy = add_member(s, owner, g, MemberInput(display_name="李四", joined_at=joined))
        from sqlalchemy import update

        from models import Group

        s.execute(update(Group).where(Group.id == g).values(created_at=datetime(2026, 9, 1, 8)))
        for d in range(1, 31):
            record_checkins(s, owner, g, date(2026, 11, d), [busy], today=TODAY)
        s.commit()
    path = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=path, today=TODAY)
    silent = sorted(r[2] for r in _rows(path, "预警") if r[1] == "沉默成员")
    assert silent == ["王芳 (1)", "王芳 (2)"]
    roster = {r[4]: r[1] for r in _rows(path, "成员名册") if r[0] == "读书会"}
    assert roster["wf_a"] == "王芳 (1)" and roster["wf_b"] == "王芳 (2)"
