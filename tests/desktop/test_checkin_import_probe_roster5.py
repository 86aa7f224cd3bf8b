"""Check-in sheets people really have, the roster5 probe: a 打卡表 or an export with rows hidden by a filter. Real .xlsx
files written with openpyxl, imported through run_checkin_import and the CLI, read back from the database; every test
pins its own day."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.cli import main
from desktop.io.fields import ImportProblem
from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import
from desktop.services.group_profile import update_group_profile
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import CheckIn, Member, Membership

GROUP = "21天写作营"
START = date(2026, 11, 16)  # day 1 of the camp
TODAY = date(2026, 11, 25)
JOINED = datetime(2026, 11, 10, 20, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _camp(database, *, start: date | None = START) -> int:
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP, kind="camp")
        for person in ("张三", "李四", "王五"):
            add_member(s, owner, gid, MemberInput(display_name=person, joined_at=JOINED))
        if start is not None:
            update_group_profile(s, owner, gid, camp_start_day=start, camp_days=21)
        s.commit()
    return gid


def _checkins(database) -> list[tuple[str, date]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted(tuple(r) for r in rows)


def _xlsx(path: Path, rows: list[list[object]], hidden: tuple[int, ...] = (), autofilter: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    if autofilter:
        ws.auto_filter.ref = autofilter
    for row in hidden:
        ws.row_dimensions[row].hidden = True
    wb.save(path)
    return path


MATRIX = [["姓名", "11/20", "11/21"], ["张三", "✓", "✓"], ["李四", "✓", None], ["王五", None, "✓"]]
LONG = [
    ["姓名", "打卡日期", "打卡内容"],
    ["张三", "2026-11-20", "800字"],
    ["李四", "2026-11-20", "读书"],
    ["王五", "2026-11-21", "x"],
]


@pytest.mark.parametrize("rows", [MATRIX, LONG], ids=["matrix", "long"])
def test_a_row_a_filter_hides_is_logged_and_said_row_by_row(sqlite_workspace, tmp_path, rows):
    """An organiser filtered the sheet (李四's row out of sight) and saved it: the hidden row was logged without a word,
    while a roster's hidden row is said. Now its outcome carries the note, in the plan, the CLI and its dry run."""
    _camp(sqlite_workspace)
    path = _xlsx(tmp_path / "打卡.xlsx", rows, hidden=(3,), autofilter="A1:C4")
    plan, _summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    assert [(r.row, r.hidden) for r in plan.rows] == [(2, False), (3, True), (4, False)]
    assert ("李四", date(2026, 11, 20)) in _checkins(sqlite_workspace)


def test_the_cli_says_which_rows_are_hidden(tmp_path, capsys):
    from desktop.workspace import open_workspace

    db = str(tmp_path / "ws.sqlite")
    database = open_workspace(db)
    try:
        _camp(database)
    finally:
        database.dispose()
    path = _xlsx(tmp_path / "打卡.xlsx", MATRIX, hidden=(3,))
    assert main(["--db", db, "import", "checkins", str(path), "--group", GROUP, "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "打卡.xlsx 第3行 这一行在表格里是隐藏的（隐藏行或筛选），也会导入" in captured.err
    assert "第3行  打卡 check-ins  李四  新 1 new, 2026-11-20  ⚠ 这一行在表格里是隐藏的" in captured.out
    assert "第2行" not in captured.err and "第4行" not in captured.err


LONG_CAMP = [
    ["姓名", "第几天", "打卡内容"],
    ["张三", 1, "800字"],
    ["李四", 1, "读书"],
    ["张三", "2", "跑步"],
    ["王五", "第3天", "x"],
]


@pytest.mark.parametrize("head", ["第几天", "营期第几天", "打卡第几天", "营期天数"])
def test_an_export_s_day_of_the_camp_written_as_a_number_is_that_camp_day(sqlite_workspace, tmp_path, head):
    """A 训练营's export, one row per check-in: 姓名 | 第几天 | 打卡内容 with 1, 2 … in the day column. 第几天 was no date
    column (the file refused as "not a check-in file"), and under 营期天数 a bare 1 was read as Excel's serial number 1
    (a problem: outside 1970–2100). Now the number is the camp's day, dated by the group's first day, as 第3天 is."""
    _camp(sqlite_workspace)
    rows = [[LONG_CAMP[0][0], head, LONG_CAMP[0][2]], *LONG_CAMP[1:]]
    plan, summary = run_checkin_import(
        sqlite_workspace, actor_for(sqlite_workspace), _xlsx(tmp_path / "e.xlsx", rows), GROUP
    )
    assert plan.layout == "long" and plan.ok and summary.logged == 4
    assert _checkins(sqlite_workspace) == [
        ("张三", date(2026, 11, 16)),
        ("张三", date(2026, 11, 17)),
        ("李四", date(2026, 11, 16)),
        ("王五", date(2026, 11, 18)),
    ]


def test_a_camp_day_number_without_a_first_day_or_past_the_camp_is_a_problem_naming_the_cell(
    sqlite_workspace, tmp_path
):
    _camp(sqlite_workspace, start=None)
    path = _xlsx(tmp_path / "e.xlsx", LONG_CAMP)
    with pytest.raises(CheckinImportFailed) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    assert {(p.row, p.column, p.code) for p in caught.value.problems} == {
        (r, "B (第几天)", "camp_days") for r in (2, 3, 4, 5)
    }
    assert _checkins(sqlite_workspace) == []


def test_a_camp_day_number_past_the_camp_or_today_is_a_problem(sqlite_workspace, tmp_path):
    _camp(sqlite_workspace)
    rows = [
        LONG_CAMP[0],
        ["张三", 22, "x"],
        ["李四", 15, "y"],
        ["王五", 3, "z"],
    ]  # 21 days; day 15 is 11-30, after today
    path = _xlsx(tmp_path / "e.xlsx", rows)
    with pytest.raises(CheckinImportFailed) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    assert sorted(p.row for p in caught.value.problems) == [2, 3]
    assert caught.value.problems[0].code == "camp_outside"
    assert _checkins(sqlite_workspace) == []


def _calculated(path: Path, results: dict[str, str]) -> Path:
    """What Excel does on saving: each formula's result kept beside it (<f>B1+1</f><v>46346</v>) — openpyxl cannot."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    text = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    for formula, value in results.items():
        old = f"<f>{formula}</f><v />"
        assert old in text, old
        text = text.replace(old, f"<f>{formula}</f><v>{value}</v>")
    parts["xl/worksheets/sheet1.xml"] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _template(path: Path) -> Path:
    """A 打卡表 template as made in a spreadsheet: the first day typed, the next ones =B1+1, =C1+1."""
    wb = Workbook()
    ws = wb.active
    for r in (["姓名", date(2026, 11, 20), "=B1+1", "=C1+1"], ["张三", "✓", "✓", None], ["李四", None, None, "✓"]):
        ws.append(r)
    for cell in ws[1][1:]:
        cell.number_format = "m/d"
    wb.save(path)
    return path


def test_day_headers_by_formula_without_their_results_are_refused_naming_each(sqlite_workspace, tmp_path):
    """A 打卡表 whose days after the first are =B1+1, =C1+1, written by a script (or an online sheet's export) that
    keeps no results: with one day readable it was refused as "not a check-in file", and beside two readable days
    the formula column was "not a day: not used" — 李四's ✓ under it dropped with no word on his row. Now each such
    header is a problem naming its cell (open and save in Excel); the same file as Excel saves it is read."""
    _camp(sqlite_workspace)
    path = _template(tmp_path / "模板.xlsx")
    with pytest.raises(CheckinImportFailed) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (1, "C (=B1+1)", "formula_without_value"),
        (1, "D (=C1+1)", "formula_without_value"),
    ]
    assert "请用 Excel 或 WPS 打开并保存后再导入" in caught.value.problems[0].message
    assert _checkins(sqlite_workspace) == []
    _calculated(path, {"B1+1": "46347", "C1+1": "46348"})  # 2026-11-21, 2026-11-22
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    assert plan.ok and summary.logged == 3
    assert _checkins(sqlite_workspace) == [
        ("张三", date(2026, 11, 20)),
        ("张三", date(2026, 11, 21)),
        ("李四", date(2026, 11, 22)),
    ]


def test_a_formula_header_beside_two_days_is_refused_not_a_column_passed_over(sqlite_workspace, tmp_path):
    _camp(sqlite_workspace)
    rows = [["姓名", "11/20", "11/21", '=TEXT(C1+1,"m/d")'], ["张三", "✓", "✓", None], ["李四", "✓", None, "✓"]]
    with pytest.raises(CheckinImportFailed) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), _xlsx(tmp_path / "t.xlsx", rows), GROUP)
    assert [(p.row, p.code) for p in caught.value.problems] == [(1, "formula_without_value")]


def test_names_marks_and_days_by_formula_without_results_are_problems_never_read_as_text(sqlite_workspace, tmp_path):
    """="李"&"四" in 姓名 was said to be "maybe 李四 (pinyin)", =A2 "nobody on the roster", =IF(…) "cannot read this
    cell", =DATE(…) "not a date": each as if the formula's text were what the sheet shows. Now each is the roster
    import's problem for a formula without its result, naming the cell; the other rows are logged when asked to."""
    _camp(sqlite_workspace)
    matrix = [
        ["姓名", "11/20", "11/21", "合计"],
        ["张三", "✓", '=IF(1,"✓","")', '=COUNTIF(B2:C2,"✓")'],
        ['="李"&"四"', "✓", None, '=COUNTIF(B3:C3,"✓")'],
        ["王五", "✓", "✓", '=COUNTIF(B4:C4,"✓")'],
    ]
    path = _xlsx(tmp_path / "m.xlsx", matrix)
    with pytest.raises(CheckinImportFailed) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    problems = caught.value.problems
    assert [(p.row, p.column, p.code) for p in problems] == [
        (2, "C (11/21)", "formula_without_value"),
        (3, "A (姓名)", "formula_without_value"),
    ]
    assert not any("拼音" in p.message for p in problems)
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, skip_problems=True)
    assert summary.logged == 2 and summary.left_out == 2
    assert _checkins(sqlite_workspace) == [("王五", date(2026, 11, 20)), ("王五", date(2026, 11, 21))]


def test_an_export_s_name_or_day_by_formula_without_its_result_is_a_problem(sqlite_workspace, tmp_path):
    _camp(sqlite_workspace)
    rows = [["姓名", "打卡日期", "内容"], ["张三", "=DATE(2026,11,20)", "x"], ["=A2", "2026-11-21", "y"]]
    with pytest.raises(CheckinImportFailed) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), _xlsx(tmp_path / "e.xlsx", rows), GROUP)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (2, "B (打卡日期)", "formula_without_value"),
        (3, "A (姓名)", "formula_without_value"),
    ]


