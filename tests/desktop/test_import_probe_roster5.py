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
