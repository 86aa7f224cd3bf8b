"""Check-ins imported from a table (PRODUCT §3.6 "a check-in export", §4 `qundesk import checkins`): a check-in
mini-program's or 接龙 sheet's export (one row per check-in) and an organiser's own 打卡表 (one row per person,
one column per day), as .xlsx and .csv (UTF-8 with BOM, GBK), with the mess real files have. Values are read
back from the database; every test runs on a fixed today (TODAY, pinned through QUNDESK_TODAY)."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.cli import main
from desktop.io.fields import ImportProblem
from desktop.services.checkin_import import (
    CheckinImportFailed,
    parse_month,
    read_checkin_table,
    run_checkin_import,
)
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import AuditEntry, CheckIn, Leave, Member, Membership, PointsEntry

TODAY = date(2026, 12, 10)
GROUP = "晨光早起营"
JOINED = datetime(2026, 11, 1, 12, 0)


@pytest.fixture(autouse=True)
def on_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _people(database) -> dict[str, int]:
    """The group and its people: name -> membership id."""
    actor = actor_for(database)
    out: dict[str, int] = {}
    with database.session() as s:
        gid = create_group(s, actor, GROUP)
        for key, data in (
            ("张伟", MemberInput("张伟", nickname="大伟", wechat_id="zhangwei01", joined_at=JOINED)),
            ("李娜", MemberInput("李娜", group_nickname="北京-李娜", joined_at=JOINED)),
            ("王芳1", MemberInput("王芳", wechat_id="wf_a", joined_at=JOINED)),
            ("王芳2", MemberInput("王芳", wechat_id="wf_b", joined_at=JOINED)),
            ("陈晨", MemberInput("陈晨", joined_at=datetime(2026, 12, 5, 12, 0))),
        ):
            out[key] = add_member(s, actor, gid, data)[1]
        s.commit()
    return out


def _checkins(database) -> list[tuple[str, date, bool, str, datetime | None]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.late, CheckIn.source, CheckIn.checked_at)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted((n, d, bool(late), src, at) for n, d, late, src, at in rows)


def _leaves(database) -> list[tuple[str, date, date]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Leave.start_day, Leave.end_day)
            .join(Membership, Membership.id == Leave.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted(tuple(r) for r in rows)


def _matrix_xlsx(path: Path, rows: list[list[object]], *, title: str | None = "2026年12月打卡表") -> Path:
    """A 打卡表: a merged title row, 序号 and 姓名, Excel date cells 12-01 … 12-07, then 合计 and 打卡率."""
    wb = Workbook()
    ws = wb.active
    ws.title = "12月"
    header = ["序号", "姓名", *(datetime(2026, 12, d) for d in range(1, 8)), "合计", "打卡率"]
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for i, row in enumerate(rows, 1):
        ws.append([i, *row])
    ws.append(["", "合计", 2, 1, 2, 0, 1, 0, 1, 7, ""])
    ws.append(["总计", None, 2, 1, 2, 0, 1, 0, 1, 7, ""])  # the label in the 序号 column, merged across 姓名
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=2)
    wb.save(path)
    return path


GOOD_MATRIX = [
    ["张伟", "✓", "√", "补", "请假", "请假", None, "✔", 5, "71%"],
    ["北京-李娜", 1, 0, "已打卡", "×", "☑", None, None, 3, "43%"],
]


def test_a_matrix_xlsx_is_imported_and_importing_it_again_writes_nothing(workspace, tmp_path):
    """Merged title, Excel date headers, ✓ variants, 补, 请假 and a totals row and columns: each check-in is logged on
    its day (补 late), the two 请假 days become one leave, totals are neither days nor people; the same file again
    logs nothing and reports everything as already there."""
    _people(workspace)
    actor = actor_for(workspace)
    path = _matrix_xlsx(tmp_path / "打卡表.xlsx", GOOD_MATRIX)
    plan, summary = run_checkin_import(workspace, actor, path, GROUP, today=TODAY)
    assert plan.layout == "matrix"
    assert [d for _c, d in plan.days] == [date(2026, 12, d) for d in range(1, 8)]
    assert summary is not None and (summary.logged, summary.already, summary.leave_days, summary.late) == (7, 0, 2, 1)
    got = [(n, d, late, src) for n, d, late, src, _at in _checkins(workspace)]
    assert got == [
        ("张伟", date(2026, 12, 1), False, "import"),
        ("张伟", date(2026, 12, 2), False, "import"),
        ("张伟", date(2026, 12, 3), True, "import"),
        ("张伟", date(2026, 12, 7), False, "import"),
        ("李娜", date(2026, 12, 1), False, "import"),
        ("李娜", date(2026, 12, 3), False, "import"),
        ("李娜", date(2026, 12, 5), False, "import"),
    ]
    assert _leaves(workspace) == [("张伟", date(2026, 12, 4), date(2026, 12, 5))]
    outcomes = {r.row: r.outcome for r in plan.rows}
    assert outcomes == {3: "planned", 4: "planned", 5: "skipped", 6: "skipped"}  # rows 5 and 6 are totals
    assert {c for c, _why in plan.skipped_columns} == {"A (序号)", "J (合计)", "K (打卡率)"}
    with workspace.session() as s:
        audits = s.scalars(select(AuditEntry.action).where(AuditEntry.action == "import.checkins")).all()
        points = s.execute(
            select(PointsEntry.reason, PointsEntry.points).where(PointsEntry.source_kind == "checkin")
        ).all()
    assert audits == ["import.checkins"]
    assert sorted(points) == sorted([("打卡", 1)] * 6 + [("补卡", 1)])  # the group's default check-in rule, +1 each

    plan2, again = run_checkin_import(workspace, actor, path, GROUP, today=TODAY)
    assert again is not None and (again.logged, again.already, again.leave_days, again.leave_already) == (0, 7, 0, 2)
    assert len(_checkins(workspace)) == 7 and len(_leaves(workspace)) == 1
    assert [(r.row, r.already, r.leave_already) for r in plan2.rows if r.outcome == "planned"] == [(3, 4, 2), (4, 3, 0)]


def test_wrong_or_unsure_people_and_days_are_problems_naming_row_and_column_and_nothing_is_written(
    sqlite_workspace, tmp_path
):
    """A name two members share, a name nobody has, a day before the person joined and a day after today: each is
    a problem naming the file, Excel's row and the column; nothing is written. Leaving the problem rows out (the
    user's choice) writes the other rows only, and names each row left out."""
    database = sqlite_workspace
    _people(database)
    actor = actor_for(database)
    wb = Workbook()
    ws = wb.active
    ws.append(["12月打卡表"])
    ws.append(["姓名", *(datetime(2026, 12, d) for d in range(8, 13))])  # 12-11 and 12-12 are after today
    ws.append(["张伟", "✓", "✓", None, None, None])
    ws.append(["王芳", "✓", None, None, None, None])
    ws.append(["赵六", "✓", None, None, None, None])
    ws.append(["陈晨", None, None, None, None, None])  # nothing to record: no problem
    ws.append(["李娜", None, None, "✓", "✓", None])
    ws.append(["张伟丽", "?", None, None, None, None])
    path = tmp_path / "problems.xlsx"
    wb.save(path)
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(database, actor, path, GROUP, today=TODAY)
    problems = {(p.row, p.column, p.code) for p in failed.value.problems}
    assert (4, "A (姓名)", "ambiguous") in problems
    assert (5, "A (姓名)", "unmatched") in problems
    assert (7, "E (2026-12-11)", "future_day") in problems
    assert (8, "B (2026-12-08)", "cell_unreadable") in problems
    assert all(p.file == "problems.xlsx" for p in failed.value.problems)
    assert _checkins(database) == []

    plan, summary = run_checkin_import(database, actor, path, GROUP, today=TODAY, skip_problems=True)
    assert summary is not None and summary.logged == 2 and summary.left_out == 4
    assert [(n, d) for n, d, *_ in _checkins(database)] == [("张伟", date(2026, 12, 8)), ("张伟", date(2026, 12, 9))]
    assert {r.row: r.outcome for r in plan.rows} == {
        3: "planned",
        4: "problem",
        5: "problem",
        6: "nothing",
        7: "problem",
        8: "problem",
    }


