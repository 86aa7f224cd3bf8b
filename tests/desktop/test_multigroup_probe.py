"""One person in several groups (a 读书群 and a 跑步群, 一期 and 二期 of a course): a fact lands in the group it
belongs to, and a figure counts a person in the group they are in, once. Found by a probe (6 December) with ~30
people in two to four groups each."""

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


def md(d) -> str:
    return f"{d.month}月{d.day}日"


@pytest.fixture
def two(workspace, owner):
    """读书群 and 跑步群; 王芳 and 周杰 in both (one person each), 李娜 in 读书群 only, 刘洋 in 跑步群 only."""
    with workspace.session() as s:
        read = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        ids = {
            n: add_member(s, owner, read, MemberInput(display_name=n, joined_at=JOINED))[1]
            for n in ("王芳", "周杰", "李娜")
        }
        add_member(s, owner, run, MemberInput(display_name="刘洋", joined_at=JOINED))
        bulk_copy_to_group(s, owner, [ids["王芳"], ids["周杰"]], run)
        s.commit()
    return read, run


@pytest.mark.parametrize(
    "title",
    [
        f"【读书群】{md(DAY)}打卡",
        f"#接龙\n【读书群】{md(DAY)}打卡\n",
        f"#接龙 [读书群] {md(DAY)}打卡",
        f"（读书群）{md(DAY)}读书打卡",
    ],
)
def test_a_chain_titled_with_another_groups_name_in_brackets_is_not_logged_here(workspace, owner, two, title):
    """`【读书群】12月3日打卡` is how a chain names its group: pasted while 跑步群 was selected, its people who are in
    跑步群 too were logged as 跑步群's check-ins without a word (the title's brackets were read as a description)."""
    read, run = two
    with workspace.session() as s:
        preview = preview_paste(s, run, DAY, f"{title}\n1. 王芳 读了20页\n2. 周杰\n3. 李娜\n")
    assert certain_plan(preview.matches) == []
    ignored = [m for m in preview.matches if m.status == "ignored" and m.reason == "other_group"]
    assert {m.other_group for m in ignored} == {"读书群"} and len(ignored) == 3


def test_a_chain_titled_with_its_own_group_in_brackets_is_logged(workspace, owner, two):
    read, run = two
    with workspace.session() as s:
        preview = preview_paste(s, read, DAY, f"#接龙\n【读书群】{md(DAY)}打卡\n\n1. 王芳\n2. 李娜\n")
    assert len(certain_plan(preview.matches)) == 2


def test_a_description_in_brackets_still_names_no_group(workspace, owner, two):
    """A bracket holding more than a group's name is a description (`晨读打卡（跑步群的也来）`): logged here."""
    read, run = two
    with workspace.session() as s:
        preview = preview_paste(s, read, DAY, f"#接龙 {md(DAY)}晨读打卡（跑步群的也来）\n\n1. 王芳\n2. 李娜\n")
    assert len(certain_plan(preview.matches)) == 2


# ---- a chain without a title whose names fit another group better ----


@pytest.fixture
def overlap(workspace, owner):
    """读书群 (ten people) and 跑步群; eight of 读书群's people are in 跑步群 too, 杨帆 and 李娜 are not."""
    shared = ("王芳", "赵磊", "吴敏", "徐鹏", "郑浩", "谢晨", "周杰", "孙丽")
    with workspace.session() as s:
        read = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        ids = {n: add_member(s, owner, read, MemberInput(display_name=n, joined_at=JOINED))[1] for n in shared}
        for n in ("杨帆", "李娜"):
            add_member(s, owner, read, MemberInput(display_name=n, joined_at=JOINED))
        add_member(s, owner, run, MemberInput(display_name="刘洋", joined_at=JOINED))
        bulk_copy_to_group(s, owner, list(ids.values()), run)
        s.commit()
    return read, run, shared


READ_CHAIN = "#接龙\n打卡\n\n" + "".join(
    f"{i}. {n}\n" for i, n in enumerate(("王芳", "赵磊", "吴敏", "徐鹏", "杨帆", "郑浩", "李娜", "谢晨"), 1)
)


