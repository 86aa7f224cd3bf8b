"""Check-in sheets people really have, the roster5 probe: a 打卡表 or an export with rows hidden by a filter. Real .xlsx
files written with openpyxl, imported through run_checkin_import and the CLI, read back from the database; every test
pins its own day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.cli import main
from desktop.services.checkin_import import run_checkin_import
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
