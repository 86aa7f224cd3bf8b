"""`qundesk checkin --undo`: the CLI had no way back from a chain logged into the wrong group or day (the window
has 撤销 per line and "Undo this paste"). Running the paste again with --undo takes back what the last paste of
those people logged, and only that; with names, those members' check-ins of the day."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services.checkins import checkins_on
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 9, 0)
pytestmark = pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)  # the CLI on a SQLite file


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        for n in ("王芳", "李娜", "周杰", "赵磊"):
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))
        s.commit()
    return gid


def _who(workspace, gid, day=DAY) -> set[str]:
    with workspace.session() as s:
        return {r.display_name for r in checkins_on(s, gid, day)}


def test_undo_takes_back_what_the_last_paste_logged_and_keeps_the_rest(workspace, grp, tmp_path, capsys, monkeypatch):
    from desktop.cli import main
    from models import clock

    at = [datetime.combine(DAY, datetime.min.time()).replace(hour=7)]
    monkeypatch.setattr(clock, "now", lambda: at[0])
    args = ["--db", workspace.engine.url.database, "checkin", "--group", "早起打卡营", "--date", DAY.isoformat()]
    assert main([*args, "周杰"]) == 0  # by hand at 07:00
    early = tmp_path / "early.txt"
    early.write_text("#接龙 打卡\n1. 赵磊\n", encoding="utf-8")
    assert main([*args, "--paste", str(early)]) == 0  # an earlier paste, 07:00
    at[0] += timedelta(hours=1)
    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 打卡\n1. 王芳\n2. 李娜\n3. 周杰\n4. 赵磊\n", encoding="utf-8")
    assert main([*args, "--paste", str(chain)]) == 0  # logs 王芳 and 李娜 at 08:00
    assert _who(workspace, grp) == {"王芳", "李娜", "周杰", "赵磊"}
    capsys.readouterr()
    assert main([*args, "--paste", str(chain), "--undo"]) == 0
    out = capsys.readouterr()
    assert _who(workspace, grp) == {"周杰", "赵磊"}  # by hand and by the paste before: kept, each said
    assert "撤销 undone 2, 保留 kept 2" in out.out
    assert "周杰" in out.err and "not logged from a paste" in out.err
    assert "赵磊" in out.err and "earlier paste" in out.err
    assert main([*args, "--paste", str(chain), "--undo"]) == 0  # again: the paste before that one
    assert _who(workspace, grp) == {"周杰"}
    assert main([*args, "--undo", "周杰"]) == 0  # by name: whatever logged it
    assert _who(workspace, grp) == set()


def test_undo_by_an_unsure_name_undoes_nothing(workspace, grp, owner, capsys):
    from desktop.cli import main

    with workspace.session() as s:
        add_member(s, owner, grp, MemberInput(display_name="王芳", wechat_id="wf_2", joined_at=JOINED))
        s.commit()
    args = ["--db", workspace.engine.url.database, "checkin", "--group", "早起打卡营", "--date", DAY.isoformat()]
    assert main([*args, "李娜"]) == 0
    assert main([*args, "--undo", "王芳", "李娜"]) == 1
    assert "nothing undone" in capsys.readouterr().err
    assert _who(workspace, grp) == {"李娜"}
