"""What a chain line says, part four (probe paste14, 7 December): checking in for someone else, and make-ups.

* A bracket or suffix saying the writer made the entry for another: `余丽娜（帮Ryan打）` logged 余丽娜 (the 打 alone did
  not end the 帮 bracket), `余丽娜 for Ryan` logged both. Whose check-in it is (Ryan's, or 余丽娜's and Ryan's), a
  person decides: asked, both offered. `刘红 by 余丽娜` logged both: it says what `刘红（余丽娜代）` says — 刘红's
  check-in, posted by 余丽娜 (probe paste12's decision) — and logs 刘红 only now. `（代打卡）` was a person called 打卡.
  `刘红(代)` / `余丽娜 代打` (one name, 代 alone) stay that person's (as `李芳 代打卡` is).
* `李四 ✅ 补签昨天` / `✅ 昨天忘了打，补上`: only the make-up was logged, today's check-in lost unsaid. Whether the ✅ is
  today's or the make-up's own, the line does not say: both days are asked, each its own row.
* `未打卡：王五、赵六`: the outcome named only 王五."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from tests.paste_run import paste_run

DAY = TEST_TODAY
BEFORE = DAY - timedelta(days=1)
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("张三", "李四", "王五", "赵六", "余丽娜", "刘红", "Ryan")


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        s.commit()
    return gid, ids


def run(workspace, gid, text, day=DAY):
    return paste_run(workspace, gid, text, day)


def offered(preview, line_no):
    return {c.display_name for m in preview.matches if m.line.line_no == line_no for c in m.candidates}


# ---------------------------------------------------------------- 1. who the entry is for, or by


@pytest.mark.parametrize(
    ("line", "both"),
    [
        ("余丽娜（帮Ryan打）", {"余丽娜", "Ryan"}),
        ("余丽娜(帮刘红打)", {"余丽娜", "刘红"}),
        ("余丽娜（替刘红签）", {"余丽娜", "刘红"}),
        ("余丽娜（帮刘红打个卡）", {"余丽娜", "刘红"}),
        ("余丽娜(代刘红)", {"余丽娜", "刘红"}),
        ("余丽娜 for Ryan", {"余丽娜", "Ryan"}),
    ],
)
def test_an_entry_naming_who_it_is_for_or_by_is_asked_offering_both(workspace, grp, line, both):
    """`余丽娜（帮Ryan打）` logged 余丽娜; `余丽娜 for Ryan` logged both."""
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. 张三\n2. {line}\n")
    assert set(plan) == {(ids["张三"], DAY)}
    assert outcomes[3].outcome == "ambiguous" and "替别人打卡" in outcomes[3].detail
    assert offered(preview, 3) == both


@pytest.mark.parametrize(
    "line",
    [
        "刘红(代)",
        "刘红（代打卡）",
        "余丽娜 代打",
        "刘红（余丽娜代）",
        "刘红(余丽娜代打)",
        "刘红 by 余丽娜",
        "刘红 for fun",
    ],
)
def test_a_check_in_posted_by_someone_is_the_named_persons(workspace, grp, line):
    """Decision: the line's member, and 代 / by (with or without the one who posted it): the named member's check-in
    (as `李芳 代打卡` and `刘红 (余丽娜代)` were) — someone posted it for them, the line says whose. `刘红 by 余丽娜`
    logged 余丽娜 too; `刘红（代打卡）` was asked, "打卡: not found"."""
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    name = "余丽娜" if line.startswith("余丽娜") else "刘红"
    assert set(plan) == {(ids[name], DAY)}


def test_two_members_joined_by_a_plus_are_both_logged(workspace, grp):
    """Decision: `余丽娜+刘红` in a chain is two people checking in on one line (as `张三、李四` is): both logged."""
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 余丽娜+刘红\n")
    assert set(plan) == {(ids["余丽娜"], DAY), (ids["刘红"], DAY)}


# ---------------------------------------------------------------- 2. a check mark beside a make-up of another day


@pytest.mark.parametrize(
    "text",
    [
        "#接龙 早起打卡\n1. 李四 ✅ 补签昨天\n",
        "#接龙 早起打卡\n1. 李四 ✅ 昨天忘了打，补上\n",
        "李四：✅ 昨天忘了打，补上\n",
        "李四：打卡 补签昨天\n",
    ],
)
def test_a_check_mark_beside_a_makeup_asks_both_days(workspace, grp, text):
    """Only yesterday's make-up was logged: today's check-in, if the ✅ was it, lost unsaid. Both days are asked."""
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, text)
    assert plan == {}
    (line_no,) = {m.line.line_no for m in preview.matches}
    rows = sorted((m.day, m.late, m.status) for m in preview.matches)
    assert rows == [(BEFORE, True, "ambiguous"), (DAY, False, "ambiguous")]
    assert offered(preview, line_no) == {"李四"}
    assert outcomes[line_no].outcome == "ambiguous" and str(BEFORE) in outcomes[line_no].detail
    assert "今天的打卡还是补卡本身" in outcomes[line_no].detail


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("李四 补签昨天", {BEFORE: True}),  # no mark of its own: the make-up only
        ("李四 ✅ 也补一下昨天的", {DAY: False, BEFORE: True}),  # 也: both, as before
        ("李四 打卡 补个卡", {DAY: True}),  # no other day: today's, late, as before
    ],
)
def test_makeups_that_say_their_days_are_logged(workspace, grp, line, days):
    gid, _ids = grp
    _preview, _outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert {d: p.late for (_mid, d), p in plan.items()} == days


def test_a_makeup_posted_after_midnight_for_the_day_logged_is_one(workspace, grp):
    """`打卡 补昨天的` posted at 00:03 for the day being logged: the make-up of that day, nothing asked."""
    gid, ids = grp
    text = "张三 23:58\n打卡\n李四 00:03\n打卡 补昨天的\n"
    _preview, _outcomes, plan = run(workspace, gid, text, day=BEFORE)
    assert plan[(ids["李四"], BEFORE)].late


# ---------------------------------------------------------------- 3. a summary's not-done line


def test_a_not_done_line_names_each_person(workspace, grp):
    gid, _ids = grp
    _preview, outcomes, _plan = run(workspace, gid, "今日打卡统计\n已打卡：张三、李四\n未打卡：王五、赵六\n")
    assert outcomes[3].outcome == "skipped"
    assert [c.display_name for c in outcomes[3].who] == ["王五", "赵六"]
    assert "王五、赵六" in outcomes[3].detail


# ---------------------------------------------------------------- 4. the corpus: what a weekday morning's chains showed


def test_a_check_in_for_someone_besides_ones_own_is_asked(workspace, grp):
    """`余丽娜 6:10 帮刘红也打一下`: 余丽娜 was logged, 刘红 dropped unsaid."""
    gid, _ids = grp
    preview, outcomes, plan = run(
        workspace, gid, "#接龙 早起打卡\n1. 余丽娜 6:10 帮刘红也打一下\n2. 张三 帮李四打一下\n"
    )
    assert plan == {}
    assert offered(preview, 2) == {"余丽娜", "刘红"} and offered(preview, 3) == {"张三", "李四"}
    assert "替别人打卡" in outcomes[2].detail


def test_posted_by_in_brackets_is_the_named_persons(workspace, grp):
    """`Ryan (by 余丽娜)` was asked: "Ryan by → Ryan(fuzzy)"."""
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. Ryan (by 余丽娜)\n")
    assert set(plan) == {(ids["Ryan"], DAY)}


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("王五 ✅ 昨天的也补上", {DAY: False, BEFORE: True}),  # was today's only: the make-up lost
        ("王五 6:02 顺便补昨天", {DAY: False, BEFORE: True}),  # was the make-up only: 6:02 today's, lost
        ("王五 6:02 昨天的卡也补上", {DAY: False, BEFORE: True}),
        ("王五 打卡，顺便补打昨天的卡", {DAY: False, BEFORE: True}),  # 补打昨天的卡 was no make-up: logged today only
        ("王五 昨天的补上", {BEFORE: True}),
        ("王五 6:20（补昨天）", {BEFORE: True}),  # the time of the make-up's posting: as before
    ],
)
def test_makeups_in_more_words(workspace, grp, line, days):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert {d: p.late for (_mid, d), p in plan.items()} == days
    assert {mid for mid, _d in plan} == {ids["王五"]}


@pytest.mark.parametrize("line", ["张三 6:01 顺便补打卡", "张三 ✅ 顺便补个卡"])
def test_a_makeup_besides_of_a_day_not_said_is_never_todays_late_check_in(workspace, grp, line):
    """`张三 6:01 顺便补打卡` was logged as today's check-in, late (6:01 in today's chain, 补 read as of today). The
    make-up is of a day the line does not say: today's check-in is asked (on time), and the make-up said."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert plan == {}
    ((m_day, m_late),) = [(m.day, m.late) for m in preview.matches]
    assert (m_day, m_late) == (DAY, False)
    assert outcomes[2].outcome == "ambiguous" and "没写是哪一天" in outcomes[2].detail