def test_a_day_before_the_person_joined_is_a_problem(sqlite_workspace, tmp_path):
    _people(sqlite_workspace)
    path = _matrix_xlsx(tmp_path / "early.xlsx", [["陈晨", "✓", None, None, None, None, "✓", None, 2, ""]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    (problem,) = failed.value.problems
    assert (problem.row, problem.column, problem.code) == (3, "C (2026-12-01)", "before_joined")
    assert "12月5日才入群" in problem.message
    assert _checkins(sqlite_workspace) == []


def _csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_bare_day_numbers_need_the_month_from_the_title_or_from_the_user(sqlite_workspace, tmp_path):
    """A 打卡表 whose columns are 1 2 3 … (UTF-8 with BOM): without a month anywhere it is refused, asking for it;
    --month gives it; a title 12月打卡表 gives it too (this year's December: the most recent one), and a title that
    disagrees with --month is refused."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    rows = [
        ["姓名", "1", "2", "3", "4", "5", "次数"],
        ["大伟", "√", "√", "", "1", "", "3"],
        ["合计", "1", "1", "0", "1", "0", ""],
    ]
    bare = _csv(tmp_path / "bare.csv", rows, "utf-8-sig")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, bare, GROUP, today=TODAY)
    assert failed.value.code == "month_needed" and "--month" in failed.value.message
    assert _checkins(sqlite_workspace) == []
    plan, summary = run_checkin_import(sqlite_workspace, actor, bare, GROUP, month="2026-11", today=TODAY)
    assert [d for _c, d in plan.days] == [date(2026, 11, d) for d in range(1, 6)]
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 11, 1)),
        ("张伟", date(2026, 11, 2)),
        ("张伟", date(2026, 11, 4)),
    ]
    titled = _csv(tmp_path / "titled.csv", [["12月打卡表"], *rows], "utf-8-sig")
    plan, summary = run_checkin_import(sqlite_workspace, actor, titled, GROUP, today=TODAY)
    assert plan.month == (2026, 12) and plan.month_from == "title"
    assert summary is not None and summary.logged == 3
    with pytest.raises(CheckinImportFailed) as mismatch:
        run_checkin_import(sqlite_workspace, actor, titled, GROUP, month="2026-11", today=TODAY)
    assert mismatch.value.code == "month_mismatch"


def test_a_gbk_export_with_one_row_per_checkin(workspace, tmp_path):
    """A mini-program export (GBK): 用户昵称 / 打卡日期 / 打卡时间 / 打卡天数 / 内容 / 是否补卡 — the nickname finds the
    member, the date and the time are kept (12/2 without a year is this year's), 是否补卡 marks late; a repeated
    row is already there; a 合计 row is skipped."""
    _people(workspace)
    actor = actor_for(workspace)
    rows = [
        ["用户昵称", "打卡日期", "打卡时间", "打卡天数", "内容", "是否补卡"],
        ["大伟", "2026/12/01", "07:12", "第1天", "早起", "否"],
        ["大伟", "12/2", "06:30", "第2天", "早起！", ""],
        ["北京-李娜", "2026-12-02", "2026-12-03 21:05", "第1天", "补昨天", "是"],
        ["大伟", "2026/12/01", "07:12", "第1天", "早起", "否"],
        ["合计", "", "", "", "", ""],
    ]
    path = _csv(tmp_path / "export.csv", rows, "gbk")
    plan, summary = run_checkin_import(workspace, actor, path, GROUP, today=TODAY)
    assert plan.layout == "long"
    assert summary is not None and (summary.logged, summary.already, summary.late) == (3, 1, 1)
    got = [(n, d, late, at) for n, d, late, _src, at in _checkins(workspace)]
    assert got == [
        ("张伟", date(2026, 12, 1), False, datetime(2026, 12, 1, 7, 12)),
        ("张伟", date(2026, 12, 2), False, datetime(2026, 12, 2, 6, 30)),
        ("李娜", date(2026, 12, 2), True, datetime(2026, 12, 3, 21, 5)),
    ]
    assert {r.row: r.outcome for r in plan.rows}[6] == "skipped"
    assert [r.already for r in plan.rows if r.row == 5] == [1]


def test_an_xlsx_export_with_only_a_submission_time(sqlite_workspace, tmp_path):
    """提交时间 as Excel datetimes is the day and the posted time; a WeChat ID column names the person too; a day after
    today is a problem naming the cell."""
    _people(sqlite_workspace)
    wb = Workbook()
    ws = wb.active
    ws.append(["群接龙 早起打卡 导出"])
    ws.append(["微信号", "群昵称", "提交时间", "内容"])
    ws.append(["zhangwei01", "大伟", datetime(2026, 12, 9, 6, 45), "起床"])
    ws.append([None, "北京-李娜", datetime(2026, 12, 9, 7, 1), "起床"])
    path = tmp_path / "jielong.xlsx"
    wb.save(path)
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert [(n, d, at) for n, d, _l, _s, at in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 9), datetime(2026, 12, 9, 6, 45)),
        ("李娜", date(2026, 12, 9), datetime(2026, 12, 9, 7, 1)),
    ]
    ws.append(["zhangwei01", "大伟", datetime(2026, 12, 11, 6, 45), "起床"])
    wb.save(path)
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    (problem,) = failed.value.problems
    assert (problem.row, problem.column, problem.code) == (5, "C (提交时间)", "future_day")


def test_month_day_headers_take_the_most_recent_year_and_number_headers_are_read_by_their_neighbours(
    sqlite_workspace, tmp_path
):
    """12/1 without a year is the most recent 12/1 not after today. Headers typed as numbers: Excel shows 12.10 as
    12.1, so after 12.9 it is the 10th; a lone 12.1 is refused rather than read as December 1st."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "11/30", "12/1", "12月2日", "12.3(周四)"])
    ws.append(["张伟", "✓", "", "", "✓"])
    path = tmp_path / "md.xlsx"
    wb.save(path)
    plan, _summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, dry_run=True, today=TODAY)
    assert [d for _c, d in plan.days] == [date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)]
    assert _checkins(sqlite_workspace) == []  # a dry run writes nothing

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", 12.6, 12.7, 12.8, 12.9, 12.1])  # the last is 12.10, as Excel shows it
    ws.append(["张伟", "✓", "", "", "", "✓"])
    path = tmp_path / "numbers.xlsx"
    wb.save(path)
    plan, _summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, dry_run=True, today=TODAY)
    assert [d for _c, d in plan.days] == [date(2026, 12, d) for d in (6, 7, 8, 9, 10)]

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", 12.1, 12.5])  # December 1st or 10th: nothing beside it says which
    ws.append(["张伟", "✓", "✓"])
    path = tmp_path / "lone.xlsx"
    wb.save(path)
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert {(p.column, p.code) for p in failed.value.problems} == {
        ("B (12.1)", "date_header"),
        ("C (12.5)", "date_header"),
    }
    assert _checkins(sqlite_workspace) == []


