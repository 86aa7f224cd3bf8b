"""`qundesk points adjust` (probe points3): one adjustment for several members from the command line — names or a
pasted list; a name it cannot be sure of refuses the whole adjustment, nothing written, each said on stderr."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.points import balance
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import kept

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch, tmp_path):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    monkeypatch.setenv("QUNDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QUNDESK_DB", raising=False)
    monkeypatch.delenv("QUNDESK_PASSWORD", raising=False)


@pytest.fixture
def ws(tmp_path):
    path = tmp_path / "w.sqlite"
    db = open_workspace(path)
    owner = actor_for(db)
    ms = {}
    with db.session() as s:
        gid = create_group(s, owner, "读书会")
        for name, wx in (("张三", None), ("李四", None), ("王芳", "wf_1"), ("王芳", "wf_2")):
            key = f"{name}:{wx}" if wx else name
            ms[key] = add_member(
                s, owner, gid, MemberInput(display_name=name, wechat_id=wx, joined_at=datetime(2026, 10, 1))
            )[1]
        ms["赵六"] = add_member(s, owner, gid, MemberInput(display_name="赵六", status="applicant"))[1]
        s.commit()
    db.dispose()
    return path, ms


def _balances(path, ms, *names):
    db = open_workspace(path)
    try:
        with db.session() as s:
            assert kept.drift(s.connection()) == []
            return [balance(s, ms[n]) for n in names]
    finally:
        db.dispose()


def test_names_on_the_command_line_get_the_points_each(ws, capsys):
    path, ms = ws
    code = main(["--db", str(path), "points", "adjust", "--group", "读书会", "--points", "5", "--reason", "线下聚会到场",
                 "--date", "2026-11-15", "张三", "李四", "张三"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "+5 × 2" in out and "张三、李四" in out
    assert _balances(path, ms, "张三", "李四") == [5, 5]


def test_a_name_it_cannot_be_sure_of_refuses_the_whole_list(ws, capsys, tmp_path):
    path, ms = ws
    pasted = tmp_path / "list.txt"
    pasted.write_text("本月之星：张三、王芳\n钱多多\n赵六", encoding="utf-8")
    code = main(["--db", str(path), "points", "adjust", "--group", "读书会", "--points", "-10", "--reason", "违反群规",
                 "--paste", str(pasted)])  # fmt: skip
    _out, err = capsys.readouterr()
    assert code == 1
    assert "王芳: 不确定 ambiguous" in err and "wf_1" in err and "wf_2" in err
    assert "钱多多: 未匹配" in err and "赵六: 不计入" in err and "nothing adjusted" in err
    assert _balances(path, ms, "张三", "王芳:wf_1", "王芳:wf_2") == [0, 0, 0]


def test_a_congratulation_with_mentions_gives_the_people_mentioned(ws, capsys, tmp_path, monkeypatch):
    import io
    import sys

    path, ms = ws
    text = "李四 10:32\n恭喜@张三\u2005@王芳\u2005获得本月之星🎉"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code = main(["--db", str(path), "points", "adjust", "--group", "读书会", "--points", "20", "--reason", "本月之星",
                 "--paste", "-"])  # fmt: skip
    _out, err = capsys.readouterr()
    assert code == 1 and "王芳: 不确定" in err  # two 王芳: asked, nothing written
    text = "李四 10:32\n恭喜@张三\u2005获得本月之星🎉"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code = main(["--db", str(path), "points", "adjust", "--group", "读书会", "--points", "20", "--reason", "本月之星",
                 "--paste", "-"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert _balances(path, ms, "张三", "李四") == [20, 0]  # the sender 李四 is not one of them