@pytest.mark.parametrize("head", ["申请日期", "报名日期", "报名时间", "开营日期", "生日", "付款时间"])
def test_a_sheet_of_people_with_their_application_day_logs_no_check_in_on_it(sqlite_workspace, tmp_path, head):
    """QunDesk's own 入群进度 sheet (社群 | 姓名 | 状态 | 申请日期 | 入群日期 | steps), offered as a check-in table and read
    as an export: each member's 申请日期 was taken for a check-in day — 张三 logged on the day he applied. A person's
    application, sign-up, birth or payment day is no check-in day: the sheet is refused as having no day column."""
    _camp(sqlite_workspace)
    rows = [
        ["入群进度 · 2026年11月 · 21天写作营"],
        ["截至 2026-11-25"],
        ["社群", "姓名", "状态", head, "入群日期", "自我介绍"],
        [GROUP, "张三", "已入群", datetime(2026, 11, 12), datetime(2026, 11, 20), "✓"],
        [GROUP, "李四", "已入群", datetime(2026, 11, 14), datetime(2026, 11, 21), None],
    ]
    with pytest.raises(CheckinImportFailed) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), _xlsx(tmp_path / "进度.xlsx", rows), GROUP)
    assert [p.code for p in caught.value.problems] == ["no_day_column"]
    assert _checkins(sqlite_workspace) == []


