"""The monthly Excel report (PRODUCT §3.5): every workbook is opened again with openpyxl and read back —
sheets, headers, values against the database and desktop.metrics, panes, filters, charts, print set-up,
formula-looking names, masked phones, permissions and the atomic write."""

from __future__ import annotations

import math
import os
import re
import time
import zipfile
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from desktop.demo import build_demo
from desktop.errors import NotFound, PermissionDenied, QunDeskError
from desktop.health import alerts
from desktop.io import xlsx_util
from desktop.metrics import month_stats
from desktop.services.checkins import CheckinEntry, record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.points import competition_ranks
from desktop.services.report import KPI_KEYS, PAGE_ROWS, SHEETS, export_monthly_report, kpi_page_breaks
from desktop.services.roster import MemberInput, add_member
from desktop.tasks import Cancelled, Progress
from desktop.workspace import actor_for, open_workspace
from models import Activity, Attendance, CheckIn, EntryStep, Group, Member, Membership, PointsEntry

TODAY = date(2026, 5, 20)
SHEET_ORDER = ["概览", "成员名册", "打卡明细", "活动", "积分", "入群进度", "预警"]
ROSTER_HEADERS = [
    "社群",
    "姓名",
    "昵称",
    "群昵称",
    "微信号",
    "手机",
    "状态",
    "层级",
    "角色",
    "标签",
    "入群日期",
    "退群日期",  # a leaving in the month (概览's 退群): probe report3
    "推荐人",
    "进群目的",
    "积分",
    "等级",
    "最近参与",
    "本月发言",  # chat messages in the month (issue 11)
    "曾用名 (本月起)",  # names carried before a rename since the month began: probe report3
]
HEADER_ROW = 3  # row 1 title, row 2 subtitle, row 3 the header of each sheet's first table
MASKED = re.compile(r"^\d{3}\*{4}\d{4}$")


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A demo workspace: 3 groups, 250 people, April and May 2026 (today 2026-05-20)."""
    folder = tmp_path_factory.mktemp("demo")
    database = open_workspace(folder / "w.sqlite")
    build_demo(database.engine, groups=3, members=250, months=2, seed=11, today=TODAY)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def owner_actor(demo):
    return actor_for(demo)


@pytest.fixture(scope="module")
def may_report(demo, owner_actor, tmp_path_factory):
    path = tmp_path_factory.mktemp("out") / "report-2026-05.xlsx"
    summary = export_monthly_report(demo, owner_actor, year=2026, month=5, group_ids=None, path=path, today=TODAY)
    return summary, load_workbook(path)


@pytest.fixture(scope="module")
def april_report(demo, owner_actor, tmp_path_factory):
    path = tmp_path_factory.mktemp("out") / "report-2026-04.xlsx"
    summary = export_monthly_report(demo, owner_actor, year=2026, month=4, group_ids=None, path=path, today=TODAY)
    return summary, load_workbook(path)


def _groups(database) -> list[tuple[int, str]]:
    with database.session() as s:
        return [(g.id, g.name) for g in s.scalars(select(Group).order_by(Group.id))]


def _rows(ws, first: int) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=first, values_only=True)]


def _header(ws, row: int = HEADER_ROW) -> list:
    values = [c.value for c in ws[row]]
    while values and values[-1] is None:
        values.pop()
    return values


def _table(ws, row: int = HEADER_ROW) -> list[dict]:
    """The rows of the sheet's first table as dicts (up to the first empty row)."""
    header = _header(ws, row)
    out = []
    for values in ws.iter_rows(min_row=row + 1, values_only=True):
        if all(v is None for v in values):
            break
        out.append(dict(zip(header, values, strict=False)))
    return out


# ---------------------------------------------------------------- structure


def test_sheets_in_order_and_summary(may_report):
    summary, wb = may_report
    assert wb.sheetnames == SHEET_ORDER
    assert list(summary.sheets) == SHEET_ORDER == list(SHEETS)
    assert summary.path.name == "report-2026-05.xlsx"
    assert summary.rows_written > 500


def test_workbook_properties(may_report, owner_actor):
    _summary, wb = may_report
    assert wb.properties.creator == owner_actor.name
    assert "2026" in wb.properties.title and "5" in wb.properties.title


def test_every_sheet_has_frozen_header_filter_and_print_setup(may_report):
    _summary, wb = may_report
    for name in SHEET_ORDER:
        ws = wb[name]
        assert ws.freeze_panes is not None and int(re.sub(r"\D", "", ws.freeze_panes)) == HEADER_ROW + 1, name
        ref = ws.auto_filter.ref
        assert ref and re.match(rf"^A{HEADER_ROW}:[A-Z]+\d+$", ref), (name, ref)
        # the alerts' four columns print upright; every other sheet is wide
        assert ws.page_setup.orientation == ("portrait" if name == "预警" else "landscape"), name
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0, name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        assert widths and all(2 <= w <= 61 for w in widths), name
    for name in ("成员名册", "打卡明细", "积分", "入群进度", "预警"):
        assert wb[name].print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", name
    assert wb["成员名册"].freeze_panes == f"C{HEADER_ROW + 1}"  # group and name stay in view


def test_charts_are_in_the_workbook(may_report):
    summary, _wb = may_report
    with zipfile.ZipFile(summary.path) as z:
        names = z.namelist()
        charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) >= 3
        kinds = " ".join(z.read(n).decode() for n in charts)
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert "drawing" in rels  # the charts hang on 概览 (sheet1)
    assert len(re.findall(r"<(?:c:)?(?:barChart|lineChart)>", kinds)) >= 3
    assert "'概览'!" in kinds  # the series read the summary sheet's cells


def _chart_xml(path) -> tuple[list[str], list[int]]:
    """The charts' XML of 概览 in anchor order, and the (1-based) row each chart starts at."""
    with zipfile.ZipFile(path) as z:
        drawing = z.read("xl/drawings/drawing1.xml").decode()
        rels = z.read("xl/drawings/_rels/drawing1.xml.rels").decode()
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels)) or {
            rid: target for target, rid in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)
        }
        anchors = re.findall(r"<(?:xdr:)?from>.*?<(?:xdr:)?row>(\d+)</(?:xdr:)?row>.*?r:id=\"(rId\d+)\"", drawing)
        charts = [z.read("xl/charts/" + targets[rid].rsplit("/", 1)[-1]).decode() for _row, rid in anchors]
    return charts, [int(row) + 1 for row, _rid in anchors]


