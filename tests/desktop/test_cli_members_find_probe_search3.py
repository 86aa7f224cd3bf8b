"""`qundesk members --group NAME --find TEXT` (probe search3): the roster search of the window from the command line,
with its rules — an assistant (`--operator`) finds no one by a digit the masks hide, and a member renamed last week is
found by the old name and said so ("曾用名 formerly 陈大文")."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
from desktop.workspace import actor_for, open_workspace

JOINED = datetime(2025, 3, 1, 9, 0)


@pytest.fixture()
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("QUNDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QUNDESK_DB", raising=False)
    monkeypatch.delenv("QUNDESK_PASSWORD", raising=False)
    path = tmp_path / "w.sqlite"
    database = open_workspace(path, backup_dir=tmp_path / "b")
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "早起营", kind="camp")
        other = create_group(s, owner, "读书会", kind="learning")
        add_operator(s, owner, "小助理", "assistant")
        add_member(s, owner, g, MemberInput(display_name="张三", phone="13800138000", joined_at=JOINED))
        add_member(s, owner, g, MemberInput(display_name="王五 13900139002", joined_at=JOINED))
        add_member(s, owner, other, MemberInput(display_name="张三丰", joined_at=JOINED))
        _mid, ms = add_member(s, owner, g, MemberInput(display_name="陈大文", joined_at=JOINED))
        update_member(s, owner, ms, MemberInput(**{**get_member_input(s, ms).__dict__, "display_name": "陈文"}))
        s.commit()
    database.dispose()
    return str(path)


def members(capsys, db, *argv: str) -> tuple[int, str]:
    code = main(["--db", db, *argv])
    return code, capsys.readouterr().out


def names(capsys, db, *argv: str) -> list[str]:
    code, out = members(capsys, db, *argv, "--json")
    assert code == 0
    return [r["name"] for r in json.loads(out)]


def test_find_lists_only_the_members_the_roster_search_finds_in_the_group(capsys, db):
    assert names(capsys, db, "members", "--group", "早起营", "--find", "张三") == ["张三"]  # not 张三丰 of 读书会
    assert names(capsys, db, "members", "--group", "早起营", "--find", "zs") == ["张三"]
    assert names(capsys, db, "members", "--group", "早起营", "--find", "8000") == ["张三"]
    assert len(names(capsys, db, "members", "--group", "早起营")) == 3  # without --find: everyone, as before


def test_find_by_a_former_name_says_so(capsys, db):
    code, out = members(capsys, db, "members", "--group", "早起营", "--find", "陈大文", "--json")
    assert code == 0 and [(r["name"], r["formerly"]) for r in json.loads(out)] == [("陈文", "陈大文")]
    code, out = members(capsys, db, "members", "--group", "早起营", "--find", "陈大文")
    assert code == 0 and "陈文 (曾用名 formerly 陈大文)" in out


def test_an_assistant_finds_no_one_by_hidden_digits(capsys, db):
    as_assistant = ("--operator", "小助理", "members", "--group", "早起营", "--find")
    assert names(capsys, db, "members", "--group", "早起营", "--find", "38000") == ["张三"]
    assert names(capsys, db, *as_assistant, "38000") == []
    assert names(capsys, db, *as_assistant, "0139") == []  # 王五 13900139002 is listed 王五 139****
    assert names(capsys, db, *as_assistant, "13800138000") == ["张三"]  # the whole number
    assert names(capsys, db, *as_assistant, "王五") == ["王五 139****"]


def test_nobody_found_is_said(capsys, db):
    code, out = members(capsys, db, "members", "--group", "早起营", "--find", "赵")
    assert code == 0 and "没有成员匹配 (no member matches) '赵'" in out
