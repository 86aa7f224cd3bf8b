"""Defects found by the eighth import probe, roster side: what QQ groups, 企业微信 customer groups, course platforms
and Mac Numbers export. (Layouts written as those tools write them as best we know.) Values are read back from the
database; every test pins its own day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop.io.fields import header_field
from desktop.services.imports import run_import
from desktop.workspace import actor_for
from models import Group, Member, Membership

GROUP = "晨光早起营"
TODAY = date(2026, 12, 6)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The day these files were exported: every date in them is before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def _people(database) -> dict[str, tuple]:
    referrer = aliased(Member)
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.nickname, Membership.joined_at, referrer.display_name, Membership.status)
            .join(Membership, Membership.member_id == Member.id)
            .outerjoin(referrer, referrer.id == Membership.referrer_id)
        ).all()
    return {name: (nick, joined, ref, status) for name, nick, joined, ref, status in rows}


def test_a_wecom_customer_group_s_group_member_column_names_the_people(sqlite_workspace, tmp_path):
    """企业微信's 客户群详情: a title, a line of 群名称：… 群主：…, then 群成员 | 成员类型 | 入群时间 | 入群方式 | 邀请人.
    The whole file was refused "no name, WeChat ID or phone column": 群成员 was not read as the person. Now it is
    their WeChat name (as 成员名称 is), with the join time and the inviter; 群成员数 (a count) is still no person."""
    rows = [
        ["客户群详情"],
        ["群名称：晨光早起营", "", "群主：小王", "", "创建时间：2026-10-01"],
        ["群成员", "成员类型", "入群时间", "入群方式", "邀请人"],
        ["李雷", "微信用户", "2026-11-01 10:00:00", "通过扫描群二维码入群", ""],
        ["韩梅梅", "微信用户", "2026-11-02 11:00:00", "由成员邀请入群", "李雷"],
    ]
    path = _xlsx(tmp_path / "客户群详情.xlsx", rows)
    _plan, summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, "roster")
    assert summary is not None and summary.added == 2
    assert _people(sqlite_workspace) == {
        "李雷": ("李雷", datetime(2026, 11, 1, 10, 0), None, "active"),
        "韩梅梅": ("韩梅梅", datetime(2026, 11, 2, 11, 0), "李雷", "active"),
    }
    assert header_field("群成员") == "nickname"
    assert header_field("群成员数") is None


WECOM_ALL_GROUPS = [
    ["群名称", "群主", "成员名称", "群昵称", "成员类型", "入群时间", "入群方式", "邀请人"],
    ["晨光早起营", "张老师", "甲乙", "", "外部联系人", "2026-11-01 10:00", "通过扫描群二维码入群", ""],
    ["读书会", "张老师", "丙丁", "", "外部联系人", "2026-11-02 10:00", "由成员邀请入群", ""],
    ["晨光早起营", "张老师", "戊己", "", "外部联系人", "2026-11-03 10:00", "由成员邀请入群", "甲乙"],
]


def test_a_file_of_several_groups_gives_each_group_only_its_own_rows(sqlite_workspace, tmp_path, capsys):
    """企业微信's 客户群 export of every group (a 群名称 column, 晨光早起营 and 读书会) imported into 晨光早起营: 丙丁 of
    读书会 was made a member of 晨光早起营, the 群名称 column only "not imported". Now the rows of another group are
    skipped, each named (dry run and real run); a file none of whose groups is the one imported into is refused."""
    from desktop.cli import main

    path = _xlsx(tmp_path / "客户群.xlsx", WECOM_ALL_GROUPS)
    db = str(sqlite_workspace.engine.url.database)
    assert main(["--db", db, "import", "roster", str(path), "--group", GROUP, "--dry-run"]) == 0
    assert "第3行  跳过 skipped (另一个群的成员, 未导入" in capsys.readouterr().out
    plan, summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, "roster")
    assert summary is not None and summary.added == 2
    assert [(s.row, s.reason, s.text) for s in plan.skipped] == [(3, "other_group", "丙丁（读书会）")]
    assert _people(sqlite_workspace) == {
        "甲乙": ("甲乙", datetime(2026, 11, 1, 10, 0), None, "active"),
        "戊己": ("戊己", datetime(2026, 11, 3, 10, 0), "甲乙", "active"),
    }
    assert main(["--db", db, "import", "roster", str(path), "--group", "读书会"]) == 0
    assert "读书会" in capsys.readouterr().out
    with sqlite_workspace.session() as s:
        groups = s.execute(
            select(Member.display_name, Group.name)
            .join(Membership, Membership.member_id == Member.id)
            .join(Group, Group.id == Membership.group_id)
        ).all()
    assert sorted(groups) == [("丙丁", "读书会"), ("戊己", GROUP), ("甲乙", GROUP)]
    assert main(["--db", db, "import", "roster", str(path), "--group", "晨读营"]) == 1
    err = capsys.readouterr().err
    assert "没有一个叫「晨读营」" in err and "群名称" in err
    # one group's export (a 群名称 that is not the QunDesk group's name) is that group's, as before
    one = _xlsx(tmp_path / "一个群.xlsx", [WECOM_ALL_GROUPS[0], WECOM_ALL_GROUPS[2]])
    _plan, summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), one, "晨读营", "roster")
    assert summary is not None and summary.added == 1