def test_summary_prints_whole_kpi_blocks_with_the_total_first(may_report, demo):
    """Page 1: the 合计 block (the headline), then whole group blocks, and the first two charts; page 2 starts
    with the entry funnel. No KPI block is cut by a page break."""
    summary, wb = may_report
    ws = wb["概览"]
    rows = _rows(ws, HEADER_ROW + 1)
    names = [r[0] for r in rows if r[5]]
    block = len(KPI_KEYS)
    groups = [n for _i, n in _groups(demo)]
    assert names == [n for n in ["合计", *groups] for _k in range(block)]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks and all((row - HEADER_ROW) % block == 0 for row in breaks)  # after a block's last row
    assert breaks[0] <= PAGE_ROWS
    _charts, starts = _chart_xml(summary.path)
    assert starts[0] == HEADER_ROW + 1 and starts[2] == breaks[0] + 1  # the funnel opens page 2
    last_row = int(re.search(r"\$(\d+)$", ws.print_area).group(1))
    assert last_row >= HEADER_ROW + block * (len(groups) + 1) and ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_one_groups_summary_is_one_page(demo, owner_actor, tmp_path):
    """One group: the funnel sits under the KPIs (columns A–E), beside the two charts: no page break."""
    gid, _name = _groups(demo)[0]
    path = tmp_path / "one.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    ws = load_workbook(path)["概览"]
    assert list(ws.row_breaks.brk) == []
    kpi_end = HEADER_ROW + len(KPI_KEYS)
    with zipfile.ZipFile(path) as z:
        drawing = z.read("xl/drawings/drawing1.xml").decode()
    anchors = [(int(c), int(r) + 1) for c, r in re.findall(r"<col>(\d+)</col>.*?<row>(\d+)</row>", drawing)]
    assert anchors[2] == (0, kpi_end + 2)  # column A, a row under the KPIs
    last_row = int(re.search(r"\$(\d+)$", ws.print_area).group(1))
    assert last_row <= PAGE_ROWS and ws.print_title_rows is None


def test_kpi_page_breaks_keep_blocks_whole():
    assert kpi_page_breaks(4, 12, 1, first_page_min=33) == [33]  # one group: the charts set page 1's end
    assert kpi_page_breaks(4, 12, 4, first_page_min=33) == [39]
    assert kpi_page_breaks(4, 12, 11, first_page_min=33) == [39, 75, 111]
    for n in range(1, 30):
        breaks = kpi_page_breaks(4, 13, n, first_page_min=33)
        pages = list(zip([3, *breaks], [*breaks, 3 + 13 * n], strict=True))
        assert all(end - start <= PAGE_ROWS for start, end in pages), n
        assert all((b - 3) % 13 == 0 for b in breaks if b != 33), n


def test_structure_and_funnel_charts_stay_readable(may_report, demo):
    """Structure: one 100 % bar for the target and one per group (labels sit in their own segments, where
    side-by-side columns put six labels on top of each other); funnel: every step named, one bar each."""
    summary, wb = may_report
    charts, _starts = _chart_xml(summary.path)
    structure, funnel = charts[1], charts[2]
    assert 'grouping val="percentStacked"' in structure and 'barDir val="bar"' in structure
    assert 'dLblPos val="ctr"' in structure
    n = len(_groups(demo))
    assert structure.count("<c:ser>") + structure.count("<ser>") == 3  # key, mid, ordinary voices
    assert 'tickLblSkip val="1"' in funnel  # no step name skipped
    with zipfile.ZipFile(summary.path) as z:
        drawing = z.read("xl/drawings/drawing1.xml").decode()
    heights = [int(h) for h in re.findall(r'cy="(\d+)"', drawing)]
    assert n == 3 and heights[2] > heights[1]  # three groups' funnel bars get a taller chart


def test_onboarding_prints_who_is_on_the_way_in_and_this_months_joins(may_report):
    _summary, wb = may_report
    ws = wb["入群进度"]
    rows = _table(ws)
    last = int(re.search(r"\$(\d+)$", ws.print_area).group(1))
    printed, rest = rows[: last - HEADER_ROW], rows[last - HEADER_ROW :]
    assert printed and rest
    may = date(2026, 5, 1)

    def joined(r):
        return r["入群日期"].date() if isinstance(r["入群日期"], datetime) else r["入群日期"]

    assert all(r["状态"] in ("申请中", "入群中") or (joined(r) and joined(r) >= may) for r in printed)
    assert any(r["状态"] == "已入群" for r in printed) and any(r["状态"] != "已入群" for r in printed)
    assert all(r["状态"] == "已入群" and joined(r) < may for r in rest)  # still in the sheet, to filter
    assert "打印范围" in ws.cell(2, 1).value


def test_no_formula_anywhere(may_report):
    summary, _wb = may_report
    with zipfile.ZipFile(summary.path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in z.read(name).decode(), name


# ---------------------------------------------------------------- values


def test_summary_kpis_equal_month_stats(demo, may_report):
    _summary, wb = may_report
    ws = wb["概览"]
    assert _header(ws)[:5] == ["社群", "指标", "本月", "上月", "变化"]
    cells = {(r[0], r[5]): r[2:5] for r in _rows(ws, HEADER_ROW + 1) if r[5]}
    with demo.session() as s:
        for gid, name in _groups(demo):
            this = month_stats(s, gid, 2026, 5, today=TODAY).as_dict()
            last = month_stats(s, gid, 2026, 4, today=TODAY).as_dict()
            for key, value in this.items():
                got_this, got_last, change = cells[(name, key)]
                assert got_this == pytest.approx(value), (name, key)
                assert got_last == pytest.approx(last[key]), (name, key)
                # a rate's change in percentage points (−8.4 for 53.8% → 45.5%), the others in their own unit
                points = 100 if key in ("checkin_rate", "attendance_rate") else 1
                assert change == pytest.approx((value - last[key]) * points, abs=1e-2), (name, key)
    totals = {k: v for (g, k), v in cells.items() if g == "合计"}
    assert set(totals) == set(this)
    assert totals["members_total"][0] == sum(cells[(n, "members_total")][0] for _i, n in _groups(demo))
    assert totals["checkins"][0] == sum(cells[(n, "checkins")][0] for _i, n in _groups(demo))
    assert 0 <= totals["checkin_rate"][0] <= 1


def test_summary_rates_are_percent_formatted(may_report):
    _summary, wb = may_report
    ws = wb["概览"]
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 11):
        if row[5].value == "checkin_rate":
            assert row[2].number_format == "0.0%"
            # the change in percentage points, said in the cell: "-8.4%" read as a relative fall
            assert row[4].number_format == '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"'
            assert "%" not in row[4].number_format
            # wide enough for "-100.0个百分点" (14 narrow characters): measured as a bare number it printed as ###
            assert ws.column_dimensions["E"].width >= 14
            break
    else:
        pytest.fail("no checkin_rate row")


def test_roster_headers_and_values(demo, may_report):
    _summary, wb = may_report
    ws = wb["成员名册"]
    assert _header(ws) == ROSTER_HEADERS
    rows = _table(ws)
    with demo.session() as s:
        # every member at the end of the period is listed, with the Chinese status label
        active = s.scalar(select(func.count()).select_from(Membership).where(Membership.status == "active"))
    assert sum(1 for r in rows if r["状态"] == "已入群") == active
    assert {r["状态"] for r in rows} <= {"已入群", "入群中", "申请中", "已退群", "已移除", "黑名单"}
    phones = [r["手机"] for r in rows if r["手机"]]
    assert phones and all(MASKED.match(p) for p in phones)  # masked by default, even for the owner
    joined = [c for c in ws["K"][HEADER_ROW:] if c.value is not None]
    assert joined and all(c.number_format == "yyyy-mm-dd" for c in joined)
    assert all(isinstance(r["积分"], int) for r in rows)


