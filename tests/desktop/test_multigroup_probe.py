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


@pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)  # the CLI on a SQLite file
def test_the_cli_refuses_a_chain_whose_names_fit_another_group_better(workspace, overlap, tmp_path, capsys):
    """It logged the six people who are in both groups into 跑步群 with only a note on stderr: a chain in the wrong
    group. Now nothing is logged (exit 1, naming 读书群 and the way on); `--other-group` logs them here all the same."""
    from desktop.cli import main
    from desktop.services.checkins import checkins_on

    read, run, _ = overlap
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
    assert code == 1
    assert "更像是「读书群」的成员" in err and "--group 读书群" in err and "--other-group" in err
    with workspace.session() as s:
        assert checkins_on(s, run, DAY) == []
    args = ["--db", workspace.engine.url.database, "checkin", "--group", "跑步群", "--date", DAY.isoformat()]
    assert main([*args, "--paste", str(chain), "--other-group"]) == 0
    with workspace.session() as s:
        assert len(checkins_on(s, run, DAY)) == 6  # the six in both groups; 杨帆 and 李娜 are not members here
    capsys.readouterr()
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


@pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)  # the CLI on a SQLite file
def test_the_import_command_puts_the_roster_into_the_group_typed_full_width(workspace, owner, tmp_path, capsys):
    from desktop.cli import main
    from desktop.services.groups import list_groups

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


# ---- one person, not a second one of the same name made without a word ----


def test_a_roster_row_with_only_a_name_of_another_groups_person_is_added_with_a_warning(workspace, owner, tmp_path):
    """二期's roster of names (a group tool's export): 李娜 of 一期 (WeChat ID ln02) came back as a second 李娜 with
    no word — a name matches within the group only (a decision), but a duplicate person must be said."""
    from desktop.services.imports import run_import

    with workspace.session() as s:
        first = create_group(s, owner, "一期")
        add_member(s, owner, first, MemberInput(display_name="李娜", wechat_id="ln02", joined_at=JOINED))
        s.commit()
    roster = tmp_path / "二期.csv"
    roster.write_text("姓名,入群时间\n李娜,2024-09-01\n新人甲,2024-09-01\n", encoding="utf-8")
    for group in ("二期", "一期"):  # a group to be created (dry run) and an existing one with 李娜 in it
        plan, _summary, _created = run_import(workspace, owner, roster, group, "roster", dry_run=True)
        said = {r.name: [w.message for w in r.warnings] for r in plan.rows}
        if group == "二期":
            assert len(said["李娜"]) == 1 and "一期" in said["李娜"][0] and "ln02" in said["李娜"][0]
        else:
            assert said["李娜"] == []  # the group's own 李娜: matched by name, nothing to say
        assert said["新人甲"] == []
    plan, _summary, _created = run_import(workspace, owner, roster, "二期", "roster")
    assert [len(r.warnings) for r in plan.rows] == [1, 0]
    # a row with its own WeChat ID is someone else (no workspace-wide match): nothing to say
    other = tmp_path / "三期.csv"
    other.write_text("姓名,微信号\n李娜,lina_sh\n", encoding="utf-8")
    plan, _summary, _created = run_import(workspace, owner, other, "三期", "roster", dry_run=True)
    assert [r.warnings for r in plan.rows] == [()]


def test_a_chat_sender_named_as_another_groups_person_is_said_to_look_like_them(workspace, owner, tmp_path):
    from desktop.services.chat_import import run_chat_import

    with workspace.session() as s:
        first = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        add_member(s, owner, first, MemberInput(display_name="杨帆", wechat_id="yf05", joined_at=JOINED))
        add_member(s, owner, run, MemberInput(display_name="刘洋", joined_at=JOINED))
        s.commit()
    day = DAY.isoformat()
    export = tmp_path / "跑步群.txt"
    export.write_text(f"{day} 07:01:00 杨帆\n\n早上好\n\n{day} 07:02:00 刘洋\n\n今天跑了5公里\n\n", encoding="utf-8")
    plan, _summary, _created = run_chat_import(workspace, owner, export, "跑步群", dry_run=True)
    (stranger,) = [i for i in plan.senders if i.status != "known"]
    assert [name for _m, name in stranger.looks_like] == ["杨帆 (「读书群」的成员 a member of 读书群)"]
    assert [m for m, _name in stranger.looks_like] == [None]  # not a membership of this group to link