def test_a_title_with_an_export_time_names_no_month_and_date_headers_with_a_time_are_days(sqlite_workspace, tmp_path):
    """导出时间：2026-12-10 08:00 above the header is not January (12/1 stays this December); Excel date headers that
    carry a time (2026-12-01 08:00) are still days; an export's check-in posted the next day is a 补卡."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    wb = Workbook()
    ws = wb.active
    ws.append(["导出时间：2026-12-10 08:00"])
    ws.append(["姓名", "12/1", datetime(2026, 12, 2, 8, 0)])
    ws.append(["张伟", "✓", "✓"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    plan, _summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, dry_run=True, today=TODAY)
    assert plan.month is None and [d for _c, d in plan.days] == [date(2026, 12, 1), date(2026, 12, 2)]
    export = _csv(
        tmp_path / "late.csv", [["昵称", "打卡日期", "提交时间"], ["大伟", "2026-12-04", "2026-12-05 07:30"]], "utf-8"
    )
    run_checkin_import(sqlite_workspace, actor, export, GROUP, today=TODAY)
    assert _checkins(sqlite_workspace) == [("张伟", date(2026, 12, 4), True, "import", datetime(2026, 12, 5, 7, 30))]


def test_a_leave_cell_next_to_an_existing_leave_never_overlaps_it(sqlite_workspace, tmp_path):
    from desktop.services.checkins import record_leave

    people = _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        record_leave(s, actor, people["张伟"], date(2026, 12, 4), date(2026, 12, 4))
        s.commit()
    path = _matrix_xlsx(tmp_path / "leave.xlsx", GOOD_MATRIX)
    plan, summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert summary is not None and (summary.leave_days, summary.leave_already) == (1, 1)
    assert _leaves(sqlite_workspace) == [
        ("张伟", date(2026, 12, 4), date(2026, 12, 4)),
        ("张伟", date(2026, 12, 5), date(2026, 12, 5)),
    ]


def test_the_header_rule_finds_a_matrix_header_below_rows_of_marks(tmp_path):
    """The roster rule takes the row with the most text cells for the header — a row of ✓ beats 姓名 and date cells;
    the check-in rule takes 姓名 with days."""
    path = _matrix_xlsx(tmp_path / "m.xlsx", GOOD_MATRIX)
    table = read_checkin_table(path)
    assert table.header_row == 2 and table.headers[:3] == ["序号", "姓名", "2026-12-01"]
    assert parse_month("2026-12") == (2026, 12)


def test_cli_import_checkins(tmp_path, capsys):
    """`qundesk import checkins`: a missing group is exit 1 saying so; problems are exit 1 naming file, row and
    column with nothing written; --dry-run writes nothing; a good file logs and says how many."""
    db = tmp_path / "w.sqlite"
    database = open_workspace(str(db))
    _people(database)
    database.dispose()
    good = _matrix_xlsx(tmp_path / "good.xlsx", GOOD_MATRIX)
    assert main(["--db", str(db), "import", "checkins", str(good), "--group", "没有这个群"]) == 1
    assert "没有这个群" in capsys.readouterr().err
    bad = _matrix_xlsx(tmp_path / "bad.xlsx", [["王芳", "✓", None, None, None, None, None, None, 1, ""]])
    assert main(["--db", str(db), "import", "checkins", str(bad), "--group", GROUP]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx" in err and "第3行" in err and "B (姓名)" in err
    assert main(["--db", str(db), "import", "checkins", str(good), "--group", GROUP, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "2026-12-01" in out and "dry run" in out
    assert main(["--db", str(db), "import", "checkins", str(good), "--group", GROUP]) == 0
    out = capsys.readouterr().out
    assert "7" in out and "logged" in out
    assert "日期 days: 2026-12-01 … 2026-12-07" in out  # the year of the days written is always said
    database = open_workspace(str(db))
    try:
        assert len(_checkins(database)) == 7
    finally:
        database.dispose()
    assert main(["--db", str(db), "import", "checkins", str(good), "--group", GROUP, "--month", "2026-13"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert main(["import", "checkins", "--help"]) == 0
    assert "--month" in capsys.readouterr().out


def _two_row_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "12月", None, None, None])
    ws.append([None, 1, 2, 3, 4])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:E1")
    ws.append(["大伟", "✓", "", "✓", ""])
    wb.save(path)
    return path


def _sheet_month_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "12月"
    ws.append(["打卡人", 1, 2, 3, 4])
    ws.append(["大伟", "✓", "", "✓", ""])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_two_row_xlsx, id="xlsx 姓名 merged down, 12月 merged over 1 2 3 4"),
        pytest.param(
            lambda p: _csv(
                p.with_suffix(".csv"),
                [["姓名", "12月", "", "", ""], ["", "1", "2", "3", "4"], ["大伟", "√", "", "√", ""]],
                "utf-8",
            ),
            id="csv 姓名 | 12月 over 1 2 3 4",
        ),
        pytest.param(_sheet_month_xlsx, id="xlsx sheet named 12月, bare days, 打卡人"),
        pytest.param(
            lambda p: _csv(
                p.with_suffix(".csv"),
                [
                    ["早起打卡统计表"],
                    ["序号", "成员", "12/1", "12/2", "12/3", "出勤天数"],
                    ["", "", "二", "三", "四", ""],
                    ["1", "张伟", "√", "", "√", "2"],
                    ["", "合计：", "1", "0", "1", ""],
                ],
                "gbk",
            ),
            id="gbk csv 12/1 headers, a weekday row, a totals row",
        ),
        pytest.param(
            lambda p: _csv(
                p.with_suffix(".csv"),
                [
                    ["打卡人", "打卡日期", "打卡时间"],
                    ["张伟", "12月1日 周二", "7:05"],
                    ["大伟", "2026-12-3 星期四", "6点20"],
                ],
                "utf-8-sig",
            ),
            id="csv export, dates with weekdays, times 7:05 and 6点20",
        ),
    ],
)
def test_real_file_shapes(sqlite_workspace, tmp_path, make):
    """Each shape logs 张伟 on December 1st and 3rd (2026: the most recent December), nothing else."""
    _people(sqlite_workspace)
    path = make(tmp_path / "f.xlsx")
    _plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 2
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 1)),
        ("张伟", date(2026, 12, 3)),
    ]


def test_a_future_leave_is_recorded_a_day_without_a_time_gets_none_and_a_roster_is_refused(sqlite_workspace, tmp_path):
    """请假 in a future column is a leave announced ahead (recorded); a check-in for today without a time in the file
    gets no invented time; a roster chosen by mistake is refused saying what a check-in file needs."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    path = _csv(
        tmp_path / "ahead.csv",
        [["姓名", "2026-12-10", "2026-12-11", "2026-12-12"], ["张伟", "✓", "请假", "请假"]],
        "utf-8",
    )
    _plan, summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert summary is not None and (summary.logged, summary.leave_days) == (1, 2)
    assert _checkins(sqlite_workspace) == [("张伟", date(2026, 12, 10), False, "import", None)]
    assert _leaves(sqlite_workspace) == [("张伟", date(2026, 12, 11), date(2026, 12, 12))]
    roster = _csv(
        tmp_path / "roster.csv", [["姓名", "手机", "入群时间"], ["张伟", "13800138000", "2026-11-01"]], "utf-8"
    )
    with pytest.raises(ImportProblem) as refused:
        run_checkin_import(sqlite_workspace, actor, roster, GROUP, today=TODAY)
    assert refused.value.code == "no_checkin_header" and "not a check-in file" in refused.value.message