def test_checkin_matrix_totals_equal_the_database(demo, april_report):
    _summary, wb = april_report
    ws = wb["打卡明细"]
    header = _header(ws)
    assert header[:2] == ["社群", "姓名"] and header[-4:] == ["打卡天数", "请假天数", "最长连续", "打卡率"]
    assert header[2] == "1\n三" and header[31] == "30\n四"  # 2026-04-01 is a Wednesday; April has 30 days
    rows = _rows(ws, HEADER_ROW + 1)
    with demo.session() as s:
        for gid, name in _groups(demo):
            per_day = dict(
                s.execute(
                    select(CheckIn.day, func.count())
                    .where(CheckIn.group_id == gid, CheckIn.day.between(date(2026, 4, 1), date(2026, 4, 30)))
                    .group_by(CheckIn.day)
                ).all()
            )
            total_row = next(r for r in rows if r[0] == name and r[1] == "每日合计")
            assert list(total_row[2:32]) == [per_day.get(date(2026, 4, d), 0) for d in range(1, 31)]
            assert total_row[32] == sum(per_day.values()) == month_stats(s, gid, 2026, 4, today=TODAY).checkins
            members = [r for r in rows if r[0] == name and r[1] != "每日合计"]
            marks = sum(1 for r in members for v in r[2:32] if v in ("✓", "补"))
            assert marks == sum(per_day.values())
            assert all(r[32] == sum(1 for v in r[2:32] if v in ("✓", "补")) for r in members)
            assert all(r[35] is None or 0 <= r[35] <= 1 for r in members)
            assert all(r[34] <= r[32] for r in members)  # the longest streak is at most the check-ins
    rate_cells = [c for c in ws["AJ"][HEADER_ROW:] if isinstance(c.value, float)]
    assert rate_cells and all(c.number_format == "0.0%" for c in rate_cells)
    assert ws.conditional_formatting  # a colour scale on the rate, fills on the marks
    rules = [r.type for cf in ws.conditional_formatting for r in cf.rules]
    assert "colorScale" in rules and "expression" in rules


def test_activities_counts_equal_the_database(demo, april_report):
    _summary, wb = april_report
    ws = wb["活动"]
    rows = _table(ws)
    with demo.session() as s:
        acts = s.execute(
            select(Activity.id, Activity.title).where(
                Activity.starts_at >= datetime(2026, 4, 1), Activity.starts_at < datetime(2026, 5, 1)
            )
        ).all()
        assert len(rows) == len(acts) > 0
        by_title = {r["活动"]: r for r in rows}
        for aid, title in acts:
            counts = dict(
                s.execute(
                    select(Attendance.status, func.count())
                    .where(Attendance.activity_id == aid)
                    .group_by(Attendance.status)
                ).all()
            )
            row = by_title[title]
            assert row["出席"] == counts.get("attended", 0)
            assert row["缺席"] == counts.get("absent", 0)
            assert row["请假"] == counts.get("excused", 0)
            assert row["报名"] == sum(counts.values())
            expected = counts.get("attended", 0) + counts.get("absent", 0) + counts.get("registered", 0)
            if expected:
                assert row["出勤率"] == pytest.approx(counts.get("attended", 0) / expected, abs=1e-4)
    assert {r["类型"] for r in rows} <= {
        "干货分享",
        "大牛直播",
        "有奖互动",
        "线下聚会",
        "开营仪式",
        "颁奖典礼",
        "课程",
        "其他",
    }
    values = [v for r in ws.iter_rows(values_only=True) for v in r]
    assert "出勤矩阵 · " + _groups(demo)[0][1] in values
    assert "✓" in values


