"""What a chain line says, part two (probe paste12, 7 December): the shapes probe paste11 left.

* A stamp with its year over a message (`2026-11-18 06:30 李四` / `张三 6:01`, as PC/Mac WeChat, 企业微信, QQ and the
  export tools write it): the body looks like a stamp of its own (`张三 6:01`), so the copy was read as a list — the
  header a title, 张三 logged as his own check-in. A stamp with its year is never a chain entry: the line under it is
  the sender's message, and a message naming someone else is asked (whose check-in it is, a person confirms).
* `余丽娜 @刘红 帮她打一下`: a check-in for "her" names nobody — the people the line names are offered, none logged.
* `李四✅张三请假` (no spaces): 李四 logged, 张三's leave said. `李四 请假 张三 ✅`: 李四's leave, 张三 asked.
* `李四 11-17 打卡` / `李四 昨天的` (no 补) in the chain of the 18th: that day's line (other_day), not logged.
* `李四 打卡，顺便补昨天的`: both days logged (only the make-up was).
* `王五：+1` / `王五：同上` under a check-in: both asked (one was chatter, the other logged).
* `1. Amy ✅` for the only Amy Wang: stays asked (decision)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.chat_parse import parse_chat
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from tests.group_file import group_file
from tests.paste_run import paste_run

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("张三", "李四", "王五", "赵六", "余丽娜", "刘红")


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        s.commit()
    return gid, ids


def run(workspace, gid, text, day=DAY):
    return paste_run(workspace, gid, text, day)


YEAR_STAMPS = [
    "2026-11-18 06:30 李四",  # PC WeChat (newer), export tools
    "2026-11-18 06:30:12 李四",  # QQ export
    "2026-11-18 06:30:12 李四(12345678)",  # QQ export with the QQ number
    "李四 2026/11/18 06:30:12",  # Mac WeChat, 企业微信
    "2026年11月18日 06:30 李四",
]


@pytest.mark.parametrize("stamp", YEAR_STAMPS)
def test_a_year_stamp_heads_its_senders_message(stamp):
    lines = parse_chat(f"{stamp}\n张三 6:01\n")
    assert (lines[0].kind, lines[0].name, lines[0].message) == ("entry", "李四", "张三 6:01")
    assert lines[1].kind == "noise"  # the message, never 张三's own entry


@pytest.mark.parametrize("stamp", YEAR_STAMPS)
def test_a_message_naming_another_under_a_year_stamp_is_asked(workspace, grp, stamp):
    gid, _ids = grp
    _preview, outcomes, plan = run(workspace, gid, f"{stamp}\n张三 6:01\n")
    assert plan == {}  # 张三 was logged as his own check-in
    assert outcomes[1].outcome == "ambiguous" and outcomes[2].outcome == "skipped"


def test_a_year_stamped_log_logs_each_sender(workspace, grp):
    gid, ids = grp
    text = "2026-11-18 06:30 李四\n早起打卡 6:01\n2026-11-18 06:32 王五\n打卡\n"
    _preview, _outcomes, plan = run(workspace, gid, text)
    assert set(plan) == {(ids["李四"], DAY), (ids["王五"], DAY)}


@pytest.mark.parametrize("text", ["[06:30] 李四:\n张三 6:01\n", "[06:30] 李四: 张三 6:01\n"])
def test_a_bracketed_clock_and_colon_is_the_senders(workspace, grp, text):
    gid, _ids = grp
    _preview, outcomes, plan = run(workspace, gid, text)
    assert plan == {} and outcomes[1].outcome == "ambiguous"


# `余丽娜 @刘红 帮她打一下` (the lead, on the demo): a check-in asked for "her" — whose, the line does not say
@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("1. 余丽娜 @刘红 帮她打一下", {"余丽娜", "刘红"}),
        ("1. 余丽娜 帮她打个卡", {"余丽娜"}),
        ("1. 余丽娜 替他签到", {"余丽娜"}),
    ],
)
def test_a_check_in_for_her_is_asked_naming_the_candidates(workspace, grp, line, offered):
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert plan == {}  # 余丽娜 was logged as her own check-in
    assert outcomes[2].outcome == "ambiguous" and "替别人打卡" in outcomes[2].detail
    assert {c.display_name for m in preview.matches for c in m.candidates} == offered


def test_a_check_in_posted_by_another_is_the_named_persons(workspace, grp):
    """`刘红 (余丽娜代)`: 余丽娜 posted it for 刘红 — 刘红's check-in, as before; `@刘红 帮我打个卡` asks 刘红 for the
    writer's (nobody the line names): a mention, shown, never logged."""
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 刘红 (余丽娜代)\n2. @刘红 帮我打个卡\n")
    assert set(plan) == {(ids["刘红"], DAY)}
    assert outcomes[3].outcome == "skipped"


