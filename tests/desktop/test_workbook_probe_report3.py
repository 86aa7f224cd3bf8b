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
from desktop.services.checkin_import import run_checkin_import
from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group, list_steps, record_join, record_step
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
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


def test_each_check_in_rate_can_be_tallied_from_its_row_the_days_not_theirs_marked(sqlite_workspace, tmp_path):
    """打卡明细 left the days that were not a person's blank, as a day they missed: 新人 (in from the 20th) read 19
    blanks and 6 ✓ beside 54.5%, 回归者 (away 10–24 November) 15 blanks and 15 ✓ beside 100% — the owner's tally of
    the row (6 of 30, 15 of 30) gave neither. Now such a day reads "–" (不在群, the legend says), so every row's rate
    is its ✓ and 补 over the cells that are not "–", less the leave days not checked in."""
    month = _month(sqlite_workspace)
    out = tmp_path / "nov.xlsx"
    export_monthly_report(
        sqlite_workspace, month["owner"], year=2026, month=11, group_ids=[month["group"]], path=out, today=TODAY
    )
    ws = load_workbook(out)["打卡明细"]
    assert "– 不在群" in ws["A2"].value
    header = [c.value for c in ws[3]]
    assert len(header) == 2 + 30 + 4  # November: 30 day columns
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[1] and r[1] != "每日合计"}
    assert set(rows) == {"老会员", "新人", "回归者", "请假者", "沉默者"}
    new, back = rows["新人"][2:32], rows["回归者"][2:32]
    assert new[:19] == ("–",) * 19 and new[19:].count("✓") == 6 and "–" not in new[19:]
    assert back[:9] == ("✓",) * 9 and back[9:24] == ("–",) * 15 and back[24:] == ("✓",) * 6
    assert rows["沉默者"][2:32] == (None,) * 30  # thirty days missed: blank, as ever
    for name, row in rows.items():  # the owner's tally
        cells = row[2:32]
        checked = sum(1 for c in cells if c in ("✓", "补"))
        days = sum(1 for c in cells if c != "–") - cells.count("假")
        assert row[32] == checked
        assert row[35] == pytest.approx(round(checked / days, 4)), name
    assert rows["新人"][35] == round(6 / 11, 4) and rows["回归者"][35] == 1.0 and rows["请假者"][35] == 1.0


def test_the_month_s_check_in_matrix_with_its_days_not_theirs_is_read_back_by_the_check_in_import(
    sqlite_workspace, tmp_path
):
    """The workbook's 打卡明细 is a check-in table a colleague imports (docs/cli.md, import checkins): its "–" (a day
    not the person's) reads as no check-in, not as a cell nobody can read that refuses the file."""
    month = _month(sqlite_workspace)
    out = tmp_path / "nov.xlsx"
    export_monthly_report(
        sqlite_workspace, month["owner"], year=2026, month=11, group_ids=[month["group"]], path=out, today=TODAY
    )
    plan, _summary = run_checkin_import(
        sqlite_workspace, month["owner"], out, "早起打卡营", sheet="打卡明细", today=TODAY, dry_run=True
    )
    assert not [r for r in plan.rows if r.outcome == "problem"], [r for r in plan.rows if r.outcome == "problem"]
    rows = {r.name: r for r in plan.rows}
    assert rows["新人"].already == 6 and rows["回归者"].already == 15  # everything logged already, nothing new


