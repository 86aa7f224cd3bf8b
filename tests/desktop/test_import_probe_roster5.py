"""Roster files people really have, part five (the roster5 import probe): a bare 合计 / 总计 row under the names,
years written with two digits in a 入群日期 column. Real .xlsx files written with openpyxl, imported through
run_import and the CLI, values read back from the database; every test pins its own day."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.services.imports import ImportFailed, run_import
from desktop.workspace import actor_for
from models import Member, Membership

GROUP = "晨光早起营"
TODAY = date(2026, 12, 6)
NOON = 12  # a date without a time is stored as local noon
DATA = Path(__file__).parent.parent / "data" / "import_roster5"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def db(sqlite_workspace):
    return sqlite_workspace


def imp(database, path, **kw):
    return run_import(database, actor_for(database), path, GROUP, "roster", **kw)


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def _people(database) -> dict[str, datetime | None]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Membership.joined_at).join(Membership, Membership.member_id == Member.id)
        ).all()
    return dict(rows)


HEAD = ["序号", "姓名", "微信号", "手机"]
TWO = [[1, "张三", "zs01", "13800138001"], [2, "李四", "ls01", "13800138002"]]


@pytest.mark.parametrize(
    "last",
    [[None, "总计", None, None], ["合计", None, None, None], [None, "合计：", None, None], [None, "Total", None, None]],
)
def test_a_bare_totals_row_under_the_names_is_a_footer_not_a_person(db, tmp_path, last):
    """A totals row with no count (总计 alone in the name column, 合计 alone in the 序号 column): the first was
    imported as a member named 总计, the second refused the whole file for its empty name. Now both are the
    table's footer, listed as skipped."""
    plan, summary, _ = imp(db, _xlsx(tmp_path / "total.xlsx", [HEAD, *TWO, last]))
    assert (summary.added, summary.skipped) == (2, 0)
    assert set(_people(db)) == {"张三", "李四"}
    assert [(s.row, s.reason) for s in plan.skipped if s.reason == "footer"] == [(4, "footer")]


def test_a_bare_subtotal_between_two_sections_is_no_person(db, tmp_path):
    rows = [HEAD, *TWO, [None, "小计", None, None], [3, "王五", "ww01", "13800138003"], [None, "合计", None, None]]
    plan, summary, _ = imp(db, _xlsx(tmp_path / "sub.xlsx", rows))
    assert summary.added == 3 and set(_people(db)) == {"张三", "李四", "王五"}
    assert [(s.row, s.reason) for s in plan.skipped if s.reason in ("note", "footer")] == [
        (4, "note"),
        (6, "footer"),
    ]


def test_a_two_digit_year_is_read_when_年_says_it_and_asked_when_nothing_does(db, tmp_path):
    """入群日期 written as people write them. 24年3月5日 was refused as "not a date" though 年 says which number is the
    year; 24/3/5, 24.3.5 and 3/5/24 were refused as unreadable without saying why. Now 24年3月5日 is 2024-03-05 (as
    Excel and WPS read it), and a two-digit year without 年 is a problem naming the cell and every day it could be."""
    rows = [
        ["姓名", "微信号", "入群日期"],
        ["张三", "zs01", "24年3月5日"],
        ["李四", "ls01", "24/3/5"],
        ["王五", "ww01", "3/5/24"],
        ["赵六", "zl01", "24.3.5"],
        ["孙七", "sq01", "2024.3.5"],
        ["周八", "zb01", "3月5日"],
    ]
    path = _xlsx(tmp_path / "dates.xlsx", rows)
    with pytest.raises(ImportFailed) as caught:
        imp(db, path)
    problems = {p.row: (p.column, p.code, p.message) for p in caught.value.plan.problems}
    assert sorted(problems) == [3, 4, 5]
    assert all(column == "入群日期" and code == "date_short_year" for column, code, _m in problems.values())
    assert "2024-03-05 还是 2005-03-24" in problems[3][2] and "2024-03-05 or 2005-03-24" in problems[3][2]
    assert "2003-05-24 还是 2024-05-03 还是 2024-03-05" in problems[4][2]
    assert "24.3.5" in problems[5][2]
    _plan, summary, _ = imp(db, path, skip_problems=True)
    assert (summary.added, summary.skipped) == (3, 3)
    assert _people(db) == {
        "张三": datetime(2024, 3, 5, NOON),
        "孙七": datetime(2024, 3, 5, NOON),
        "周八": datetime(2026, 3, 5, NOON),  # no year: the latest 5 March up to today, said on the row
    }