@pytest.mark.parametrize("line", ["1. 李四✅张三请假", "1. 李四✔️张三请假", "1. 李四☑张三今天请假"])
def test_a_mark_glued_between_a_check_in_and_anothers_leave(workspace, grp, line):
    """`李四✅张三请假` with no spaces read as one name: 李四's check-in lost (with spaces it is logged)."""
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert set(plan) == {(ids["李四"], DAY)}
    assert {m.candidates[0].membership_id for m in preview.matches if m.status == "leave"} == {ids["张三"]}
    assert outcomes[2].outcome == "logged" and "请假" in outcomes[2].detail


@pytest.mark.parametrize("line", ["1. 李四 请假 张三 ✅", "1. 李四 请假，张三打卡"])
def test_the_writers_leave_then_another_with_a_mark(workspace, grp, line):
    """`李四 请假 张三 ✅`: both were read as on leave. 李四's leave is said; 张三's ✅ on 李四's line is asked."""
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert plan == {}
    by = {m.candidates[0].membership_id: m.status for m in preview.matches}
    assert by == {ids["李四"]: "leave", ids["张三"]: "ambiguous"}
    assert outcomes[2].outcome == "leave" and "张三 是否打卡" in outcomes[2].detail


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("1. 李四 11-17 打卡", DAY - timedelta(days=1)),
        ("1. 李四 11月17日", DAY - timedelta(days=1)),
        ("1. 李四 2026-11-17 ✅", DAY - timedelta(days=1)),
        ("1. 李四 昨天的", DAY - timedelta(days=1)),
        ("1. 李四 前天打卡", DAY - timedelta(days=2)),
    ],
)
def test_a_line_naming_another_day_without_a_makeup_is_that_days(workspace, grp, line, said):
    """A chain line of the 18th that says the 17th, with no 补: it was logged on the 18th. Decision: it is shown as
    the 17th's line, not logged (whether it is a make-up the organiser decides; a 补 line is logged as one)."""
    gid, _ids = grp
    title = f"#接龙 {DAY.month}月{DAY.day}日 早起打卡\n"
    preview, outcomes, plan = run(workspace, gid, title + line.replace("11-17", f"{said.month}-{said.day}"))
    assert plan == {}
    assert outcomes[2].outcome == "other_day" and outcomes[2].day == said


def test_the_chains_own_date_on_a_line_is_logged(workspace, grp):
    gid, ids = grp
    title = f"#接龙 {DAY.month}月{DAY.day}日 早起打卡\n"
    _preview, _outcomes, plan = run(
        workspace, gid, title + f"1. 李四 {DAY.month}-{DAY.day} 打卡\n2. 王五 11月17日补卡\n"
    )
    assert set(plan) == {(ids["李四"], DAY), (ids["王五"], DAY - timedelta(days=1))}


@pytest.mark.parametrize(
    "line", ["1. 李四 打卡，顺便补昨天的", "1. 李四 ✅ 也补昨天的", "1. Li Si - done, making up yesterday too"]
)
def test_a_check_in_and_a_makeup_on_one_line_logs_both(workspace, owner, grp, line):
    gid, ids = grp
    with workspace.session() as s:
        add_member(s, owner, gid, MemberInput(display_name="Li Si", joined_at=JOINED))
        s.commit()
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    days = {d: p.late for (_mid, d), p in plan.items()}
    assert days == {DAY: False, DAY - timedelta(days=1): True}  # only the make-up was logged
    assert len({mid for mid, _d in plan}) == 1
    assert outcomes[2].outcome == "logged" and "补卡已记录" in outcomes[2].detail