def test_the_roster_names_the_day_of_each_leaving_the_summary_counts(sqlite_workspace, tmp_path):
    """概览 said 退群 2 for November, and 成员名册 said of nobody when they left: 离开者 read 已退群 without a day, and
    回归者 (left on the 10th, back on the 25th) 已入群, joined 2026-11-25 — the leaving it counts was nowhere. Now a
    退群日期 column gives each leaving in the month; a leaving of another month is not this month's."""
    month = _month(sqlite_workspace)
    owner, g = month["owner"], month["group"]
    with sqlite_workspace.session() as s:
        gone = add_member(s, owner, g, MemberInput(display_name="离开者", joined_at=datetime(2026, 9, 1, 9)))[1]
        leave_group(s, owner, gone, "搬家", when=datetime(2026, 11, 15, 21, 30))
        s.commit()
        stats = month_stats(s, g, 2026, 11, today=TODAY)
    assert stats.left == 2

    out = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=out, today=TODAY)
    ws = load_workbook(out)["成员名册"]
    header = [c.value for c in ws[3]]
    assert header[header.index("入群日期") + 1] == "退群日期"
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=4, values_only=True) if r[1]}
    assert (rows["离开者"]["状态"], rows["离开者"]["退群日期"]) == ("已退群", datetime(2026, 11, 15))
    assert (rows["回归者"]["状态"], rows["回归者"]["入群日期"], rows["回归者"]["退群日期"]) == (
        "已入群",
        datetime(2026, 11, 25),
        datetime(2026, 11, 10),
    )
    assert sum(1 for r in rows.values() if r["退群日期"]) == stats.left
    assert (
        ws.cell(row=4 + list(rows).index("离开者"), column=header.index("退群日期") + 1).number_format == "yyyy-mm-dd"
    )

    out = tmp_path / "dec.xlsx"  # December: 回归者's November leaving is not December's
    export_monthly_report(sqlite_workspace, owner, year=2026, month=12, group_ids=[g], path=out, today=TODAY)
    ws = load_workbook(out)["成员名册"]
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=4, values_only=True) if r[1]}
    assert "离开者" not in rows and rows["回归者"]["退群日期"] is None


def test_two_newcomers_of_one_name_stalled_in_the_month_are_listed_and_told_apart(sqlite_workspace, tmp_path):
    """Two newcomers called 王芳, typed in today with the entry step each did in November dated then (record_step's
    `when`): November's 概览 counted 入群停滞 2 and 预警 named "王芳" twice — which two? — while 成员名册 and
    入群进度 listed neither (they were listed from the day the record was made). Now a newcomer with an entry step
    recorded by the month's end is on that month's roster and 入群进度, and the two read 王芳 (3) and 王芳 (4) on
    every sheet, as the two members called 王芳 read (1) and (2)."""
    month = _month(sqlite_workspace)
    owner, g = month["owner"], month["group"]
    with sqlite_workspace.session() as s:
        for wx in ("wf_a", "wf_b"):
            add_member(s, owner, g, MemberInput(display_name="王芳", wechat_id=wx, joined_at=datetime(2026, 9, 1, 9)))
        purpose = next(st.id for st in list_steps(s, g) if st.code == "purpose")
        for wx, day in (("wf_c", 3), ("wf_d", 5)):
            ms = add_member(s, owner, g, MemberInput(display_name="王芳", wechat_id=wx, status="onboarding"))[1]
            record_step(s, owner, ms, purpose, answer="学习", when=datetime(2026, 11, day, 10))
        s.commit()
        stats = month_stats(s, g, 2026, 11, today=TODAY)
    assert stats.stalled_onboarding == 2

    out = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=out, today=TODAY)
    wb = load_workbook(out)

    def table(title: str) -> list[dict]:
        ws = wb[title]
        header = [c.value for c in ws[3]]
        return [dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=4, values_only=True) if r[1]]

    roster = {r["微信号"]: r["姓名"] for r in table("成员名册") if r["微信号"]}
    assert roster == {"wf_a": "王芳 (1)", "wf_b": "王芳 (2)", "wf_c": "王芳 (3)", "wf_d": "王芳 (4)"}
    waiting = {r["姓名"]: r["状态"] for r in table("入群进度") if r["状态"] == "入群中"}
    assert waiting == {"王芳 (3)": "入群中", "王芳 (4)": "入群中"}
    stalled = [r["成员"] for r in table("预警") if r["预警类型"] == "入群停滞"]
    assert sorted(stalled) == ["王芳 (3)", "王芳 (4)"] and len(stalled) == stats.stalled_onboarding
    dormant = {r["成员"] for r in table("预警") if r["预警类型"] == "沉默成员"}
    assert {"王芳 (1)", "王芳 (2)"} <= dormant and "王芳" not in dormant


