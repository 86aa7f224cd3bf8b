"""A group set up in QunDesk this month, its roster's members having joined last month: the month's summary
text (pasted into the group chat) compared with a last month nobody recorded."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import summary_text
from desktop.workspace import actor_for

TODAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: the group is set up on 1 December 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-01")


def _members_who_check_in(s, owner, gid) -> None:
    ids = [
        add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 11, 28)))[1]
        for n in ("张三", "李四")
    ]
    record_checkins(s, owner, gid, date(2026, 12, 1), ids, today=TODAY)
    record_checkins(s, owner, gid, date(2026, 12, 2), ids[:1], today=TODAY)


def test_the_summary_of_a_groups_first_month_compares_with_nothing(sqlite_workspace):
    """早起打卡营 set up on 1 December, 2 members who joined on 28 November: the summary read "活跃 2 人（上月 0）",
    "打卡率 …（上月 0.0%）" — a November QunDesk never saw. Last month's participation is "–" now (its members,
    from the join dates, stay)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        _members_who_check_in(s, owner, gid)
        s.commit()
        text = summary_text(s, gid, 2026, 12, today=TODAY).text
    assert "👥 成员 2 人（上月 2）" in text  # members come from join dates: known
    assert "🔥 活跃 2 人（上月 –）" in text
    assert "✅ 打卡 3 次，打卡率 30.0%（上月 –）" in text  # 3 ÷ (2 members × 5 days)
    assert "（上月 0.0%）" not in text


def test_no_summary_of_a_month_before_the_group_was_set_up(sqlite_workspace):
    """November's summary of that group (the dashboard's "上月小结", the template editor's preview) was a month of
    zeros; it is no text now, with the reason."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        _members_who_check_in(s, owner, gid)
        s.commit()
        november = summary_text(s, gid, 2026, 11, today=TODAY)
    assert november.parts == ()
    assert november.empty_reason is not None and "2026-12-01" in november.empty_reason


def test_a_group_kept_here_last_month_still_compares(sqlite_workspace, monkeypatch):
    """Set up on 20 November: its November is known (nobody checked in — a real 0%) and stays beside December."""
    owner = actor_for(sqlite_workspace)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "老群")
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-01")
    with sqlite_workspace.session() as s:
        _members_who_check_in(s, owner, gid)
        s.commit()
        text = summary_text(s, gid, 2026, 12, today=TODAY).text
    assert "打卡率 30.0%（上月 0.0%）" in text
    assert "👥 成员 2 人（上月 2）" in text


def _kpis(path) -> dict[tuple[str, str], tuple]:
    """概览's KPI rows: (group, metric key) -> (this month, last month, change), read back with openpyxl."""
    from openpyxl import load_workbook

    ws = load_workbook(path)["概览"]
    out = {}
    for row in ws.iter_rows(min_row=1, max_col=6, values_only=True):
        if row[5] and row[0]:
            out[(row[0], row[5])] = (row[2], row[3], row[4])
    return out


def test_the_workbook_compares_with_last_month_only_when_it_was_recorded(sqlite_workspace, tmp_path, monkeypatch):
    """December's workbook of a group set up on 1 December read 打卡率 30.0% | 上月 0.0% | +30.0% and 活跃成员 2 |
    0 | +2 — November never measured. Its 上月 and 变化 are "–" now, but for the figures the join and leave dates
    give (成员数, 新入群, 退群); a group set up in November keeps every comparison, and so does the 合计 only when
    all its groups do."""
    from desktop.services.report import export_monthly_report

    owner = actor_for(sqlite_workspace)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    with sqlite_workspace.session() as s:
        old = create_group(s, owner, "老群")
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-01")
    with sqlite_workspace.session() as s:
        new = create_group(s, owner, "早起打卡营")
        _members_who_check_in(s, owner, new)
        _members_who_check_in(s, owner, old)
        s.commit()
    path = tmp_path / "dec.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=12, group_ids=[new, old], path=path, today=TODAY)
    kpi = _kpis(path)
    assert kpi[("早起打卡营", "checkin_rate")] == (0.3, "–", "–")
    assert kpi[("早起打卡营", "members_active")] == (2, "–", "–")
    assert kpi[("早起打卡营", "members_total")] == (2, 2, 0)  # joined on 28 November: known
    assert kpi[("老群", "checkin_rate")] == (0.3, 0.0, 30.0)  # the change in percentage points
    assert kpi[("老群", "members_active")] == (2, 0, 2)
    assert kpi[("合计", "checkin_rate")] == (0.3, "–", "–")