def test_points_leaderboard_and_ledger(demo, april_report):
    _summary, wb = april_report
    ws = wb["积分"]
    assert _header(ws) == ["社群", "排名", "姓名", "本月积分", "等级", "排名", "姓名", "累计积分", "等级"]
    gid, gname = _groups(demo)[0]
    rows = []  # the two boards, up to the blank row before the ledger
    for r in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=9, values_only=True):
        if not r[0]:
            break
        rows.append(r)
    board = [r for r in rows if r[0] == gname and r[1] is not None]  # the month board: A–E
    with demo.session() as s:
        top = s.execute(
            select(Member.display_name, func.sum(PointsEntry.points).label("p"))
            .join(Membership, Membership.id == PointsEntry.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .where(
                PointsEntry.group_id == gid,
                PointsEntry.day.between(date(2026, 4, 1), date(2026, 4, 30)),
                Member.points_opt_out.is_(False),
            )
            .group_by(Membership.id, Member.display_name, Member.pinyin)
            .order_by(func.sum(PointsEntry.points).desc(), Member.pinyin, Membership.id)  # the leaderboard text's order
            .limit(5)
        ).all()
        ledger_count = s.scalar(
            select(func.count())
            .select_from(PointsEntry)
            .where(PointsEntry.day.between(date(2026, 4, 1), date(2026, 4, 30)))
        )
        opted_out = set(s.scalars(select(Member.display_name).where(Member.points_opt_out.is_(True))))
        everyone_else = set(s.scalars(select(Member.display_name).where(Member.points_opt_out.is_(False))))
    # namesakes on the month's roster are numbered (张三 (1), 张三 (2)): the board's name is the person's with it
    assert [(re.sub(r" \(\d+\)$", "", r[2]), r[3]) for r in board[:5]] == [(n, int(p)) for n, p in top]
    assert [r[1] for r in board[:5]] == competition_ranks([int(p) for _n, p in top])  # equal points: one rank
    hidden = opted_out - everyone_else  # names that only opted-out people carry
    assert opted_out, "the demo has members who opted out of leaderboards"
    shown = {re.sub(r" \(\d+\)$", "", r[c]) for r in rows for c in (2, 6) if r[c]}  # both boards
    assert not (hidden & shown)
    ledger_header_row = next(
        c.row for c in ws["F"] if c.value == "原因"
    )  # the ledger below the boards: 社群 日期 姓名 积分 来源 原因
    assert _header(ws, ledger_header_row) == ["社群", "日期", "姓名", "积分", "来源", "原因"]
    assert len(_table(ws, ledger_header_row)) == ledger_count
    assert ws.print_area and ws.print_area.endswith(f"{ledger_header_row - 3}")  # the ledger is not printed


def test_onboarding_matrix_names_the_steps(demo, may_report):
    _summary, wb = may_report
    ws = wb["入群进度"]
    header = _header(ws)
    assert header[:5] == ["社群", "姓名", "状态", "申请日期", "入群日期"]
    steps = header[5:-1]
    for canonical in ("进群目的问答", "阅读群规与入会须知", "自我介绍", "爆照", "实名认证"):
        assert canonical in steps
    assert steps.index("进群目的问答") < steps.index("阅读群规与入会须知") < steps.index("自我介绍")
    rows = _table(ws)
    assert {r["状态"] for r in rows} <= {"申请中", "入群中", "已入群"}
    assert any(r["状态"] in ("申请中", "入群中") for r in rows)
    dates = [r["进群目的问答"] for r in rows if r["进群目的问答"] not in (None, "—")]
    assert dates and all(isinstance(d, datetime) for d in dates)  # real dates, shown as yyyy-mm-dd
    done = [c for c in ws["F"][HEADER_ROW:] if isinstance(c.value, datetime)]
    assert done and all(c.number_format == "yyyy-mm-dd" for c in done)


def test_alerts_sheet_lists_health_alerts(demo, may_report):
    _summary, wb = may_report
    ws = wb["预警"]
    assert _header(ws) == ["社群", "预警类型", "成员", "原因"]
    rows = _table(ws)
    with demo.session() as s:
        expected = sum(len(alerts(s, gid, TODAY)) for gid, _n in _groups(demo))
    assert len(rows) == expected > 0
    labels = {"沉默成员", "沉默新人", "入群停滞", "多次违规", "僵尸群预警", "容量预警"}
    assert {r["预警类型"] for r in rows} <= labels
    assert all(r["原因"] for r in rows)


def _ordered_alerts(found):
    from desktop.services.report import ALERT_ORDER

    return sorted(found, key=lambda a: ALERT_ORDER.get(a.kind, 99))


def test_english_headers(demo, owner_actor, tmp_path):
    gid, _name = _groups(demo)[1]
    path = tmp_path / "en.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=5, group_ids=[gid], path=path, today=TODAY, lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames == SHEET_ORDER  # sheet names stay the same: scripts find sheets by name
    assert _header(wb["成员名册"])[:3] == ["Group", "Name", "Nickname"]
    assert _header(wb["概览"])[:5] == ["Group", "Metric", "This month", "Last month", "Change"]
    # a rate's change in percentage points, said in English too
    rate_row = next(r for r in wb["概览"].iter_rows(min_row=HEADER_ROW + 1) if r[5].value == "checkin_rate")
    assert rate_row[4].number_format == '+0.0" pp";-0.0" pp";0.0" pp"'
    assert "Member" in {r["Status"] for r in _table(wb["成员名册"])}
    reasons = [r["Reason"] for r in _table(wb["预警"])]
    assert reasons and all(r.isascii() for r in reasons)  # alert reasons in English too (desktop/phrases.py)
    with demo.session() as s:
        assert reasons == [a.reason.english for a in _ordered_alerts(alerts(s, gid, TODAY))]
    # the ledger below the leaderboard: the app's own reasons in English (stored in Chinese), typed ones as typed
    rows = list(wb["积分"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if "Reason" in r and "Source" in r)
    col = rows[header].index("Reason")
    ledger = {r[col] for r in rows[header + 1 :] if r[col]}
    assert "Check-in" in ledger and not {"打卡", "补卡", "违规", "推荐入群", "参加活动", "分享"} & ledger


def test_one_group_and_future_month(demo, owner_actor, tmp_path):
    gid, name = _groups(demo)[2]
    path = tmp_path / "one.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    wb = load_workbook(path)
    assert {r["社群"] for r in _table(wb["成员名册"])} == {name}
    assert "合计" not in {r[0] for r in _rows(wb["概览"], HEADER_ROW + 1)}
    future = tmp_path / "future.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=8, group_ids=[gid], path=future, today=TODAY)
    wb = load_workbook(future)
    assert wb.sheetnames == SHEET_ORDER
    assert _header(wb["打卡明细"]) == ["社群", "姓名", "打卡天数", "请假天数", "最长连续", "打卡率"]
    with pytest.raises(NotFound):
        export_monthly_report(demo, owner_actor, year=2026, month=5, group_ids=[9999], path=tmp_path / "x.xlsx")


# ---------------------------------------------------------------- hand-seeded: safety and permissions

TRICKY = ['=HYPERLINK("x")', "+1", "-2", "@a", "\tTab", "=1+1", "\r=cr"]


@pytest.fixture
def seeded(workspace, owner):
    """One group with formula-looking names, phones, a retired step, a leave and a few check-ins."""
    with workspace.session() as s:
        gid = create_group(s, owner, "测试群")
        mids = []
        for i, name in enumerate(TRICKY):
            _member, mid = add_member(
                s,
                owner,
                gid,
                MemberInput(
                    display_name=name,
                    phone=f"1380013800{i}",
                    tags=["-标签"] if i == 0 else [],
                    joined_at=datetime(2026, 3, 1, 12),
                ),
            )
            mids.append(mid)
            # the roster service strips names; chats and imports can still bring a leading tab or CR
            s.execute(update(Member).where(Member.id == _member).values(display_name=name))
        s.execute(
            update(EntryStep)
            .where(EntryStep.group_id == gid, EntryStep.code == "photo")
            .values(retired_at=datetime(2026, 4, 1))
        )
        assistant = add_operator(s, owner, "小助手", "assistant")
        for d in (date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 4)):
            record_checkins(s, owner, gid, d, mids[:2], today=d)
        record_checkins(s, owner, gid, date(2026, 5, 5), [CheckinEntry(mids[0], late=True)], today=TODAY)  # 补卡
        record_leave(s, owner, mids[0], date(2026, 5, 3), date(2026, 5, 3), "出差")
        s.commit()
    return gid, mids, assistant


def test_formula_looking_text_is_written_as_text(workspace, owner, seeded, tmp_path):
    gid, _mids, _assistant = seeded
    path = tmp_path / "tricky.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    wb = load_workbook(path)
    ws = wb["成员名册"]
    cells = {c.value: c for c in ws["B"][HEADER_ROW:] if c.value is not None}
    for name in TRICKY:
        assert name in cells, name
        assert cells[name].data_type == "s", name
        assert cells[name].quotePrefix, name
    tags = [c for c in ws["J"][HEADER_ROW:] if c.value == "-标签"]
    assert tags and tags[0].data_type == "s"
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in z.read(name).decode(), name
    matrix = wb["打卡明细"]
    row = next(r for r in _rows(matrix, HEADER_ROW + 1) if r[1] == TRICKY[0])
    assert row[2:7] == ("✓", "✓", "假", "✓", "补")  # May 1, 2, 3 (on leave), 4, 5 (logged late)
    # 4 check-ins; 1 leave day; the leave day neither breaks nor extends the run, a late one does not count
    assert row[-4] == 4 and row[-3] == 1 and row[-2] == 3
    assert row[-1] == pytest.approx(4 / (TODAY.day - 1), abs=1e-4)  # check-ins ÷ (days in the group − leave days)


def test_retired_step_is_marked(workspace, owner, seeded, tmp_path):
    gid, _mids, _assistant = seeded
    path = tmp_path / "steps.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    header = _header(load_workbook(path)["入群进度"])
    assert "爆照 (已停用)" in header and "爆照" not in header
    assert header.index("自我介绍") < header.index("爆照 (已停用)") < header.index("实名认证")


def test_phones_masked_for_an_assistant_and_unmasked_needs_permission(workspace, owner, seeded, tmp_path):
    gid, _mids, assistant = seeded
    path = tmp_path / "assistant.xlsx"
    export_monthly_report(workspace, assistant, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    phones = [r["手机"] for r in _table(load_workbook(path)["成员名册"])]
    assert sorted(phones) == [f"138****800{i}" for i in range(len(TRICKY))]

    denied = tmp_path / "denied.xlsx"
    with pytest.raises(PermissionDenied):
        export_monthly_report(
            workspace, assistant, year=2026, month=5, group_ids=[gid], path=denied, today=TODAY, unmasked=True
        )
    assert not denied.exists()

    full = tmp_path / "full.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=5, group_ids=[gid], path=full, today=TODAY, unmasked=True)
    phones = [r["手机"] for r in _table(load_workbook(full)["成员名册"])]
    assert "13800138000" in phones and not any("*" in p for p in phones)


# ---------------------------------------------------------------- the atomic write


class _CancelAt(Progress):
    def __init__(self, at: int):
        super().__init__()
        self.at = at

    def step(self, done: int, total: int) -> None:
        if done >= self.at:
            self.cancel()
        super().step(done, total)


def test_cancel_leaves_the_old_file_untouched(sqlite_workspace, tmp_path):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "取消测试")
        add_member(s, owner, gid, MemberInput(display_name="张三"))
        s.commit()
    out = tmp_path / "out"
    out.mkdir()
    path = out / "report.xlsx"
    path.write_bytes(b"old report")
    for at in (1, 4, 8):  # while loading, while writing sheets, on the last step before saving
        with pytest.raises(Cancelled):
            export_monthly_report(
                sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=path, progress=_CancelAt(at)
            )
        assert path.read_bytes() == b"old report"
        assert os.listdir(out) == ["report.xlsx"]  # no temporary file left behind
    export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=path)
    assert load_workbook(path).sheetnames == SHEET_ORDER
    assert os.listdir(out) == ["report.xlsx"]