def test_an_export_s_answers_and_content_decide_what_is_a_checkin(sqlite_workspace, tmp_path):
    """是否打卡 否 is no check-in, 请假 a leave day, an unreadable answer a problem; content saying 请假 is no check-in;
    a 群接龙 row 补昨天的卡 submitted on the 9th is a 补卡 for the 8th; 补卡 without a day is a problem."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    answers = _csv(
        tmp_path / "tx.csv",
        [
            ["提交者", "提交时间", "今日是否打卡", "打卡内容"],
            ["张伟", "2026/12/9 7:00", "是", "跑步"],
            ["李娜", "2026/12/9 7:00", "否", ""],
            ["李娜", "2026/12/8 7:00", "请假", ""],
            ["张伟", "2026/12/8 7:00", "嗯", ""],
        ],
        "utf-8",
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, answers, GROUP, today=TODAY)
    assert [(p.row, p.column) for p in failed.value.problems] == [(5, "C (今日是否打卡)")]
    plan, summary = run_checkin_import(sqlite_workspace, actor, answers, GROUP, today=TODAY, skip_problems=True)
    assert {r.row: r.outcome for r in plan.rows} == {2: "planned", 3: "nothing", 4: "planned", 5: "problem"}
    assert _checkins(sqlite_workspace) == [("张伟", date(2026, 12, 9), False, "import", datetime(2026, 12, 9, 7, 0))]
    assert _leaves(sqlite_workspace) == [("李娜", date(2026, 12, 8), date(2026, 12, 8))]

    chain = _csv(
        tmp_path / "jl.csv",
        [
            ["序号", "昵称", "接龙内容", "提交时间"],
            ["1", "大伟", "补昨天的卡", "2026-12-09 08:00"],
            ["2", "北京-李娜", "请假一天", "2026-12-07 07:00"],
            ["3", "北京-李娜", "补卡", "2026-12-07 09:00"],
        ],
        "utf-8",
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, chain, GROUP, today=TODAY)
    assert [(p.row, p.code) for p in failed.value.problems] == [(4, "late_day_unknown")]
    plan, _summary = run_checkin_import(sqlite_workspace, actor, chain, GROUP, today=TODAY, skip_problems=True)
    assert [r.outcome for r in plan.rows] == ["planned", "nothing", "problem"]
    assert ("张伟", date(2026, 12, 8), True, "import", datetime(2026, 12, 9, 8, 0)) in _checkins(sqlite_workspace)
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace) if n == "李娜"] == []


def test_a_row_whose_columns_name_different_people_is_a_problem(sqlite_workspace, tmp_path):
    """姓名 李娜 with 微信号 zhangwei01 (张伟's), or with a 群昵称 only the two 王芳 could be: never one of them on a guess."""
    _people(sqlite_workspace)
    path = _csv(
        tmp_path / "two.csv",
        [
            ["姓名", "微信号", "群昵称", "打卡日期"],
            ["李娜", "zhangwei01", "", "2026-12-01"],
            ["李娜", "", "王芳", "2026-12-01"],
            ["张伟", "zhangwei01", "大伟", "2026-12-01"],
        ],
        "utf-8",
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert [(p.row, p.code) for p in failed.value.problems] == [(2, "conflict"), (3, "conflict")]
    assert _checkins(sqlite_workspace) == []


def test_camp_day_columns_are_refused_saying_why_and_a_person_named_like_a_total_is_a_person(
    sqlite_workspace, tmp_path
):
    """第1天 第2天 are days of a camp, not dates: refused asking for dates (never laid on a guessed calendar). A row 统计员
    is a person's row, not a totals row: here nobody on the roster, so a problem rather than skipped unseen."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    camp = _csv(tmp_path / "camp.csv", [["姓名", "第1天", "第2天"], ["张伟", "√", "√"]], "utf-8")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, camp, GROUP, today=TODAY)
    assert failed.value.code == "camp_days"
    rows = _csv(tmp_path / "rows.csv", [["姓名", "12/1", "12/2"], ["统计员", "√", ""], ["合计：", "1", "0"]], "utf-8")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, rows, GROUP, today=TODAY)
    assert {r.row: r.outcome for r in failed.value.plan.rows} == {2: "problem", 3: "skipped"}


def test_a_cancel_while_planning_writes_nothing(sqlite_workspace, tmp_path):
    from desktop.tasks import Cancelled

    _people(sqlite_workspace)
    path = _matrix_xlsx(tmp_path / "c.xlsx", GOOD_MATRIX)
    table = read_checkin_table(path)

    class _Cancel:
        def step(self, done: int, total: int) -> None:
            raise Cancelled()

    with pytest.raises(Cancelled):
        run_checkin_import(
            sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY, table=table, progress=_Cancel()
        )
    assert _checkins(sqlite_workspace) == [] and _leaves(sqlite_workspace) == []


def test_a_column_without_a_header_is_listed_as_not_used(sqlite_workspace, tmp_path):
    _people(sqlite_workspace)
    path = _csv(tmp_path / "u.csv", [["姓名", "12/1", "12/2", ""], ["张伟", "√", "", "10"]], "utf-8")
    plan, _summary = run_checkin_import(
        sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, dry_run=True, today=TODAY
    )
    assert plan.skipped_columns == (("D", "没有表头, 未使用 (no header: not used)"),)


def test_an_edit_time_is_not_the_checkin_time(sqlite_workspace, tmp_path):
    """腾讯文档 adds 修改时间 (when the row was last edited) before 提交时间: the check-in is the submission's day."""
    _people(sqlite_workspace)
    path = _csv(
        tmp_path / "doc.csv",
        [["修改时间", "提交者", "提交时间"], ["2026-12-09 22:00", "张伟", "2026-12-08 06:50"]],
        "utf-8",
    )
    run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert _checkins(sqlite_workspace) == [("张伟", date(2026, 12, 8), False, "import", datetime(2026, 12, 8, 6, 50))]


def test_a_submission_before_the_day_it_is_for_is_a_problem(sqlite_workspace, tmp_path):
    _people(sqlite_workspace)
    path = _csv(
        tmp_path / "b.csv", [["昵称", "打卡日期", "提交时间"], ["大伟", "2026-12-05", "2026-12-03 07:00"]], "utf-8"
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [(2, "C (提交时间)", "posted_before_day")]
    assert _checkins(sqlite_workspace) == []


def test_a_form_s_question_did_you_check_in_decides_what_is_a_checkin(sqlite_workspace, tmp_path):
    """问卷星 used for the daily check-in: 2、今天打卡了吗？ answered 否 is no check-in and 请假 a leave day (the
    question was passed over as "not used" and every row logged as a check-in); 3、打卡内容： is read for 请假."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    form = _csv(
        tmp_path / "wjx.csv",
        [
            ["序号", "提交答卷时间", "所用时间", "1、您的昵称：", "2、今天打卡了吗？", "3、打卡内容："],
            ["1", "2026/12/9 7:12:33", "30秒", "张伟", "是", "跑步"],
            ["2", "2026/12/9 8:12:33", "30秒", "北京-李娜", "否", ""],
            ["3", "2026/12/8 9:12:33", "30秒", "北京-李娜", "请假", ""],
            ["4", "2026/12/8 9:12:33", "30秒", "大伟", "是", "今天请假, 明天补"],
        ],
        "utf-8-sig",
    )
    plan, _summary = run_checkin_import(sqlite_workspace, actor, form, GROUP, today=TODAY)
    assert [r.outcome for r in plan.rows] == ["planned", "nothing", "planned", "nothing"]
    assert _checkins(sqlite_workspace) == [
        ("张伟", date(2026, 12, 9), False, "import", datetime(2026, 12, 9, 7, 12, 33))
    ]
    assert _leaves(sqlite_workspace) == [("李娜", date(2026, 12, 8), date(2026, 12, 8))]


def test_a_leave_merged_across_days_is_every_day_and_a_cell_with_only_a_colour_is_a_problem(sqlite_workspace, tmp_path):
    """请假 merged across 12/2–12/4 is three leave days (it was one, the other two read as no check-in); a cell
    filled green with nothing in it is a problem naming row and column (the sheet marks by colour: it was read as
    no check-in, silently); a grey weekend column (its header grey too) and a banded row (its name cell coloured
    too) are the sheet's look, not marks."""
    from openpyxl.styles import PatternFill

    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年12月打卡表"])
    ws.append(["姓名", "12/1", "12/2", "12/3", "12/4", "12/5", "12/6"])
    ws.append(["张伟", "✓", "请假", None, None, None, "✓"])
    ws.merge_cells("C3:E3")
    ws.append(["北京-李娜", None, "✓", None, "✓", None, None])
    ws.append(["大伟", None, None, None, None, None, None])
    green, grey, band = (PatternFill("solid", fgColor=c) for c in ("FF00FF00", "FFC0C0C0", "FFDDEBF7"))
    for ref in ("B4", "D4"):  # 李娜 checked in on 12/1 and 12/3: coloured, nothing written
        ws[ref].fill = green
    for row in range(2, 6):  # 12/5 is a grey (weekend) column, header included
        ws.cell(row, 6).fill = grey
    for col in range(1, 8):  # 大伟's row is banded, name included
        ws.cell(5, col).fill = band
    path = tmp_path / "look.xlsx"
    wb.save(path)
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [
        (4, "B (12/1)", "colour_only"),
        (4, "D (12/3)", "colour_only"),
    ]
    assert _checkins(sqlite_workspace) == [] and _leaves(sqlite_workspace) == []
    plan, summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY, skip_problems=True)
    assert [r.outcome for r in plan.rows] == ["planned", "problem", "nothing"]
    assert _leaves(sqlite_workspace) == [("张伟", date(2026, 12, 2), date(2026, 12, 4))]
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 1)),
        ("张伟", date(2026, 12, 6)),
    ]
    assert summary is not None and summary.leave_days == 3 and summary.left_out == 1