@pytest.mark.parametrize(
    ("written", "day"),
    [("24年3月5日", date(2024, 3, 5)), ("99年12月31日", date(1999, 12, 31)), ("24 年 3 月 5 日", date(2024, 3, 5))],
)
def test_a_year_of_two_digits_before_年_is_excel_s_reading_of_it(written, day):
    from desktop.io.fields import parse_date

    assert parse_date(written, file="f.xlsx", row=2, column="入群日期") == day


EXCEL_WEB_PAGE = """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>
<table x:str border=0 cellpadding=0 cellspacing=0>
 <tr height=18><td>姓名</td><td>微信号</td><td>备注</td></tr>
 <tr height=18><td>张三</td><td>zs01</td><td>未交费</td></tr>
 <tr height=0 style='display:none'><td>李四</td><td>ls01</td><td>已交费</td></tr>
 <tr height=18><td>王五</td><td>ww01</td><td>未交费</td></tr>
 <tr hidden><td>赵六</td><td>zl01</td><td>已交费</td></tr>
</table></body></html>"""


def test_rows_a_web_page_hides_are_imported_and_said_as_an_xlsx_s(db, sqlite_path, tmp_path, capsys):
    """Excel's "save as web page" of a roster filtered to 未交费, named 名单.xls: the rows the filter hid are written
    <tr style='display:none'>. They were imported without a word (an .xlsx's or an .ods's hidden rows are said). Now
    each is imported and said on its row, as for an .xlsx: the file holds them, and a filter is a way of looking."""
    path = tmp_path / "名单.xls"
    path.write_text(EXCEL_WEB_PAGE, encoding="utf-8")
    plan, summary, _ = imp(db, path)
    assert summary.added == 4 and set(_people(db)) == {"张三", "李四", "王五", "赵六"}
    assert [(w.row, w.code) for w in plan.warnings] == [(3, "hidden_row"), (5, "hidden_row")]
    from desktop.cli import main

    assert main(["--db", str(sqlite_path), "import", "roster", str(path), "--group", GROUP, "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "名单.xls 第3行 这一行在表格里是隐藏的" in err and "名单.xls 第5行 这一行在表格里是隐藏的" in err


@pytest.mark.parametrize(
    "cell",
    ["13800138000/13900139000", "13800138000；13900139000", "13800138000\n13900139000", "13800138000 13900139000"],
)
def test_two_phones_in_one_cell_are_asked_about_on_one_line_naming_both(db, tmp_path, cell):
    """Two numbers in a 手机 cell: which one is the person's is asked, never guessed (the row is a problem naming the
    cell). With a line break in the cell (Alt+Enter) the message held the break, and the CLI's problem line was cut in
    two; now it names both numbers on one line."""
    path = _xlsx(tmp_path / "phones.xlsx", [["姓名", "手机"], ["张三", cell]])
    with pytest.raises(ImportFailed) as caught:
        imp(db, path)
    (problem,) = caught.value.plan.problems
    assert (problem.row, problem.column, problem.code) == (2, "手机", "phone_several_numbers")
    assert problem.message.startswith("13800138000 / 13900139000 ") and "\n" not in str(problem)
    assert _people(db) == {}


def test_rows_an_old_xls_hides_are_imported_and_said_as_an_xlsx_s(db, tmp_path):
    """filtered.xls (Excel 97–2003, written by LibreOffice from a roster filtered to 未交费: rows 3 and 5 hidden).
    python-calamine gives no hidden rows, so 李四 and 赵六 were imported without a word. Now the .xls's ROW records are
    read for their hidden flag and each such row is said, as for an .xlsx; the 说明 sheet after it is not a roster."""
    path = shutil.copy(DATA / "filtered.xls", tmp_path / "filtered.xls")
    plan, summary, _ = imp(db, path)
    assert summary.added == 4 and set(_people(db)) == {"张三", "李四", "王五", "赵六"}
    assert [(w.row, w.code) for w in plan.warnings] == [(3, "hidden_row"), (5, "hidden_row")]


def test_a_file_that_only_looks_like_an_xls_has_no_hidden_rows_and_is_no_error(tmp_path):
    from desktop.io.tabular import _xls_hidden_rows

    broken = tmp_path / "broken.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600)
    assert _xls_hidden_rows(broken, "Sheet1") == frozenset()
    assert _xls_hidden_rows(DATA / "filtered.xls", "没有这个表") == frozenset()