def test_cli_says_each_lines_outcome(tmp_path, capsys):
    from desktop.cli import main
    from desktop.workspace import actor_for, open_workspace

    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    try:
        with database.session() as s:
            gid = create_group(s, actor_for(database), "晨光早起营")
            for n in NAMES:
                add_member(s, actor_for(database), gid, MemberInput(display_name=n, joined_at=JOINED))
            s.commit()
    finally:
        database.dispose()
    chain = tmp_path / "chain.txt"
    chain.write_text(
        "#接龙 早起打卡\n"
        "1. 张三 6:01\n"  # 2
        "2. 余丽娜（帮Ryan打）\n"  # 3
        "3. 刘红 by 余丽娜\n"  # 4
        "4. 李四 ✅ 补签昨天\n"  # 5
        "5. 王五 6:02 顺便补昨天\n"  # 6
        "6. 赵六 6:03 顺便补打卡\n",  # 7
        encoding="utf-8",
    )
    args = ["--db", db, "checkin", "--group", "晨光早起营", "--date", DAY.isoformat(), "--paste", str(chain)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "新记录 logged 3" in out and "需选择 ambiguous 3" in out  # 张三, 刘红, 王五 (on two days)
    assert "第3行" in err and "替别人打卡" in err and "Ryan" in err
    assert "第5行" in err and "今天的打卡还是补卡本身" in err
    assert f"第6行 新记录 logged: {BEFORE} 补卡已记录" in err
    assert "第7行" in err and "没写是哪一天" in err


@pytest.mark.parametrize("text", ["余丽娜：帮刘红打\n", "#接龙 早起打卡\n1. 余丽娜 帮刘红打\n", "余丽娜：替刘红签。\n"])
def test_a_check_in_for_someone_ending_in_da_is_asked(workspace, grp, text):
    """`余丽娜：帮刘红打` logged 余丽娜 (打 alone at the end did not read as 打卡), 刘红 unsaid."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, text)
    assert plan == {}
    asked = min(outcomes, key=lambda n: (outcomes[n].outcome != "ambiguous", n))
    assert "替别人打卡" in outcomes[asked].detail and offered(preview, asked) == {"余丽娜", "刘红"}
