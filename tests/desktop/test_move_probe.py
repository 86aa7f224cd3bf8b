"""The right group for people who move, overlap or are pasted into the wrong group: paid camps in cohorts
(写作训练营第3期 / 第4期, sharing half their people) and a WeChat group split at 500 (读书会一群 / 二群). Found by a
probe (6 December): a chain titled with the other cohort's edition alone (`#接龙 第3期 11月18日打卡`) whose people
are all in both cohorts was logged into 第4期 without a word."""

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
PEOPLE = ("王芳", "赵磊", "吴敏")


def md(d) -> str:
    return f"{d.month}月{d.day}日"


@pytest.fixture
def cohorts(workspace, owner):
    """写作训练营第3期 and 第4期 (its three people renewed into 第4期: in both), 读书会一群 and 读书会二群 (the same
    three in both), and 写作训练营 (the unnamed first cohort)."""
    with workspace.session() as s:
        names = (
            "写作训练营第3期",
            "写作训练营第4期",
            "读书会一群",
            "读书会二群",
            "写作训练营",
            "Writing Camp Cohort 3",
        )
        names += ("Writing Camp Cohort 4",)
        gids = {n: create_group(s, owner, n) for n in names}
        for a, b in ((names[0], names[1]), (names[2], names[3]), (names[5], names[6])):
            ids = [add_member(s, owner, gids[a], MemberInput(display_name=n, joined_at=JOINED))[1] for n in PEOPLE]
            bulk_copy_to_group(s, owner, ids, gids[b])
        for n in PEOPLE:
            add_member(s, owner, gids["写作训练营"], MemberInput(display_name=n, joined_at=JOINED))
        s.commit()
    return gids


def chain(title: str) -> str:
    return f"#接龙 {title}\n" + "".join(f"{i}. {n}\n" for i, n in enumerate(PEOPLE, 1))


@pytest.mark.parametrize(
    ("group", "title", "theirs"),
    [
        ("写作训练营第4期", f"第3期 {md(DAY)}打卡", "写作训练营第3期"),
        ("写作训练营第4期", "写作营3期 Day12", "写作训练营第3期"),
        ("写作训练营第4期", "三期打卡", "写作训练营第3期"),
        ("写作训练营第4期", f"\n第3期 {md(DAY)}打卡", "写作训练营第3期"),  # the title on the line under #接龙
        ("写作训练营第4期", "【第三期】早起打卡", "写作训练营第3期"),
        ("写作训练营第3期", "第４期 打卡", "写作训练营第4期"),  # full-width digit
        ("写作训练营", "第3期 打卡", "写作训练营第3期"),  # the unnamed first cohort's sibling
        ("读书会二群", "一群 打卡", "读书会一群"),
        ("读书会二群", "读书会1群 今日打卡", "读书会一群"),
        ("Writing Camp Cohort 4", "Cohort 3 daily check-in", "Writing Camp Cohort 3"),
        ("Writing Camp Cohort 4", "cohort #3 – Day 12", "Writing Camp Cohort 3"),
    ],
)
def test_a_chain_titled_with_another_cohorts_edition_is_not_logged_here(workspace, cohorts, group, title, theirs):
    """Its people are all in both groups: nothing but the title tells the chain apart — it is the other cohort's,
    each line said so (the window's banner offers "they are this group's")."""
    with workspace.session() as s:
        preview = preview_paste(s, cohorts[group], DAY, chain(title))
    assert [(m.status, m.reason, m.other_group) for m in preview.matches] == [("ignored", "other_group", theirs)] * 3
    assert certain_plan(preview.matches) == []
    with workspace.session() as s:  # said to be this group's after all: logged
        preview = preview_paste(s, cohorts[group], DAY, chain(title), accept_groups=frozenset({theirs}))
    assert len(certain_plan(preview.matches)) == 3


@pytest.mark.parametrize(
    ("group", "title"),
    [
        ("写作训练营第4期", f"第4期 {md(DAY)}打卡"),  # its own edition
        ("写作训练营第4期", "第3期第4期联合打卡"),  # both: this group's too
        ("写作训练营第4期", "第5期 打卡"),  # no such sibling
        ("写作训练营第4期", "第3天 打卡"),  # a camp day, not an edition
        ("写作训练营第4期", "3群 打卡"),  # another kind of edition than this group's
        ("读书会二群", "和一群人一起读书"),  # 一群人: a crowd, not 一群
        ("读书会二群", "二群 打卡"),
        ("Writing Camp Cohort 4", "Cohort 4 daily check-in"),
        ("Writing Camp Cohort 4", "3 cohorts, one camp: check-in"),
    ],
)
def test_a_title_with_its_own_or_no_siblings_edition_is_this_groups(workspace, cohorts, group, title):
    with workspace.session() as s:
        preview = preview_paste(s, cohorts[group], DAY, chain(title))
    assert [m.status for m in preview.matches] == ["matched"] * 3, [(m.status, m.reason) for m in preview.matches]


@pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)  # the CLI on a SQLite file
def test_the_cli_logs_nothing_of_another_cohorts_chain_and_says_why(workspace, cohorts, tmp_path, capsys):
    from desktop.cli import main
    from desktop.services.checkins import checkins_on

    path = tmp_path / "chain.txt"
    path.write_text(chain(f"第3期 {md(DAY)}打卡"), encoding="utf-8")
    db = workspace.engine.url.database
    code = main(["--db", db, "checkin", "--group", "写作训练营第4期", "--date", DAY.isoformat(), "--paste", str(path)])
    out = capsys.readouterr()
    assert code == 0
    assert out.err.count("接龙标题是另一个群「写作训练营第3期」") == 3
    with workspace.session() as s:
        assert checkins_on(s, cohorts["写作训练营第4期"], DAY) == []
        assert checkins_on(s, cohorts["写作训练营第3期"], DAY) == []


# ---- a chain written with the other cohort's group nicknames ----


@pytest.fixture
def nicknamed(workspace, owner):
    """写作训练营第3期 and 第4期, each with its own roster (imported apart: one person record per group) whose group
    nicknames carry the cohort: 3期-王芳-北京 in 第3期, 4期-王芳-北京 in 第4期."""
    people = (("王芳", "北京"), ("赵磊", "上海"), ("吴敏", "杭州"))
    with workspace.session() as s:
        g3 = create_group(s, owner, "写作训练营第3期")
        g4 = create_group(s, owner, "写作训练营第4期")
        ids = {}
        for n, city in people:
            for gid, ed in ((g3, 3), (g4, 4)):
                data = MemberInput(display_name=n, group_nickname=f"{ed}期-{n}-{city}", joined_at=JOINED)
                ids[(gid, n)] = add_member(s, owner, gid, data)[1]
        s.commit()
    return g3, g4, ids


NICK_CHAIN = "#接龙 早起打卡\n1. 3期-王芳-北京 6:01\n2. 3期-赵磊-上海 6:05\n3. 3期-吴敏-杭州\n"


def test_a_chain_written_with_another_groups_group_nicknames_fits_that_group(workspace, nicknamed):
    """Each line's segment 王芳 is a member of 第4期 for certain, so the 第3期 chain matched there line by line and
    nothing said it was 第3期's: its lines are written as 第3期's group nicknames."""
    g3, g4, _ids = nicknamed
    with workspace.session() as s:
        assert preview_paste(s, g4, DAY, NICK_CHAIN).better_group == "写作训练营第3期"
        assert preview_paste(s, g3, DAY, NICK_CHAIN).better_group is None
        # one stale nickname in 第4期's own chain is a stray, not another group's chain
        own = "#接龙 早起打卡\n1. 4期-王芳-北京\n2. 3期-赵磊-上海\n3. 4期-吴敏-杭州\n"
        assert preview_paste(s, g4, DAY, own).better_group is None
        # plain names, in both cohorts: nothing tells them apart
        assert preview_paste(s, g4, DAY, "#接龙 早起打卡\n1. 王芳\n2. 赵磊\n3. 吴敏\n").better_group is None


def test_a_group_nickname_that_is_the_persons_own_name_or_this_groups_too_says_nothing(workspace, owner):
    """A renewer who kept 3期-王芳 as their group nickname in 第4期 too is written as theirs here; a group nickname
    that is only the person's name (王芳 in 第3期) names no group."""
    with workspace.session() as s:
        g3 = create_group(s, owner, "写作训练营第3期")
        g4 = create_group(s, owner, "写作训练营第4期")
        for n in ("王芳", "赵磊"):
            for gid in (g3, g4):
                add_member(s, owner, gid, MemberInput(display_name=n, group_nickname=f"3期-{n}", joined_at=JOINED))
            add_member(s, owner, create_group(s, owner, f"{n}的群"), MemberInput(display_name=n, group_nickname=n))
        s.commit()
        assert preview_paste(s, g4, DAY, "#接龙\n1. 3期-王芳\n2. 3期-赵磊\n").better_group is None
        assert preview_paste(s, g4, DAY, "#接龙\n1. 王芳\n2. 赵磊\n").better_group is None


@pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)  # the CLI on a SQLite file
def test_the_cli_says_a_chain_of_another_groups_nicknames_fits_it(workspace, nicknamed, tmp_path, capsys):
    from desktop.cli import main

    path = tmp_path / "chain.txt"
    path.write_text(NICK_CHAIN, encoding="utf-8")
    db = workspace.engine.url.database
    code = main(["--db", db, "checkin", "--group", "写作训练营第4期", "--date", DAY.isoformat(), "--paste", str(path)])
    assert code == 1  # refused: nothing logged into 第4期 from 第3期's chain (it was logged, with a note)
    assert "更像是「写作训练营第3期」的成员" in capsys.readouterr().err