def test_a_workbook_of_one_sheet_a_week_names_the_sheets_it_did_not_read(tmp_path, capsys):
    """第1周 第2周 第3周: one sheet is imported at a time; the other check-in sheets are named (the second and third
    weeks were passed over without a word), and --sheet imports each; a 说明 sheet is not named."""
    db = tmp_path / "w.sqlite"
    database = open_workspace(str(db))
    _people(database)
    database.dispose()
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["✓ 打卡, 请假 写请假"])
    for n, days in ((1, (1, 2, 3)), (2, (7, 8, 9))):
        sheet = wb.create_sheet(f"第{n}周")
        sheet.append(["2026年12月打卡表"])
        sheet.append(["姓名", *(f"12/{d}" for d in days)])
        sheet.append(["张伟", "✓", "✓", None])
    wb.create_sheet("第3周").append(["姓名", "12/14", "12/15"])  # not filled in yet: no rows
    path = tmp_path / "weeks.xlsx"
    wb.save(path)
    assert main(["--db", str(db), "import", "checkins", str(path), "--group", GROUP]) == 0
    captured = capsys.readouterr()
    assert "[第1周]" in captured.out and "第2周" in captured.err and "说明" not in captured.err
    assert main(["--db", str(db), "import", "checkins", str(path), "--group", GROUP, "--sheet", "第2周"]) == 0
    assert "第1周" in capsys.readouterr().err
    database = open_workspace(str(db))
    try:
        assert [(n, d) for n, d, *_ in _checkins(database)] == [("张伟", date(2026, 12, d)) for d in (1, 2, 7, 8)]
    finally:
        database.dispose()