def test_failure_while_replacing_keeps_the_old_file(sqlite_workspace, tmp_path, monkeypatch):
    """Excel on Windows holds the file open: os.replace fails with PermissionError."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "占用测试")
        s.commit()
    out = tmp_path / "out"
    out.mkdir()
    path = out / "report.xlsx"
    path.write_bytes(b"old report")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(xlsx_util.os, "replace", locked)
    with pytest.raises(QunDeskError) as err:
        export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=path)
    assert str(path) in str(err.value) and "Excel" in str(err.value)
    assert path.read_bytes() == b"old report"
    assert os.listdir(out) == ["report.xlsx"]


def test_unwritable_targets_give_a_clear_error(sqlite_workspace, tmp_path):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "路径测试")
        s.commit()
    missing = tmp_path / "no-such-folder" / "r.xlsx"
    with pytest.raises(QunDeskError, match="folder does not exist") as err:
        export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=missing)
    assert str(missing.parent) in str(err.value)
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(QunDeskError, match="not a folder"):
        export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=a_file / "r.xlsx")
    folder_target = tmp_path / "is-a-folder.xlsx"
    folder_target.mkdir()
    with pytest.raises(QunDeskError, match="is a folder"):
        export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=folder_target)
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(QunDeskError, match="not writable"):
                export_monthly_report(
                    sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=locked / "r.xlsx"
                )
        finally:
            locked.chmod(0o700)


# ---------------------------------------------------------------- timing (printed, not asserted)


@pytest.mark.slow
def test_report_time_for_a_500_member_group(tmp_path):
    database = open_workspace(tmp_path / "big.sqlite")
    try:
        build_demo(database.engine, groups=1, members=560, months=2, seed=5, today=TODAY)
        owner = actor_for(database)
        with database.session() as s:
            gid = s.scalar(select(Group.id))
            members = s.scalar(select(func.count()).select_from(Membership).where(Membership.status == "active"))
        times, cpu = [], []
        for i in range(4):
            start, start_cpu = time.perf_counter(), time.process_time()
            summary = export_monthly_report(
                database, owner, year=2026, month=4, group_ids=[gid], path=tmp_path / f"r{i}.xlsx", today=TODAY
            )
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        # wall time drifts on a shared machine; the CPU time of this process is the steadier figure
        print(
            f"\nmonthly report, one group of {members} members, {summary.rows_written} rows: "
            f"first {times[0]:.3f} s (cpu {cpu[0]:.3f}), then {min(times[1:]):.3f} s (cpu {min(cpu[1:]):.3f}); "
            "target < 0.5 s"
        )
    finally:
        database.dispose()


def test_days_column_count_matches_the_period(demo, owner_actor, tmp_path):
    """The current month's matrix runs to today, not to the end of the month."""
    gid, _name = _groups(demo)[0]
    path = tmp_path / "may.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    header = _header(load_workbook(path)["打卡明细"])
    assert len(header) == 2 + TODAY.day + 4
    assert header[2 + TODAY.day - 1].startswith(str(TODAY.day))
    assert (TODAY - timedelta(days=TODAY.day - 1)).weekday() == 4 and header[2] == "1\n五"  # 2026-05-01: Friday


def test_a_ledger_longer_than_a_worksheet_is_cut_with_a_note(demo, owner_actor, tmp_path, monkeypatch):
    import desktop.services.report as report

    monkeypatch.setattr(report, "EXCEL_MAX_ROWS", 300)
    path = tmp_path / "cut.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=4, group_ids=None, path=path, today=TODAY)
    ws = load_workbook(path)["积分"]
    assert ws.max_row <= 300
    last = [c.value for c in ws[ws.max_row]]
    assert "未列出" in last[5] and "Excel" in last[5]


def test_more_rows_than_excel_holds_is_a_clear_error(demo, owner_actor, tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_util, "EXCEL_MAX_ROWS", 100)
    path = tmp_path / "too-big.xlsx"
    with pytest.raises(QunDeskError, match="Excel"):
        export_monthly_report(demo, owner_actor, year=2026, month=4, group_ids=None, path=path, today=TODAY)
    assert not path.exists() and os.listdir(tmp_path) == []


def test_rows_spooled_to_disk_give_the_same_workbook(demo, owner_actor, tmp_path, monkeypatch):
    """SheetRows keeps only its newest rows in memory (the rest wait in a temporary file) and the report
    streams its big tables: a workbook written with a 7-row spool equals one written all in memory."""

    def values(path):
        wb = load_workbook(path, read_only=True)
        return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb.worksheets}

    whole = tmp_path / "whole.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=4, group_ids=None, path=whole, today=TODAY)
    monkeypatch.setattr(xlsx_util.SheetRows, "SPOOL_ROWS", 7)
    spooled = tmp_path / "spooled.xlsx"
    export_monthly_report(demo, owner_actor, year=2026, month=4, group_ids=None, path=spooled, today=TODAY)
    a, b = values(whole), values(spooled)
    assert list(a) == list(b) == list(SHEETS)
    assert sum(len(rows) for rows in a.values()) > 100  # the spool was used many times over
    assert a == b


