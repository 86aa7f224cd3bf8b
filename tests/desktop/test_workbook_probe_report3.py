"""The monthly workbook read as the owner reads it, third probe: a month of hard cases (a member who joined on the
20th, one who left on the 10th and came back on the 25th, a week of leave, two 王芳, …) written to tmp_path and read
back with openpyxl — what each sheet says, and what it prints."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from desktop.io.xlsx_util import display_width
from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group, record_join
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import Group

TODAY = date(2026, 12, 7)  # these tests' own day: November 2026 is a past month, whole


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _set_up(s, owner, name: str, on: datetime) -> int:
    g = create_group(s, owner, name)
    s.execute(update(Group).where(Group.id == g).values(created_at=on))
    return g


def _month(sqlite_workspace) -> dict:
    """早起打卡营 in November 2026: 老会员 every day; 新人 joined on the 20th, checked in 6 of their 11 days; 回归者 in
    from September, left on the 10th (checked in 1–9), back on the 25th (checked in 25–30); 请假者 on leave 5–11,
    checked in every other day; 沉默者 never."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "早起打卡营", datetime(2026, 9, 1, 9))
        ids = {}
        for name, joined in (
            ("老会员", datetime(2026, 9, 1, 9)),
            ("新人", datetime(2026, 11, 20, 9)),
            ("回归者", datetime(2026, 9, 1, 9)),
            ("请假者", datetime(2026, 9, 1, 9)),
            ("沉默者", datetime(2026, 9, 1, 9)),
        ):
            ids[name] = add_member(s, owner, g, MemberInput(display_name=name, joined_at=joined))[1]
        for d in range(1, 31):
            who = [ids["老会员"]]
            if d >= 20 and d % 2 == 0:
                who.append(ids["新人"])
            if d < 10 or d >= 25:
                who.append(ids["回归者"])
            if not 5 <= d <= 11:
                who.append(ids["请假者"])
            record_checkins(s, owner, g, date(2026, 11, d), who, today=TODAY)
        record_leave(s, owner, ids["请假者"], date(2026, 11, 5), date(2026, 11, 11), "出差")
        s.commit()
        leave_group(s, owner, ids["回归者"], "暂离", when=datetime(2026, 11, 10, 20))
        assert record_join(s, owner, ids["回归者"], datetime(2026, 11, 25, 8)) == "active"
        s.commit()
        stats = month_stats(s, g, 2026, 11, today=TODAY)
    return {"owner": owner, "group": g, "ids": ids, "stats": stats}


def test_the_summary_s_subtitle_is_wrapped_over_the_printed_width_and_says_what_the_rate_counts(
    sqlite_workspace, tmp_path
):
    """概览's subtitle — period, groups, exported, operator, the rules of the month — was one cell on one line: it ran
    past column Q, the printed width, and LibreOffice's PDF of the workbook stopped at "… 90 天内违" (with several
    groups named, at the rules' start). And nothing on 概览 said what its 打卡率 counts: 33.4% for a group whose
    members' own rates on 打卡明细 read 100%, 55%, 100% … Now the subtitle is merged across A–Q, wrapped, as many
    lines high as it needs, and it says the rate is the members' check-ins ÷ (members × days − leave days), each
    person's own rate being over their own days (打卡明细)."""
    month = _month(sqlite_workspace)
    owner = month["owner"]
    with sqlite_workspace.session() as s:  # two more groups with long names: the subtitle names every group
        for name in ("城南读书会·周末共读小组", "亲子烘焙训练营第三期"):
            _set_up(s, owner, name, datetime(2026, 9, 1, 9))
        s.commit()
    out = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=None, path=out, today=TODAY)
    ws = load_workbook(out)["概览"]
    text = ws["A2"].value
    assert "90 天内违规 3 次" in text and "城南读书会·周末共读小组" in text
    assert "打卡率 = 月末成员的打卡次数 ÷ (月末成员数 × 统计天数 − 请假天数)" in text
    assert "A2:Q2" in {str(r) for r in ws.merged_cells.ranges}  # Q: the last printed column
    assert ":$Q$" in ws.print_area
    assert ws["A2"].alignment.wrap_text
    printed = [ws.column_dimensions[c].width for c in "ABCDEGHIJKLMNOPQ"]  # F (the metric's key) is hidden
    room = sum(w * 7 + 5 for w in printed)  # pixels of the printed width
    first, rate_line = text.split("\n")
    assert rate_line.startswith("打卡率 = ")  # on a line of its own
    lines = math.ceil(display_width(first) * 7 / room) + math.ceil(display_width(rate_line) * 7 / room)
    assert math.ceil(display_width(first) * 7 / room) >= 2  # the case: one line does not hold the subtitle
    assert ws.row_dimensions[2].height >= lines * 13  # a 10 pt line is 13–14 pt high
    # the KPIs under it are where they were (row 3 the header): scripts read 概览 from row 4
    assert [c.value for c in ws[3]][:5] == ["社群", "指标", "本月", "上月", "变化"]
    kpi = {(r[0], r[5]): r[2] for r in ws.iter_rows(min_row=4, max_col=6, values_only=True) if r[5]}
    assert kpi[("早起打卡营", "checkin_rate")] == month["stats"].checkin_rate