def test_a_figure_not_measured_stands_where_its_number_would(sqlite_workspace, tmp_path):
    """A group's first month here has no last month: 概览 says "–" for it (not 0%) — but the "–" was text at the
    cell's left edge, against the number of 本月 beside it: printed, "13 –" read as one value (or as 13 minus). It
    is right-aligned now, as the numbers of its column are."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "新开营", datetime(2026, 11, 3, 9))
        ms = add_member(s, owner, g, MemberInput(display_name="首批", joined_at=datetime(2026, 11, 3, 9)))[1]
        record_checkins(s, owner, g, date(2026, 11, 5), [ms], today=TODAY)
        s.commit()
    out = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=out, today=TODAY)
    ws = load_workbook(out)["概览"]
    rows = {r[5].value: r for r in ws.iter_rows(min_row=4, max_col=6) if r[5].value}
    this, last, change = rows["checkin_rate"][2:5]
    assert this.value == round(1 / 28, 4) and last.value == "–" and change.value == "–"  # no last month: said
    for cell in (this, last, change, *rows["members_active"][2:5]):
        assert cell.alignment.horizontal == "right", cell.coordinate


def test_the_summary_says_why_a_month_reads_a_dash(sqlite_workspace, tmp_path):
    """新开营 was set up here on 3 November: its November 概览 has no last month — every 上月 "–", and in the workbook
    of all groups 合计's 上月 "–" too, where 早起打卡营 has October's — and nothing on the sheet said why (an owner
    took it for a gap in the file). The subtitle now says which group has no last month, since when it is recorded,
    and that the total's last month is "–" for it; October's workbook says 新开营 has no October."""
    month = _month(sqlite_workspace)
    owner = month["owner"]
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "新开营", datetime(2026, 11, 3, 9))
        add_member(s, owner, g, MemberInput(display_name="首批", joined_at=datetime(2026, 11, 3, 9)))
        s.commit()

    def summary(path, group_ids):
        year, month_no = (2026, 10) if "oct" in path.name else (2026, 11)
        export_monthly_report(
            sqlite_workspace, owner, year=year, month=month_no, group_ids=group_ids, path=path, today=TODAY
        )
        ws = load_workbook(path)["概览"]
        kpi = {(r[0], r[5]): r[2:5] for r in ws.iter_rows(min_row=4, max_col=6, values_only=True) if r[5]}
        return ws["A2"].value.split("\n"), kpi

    lines, kpi = summary(tmp_path / "one.xlsx", [g])
    assert kpi[("新开营", "checkin_rate")][1:] == ("–", "–")
    assert lines[-1] == "上月「–」: 新开营 (2026-11-03 设立) 没有上月的记录"

    lines, kpi = summary(tmp_path / "all.xlsx", None)
    assert kpi[("合计", "checkins")][1] == "–" and kpi[("早起打卡营", "checkins")][1] == 0  # recorded: none
    assert lines[-1] == "上月「–」: 新开营 (2026-11-03 设立) 没有上月的记录; 合计的上月因此也是「–」"

    lines, kpi = summary(tmp_path / "oct.xlsx", None)
    assert kpi[("新开营", "checkin_rate")] == ("–", "–", "–")
    assert lines[-1] == "本月「–」: 新开营 (2026-11-03 设立) 没有本月的记录"

    lines, _kpi = summary(tmp_path / "plain.xlsx", [month["group"]])  # a month and its last both recorded
    assert len(lines) == 2 and lines[1].startswith("打卡率 = ")


def test_a_group_with_nobody_and_nothing_says_so_on_every_sheet(sqlite_workspace, tmp_path):
    """A group set up in September that has nobody in November: every sheet said "(无)" under its header but
    打卡明细, whose header stood over a blank row and a 每日合计 of zeros. It says "(无)" too now."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "空群", datetime(2026, 9, 1, 9))
        s.commit()
    out = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=out, today=TODAY)
    wb = load_workbook(out)
    for title in ("成员名册", "打卡明细", "活动", "积分", "入群进度", "预警"):
        assert [c.value for c in wb[title][4]][:2] == [None, "(无)"], title
    assert [c.value for c in wb["打卡明细"][6]][:2] == ["空群", "每日合计"]


