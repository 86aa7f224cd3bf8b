"""A chain's title names its group by a shortened name: `#接龙 读书会 12月7日` is 每月一本书读书会's chain. Pasted while
早起打卡营 was selected, its people who are in both groups were logged as 早起打卡营's check-ins without a word (only
the group's whole name was read in a title; found by hand on the demo workspace, 7 December)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.members import bulk_copy_to_group
from desktop.services.paste import certain_plan, preview_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 9, 0)
GROUPS = ("早起打卡营", "每月一本书读书会", "城市夜跑团", "21天写作训练营")


@pytest.fixture
def groups(workspace, owner):
    """Four groups; 王芳, 周杰 and 李娜 are in every one of them (one person each)."""
    with workspace.session() as s:
        gids = {name: create_group(s, owner, name) for name in GROUPS}
        ids = [
            add_member(s, owner, gids["早起打卡营"], MemberInput(display_name=n, joined_at=JOINED))[1]
            for n in ("王芳", "周杰", "李娜")
        ]
        for name in GROUPS[1:]:
            bulk_copy_to_group(s, owner, ids, gids[name])
        s.commit()
    return gids


CHAIN = "1. 王芳 读了20页\n2. 周杰\n3. 李娜\n"


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("#接龙 读书会 {d} 阅读打卡", "每月一本书读书会"),
        ("#接龙\n【读书会】{d}打卡", "每月一本书读书会"),
        ("#接龙 夜跑团 {d}", "城市夜跑团"),
        ("#接龙 写作训练营 第3天", "21天写作训练营"),
        ("#接龙 训练营 Day3", "21天写作训练营"),
        ("#接龙 {d}读书会打卡", "每月一本书读书会"),  # after a date it still names the group
        ("#接龙 夜跑团读书会联合打卡", "城市夜跑团"),  # the second one is inside the phrase
    ],
)
def test_a_title_with_a_part_of_another_groups_name_is_that_groups_chain(workspace, groups, title, group):
    d = f"{DAY.month}月{DAY.day}日"
    with workspace.session() as s:
        preview = preview_paste(s, groups["早起打卡营"], DAY, title.format(d=d) + "\n" + CHAIN)
    assert certain_plan(preview.matches) == []
    assert {(m.reason, m.other_group) for m in preview.matches} == {("other_group", group)}


@pytest.mark.parametrize(
    "title",
    [
        "#接龙 早起打卡 {d}",  # this group's own words
        "#接龙 读书会 早起打卡 {d}",  # a joint chain: it names this group too
        "#接龙 第21天打卡",  # `21天` of 21天写作训练营 is a day count, not the group
        "#接龙 打卡营 {d}",  # 打卡营 is an everyday chain word with a character more: no group's alone
        "#接龙 夜跑团 读书会 联合打卡",  # two groups named as long as each other: nothing certain, logged here
        "#接龙 线下读书会报名",  # inside a phrase: an offline reading session (as for a whole name)
        "#接龙 {d} 阅读打卡",  # 阅读 is in no group's name
    ],
)
def test_a_title_without_another_groups_own_part_is_logged_here(workspace, groups, title):
    d = f"{DAY.month}月{DAY.day}日"
    with workspace.session() as s:
        preview = preview_paste(s, groups["早起打卡营"], DAY, title.format(d=d) + "\n" + CHAIN)
    assert len(certain_plan(preview.matches)) == 3
    assert all(m.reason != "other_group" for m in preview.matches)


@pytest.mark.parametrize("title", ["#接龙 早起打卡", "#接龙 打卡营 早起打卡"])
def test_an_everyday_chain_title_names_no_group(workspace, groups, title):
    """`#接龙 早起打卡` is what any group's morning chain says, though 早起打卡 is in 早起打卡营's name only: 城市夜跑团's
    own morning chain is logged there."""
    with workspace.session() as s:
        preview = preview_paste(s, groups["城市夜跑团"], DAY, title + "\n" + CHAIN)
    assert len(certain_plan(preview.matches)) == 3


def test_the_groups_own_part_is_its_own_chain(workspace, groups):
    """读书会 pasted into 每月一本书读书会 itself: its own chain, logged."""
    with workspace.session() as s:
        preview = preview_paste(s, groups["每月一本书读书会"], DAY, "#接龙 读书会 阅读打卡\n" + CHAIN)
    assert len(certain_plan(preview.matches)) == 3


@pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)  # the CLI on a SQLite file
def test_the_cli_skips_them_and_says_how_to_log_them_here(workspace, groups, tmp_path, capsys):
    from desktop.cli import main
    from desktop.services.checkins import checkins_on

    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 读书会 阅读打卡\n" + CHAIN, encoding="utf-8")
    args = ["--db", workspace.engine.url.database, "checkin", "--group", "早起打卡营", "--date", DAY.isoformat()]
    assert main([*args, "--paste", str(chain)]) == 0
    err = capsys.readouterr().err
    assert "接龙标题是另一个群「每月一本书读书会」" in err and "--other-group" in err
    with workspace.session() as s:
        assert checkins_on(s, groups["早起打卡营"], DAY) == []
    assert main([*args, "--paste", str(chain), "--other-group"]) == 0
    with workspace.session() as s:
        assert len(checkins_on(s, groups["早起打卡营"], DAY)) == 3