@pytest.mark.parametrize("line", ["1. 李四 打卡 补卡", "1. 李四 补打卡 昨天的", "1. 李四 补昨天的"])
def test_a_makeup_alone_is_only_the_makeup(workspace, grp, line):
    gid, _ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert all(p.late for p in plan.values()) and len(plan) == 1


@pytest.mark.parametrize("reply", ["+1", "同上", "楼上+1", "我也是", "me too"])
def test_a_me_too_after_a_check_in_is_asked(workspace, grp, reply):
    """`王五：+1` was skipped as chatter while `王五：同上` was logged. Decision: both are "me too" — under a message
    that says a check-in, most likely the writer's own, but +1 agrees with anything: asked, the writer the only one
    offered (never logged on a guess, never dropped); a reply (skipped, chatter) when the message above says none."""
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, f"张三：打卡\n王五：{reply}\n李四：同上\n")
    assert {mid for mid, _d in plan} == {ids["张三"]}
    assert outcomes[2].outcome == "ambiguous" and "+1/同上" in outcomes[2].detail
    offered = {m.line.line_no: [c.membership_id for c in m.candidates] for m in preview.matches}
    assert offered[2] == [ids["王五"]] and offered[3] == [ids["李四"]]
    _preview, outcomes, plan = run(workspace, gid, f"张三 06:30\n早起打卡\n王五 06:31\n{reply}\n")
    assert {mid for mid, _d in plan} == {ids["张三"]} and outcomes[3].outcome == "ambiguous"


def test_i_checked_in_too_is_the_writers(workspace, grp):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "张三：打卡\n王五：我也打卡了\n")
    assert {mid for mid, _d in plan} == {ids["张三"], ids["王五"]}


@pytest.mark.parametrize("reply", ["+1", "同上"])
def test_a_me_too_after_no_check_in_is_a_reply(workspace, grp, reply):
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, f"张三：明天几点集合？\n王五：{reply}\n")
    assert ids["王五"] not in {mid for mid, _d in plan}
    assert outcomes[2].outcome == "skipped" and "只是回复" in outcomes[2].detail
    _preview, outcomes, plan = run(workspace, gid, f"王五：{reply}\n")
    assert plan == {} and outcomes[1].outcome == "skipped"


def test_cli_says_each_lines_outcome(tmp_path, capsys):
    from desktop.cli import main

    db = group_file(tmp_path / "w.sqlite", "晨光早起营", NAMES, JOINED)
    before = DAY - timedelta(days=1)
    chain = tmp_path / "chain.txt"
    chain.write_text(
        f"#接龙 {DAY.month}月{DAY.day}日 早起打卡\n"
        "1. 余丽娜 @刘红 帮她打一下\n"  # 2 asked
        "2. 李四✅张三请假\n"  # 3 李四 logged, 张三's leave said
        f"3. 王五 {before.month}-{before.day} 打卡\n"  # 4 another day's
        "4. 赵六 打卡，顺便补昨天的\n",  # 5 both days
        encoding="utf-8",
    )
    args = ["--db", db, "checkin", "--group", "晨光早起营", "--date", DAY.isoformat(), "--paste", str(chain)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "新记录 logged 2" in out  # lines: 李四's, and 赵六's (on two days)
    assert "第2行" in err and "替别人打卡" in err
    assert "第3行 新记录 logged: 李四 打卡已记录" in err
    assert "第4行" in err and f"属于 {before}" in err
    assert f"第5行 新记录 logged: {before} 补卡已记录" in err


def test_a_first_name_alone_stays_asked_even_for_the_only_amy(workspace, owner, grp):
    """Decision (probe paste12): `1. Amy ✅` with Amy Wang the group's only Amy stays asked, Amy Wang offered first. A
    first word is not a name: a newcomer called Amy not on the roster yet, an Amy of another group pasting into the
    wrong chain, or a nickname Amy of someone else would each be logged as Amy Wang — the wrong person is worse than a
    question, and the window picks her with one click."""
    gid, _ids = grp
    with workspace.session() as s:
        amy = add_member(s, owner, gid, MemberInput(display_name="Amy Wang", joined_at=JOINED))[1]
        s.commit()
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. Amy ✅\n")
    assert plan == {} and outcomes[2].outcome == "ambiguous"
    assert preview.matches[0].candidates[0].membership_id == amy