def test_a_sheet_title_naming_many_groups_does_not_shrink_the_printout(sqlite_workspace, tmp_path):
    """The workbook of eight groups named all eight in each sheet's title. Printed fit to width, the title running on
    past the table counts: 预警's four columns came out at a quarter of the page's width, in 4 pt type (LibreOffice's
    PDF). A title wider than its sheet now says how many groups (概览's subtitle names them, the 社群 column each
    row's); a title that fits keeps the names."""
    owner = actor_for(sqlite_workspace)
    names = [
        "晨光早起打卡营第3期",
        "城南读书会·周末共读",
        "亲子烘焙训练营",
        "跑步俱乐部(朝阳)",
        "英语口语每日一练",
        "摄影爱好者交流群",
        "宝妈育儿互助群",
        "职场写作训练营第5期",
    ]
    with sqlite_workspace.session() as s:
        ids = [_set_up(s, owner, n, datetime(2026, 9, 1, 9)) for n in names]
        for g, n in zip(ids, names, strict=True):
            add_member(s, owner, g, MemberInput(display_name=n[:2] + "甲", joined_at=datetime(2026, 9, 1, 9)))
        s.commit()
    out = tmp_path / "all.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=None, path=out, today=TODAY)
    wb = load_workbook(out)
    assert all(n in wb["概览"]["A2"].value for n in names)
    for ws in wb.worksheets[1:]:
        title = ws["A1"].value
        printed = [ws.column_dimensions[c.column_letter].width or 8.43 for c in ws[3] if c.value is not None]
        assert display_width(title) * 1.4 <= sum(printed), (ws.title, title)  # 15 pt bold: ≈1.4 × 11 pt units
    assert wb["预警"]["A1"].value == "预警 · 2026年11月 · 8 个社群"

    out = tmp_path / "two.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=ids[2:4], path=out, today=TODAY)
    assert load_workbook(out)["预警"]["A1"].value == "预警 · 2026年11月 · 亲子烘焙训练营、跑步俱乐部(朝阳)"


def test_a_legend_wider_than_the_first_week_s_matrix_is_wrapped_over_it(sqlite_workspace, tmp_path):
    """December's workbook on the 7th: 打卡明细 has seven day columns, and its legend (✓ 打卡 · 补 补卡 · 假 请假 · – 不在群
    …) ran on far past the table — printed fit to width, the whole sheet came out smaller for it. The legend is now
    wrapped in cells merged over the table's columns, as many lines high as it needs."""
    month = _month(sqlite_workspace)
    out = tmp_path / "dec.xlsx"
    export_monthly_report(
        sqlite_workspace, month["owner"], year=2026, month=12, group_ids=[month["group"]], path=out, today=TODAY
    )
    ws = load_workbook(out)["打卡明细"]
    header = [c.value for c in ws[3]]
    assert len(header) == 2 + 7 + 4  # 1–7 December
    last = ws.cell(row=3, column=len(header)).column_letter
    assert f"A2:{last}2" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].alignment.wrap_text and "– 不在群" in ws["A2"].value
    room = sum(ws.column_dimensions[c.column_letter].width * 7 + 5 for c in ws[3])
    assert ws.row_dimensions[2].height >= math.ceil(display_width(ws["A2"].value) * 7 / room) * 13
    assert not load_workbook(tmp_path / "dec.xlsx")["成员名册"].merged_cells.ranges  # a subtitle that fits: as it was


def test_a_member_renamed_mid_month_is_one_row_under_the_new_name_with_the_old_one_said(
    sqlite_workspace, tmp_path, monkeypatch
):
    """老会员 is renamed 早起达人 on 15 November. Every sheet names a person as they are named now (one row, one name:
    docs/metrics.md), so November's workbook showed only 早起达人 — and an owner holding the chat of 1–14 November,
    where she checked in as 老会员, found no 老会员 anywhere. 成员名册 now says the names carried since the month
    began (曾用名); December's workbook, the rename before it began, says none."""
    month = _month(sqlite_workspace)
    owner, ms = month["owner"], month["ids"]["老会员"]
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-15")
    with sqlite_workspace.session() as s:
        data = get_member_input(s, ms)
        data.display_name = "早起达人"
        update_member(s, owner, ms, data)
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())

    def sheets(month_no: int):
        out = tmp_path / f"{month_no}.xlsx"
        export_monthly_report(
            sqlite_workspace, owner, year=2026, month=month_no, group_ids=[month["group"]], path=out, today=TODAY
        )
        wb = load_workbook(out)
        header = [c.value for c in wb["成员名册"][3]]
        roster = {
            r[1]: dict(zip(header, r, strict=False)) for r in wb["成员名册"].iter_rows(min_row=4, values_only=True)
        }
        matrix = [r[1] for r in wb["打卡明细"].iter_rows(min_row=4, values_only=True) if r[1]]
        return roster, matrix

    roster, matrix = sheets(11)
    assert matrix.count("早起达人") == 1 and "老会员" not in matrix
    assert "老会员" not in roster and roster["早起达人"]["曾用名 (本月起)"] == "老会员"
    assert roster["新人"]["曾用名 (本月起)"] is None
    roster, _matrix = sheets(12)
    assert roster["早起达人"]["曾用名 (本月起)"] is None