def test_a_second_week_block_below_the_first_is_read_by_its_own_header(sqlite_workspace, tmp_path):
    """姓名 | 12/8 | 12/9 | 12/10 repeated below the first week's block: its rows are the second week's days (they
    were logged on the first block's days, 12/10 as 12/3, after a problem row "姓名"); a repeated header whose day
    cannot be read leaves the rows below it out, each named."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    stacked = _csv(
        tmp_path / "stacked.csv",
        [
            ["2026年12月打卡表"],
            ["姓名", "12/1", "12/2", "12/3"],
            ["张伟", "✓", "✓", ""],
            [],
            ["姓名", "12/8", "12/9", "12/10"],
            ["张伟", "✓", "", "✓"],
            ["北京-李娜", "", "✓", ""],
            ["姓名", "12/15", "12/45", "12/17"],
            ["北京-李娜", "✓", "", ""],
        ],
        "utf-8-sig",
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, stacked, GROUP, today=TODAY)
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [
        (8, "C (12/45)", "date_header"),
        (9, "C (12/45)", "date_header"),
    ]
    plan, _summary = run_checkin_import(sqlite_workspace, actor, stacked, GROUP, today=TODAY, skip_problems=True)
    assert [r.outcome for r in plan.rows] == ["planned", "skipped", "planned", "planned", "problem", "problem"]
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 1)),
        ("张伟", date(2026, 12, 2)),
        ("张伟", date(2026, 12, 8)),
        ("张伟", date(2026, 12, 10)),
        ("李娜", date(2026, 12, 9)),
    ]


def test_a_whole_month_without_a_title_is_one_december_not_last_year_s_after_today(sqlite_workspace, tmp_path):
    """12/1 … 12/31 with no title and no --month, on 12/10: the future columns are this December's (12/11 … were read
    as 2025's, so a 请假 announced for 12/20 was last year's); 12/29 … 1/2 is still one turn of the year."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    marks = ["✓"] * 9 + [""] * 9 + ["请假", "请假"] + [""] * 11
    month = _csv(tmp_path / "m.csv", [["姓名", *(f"12/{d}" for d in range(1, 32))], ["张伟", *marks]], "utf-8-sig")
    plan, _summary = run_checkin_import(sqlite_workspace, actor, month, GROUP, today=TODAY)
    assert [d for _c, d in plan.days] == [date(2026, 12, d) for d in range(1, 32)]
    assert _leaves(sqlite_workspace) == [("张伟", date(2026, 12, 19), date(2026, 12, 20))]
    above = _csv(
        tmp_path / "a.csv",
        [["姓名", "12月", *[""] * 30], ["", *(str(d) for d in range(1, 32))], ["张伟", *[""] * 31]],
        "utf-8-sig",
    )
    plan, _summary = run_checkin_import(sqlite_workspace, actor, above, GROUP, today=TODAY, dry_run=True)
    assert [d for _c, d in plan.days] == [date(2026, 12, d) for d in range(1, 32)]  # 12月 over 1 … 31: the same
    turn = _csv(tmp_path / "t.csv", [["姓名", "12/30", "12/31", "1/1"], ["张伟", "", "", ""]], "utf-8-sig")
    plan, _summary = run_checkin_import(sqlite_workspace, actor, turn, GROUP, today=TODAY, dry_run=True)
    assert [d for _c, d in plan.days] == [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1)]