# ---- the undo of a move that brought a former member back ----


@pytest.fixture
def moved_back(workspace, owner, monkeypatch):
    """王芳: in 第3期 since September and in 第4期 (copied, renewed) since 09:00 today, where she checked in at 09:05 and
    was marked left at 12:00 (a mistake); at 15:00 she is moved from 第3期 to 第4期 — brought back there."""
    from datetime import date, timedelta

    from desktop.services.checkins import record_checkins
    from desktop.services.members import bulk_mark_left, copy_to_group
    from models import clock

    at = [datetime.combine(DAY, datetime.min.time()).replace(hour=9)]
    monkeypatch.setattr(clock, "now", lambda: at[0])
    with workspace.session() as s:
        g3 = create_group(s, owner, "写作训练营第3期")
        g4 = create_group(s, owner, "写作训练营第4期")
        ms3 = add_member(s, owner, g3, MemberInput(display_name="王芳", joined_at=datetime(2026, 9, 1, 9)))[1]
        ms4 = copy_to_group(s, owner, [ms3], g4).undo.created[0]
        s.commit()
        at[0] += timedelta(minutes=5)
        record_checkins(s, owner, g4, DAY, [ms4])
        s.commit()
        at[0] = at[0].replace(hour=12)
        bulk_mark_left(s, owner, [ms4], "误操作")
        s.commit()
        at[0] = at[0].replace(hour=15)
        move = copy_to_group(s, owner, [ms3], g4, move=True)
        s.commit()
    assert move.added == 1 and move.undo.rejoined[0]["membership_id"] == ms4
    step = lambda minutes: at.__setitem__(0, at[0] + timedelta(minutes=minutes))  # noqa: E731
    return g3, g4, ms3, ms4, move.undo, step, date


def test_the_undo_of_a_move_that_brought_someone_back_the_same_day_goes_through(workspace, owner, moved_back):
    """Her 09:05 check-in, recorded before the move, refused its undo: 「王芳」复制后已有新的记录或改动, 不能撤销."""
    from desktop.services.members import undo_copy
    from models import Membership

    g3, g4, ms3, ms4, undo, step, _date = moved_back
    step(1)
    with workspace.session() as s:
        assert undo_copy(s, owner, undo) == 2
        s.commit()
        assert s.get(Membership, ms3).status == "active" and s.get(Membership, ms3).left_at is None
        back = s.get(Membership, ms4)
        assert (back.status, back.left_reason) == ("left", "误操作")


@pytest.mark.parametrize("what", ["checkin", "attendance"])
def test_the_undo_is_refused_once_something_is_recorded_on_her_since(workspace, owner, moved_back, what):
    """A check-in logged after the move, or a place in an activity marked since (not looked at before: the undo
    made her a former member with a place in an activity after she left)."""
    from desktop.errors import ValidationError
    from desktop.services.checkins import record_checkins, undo_checkin
    from desktop.services.members import undo_copy
    from desktop.services.participation import ActivityInput, create_activity, set_attendance

    g3, g4, ms3, ms4, undo, step, _date = moved_back
    step(10)
    with workspace.session() as s:
        undo_checkin(s, owner, ms4, DAY)  # her 09:05 check-in taken back: nothing of the day before the move
        if what == "checkin":  # logged again after the move
            record_checkins(s, owner, g4, DAY, [ms4])
        else:
            start = datetime.combine(DAY, datetime.min.time()).replace(hour=19)
            act = create_activity(s, owner, g4, ActivityInput(title="晚间分享", starts_at=start))
            set_attendance(s, owner, act, ms4, "registered")
        s.commit()
    step(1)
    with workspace.session() as s, pytest.raises(ValidationError, match="王芳"):
        undo_copy(s, owner, undo)


@pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)
def test_a_checkin_table_titled_with_the_other_cohorts_edition_is_refused(workspace, owner, cohorts, tmp_path):
    """`第3期 11月打卡表` imported into 写作训练营第4期 (the import's title rule is the paste's): refused naming
    写作训练营第3期 — its people are all members of 第4期 too, and the table was logged there; --other-group imports it."""
    import csv

    from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import
    from desktop.services.checkins import checkins_on

    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["第3期 11月打卡表"], ["姓名", "11/2", "11/3"], *([n, "✓", "✓"] for n in PEOPLE)])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(workspace, owner, path, "写作训练营第4期", today=DAY)
    assert [p.code for p in failed.value.problems] == ["other_group"]
    assert "写作训练营第3期" in str(failed.value)
    with workspace.session() as s:
        assert checkins_on(s, cohorts["写作训练营第4期"], DAY.replace(day=2)) == []
    run_checkin_import(workspace, owner, path, "写作训练营第3期", today=DAY)
    with workspace.session() as s:
        assert len(checkins_on(s, cohorts["写作训练营第3期"], DAY.replace(day=2))) == 3
