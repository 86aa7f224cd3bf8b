"""Seventh paste probe (December 2026): the wrong or silent results its corpus found (tests/data/paste_corpus
cases 104–170), one test each at the shared mechanism."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import certain_plan, match_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("王建", "李芳", "张琳", "曹悦", "张伟", "孙浩", "王芳")


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        add_member(s, owner, gid, MemberInput(display_name="王芳", joined_at=JOINED))  # two 王芳
        s.commit()
    return gid, ids


def test_two_members_separated_by_a_comma_are_two_people(workspace, grp):
    """`王建，李芳` was one ambiguous chunk (王建 or 李芳: a person chose one, the other was lost); a comma between
    two certain members is two people — and still a remark's comma otherwise."""
    gid, ids = grp
    text = "#接龙 早起\n1. 王建，李芳\n2. 张琳,曹悦 6:10\n3. 张伟, 今天5km\n4. 孙浩，王芳\n"
    with workspace.session() as s:
        matches = match_paste(s, gid, text, DAY)
    by_line: dict[int, list[str]] = {}
    for m in matches:
        by_line.setdefault(m.line.line_no, []).append(m.status)
    assert by_line[2] == ["matched", "matched"] and by_line[3] == ["matched", "matched"]
    assert by_line[4] == ["matched"]
    assert by_line[5] != ["matched"]  # 王芳 is two people: nothing on the line is logged on a guess
    plan = {p.membership_id for p in certain_plan(matches)}
    assert plan == {ids[n] for n in ("王建", "李芳", "张琳", "曹悦", "张伟")}


def test_a_link_names_nobody(workspace, grp):
    """`3. https://jingdaka.com/x/123` was an unknown person called `https、jingdaka.com、x`; a link is nobody's
    name (and stays in the remark of the member who posted it)."""
    gid, ids = grp
    text = "#接龙 读书\n1. 张伟 https://mp.weixin.qq.com/s/abc 笔记\n2. 孙浩 www.douban.com/note/1\n3. https://jingdaka.com/x/1\n"
    with workspace.session() as s:
        matches = match_paste(s, gid, text, DAY)
    assert [(m.line.line_no, m.status) for m in matches] == [(2, "matched"), (3, "matched")]
    assert "https://mp.weixin.qq.com/s/abc" in (matches[0].line.remark or "")
    with workspace.session() as s:
        matches = match_paste(s, gid, "张伟\nhttps://jingdaka.com/x/123\n孙浩\n", DAY)
    assert [m.status for m in matches] == ["matched", "matched"]


def test_a_group_nickname_typed_with_a_space_is_that_member(workspace, owner):
    """`北京 张伟` for 北京-张伟, `杭州 王芳` for 王芳-杭州: the city was taken for a second person called 北京, so the
    line was a choice and nobody was logged; `杭州 王芳` even picks the right one of two 王芳."""
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")

        def add(name, nick):
            return add_member(s, owner, gid, MemberInput(display_name=name, group_nickname=nick, joined_at=JOINED))[1]

        ids = {"zw": add("张伟", "北京-张伟"), "sh": add("王芳", "上海-王芳"), "hz": add("王芳", "王芳-杭州")}
        s.commit()
        text = "#接龙 早起\n1. 北京 张伟\n2. 杭州 王芳 6:00\n3. 上海 王芳\n"
        matches = match_paste(s, gid, text, DAY)
    by_line: dict[int, list[tuple[str, int | None]]] = {}
    for m in matches:
        by_line.setdefault(m.line.line_no, []).append((m.status, m.membership_id))
    assert by_line[2] == [("matched", ids["zw"])]
    assert by_line[3] == [("matched", ids["hz"])] and by_line[4] == [("matched", ids["sh"])]
    assert {p.membership_id for p in certain_plan(matches)} == {ids["zw"], ids["hz"], ids["sh"]}


def test_a_chain_line_that_lost_its_number_is_still_an_entry(workspace, owner):
    """`1. 张伟` / `李华 5:52` / `3. 孙浩`: 李华's line lost its number and was dropped as noise (no row, no word);
    between a chain's numbered lines it is an entry when its name is a member's for certain — chat between the
    lines (收到, 好的，注意休息, [红包]) stays noise."""
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {
            n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1]
            for n in ("张伟", "李华", "孙浩", "何静")
        }
        s.commit()
        text = "#接龙 早起\n1. 张伟\n李华 5:52\n收到\n好的，注意休息\n3. 孙浩\n何静 还没打卡\n4. 王五\n"
        matches = match_paste(s, gid, text, DAY)
    got = {m.line.line_no: (m.status, m.membership_id, m.time) for m in matches}
    assert got[3] == ("matched", ids["李华"], "05:52")
    assert 4 not in got and 5 not in got
    assert got[7][0] == "ignored"  # 何静 还没打卡: named, and not a check-in
    assert {p.membership_id for p in certain_plan(matches)} == {ids["张伟"], ids["李华"], ids["孙浩"]}


def test_a_chain_that_starts_at_two_has_its_first_line_above(workspace, owner):
    """`#接龙 早起` / `张伟 5:40` / `2. 李华`: number 1 lost its number and was read as the chain's description (张伟
    silently not logged); a line above a chain that starts at 2 is its first entry when it names a member."""
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in ("张伟", "李华")}
        s.commit()
        for text in ("#接龙 早起打卡\n张伟 5:40\n2. 李华\n", "12月4日早起打卡\n张伟 5:40\n\n2. 李华\n"):
            matches = match_paste(s, gid, text, DAY)
            assert [(m.status, m.membership_id, m.time) for m in matches] == [
                ("matched", ids["张伟"], "05:40"),
                ("matched", ids["李华"], None),
            ], text
        # a chain starting at 1 keeps its description lines
        matches = match_paste(s, gid, "#接龙 早起打卡\n负责人 张伟\n1. 李华\n", DAY)
        assert [m.membership_id for m in matches] == [ids["李华"]]