def test_a_deleted_persons_ledger_rows_say_so_and_the_ledger_adds_up_to_points_awarded(sqlite_workspace, tmp_path):
    """The month's ledger is the group's (points_awarded counts a deleted person's entries, docs/metrics.md): their
    rows are labelled as a deleted member's, never left without a name, and the ledger sums to the KPI."""
    from desktop.services.roster import soft_delete_member

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "测试群")
        kept = add_member(s, owner, gid, MemberInput(display_name="留下", joined_at=datetime(2026, 4, 1, 9)))
        gone = add_member(s, owner, gid, MemberInput(display_name="删掉", joined_at=datetime(2026, 4, 1, 9)))
        for d in (date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3)):
            record_checkins(s, owner, gid, d, [kept[1], gone[1]], today=d)
        s.commit()
        soft_delete_member(s, owner, gone[0])
        s.commit()
    path = tmp_path / "r.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    wb = load_workbook(path)
    ws = wb["积分"]
    ledger_header_row = next(c.row for c in ws["F"] if c.value == "原因")
    ledger = _table(ws, ledger_header_row)
    assert len(ledger) == 6
    assert {r["姓名"] for r in ledger} == {"留下", "(已删除的成员)"}
    assert "删掉" not in {r["姓名"] for r in ledger}  # a deleted person is in no list by name
    kpis = {r["代码"]: r["本月"] for r in _table(wb["概览"])}
    assert sum(r["积分"] for r in ledger) == kpis["points_awarded"] == 6


def test_a_deleted_persons_sign_ups_are_in_no_attendance_figure(sqlite_workspace, tmp_path):
    """Deleted people are in no figure (docs/metrics.md): an activity's row on 活动 counts the sign-ups its
    attendance matrix shows, and attendance_rate (stats, 概览) leaves the deleted person's attendance out."""
    from desktop.services.participation import ActivityInput, create_activity, set_attendance
    from desktop.services.roster import soft_delete_member

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "活动群")
        people = {
            name: add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 4, 1, 9)))
            for name in ("甲", "乙", "丙", "删")
        }
        aid = create_activity(
            s, owner, gid, ActivityInput(title="分享会", kind="knowledge_share", starts_at=datetime(2026, 5, 6, 20))
        )
        for name, status in (("甲", "attended"), ("乙", "absent"), ("丙", "excused"), ("删", "attended")):
            set_attendance(s, owner, aid, people[name][1], status)
        s.commit()
        soft_delete_member(s, owner, people["删"][0])
        s.commit()
        stats = month_stats(s, gid, 2026, 5, today=TODAY)
    assert stats.attendance_rate == 0.5  # 甲 of 甲 and 乙 (丙 excused, 删 deleted)
    path = tmp_path / "a.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    wb = load_workbook(path)
    row = _table(wb["活动"])[0]
    assert (row["报名"], row["出席"], row["缺席"], row["请假"], row["出勤率"]) == (3, 1, 1, 1, 0.5)
    matrix_header = next(c.row for r in wb["活动"].iter_rows() for c in r if c.value == "出席次数")
    assert sorted(r["姓名"] for r in _table(wb["活动"], matrix_header)) == ["丙", "乙", "甲"]
    kpis = {r["代码"]: r["本月"] for r in _table(wb["概览"])}
    assert kpis["attendance_rate"] == 0.5


def test_all_groups_of_a_month_hold_a_group_archived_since(sqlite_workspace, tmp_path):
    """A training camp archived on 10 May was one of the groups in May: the May report of all groups has it (its
    members in the 合计), June's does not."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        camp = create_group(s, owner, "五月训练营")
        other = create_group(s, owner, "长期群")
        for gid, name in ((camp, "营员"), (other, "群友")):
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 4, 1, 9)))
        s.execute(update(Group).where(Group.id == camp).values(archived_at=datetime(2026, 5, 10, 18)))
        s.commit()
    june = date(2026, 6, 30)
    for month, expected in ((5, {"五月训练营", "长期群"}), (6, {"长期群"})):
        path = tmp_path / f"all-{month}.xlsx"
        export_monthly_report(sqlite_workspace, owner, year=2026, month=month, group_ids=None, path=path, today=june)
        kpis = _table(load_workbook(path)["概览"])
        assert {r["社群"] for r in kpis} - {"合计", None} == expected, month
        if month == 5:
            assert next(r["本月"] for r in kpis if r["社群"] == "合计" and r["代码"] == "members_total") == 2


def test_a_board_cut_at_twenty_keeps_everyone_level_with_the_twentieth(sqlite_workspace, tmp_path):
    """25 members who each checked in on the same two days are level: all 25 are on the month's board at rank 1,
    not the 20 the alphabet favoured; the one who checked in once follows nobody's cut."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "全勤营")
        mids = [
            add_member(s, owner, gid, MemberInput(display_name=f"营员{i:02d}", joined_at=datetime(2026, 4, 1, 9)))[1]
            for i in range(26)
        ]
        record_checkins(s, owner, gid, date(2026, 5, 1), mids, today=TODAY)
        record_checkins(s, owner, gid, date(2026, 5, 2), mids[:25], today=TODAY)
        s.commit()
    path = tmp_path / "b.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    ws = load_workbook(path)["积分"]
    month = []  # B–D of the boards' rows, up to the blank row before the ledger
    for r in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=4, values_only=True):
        if not r[0]:
            break
        month.append(r[1:4])
    assert len(month) == 25 and {(rank, pts) for rank, _name, pts in month} == {(1, 2)}  # B–D: the month's board
    assert "营员25" not in {name for _rank, name, _pts in month}  # 1 point: below the cut
    assert ws.print_area.endswith(str(HEADER_ROW + 25))  # the whole board prints


# ---------------------------------------------------------------- what an owner sees: widths (rendered with LibreOffice)

BIG_GROUP = "早起打卡营"
LONG_GROUP = "每月一本书读书会·深圳分会"  # 26 wide: the second group of a --all workbook
LONG_NAME = "ＪＥＳＳＩＣＡ・王"  # full-width: 17 wide
BIG_DAY = date(2026, 5, 4)