def test_a_row_an_old_xls_hides_is_logged_and_said(sqlite_workspace, tmp_path):
    """checkin_filtered.xls (Excel 97–2003): 李四's row is hidden; its check-in is logged and the row says so."""
    _camp(sqlite_workspace)
    path = shutil.copy(Path(__file__).parent.parent / "data" / "import_roster5" / "checkin_filtered.xls", tmp_path)
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    assert summary.logged == 4
    assert [(r.row, r.hidden) for r in plan.rows] == [(2, False), (3, True), (4, False)]


def test_qundesk_s_own_workbook_without_a_sheet_named_reads_its_打卡明细(sqlite_workspace, tmp_path):
    """The monthly workbook imported as check-ins with no sheet chosen: its 成员名册 (the first sheet with a person
    column) was read — its rows' 入群日期 and 最近参与 dates taken for a row of days — and refused for having no day
    column, the note naming 打卡明细 as "a check-in table too". Now the first sheet whose header is a check-in
    table's is read: 打卡明细, its check-ins already there; no other sheet is named as one."""
    from desktop.services.checkins import record_checkins
    from desktop.services.report import export_monthly_report

    gid = _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        ids = dict(
            s.execute(
                select(Member.display_name, Membership.id).join(Membership, Membership.member_id == Member.id)
            ).all()
        )
        for day in (date(2026, 11, 20), date(2026, 11, 21)):
            record_checkins(s, owner, gid, day, [ids["张三"], ids["李四"]], today=TODAY)
        s.commit()
    book = tmp_path / "11月月报.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=book, today=TODAY)
    plan, summary = run_checkin_import(sqlite_workspace, owner, book, GROUP)
    assert plan.sheet == "打卡明细" and plan.layout == "matrix" and plan.ok
    assert (summary.logged, summary.already) == (0, 4)
    assert plan.other_sheets == ()


