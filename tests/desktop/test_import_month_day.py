"""A join or leaving day typed without its year (`11月30日`, as organisers keep their lists) was "not a date" and
its row refused — seen twice in a new user's first roster. It is the latest such day up to today (these days have
happened), said on the row as a warning with the full date."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.imports import ImportFailed, run_import
from desktop.services.roster import get_member_input
from models import Member, Membership

TODAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _joined(workspace, wechat: str) -> date:
    with workspace.session() as s:
        ms_id = (
            s.query(Membership.id)
            .join(Member, Member.id == Membership.member_id)
            .filter(Member.wechat_id == wechat)
            .scalar()
        )
        return get_member_input(s, ms_id).joined_at.date()


def test_a_day_without_its_year_is_the_latest_such_day_up_to_today(workspace, owner, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text(
        "姓名,微信号,入群时间\n"
        "张三,zs_01,11月30日\n"  # this year's
        "李四,ls_01,12月25号\n"  # not yet this year: last year's
        "王五,ww_01,2月29日\n"  # the latest 29 February: 2024
        "赵六,zl_01,12月4日 08:30\n",  # today, with its time
        encoding="utf-8",
    )
    plan, summary, _ = run_import(workspace, owner, path, "早起打卡营", "roster")
    assert summary is not None and summary.added == 4
    assert _joined(workspace, "zs_01") == date(2026, 11, 30)
    assert _joined(workspace, "ls_01") == date(2025, 12, 25)
    assert _joined(workspace, "ww_01") == date(2024, 2, 29)
    assert _joined(workspace, "zl_01") == date(2026, 12, 4)
    said = {(w.row, w.code): w.message for w in plan.warnings if w.code == "date_without_year"}
    assert sorted(row for row, _code in said) == [2, 3, 4, 5]
    assert "2026-11-30" in said[(2, "date_without_year")] and "2025-12-25" in said[(3, "date_without_year")]


def test_a_month_day_that_is_no_day_is_still_a_problem(workspace, owner, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,微信号,入群时间\n张三,zs_01,13月1日\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as refused:
        run_import(workspace, owner, path, "早起打卡营", "roster")
    (problem,) = refused.value.plan.problems
    assert problem.row == 2 and problem.column == "入群时间"