def test_the_points_said_are_the_ledger_s_a_leave_joining_a_run_included_and_a_second_import_adds_none(
    sqlite_workspace, tmp_path
):
    """Nine days with a 请假 on the fourth: the leave joins the run, and the seven-day bonus it earns is in the
    ledger and in the summary's points (the summary left it out: it counted the check-ins' points only)."""
    ids = _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    rows = [
        ["2026年12月打卡表"],
        ["姓名", *(f"12/{d}" for d in range(1, 10))],
        ["北京-李娜", "✓", "✓", "✓", "请假", "✓", "✓", "✓", "✓", ""],
    ]
    path = _csv(tmp_path / "p.csv", rows, "utf-8-sig")

    def ledger() -> int:
        with sqlite_workspace.session() as s:
            return sum(s.scalars(select(PointsEntry.points).where(PointsEntry.membership_id == ids["李娜"])))

    _plan, summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 7 and summary.leave_days == 1
    assert ledger() == 7 + 5 and summary.points == ledger()
    _plan, again = run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert again is not None and (again.logged, again.leave_days, again.points) == (0, 0, 0) and ledger() == 12


def test_a_table_titled_for_another_group_is_refused_unless_the_user_says_so(sqlite_workspace, tmp_path, capsys):
    """张伟 is in both groups: 读书会's 打卡表 (its title, or its sheet's name, says 读书会) imported into 晨光早起营
    logged 读书会's check-ins in 晨光早起营 without a word; now refused naming the group, --other-group imports it;
    a title naming this group is imported."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        other = create_group(s, actor, "读书会")
        add_member(s, actor, other, MemberInput("张伟", wechat_id="zhangwei01", joined_at=JOINED))
        s.commit()
    theirs = _csv(tmp_path / "r.csv", [["读书会 12月打卡表"], ["姓名", "12/1", "12/2"], ["张伟", "✓", "✓"]], "utf-8")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, theirs, GROUP, today=TODAY)
    assert [p.code for p in failed.value.problems] == ["other_group"] and "读书会" in str(failed.value)
    wb = Workbook()
    wb.active.title = "读书会"
    wb.active.append(["姓名", "12/3", "12/4"])
    wb.active.append(["张伟", "✓", "✓"])
    wb.save(tmp_path / "r.xlsx")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, tmp_path / "r.xlsx", GROUP, today=TODAY)
    assert [p.code for p in failed.value.problems] == ["other_group"]
    assert _checkins(sqlite_workspace) == []
    ours = _csv(tmp_path / "o.csv", [["晨光早起营 12月打卡表"], ["姓名", "12/5", "12/6"], ["张伟", "✓", ""]], "utf-8")
    run_checkin_import(sqlite_workspace, actor, ours, GROUP, today=TODAY)
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [date(2026, 12, 5)]
    run_checkin_import(sqlite_workspace, actor, theirs, GROUP, today=TODAY, other_group=True)
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [date(2026, 12, d) for d in (1, 2, 5)]


def test_a_leave_on_a_day_the_same_person_checked_in_is_a_problem(sqlite_workspace, tmp_path):
    """张伟 ✓ on 12/1 on one row and 大伟 (张伟's nickname) 请假 on 12/1 on another: both a check-in and a leave were
    written for the day; now the leave's row is a problem naming its cell — and so is a 请假 on a day the database
    already has a check-in for."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    first = _csv(tmp_path / "a.csv", [["2026年12月打卡表"], ["姓名", "12/3", "12/4"], ["北京-李娜", "✓", ""]], "utf-8")
    run_checkin_import(sqlite_workspace, actor, first, GROUP, today=TODAY)
    path = _csv(
        tmp_path / "dup.csv",
        [
            ["2026年12月打卡表"],
            ["姓名", "12/1", "12/2", "12/3"],
            ["张伟", "✓", "", ""],
            ["大伟", "请假", "✓", ""],
            ["北京-李娜", "", "", "请假"],
        ],
        "utf-8",
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [
        (4, "B (12/1)", "leave_and_checkin"),
        (5, "D (12/3)", "leave_and_checkin"),
    ]
    plan, _summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY, skip_problems=True)
    assert [r.outcome for r in plan.rows] == ["planned", "problem", "problem"]
    assert _leaves(sqlite_workspace) == []
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 1)),
        ("李娜", date(2026, 12, 3)),
    ]


def test_day_numbers_that_go_back_are_refused_not_read_as_the_end_of_the_title_s_month(sqlite_workspace, tmp_path):
    """2026年12月打卡表 over 28 29 30 1 2 3 (a week across the turn of the month): 28–30 were read as 12/28–12/30
    (a later import would log them there); now refused naming the column where the numbers go back. 11月 over
    28 29 30 and 12月 over 1 2 3 says each part's month: read."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    bare = _csv(
        tmp_path / "b.csv",
        [["2026年12月打卡表"], ["姓名", "28", "29", "30", "1", "2", "3"], ["张伟", "✓", "✓", "✓", "✓", "✓", "✓"]],
        "utf-8",
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, bare, GROUP, today=date(2027, 1, 5))
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [(2, "E (1)", "month_turns")]
    months = _csv(
        tmp_path / "m.csv",
        [
            ["姓名", "11月", "", "", "12月", "", ""],
            ["", "28", "29", "30", "1", "2", "3"],
            ["张伟", "✓", "", "", "", "", "✓"],
        ],
        "utf-8",
    )
    run_checkin_import(sqlite_workspace, actor, months, GROUP, today=TODAY)
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [date(2026, 11, 28), date(2026, 12, 3)]


def test_last_year_s_dates_under_this_year_s_title_are_refused(sqlite_workspace, tmp_path):
    """Last December's 打卡表 reused: Excel date cells of 2025 shown as 12月1日 (the year hidden) under the title
    2026年12月打卡表 were logged in 2025 without a word (the members joined before); now refused naming the column,
    as is --month 2026-12 over them. Dates around the title's month (11/30 in a 12月 table) are fine."""
    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, actor, GROUP)
        add_member(s, actor, gid, MemberInput("张伟", joined_at=datetime(2024, 5, 1)))
        s.commit()
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年12月打卡表"])
    ws.append(["姓名", datetime(2025, 11, 30), *(datetime(2025, 12, d) for d in range(1, 4))])
    for cell in ws[2][1:]:
        cell.number_format = 'm"月"d"日"'
    ws.append(["张伟", "✓", "✓", "✓", ""])
    wb.save(tmp_path / "old.xlsx")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, tmp_path / "old.xlsx", GROUP, today=TODAY)
    assert [(p.column, p.code) for p in failed.value.problems] == [("B (2025-11-30)", "month_mismatch")]
    ws.delete_rows(1)
    wb.save(tmp_path / "old2.xlsx")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, tmp_path / "old2.xlsx", GROUP, month="2026-12", today=TODAY)
    assert [p.code for p in failed.value.problems] == ["month_mismatch"]
    assert _checkins(sqlite_workspace) == []
    run_checkin_import(sqlite_workspace, actor, tmp_path / "old2.xlsx", GROUP, month="2025-12", today=TODAY)
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [
        date(2025, 11, 30),
        date(2025, 12, 1),
        date(2025, 12, 2),
    ]
    # last year's sheet named 12月 (no year: this December only by guess) is imported, with --month 2025-12 too
    ws.title = "12月"
    wb.save(tmp_path / "old3.xlsx")
    for wanted in (None, "2025-12"):
        plan, _summary = run_checkin_import(
            sqlite_workspace, actor, tmp_path / "old3.xlsx", GROUP, month=wanted, today=TODAY, dry_run=True
        )
        assert plan.ok and plan.days[0][1] == date(2025, 11, 30)