@pytest.fixture(scope="module")
def wide_workspace(tmp_path_factory):
    """Two groups: 早起打卡营 with 210 members who all checked in on May 4 (a 3-digit 每日合计, and the first 200
    rows of every --all table are theirs), then a group with a long name whose people sort after them — a
    full-width name with two roles, a newcomer part-way through (Onboarding) and an applicant."""
    from desktop.services.members import bulk_add_role
    from desktop.services.participation import ActivityInput, create_activity, set_attendance

    database = open_workspace(tmp_path_factory.mktemp("wide") / "w.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        big = create_group(s, owner, BIG_GROUP)
        mids = [
            add_member(s, owner, big, MemberInput(display_name=f"成员{i}", joined_at=datetime(2026, 4, 1, 9)))[1]
            for i in range(210)
        ]
        record_checkins(s, owner, big, BIG_DAY, mids, today=BIG_DAY)
        talk = create_activity(s, owner, big, ActivityInput(title="早起分享会", starts_at=datetime(2026, 5, 6, 7)))
        for mid in mids:  # 210 people attended: an attendance block of several printed pages
            set_attendance(s, owner, talk, mid, "attended")
        small = create_group(s, owner, LONG_GROUP)
        _m, jessica = add_member(s, owner, small, MemberInput(display_name=LONG_NAME, joined_at=datetime(2026, 4, 1)))
        bulk_add_role(s, owner, [jessica], "日常运营")
        bulk_add_role(s, owner, [jessica], "策划")
        meetup = create_activity(s, owner, small, ActivityInput(title="读书会", starts_at=datetime(2026, 5, 9, 19)))
        set_attendance(s, owner, meetup, jessica, "attended")
        waiting = [
            add_member(s, owner, small, MemberInput(display_name=name, status=status))[1]
            for name, status in (("李四", "onboarding"), ("王五", "applicant"))
        ]
        # they applied in May (the suite's clock is in November)
        s.execute(update(Membership).where(Membership.id.in_(waiting)).values(applied_at=datetime(2026, 5, 2, 10)))
        s.commit()
    try:
        yield database, owner
    finally:
        database.dispose()


def _width(ws, col: int) -> float:
    from openpyxl.utils import get_column_letter

    return ws.column_dimensions[get_column_letter(col)].width


def test_checkin_matrix_day_columns_fit_the_daily_totals(wide_workspace, tmp_path):
    """A 210-member camp's 每日合计 (210, and 213 for all groups) printed as ### in 3.6-wide day columns; the
    day columns are as wide as the widest count needs (its digits + 1), and stay 3.6 for a small group."""
    database, owner = wide_workspace
    path = tmp_path / "all.xlsx"
    export_monthly_report(database, owner, year=2026, month=5, group_ids=None, path=path, today=TODAY)
    ws = load_workbook(path)["打卡明细"]
    header = _header(ws)
    day_cols = [j + 1 for j, v in enumerate(header) if isinstance(v, str) and v.split("\n")[0].isdigit()]
    assert len(day_cols) == TODAY.day
    totals = [r for r in _rows(ws, HEADER_ROW + 1) if r[1] == "每日合计"]
    assert [r[0] for r in totals] == [BIG_GROUP, LONG_GROUP, "全部社群"]
    may4 = day_cols[BIG_DAY.day - 1] - 1
    assert totals[0][may4] == 210 and totals[2][may4] == 210
    # the all-groups row has its rate too: 概览's 合计 打卡率
    kpis = {(r[0], r[5]): r[2] for r in _rows(load_workbook(path)["概览"], HEADER_ROW + 1) if r[0]}
    assert totals[2][-1] == kpis[("合计", "checkin_rate")] > 0
    for row in totals:
        for col in day_cols:
            value = row[col - 1]
            if value is not None:
                assert _width(ws, col) >= len(str(value)) + 1, (row[0], col, value, _width(ws, col))

    small = _groups(database)[1][0]
    path = tmp_path / "small.xlsx"
    export_monthly_report(database, owner, year=2026, month=5, group_ids=[small], path=path, today=TODAY)
    ws = load_workbook(path)["打卡明细"]
    assert {_width(ws, col) for col in day_cols} == {3.6}  # a narrow matrix where the counts are small


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_all_groups_columns_fit_values_past_the_first_rows(wide_workspace, tmp_path, lang):
    """The widths were measured from a table's first 200 rows — in a --all workbook, the first group's members:
    the second group's name was cut in every row of every sheet, and so were a longer name, a member's two roles
    and the English status 'Onboarding' / 'Applicant'. Every value of those columns fits now."""
    from desktop.io.xlsx_util import display_width

    database, owner = wide_workspace
    path = tmp_path / f"all-{lang}.xlsx"
    export_monthly_report(database, owner, year=2026, month=5, group_ids=None, path=path, today=TODAY, lang=lang)
    wb = load_workbook(path)
    fitted = {"社群", "姓名", "成员", "状态", "角色", "Group", "Name", "Member", "Status", "Roles"}
    seen: set[tuple[str, str]] = set()
    for ws in wb:
        if ws.title == "概览":
            continue
        header = _header(ws)
        for row in _rows(ws, HEADER_ROW + 1):
            if not any(v is not None for v in row):
                break  # the first table only
            for j, h in enumerate(header):
                value = row[j] if j < len(row) else None
                if h in fitted and isinstance(value, str):
                    assert display_width(value) <= _width(ws, j + 1), (ws.title, h, value, _width(ws, j + 1))
                    seen.add((h, value))
    values = {v for _h, v in seen}
    # the default roles in the language of the workbook (tests/desktop/test_report_default_names.py)
    assert {LONG_GROUP, LONG_NAME, "日常运营、策划" if lang == "zh_CN" else "Daily operator, Planner"} <= values
    if lang == "en":
        assert {"Onboarding", "Applicant"} <= values


def test_every_table_of_an_empty_month_says_none(tmp_path):
    """A new group, nobody in it yet: 成员名册, 入群进度 and 积分 (boards and ledger) were a header with nothing
    under it and no word why; like 活动 and 预警 they say (无) — on 积分 and 入群进度 inside the print area."""
    database = open_workspace(tmp_path / "w.sqlite")
    try:
        owner = actor_for(database)
        with database.session() as s:
            gid = create_group(s, owner, "空群")
            s.commit()
        path = tmp_path / "empty.xlsx"
        export_monthly_report(database, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    finally:
        database.dispose()
    wb = load_workbook(path)
    for name in ("成员名册", "活动", "积分", "入群进度", "预警"):
        ws = wb[name]
        assert ws.cell(HEADER_ROW + 1, 2).value == "(无)", name
    points = wb["积分"]
    assert points.print_area == "'积分'!$A$1:$I$4"  # the boards' header and the (无) under it
    ledger_header = next(r for r in range(HEADER_ROW + 2, points.max_row + 1) if points.cell(r, 2).value == "日期")
    assert points.cell(ledger_header + 1, 2).value == "(无)"
    assert wb["入群进度"].print_area == "'入群进度'!$A$1:$L$4"


def test_titles_headers_and_totals_are_in_the_body_font(may_report):
    """The styled cells' fonts had no name: LibreOffice drew titles, headers and totals in its serif fallback
    over sans-serif rows. Every font names the workbook's default font and a size, as the plain cells do."""
    _summary, wb = may_report
    fonts = set()
    for ws in wb:
        for row in ws.iter_rows(max_row=HEADER_ROW + 5):
            for c in row:
                if c.value is not None:
                    fonts.add((ws.title, c.font.name, c.font.sz is not None, bool(c.font.b)))
    assert {name for _t, name, _s, _b in fonts} == {"Calibri"}
    assert all(sized for _t, _n, sized, _b in fonts)
    assert any(bold for *_x, bold in fonts)  # the titles and headers were looked at


def test_a_new_groups_charts_stay_readable(tmp_path):
    """Members without a tier yet: the structure bar is 100% 未设置, and its three 0% segments were written as
    0.0, whose labels piled up at the bar's start (0.0%0.0%0.0%): an empty share is a blank cell now. With no
    check-in and no step yet, the daily and funnel axes stepped by 0.5 and printed 0, 1, 1: they step by 1."""
    database = open_workspace(tmp_path / "w.sqlite")
    try:
        owner = actor_for(database)
        with database.session() as s:
            gid = create_group(s, owner, "新群")
            for name in ("张三", "李四"):
                add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 5, 3, 9)))
            s.commit()
        path = tmp_path / "new.xlsx"
        export_monthly_report(database, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY)
    finally:
        database.dispose()
    ws = load_workbook(path)["概览"]
    column = [c.column for c in ws[HEADER_ROW + 1] if c.value == "日"]  # the charts' data: 日 heads the daily table
    assert column
    data = [r[column[0] - 1 :] for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(data) if r[0] == "成员结构 (目标 5/20/75)")
    header = data[start + 1]
    block = {r[0]: r[1:3] for r in data[start + 2 : start + 6]}
    assert header[:3] == ("结构", "目标", "新群")
    assert block == {
        "大咖 (含核心)": (0.05, None),
        "中咖": (0.2, None),
        "普通": (0.75, None),
        "未设置": (None, 1.0),
    }
    daily, _structure, funnel = _chart_xml(path)[0]
    for chart in (daily, funnel):
        assert re.search(r'majorUnit val="1"', chart) and re.search(r'<(c:)?max val="1"', chart)