def test_a_person_of_another_group_who_left_it_is_not_called_its_member(workspace, owner):
    """杨帆 left 读书群 and is in 训练营: a 跑步群 chain naming them said "a member of 读书群" — and counted for 读书群
    when asking which group the chain fits better."""
    from desktop.services.onboarding import leave_group
    from desktop.services.paste import describe_person

    with workspace.session() as s:
        read = create_group(s, owner, "读书群")
        camp = create_group(s, owner, "训练营")
        run = create_group(s, owner, "跑步群")
        yang = add_member(s, owner, read, MemberInput(display_name="杨帆", joined_at=JOINED))[1]
        bulk_copy_to_group(s, owner, [yang], camp)
        for n in ("吴敏", "徐鹏"):  # left 读书群, in no other group
            leave_group(s, owner, add_member(s, owner, read, MemberInput(display_name=n, joined_at=JOINED))[1], "毕业")
        leave_group(s, owner, yang, "太忙")
        add_member(s, owner, run, MemberInput(display_name="刘洋", joined_at=JOINED))
        s.commit()
        preview = preview_paste(s, run, DAY, "#接龙\n打卡\n\n1. 刘洋\n2. 杨帆\n3. 吴敏\n4. 徐鹏\n")
    said = {m.line.line_no: [describe_person(c) for c in m.candidates] for m in preview.matches}
    assert sorted(said[5]) == [
        "杨帆: 不在本群, 已退出「读书群」 (not in this group; left 读书群)",
        "杨帆: 不在本群, 是「训练营」的成员 (not in this group; a member of 训练营)",
    ]
    assert said[6] == ["吴敏: 不在本群, 已退出「读书群」 (not in this group; left 读书群)"]
    assert preview.better_group is None  # three of 读书群's former members are no sign of 读书群's chain


# ---- a whole-community roster imported into one group ----


def test_a_whole_community_roster_imported_into_one_group_adds_no_other_groups_people(workspace, owner, tmp_path):
    """`export roster --all` (a 社群 column, one row per membership) edited and imported with `--group 读书群`: the
    rows of 跑步群's people were imported into 读书群 (with --skip-problems, once the repeated WeChat IDs of people in
    both groups were left out); without it the problems said only "same WeChat ID as row 3". Each other group's row
    is now skipped, named with its row and its group — the one outcome of every group column (企业微信's 群名称 too):
    this group's rows are imported, nothing of 跑步群 is written into 读书群."""
    from openpyxl import load_workbook

    from desktop.services.imports import run_import
    from desktop.services.roster_export import export_roster
    from models import Membership

    with workspace.session() as s:
        read = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        both = add_member(s, owner, read, MemberInput(display_name="王芳", wechat_id="wf01", joined_at=JOINED))[1]
        add_member(s, owner, read, MemberInput(display_name="李娜", wechat_id="ln02", joined_at=JOINED))
        bulk_copy_to_group(s, owner, [both], run)
        add_member(s, owner, run, MemberInput(display_name="刘洋", wechat_id="ly03", joined_at=JOINED))
        s.commit()
    path = tmp_path / "全部名册.xlsx"
    export_roster(workspace, owner, group_ids=None, path=path, unmasked=True)
    sheet = load_workbook(path).active
    head = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "社群")
    header_row = next(i for i, r in enumerate(sheet.iter_rows(values_only=True), start=1) if r == head)
    theirs = {
        (i, r[1])
        for i, r in enumerate(sheet.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1)
        if r[0] == "跑步群"
    }
    assert {name for _row, name in theirs} == {"王芳", "刘洋"}
    plan, summary, _ = run_import(workspace, owner, path, "读书群", "roster", dry_run=True)
    assert not plan.problems
    assert {(s.row, s.reason, s.text) for s in plan.skipped} == {
        (row, "other_group", f"{name}（跑步群）") for row, name in theirs
    }
    plan, summary, _ = run_import(workspace, owner, path, "读书群", "roster")
    assert (summary.added, summary.unchanged) == (0, 2)  # 读书群's 王芳 and 李娜, as they were
    with workspace.session() as s:
        assert s.query(Membership).filter(Membership.group_id == read).count() == 2
        assert s.query(Membership).filter(Membership.group_id == run).count() == 2
    # one group's file imported into another (二期 starts with 一期's people) is the user's choice: imported
    one = tmp_path / "读书群.xlsx"
    export_roster(workspace, owner, group_ids=[read], path=one, unmasked=True)
    plan, summary, _ = run_import(workspace, owner, one, "跑步群", "roster")
    assert summary.added == 1  # 李娜


# ---- the whole-community workbook says its total counts a person per group ----


def test_the_all_groups_workbook_says_how_many_people_its_total_members_are(workspace, owner, tmp_path):
    """概览's 合计 成员数 added the groups up (王芳 in both groups: 3 members of 2 people) without a word; the
    dashboard's card and the sidebar say it. Read back from the file."""
    from openpyxl import load_workbook

    from desktop.services.report import export_monthly_report

    with workspace.session() as s:
        read, run = create_group(s, owner, "读书群"), create_group(s, owner, "跑步群")
        both = add_member(s, owner, read, MemberInput(display_name="王芳", joined_at=JOINED))[1]
        add_member(s, owner, read, MemberInput(display_name="李娜", joined_at=JOINED))
        bulk_copy_to_group(s, owner, [both], run)
        s.commit()
    path = tmp_path / "月报.xlsx"
    export_monthly_report(workspace, owner, year=DAY.year, month=DAY.month, group_ids=None, path=path, today=DAY)
    sheet = load_workbook(path).worksheets[0]
    assert [sheet.cell(4, c).value for c in (1, 2, 3)] == ["合计", "成员数", 3]
    assert "合计的成员数 3 是各群相加, 共 2 人" in sheet["A2"].value
    one = tmp_path / "读书群.xlsx"  # one group: nothing added up, nothing to say
    export_monthly_report(workspace, owner, year=DAY.year, month=DAY.month, group_ids=[read], path=one, today=DAY)
    assert "各群相加" not in load_workbook(one).worksheets[0]["A2"].value
