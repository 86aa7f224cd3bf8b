"""One laptop (SQLite): an assistant is shown 王五 13800138002 as 王五 138**** and their member dialog refuses to change
it (the phone would be lost), but their roster import wrote a row's 王五 over it — the number gone from the name,
by someone who never saw it. The row is now a problem naming the field, as on a team server (whose view refuses
the change); an owner or admin imports it. A row that leaves the field as it is stays fine."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import Member

NAME = "王五 13800138002"


@pytest.fixture
def ws(tmp_path) -> str:
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "跑步群")
        add_member(
            s,
            owner,
            gid,
            MemberInput(display_name=NAME, wechat_id="ww_wx", city="上海", joined_at=datetime(2026, 11, 1)),
        )
        add_operator(s, owner, "小助理", "assistant")
        s.commit()
    database.dispose()
    return db


def _name(db: str) -> str:
    database = open_workspace(db)
    try:
        with database.session() as s:
            return s.query(Member.display_name).filter(Member.wechat_id == "ww_wx").scalar()
    finally:
        database.dispose()


def test_an_assistants_import_does_not_write_over_a_name_holding_a_phone(ws, tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,微信号,城市\n王五,ww_wx,杭州\n", encoding="utf-8")
    assert main(["--db", ws, "--operator", "小助理", "import", "roster", str(roster), "--group", "跑步群"]) == 1
    err = capsys.readouterr().err
    assert "第2行" in err and "只有群主或管理员能修改" in err and "13800138002" not in err
    assert _name(ws) == NAME  # nothing imported
    # the row without the name's change (the city only): imported
    roster.write_text(f"姓名,微信号,城市\n{NAME},ww_wx,杭州\n", encoding="utf-8")
    assert main(["--db", ws, "--operator", "小助理", "import", "roster", str(roster), "--group", "跑步群"]) == 0
    capsys.readouterr()
    # the owner imports the rename
    roster.write_text("姓名,微信号\n王五,ww_wx\n", encoding="utf-8")
    assert main(["--db", ws, "import", "roster", str(roster), "--group", "跑步群"]) == 0
    assert _name(ws) == "王五"