def test_the_structure_is_compared_with_the_tiers_target_shares(tmp_path, monkeypatch):
    """Settings' 目标占比 is what 概览 compares the structure with (it read a fixed 5/20/75 whatever was set): the
    title names the targets, the 目标 column holds them, in Chinese and English alike. The shares are set on the
    workbook's own day (the clock's day too: a change is in force from its day on, and a month that ended before
    it keeps the targets it had — tests/desktop/test_rule_history.py)."""
    from desktop.services.members import bulk_set_tier
    from desktop.services.taxonomy import TierRow, list_tier_rows, save_tiers

    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    database = open_workspace(tmp_path / "w.sqlite")
    try:
        owner = actor_for(database)
        with database.session() as s:
            gid = create_group(s, owner, "读书会")
            ids = [
                add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 5, 3, 9)))[1]
                for n in ("张三", "李四", "王五", "赵六")
            ]
            bulk_set_tier(s, owner, ids[:1], "大咖")
            bulk_set_tier(s, owner, ids[1:], "普通")
            shares = {"核心": 0.0, "大咖": 0.10, "中咖": 0.30, "普通": 0.60}
            save_tiers(s, owner, [TierRow(t.id, t.name, shares[t.name]) for t in list_tier_rows(s)])
            s.commit()
        for lang, title, key in (
            ("zh_CN", "成员结构 (目标 10/30/60)", "大咖 (含核心)"),
            ("en", "Member structure (target 10/30/60)", "Key voices (incl. core)"),
        ):
            path = tmp_path / f"{lang}.xlsx"
            export_monthly_report(
                database, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY, lang=lang
            )
            ws = load_workbook(path).worksheets[0]
            data = [r for r in ws.iter_rows(values_only=True)]
            at = [(i, r.index(title)) for i, r in enumerate(data) if title in r]
            assert at, f"{lang}: no {title!r}"
            i, col = at[0]
            block = {r[col]: r[col + 1 : col + 3] for r in data[i + 2 : i + 5]}
            assert block[key] == (0.1, 0.25)
            assert list(block.values())[1:] == [(0.3, None), (0.6, 0.75)]
            assert title in _chart_xml(path)[0][1]  # the structure chart's own title
    finally:
        database.dispose()


def test_every_printed_page_of_an_attendance_block_has_its_header(wide_workspace, tmp_path):
    """活动 has no repeated print header (its tables differ): a 210-person attendance block printed pages of marks
    under no activity title. A block longer than a page is cut into pages, each under the block's header again
    (a page break before it); a short block keeps one header; nobody is lost or repeated."""
    database, owner = wide_workspace
    path = tmp_path / "all.xlsx"
    export_monthly_report(database, owner, year=2026, month=5, group_ids=None, path=path, today=TODAY)
    ws = load_workbook(path)["活动"]
    breaks = {b.id for b in ws.row_breaks.brk}
    rows = list(ws.iter_rows(min_row=1, values_only=True))
    sections = [i + 1 for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith("出勤矩阵")]
    assert len(sections) == 2
    big_headers = [i + 1 for i, r in enumerate(rows) if r[:2] == ("社群", "姓名") and sections[0] < i + 1 < sections[1]]
    assert big_headers[0] == sections[0] + 1 and len(big_headers) >= 2
    for row in big_headers[1:]:
        assert row - 1 in breaks  # each repeated header opens a printed page
    names = [r[1] for r in rows[big_headers[0] : sections[1] - 2] if r[0] == BIG_GROUP]
    assert len(names) == len(set(names)) == 210
    chunks = [b - a - 1 for a, b in zip(big_headers, [*big_headers[1:], sections[1] - 1], strict=True)]
    assert len(set(chunks[:-1])) == 1 and 10 < chunks[0] < 60 and chunks[-1] <= chunks[0]
    small_headers = [i + 1 for i, r in enumerate(rows) if r[:2] == ("社群", "姓名") and i + 1 > sections[1]]
    assert small_headers == [sections[1] + 1]
    assert rows[small_headers[0]][:2] == (LONG_GROUP, LONG_NAME)


def test_twelve_groups_structure_chart_names_every_group(tmp_path):
    """§1: an organiser runs up to 20 groups. The structure chart's 13 bars (the target and 12 groups) in 7 cm
    named every other group only (the axis ran out of room); it grows with its bars, as far as page 1's last
    whole KPI block: the first page break is below the chart and between blocks, the funnel opens page 2."""
    database = open_workspace(tmp_path / "w.sqlite")
    try:
        owner = actor_for(database)
        with database.session() as s:
            for i in range(12):
                gid = create_group(s, owner, f"第{i + 1}群")
                add_member(s, owner, gid, MemberInput(display_name=f"成员{i}", joined_at=datetime(2026, 4, 1, 9)))
            s.commit()
        path = tmp_path / "twelve.xlsx"
        export_monthly_report(database, owner, year=2026, month=5, group_ids=None, path=path, today=TODAY)
    finally:
        database.dispose()
    with zipfile.ZipFile(path) as z:
        drawing = z.read("xl/drawings/drawing1.xml").decode()
    heights_cm = [int(h) / 360000 for h in re.findall(r'cy="(\d+)"', drawing)]
    charts, starts = _chart_xml(path)
    assert heights_cm[1] >= 10  # 7 cm before; page 1 holds three KPI blocks (to row 39) and the chart ends there
    assert re.search(r'<catAx>.*?sz="800".*?</catAx>', charts[1], re.S)
    structure_last_row = starts[1] + math.ceil(heights_cm[1] / (15 / 72 * 2.54))
    ws = load_workbook(path)["概览"]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert structure_last_row <= breaks[0] <= PAGE_ROWS
    assert all((row - HEADER_ROW) % len(KPI_KEYS) == 0 for row in breaks)  # no KPI block cut in two
    assert starts[2] == breaks[0] + 1
