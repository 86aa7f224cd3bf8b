"""Roster files people really have, part five (the roster5 import probe): a bare 合计 / 总计 row under the names,
years written with two digits in a 入群日期 column. Real .xlsx files written with openpyxl, imported through
run_import and the CLI, values read back from the database; every test pins its own day."""

from __future__ import annotations

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