def test_a_cross_on_a_day_with_a_check_in_is_a_problem_not_passed_over(sqlite_workspace, tmp_path):
    """The organiser corrects 张伟's ✓ on 12/2 to × and imports again: the check-in stayed and the row said "no
    check-in" (nothing recorded); now the × is a problem naming the cell (an import deletes no check-in) — and so
    is a × on a day the same person's other row marks ✓. An empty cell says nothing and is no problem."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    rows = [["2026年12月打卡表"], ["姓名", "12/1", "12/2", "12/3"], ["张伟", "✓", "✓", ""]]
    run_checkin_import(sqlite_workspace, actor, _csv(tmp_path / "a.csv", rows, "utf-8"), GROUP, today=TODAY)
    rows[2] = ["张伟", "✓", "×", ""]
    rows.append(["北京-李娜", "✓", "", "0"])
    rows.append(["李娜", "", "", "✓"])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, _csv(tmp_path / "b.csv", rows, "utf-8"), GROUP, today=TODAY)
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [
        (3, "C (12/2)", "none_but_checked_in"),
        (4, "D (12/3)", "none_but_checked_in"),
    ]
    assert len(_checkins(sqlite_workspace)) == 2
    answers = _csv(
        tmp_path / "c.csv", [["提交者", "提交时间", "今日是否打卡"], ["张伟", "2026/12/2 21:00", "否"]], "utf-8"
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, answers, GROUP, today=TODAY)
    assert [(p.row, p.code) for p in failed.value.problems] == [(2, "none_but_checked_in")]


def test_a_section_row_merged_across_the_table_is_no_mark(sqlite_workspace, tmp_path):
    """第一组 / 第二组 merged across the whole row (序号 to the last day): not a mark in every day's cell."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年12月打卡表"])
    ws.append(["序号", "姓名", "12/1", "12/2", "12/3"])
    ws.append(["第一组"])
    ws.merge_cells("A3:E3")
    ws.append([1, "张伟", "✓", "请假", None])
    ws.merge_cells("D4:E4")
    ws.append(["第二组"])
    ws.merge_cells("A5:E5")
    ws.append([2, "北京-李娜", "✓", None, "✓"])
    wb.save(tmp_path / "s.xlsx")
    plan, _summary = run_checkin_import(sqlite_workspace, actor, tmp_path / "s.xlsx", GROUP, today=TODAY)
    assert [r.outcome for r in plan.rows] == ["skipped", "planned", "skipped", "planned"]
    assert _leaves(sqlite_workspace) == [("张伟", date(2026, 12, 2), date(2026, 12, 3))]
    assert len(_checkins(sqlite_workspace)) == 3


def test_headers_typed_as_text_12_1_are_read_as_written_and_numbers_still_by_their_neighbours(
    sqlite_workspace, tmp_path
):
    """12.1 12.2 12.3 typed as text in a workbook (a cell formatted 文本) are December 1st–3rd: they were taken for
    numbers (12.1 may be 12.10) and the file refused; the same typed as numbers are still refused."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    for kind, header in (("text", ["12.1", "12.2", "12.3"]), ("number", [12.1, 12.2, 12.3])):
        wb = Workbook()
        ws = wb.active
        ws.title = "12月"
        ws.append(["姓名", *header])
        ws.append(["张伟", "✓", "", "✓"])
        wb.save(tmp_path / f"{kind}.xlsx")
    plan, _summary = run_checkin_import(sqlite_workspace, actor, tmp_path / "text.xlsx", GROUP, today=TODAY)
    assert [d for _c, d in plan.days] == [date(2026, 12, d) for d in (1, 2, 3)]
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [date(2026, 12, 1), date(2026, 12, 3)]
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, tmp_path / "number.xlsx", GROUP, today=TODAY)
    assert {p.code for p in failed.value.problems} == {"date_header"}


def test_a_pinyin_likeness_of_two_namesakes_is_not_said_to_be_their_name(sqlite_workspace, tmp_path):
    """`Wang Fang` in a 打卡表, two members called 王芳: the problem said "Wang Fang: 有 2 位成员都叫这个名字" — nobody
    is called Wang Fang; it is a pinyin likeness of both and says so. `王芳` itself is still their shared name."""
    _people(sqlite_workspace)
    actor = actor_for(sqlite_workspace)
    path = _csv(
        tmp_path / "t.csv",
        [["12月打卡表"], ["姓名", "12/1", "12/2"], ["王芳", "✓", ""], ["Wang Fang", "✓", ""]],
        "utf-8",
    )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    by_row = {p.row: p.message for p in failed.value.problems}
    assert "有 2 位成员都叫这个名字" in by_row[3]
    assert "都叫这个名字" not in by_row[4] and "王芳(拼音), 王芳(拼音)" in by_row[4]
    assert _checkins(sqlite_workspace) == []