def test_a_day_column_the_sheet_hides_is_read_and_said_once(sqlite_workspace, tmp_path, capsys):
    """A 打卡表 whose first week is hidden (column B, 11/20, hidden in Excel): its marks were logged with no word that
    the column is out of sight (a roster's hidden columns are said). Now the plan names it, the CLI says it once."""
    _camp(sqlite_workspace)
    wb = Workbook()
    ws = wb.active
    for r in (["姓名", "11/20", "11/21", "备注"], ["张三", "✓", "✓", "x"], ["李四", "✓", None, None]):
        ws.append(r)
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["D"].hidden = True  # not a day: not used, so not said as read
    path = tmp_path / "打卡表.xlsx"
    wb.save(path)
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP)
    assert summary.logged == 3 and plan.hidden_columns == ("B (11/20)",)
    assert "表格里隐藏的列 B (11/20) 也会读取" in plan.hidden_columns_note


@pytest.mark.parametrize("head", ["天数", "打卡天数"])
def test_a_count_of_days_is_no_day_and_the_refusal_says_to_write_第几天(sqlite_workspace, tmp_path, head):
    """姓名 | 天数 | 打卡内容: 天数 may be the camp's day or a count (小打卡's 打卡天数 is how many days so far) — never
    guessed. The file is refused, and the refusal now names 第几天 as the column a camp's day goes under."""
    _camp(sqlite_workspace)
    rows = [["姓名", head, "打卡内容"], ["张三", 1, "800字"], ["李四", 2, "读书"]]
    with pytest.raises(ImportProblem) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), _xlsx(tmp_path / "e.xlsx", rows), GROUP)
    assert caught.value.code == "no_checkin_header"
    assert "第几天" in caught.value.message and "天数 is a count, not a day" in caught.value.message
    assert _checkins(sqlite_workspace) == []