def test_a_chain_whose_names_fit_another_group_better_says_so(workspace, overlap):
    """Six of its eight names are in both groups: matched here, and only two lines (not most) said "a member of
    读书群" — the window warned only when most names were another group's. Every name is 读书群's."""
    read, run, _ = overlap
    with workspace.session() as s:
        assert preview_paste(s, run, DAY, READ_CHAIN).better_group == "读书群"
        assert preview_paste(s, read, DAY, READ_CHAIN).better_group is None
        # a chain of people all in both groups fits both: nothing to say
        both = "#接龙\n打卡\n\n1. 王芳\n2. 赵磊\n3. 吴敏\n"
        assert preview_paste(s, run, DAY, both).better_group is None
        # one stray name of the other group is a stray, not another group's chain
        one = "#接龙\n打卡\n\n1. 王芳\n2. 刘洋\n3. 杨帆\n"
        assert preview_paste(s, run, DAY, one).better_group is None


def test_the_cli_warns_when_the_names_fit_another_group_better(workspace, overlap, tmp_path, capsys):
    from desktop.cli import main

    read, run, _ = overlap
    if workspace.engine.dialect.name != "sqlite":
        pytest.skip("the CLI on a SQLite file")
    chain = tmp_path / "chain.txt"
    chain.write_text(READ_CHAIN, encoding="utf-8")
    code = main(
        [
            "--db",
            workspace.engine.url.database,
            "checkin",
            "--group",
            "跑步群",
            "--date",
            DAY.isoformat(),
            "--paste",
            str(chain),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0
    assert "更像是「读书群」的成员" in err and "--group 跑步群" in err
    code = main(
        [
            "--db",
            workspace.engine.url.database,
            "checkin",
            "--group",
            "读书群",
            "--date",
            DAY.isoformat(),
            "--paste",
            str(chain),
        ]
    )
    assert code == 0 and "更像是" not in capsys.readouterr().err


# ---- a group named as the eye reads it ----


def test_a_group_name_typed_full_width_or_with_a_space_is_that_group(workspace, owner):
    """`--group 读书群２期` (a Chinese input method's full-width digit) named no group while 读书群2期 existed; the
    import commands then created a second group that looks the same and put the roster's people into it."""
    from desktop.errors import ValidationError
    from desktop.services.groups import get_or_create_group, group_id_by_name, list_groups

    with workspace.session() as s:
        short = create_group(s, owner, "读书群")
        second = create_group(s, owner, "读书群2期")
        assert group_id_by_name(s, "读书群２期") == second
        assert group_id_by_name(s, "读书群 2期") == second
        assert group_id_by_name(s, "读书群") == short  # a name that is the start of another's is its own
        assert get_or_create_group(s, owner, "读书群２期") == (second, False)
        with pytest.raises(ValidationError, match="读书群2期"):
            create_group(s, owner, "读书群２期")
        s.commit()
        assert [g.name for g in list_groups(s, today=DAY)] == ["读书群", "读书群2期"]


def test_a_rename_to_a_name_that_reads_as_another_groups_is_refused(workspace, owner):
    from desktop.errors import ValidationError
    from desktop.services.group_profile import update_group_profile

    with workspace.session() as s:
        create_group(s, owner, "Run Club")
        other = create_group(s, owner, "读书群")
        with pytest.raises(ValidationError, match="Run Club"):
            update_group_profile(s, owner, other, name="run club")


def test_the_import_command_puts_the_roster_into_the_group_typed_full_width(workspace, owner, tmp_path, capsys):
    from desktop.cli import main
    from desktop.services.groups import list_groups

    if workspace.engine.dialect.name != "sqlite":
        pytest.skip("the CLI on a SQLite file")
    with workspace.session() as s:
        gid = create_group(s, owner, "读书群2期")
        s.commit()
    roster = tmp_path / "名册.csv"
    roster.write_text("姓名,微信号\n王芳,wf01\n李娜,ln02\n", encoding="utf-8")
    db = workspace.engine.url.database
    assert main(["--db", db, "import", "roster", str(roster), "--group", "读书群２期"]) == 0
    assert "已创建" not in capsys.readouterr().out
    assert main(["--db", db, "stats", "--group", "读书群２期", "--json"]) == 0
    assert '"group": "读书群2期"' in capsys.readouterr().out
    with workspace.session() as s:
        assert [(g.id, g.members_total) for g in list_groups(s, today=DAY)] == [(gid, 2)]
