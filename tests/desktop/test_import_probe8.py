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
from models import Member, Membership

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
