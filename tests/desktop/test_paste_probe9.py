"""Pasted chains and chat lines an earlier probe left open (6 December): a reminder or an @mention that logged the
writer or the one mentioned, a member whose group nickname says 请假中 read as on leave, check-in mini-program share
texts (鲸打卡, 小打卡, 打卡喵), and pastes that mix a chain with chat, repeat a chain or carry invisible characters.
Every line ends in a named outcome; nobody is logged for a line that is not their check-in."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import AMBIGUOUS, LEAVE, LOGGED, SKIPPED, certain_plan, line_outcomes, preview_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)
PEOPLE = (
    ("张三", None),
    ("李四", None),
    ("王五", "王五（请假中）"),
    ("赵六", None),
    ("孙七", "孙七【请假】"),
    ("吴九", None),
    ("郑十", None),
)


def md(d) -> str:
    return f"{d.month}月{d.day}日"


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {
            n: add_member(s, owner, gid, MemberInput(display_name=n, group_nickname=g, joined_at=JOINED))[1]
            for n, g in PEOPLE
        }
        s.commit()
    return gid, ids


def run(workspace, gid, text, day=DAY):
    """Each line's outcome ({line number: LineOutcome}) and the (membership, day) pairs logged headless."""
    with workspace.session() as s:
        preview = preview_paste(s, gid, day, text)
    plan = {(p.membership_id, p.day) for p in certain_plan(preview.matches)}
    outcomes = line_outcomes(preview.lines, preview.matches, plan, set())
    return {o.line_no: o for o in outcomes}, plan


def names(outcome) -> list[str]:
    return [c.display_name for c in outcome.who]


# ---------------------------------------------------------------- 2. a group nickname that says 请假中


def test_a_group_nickname_holding_qingjia_is_the_member_not_a_leave_note(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 王五（请假中）\n3. 赵六(出差)\n4. 孙七【请假】\n5. 吴九（请假）\n"
    by_line, plan = run(workspace, gid, text)
    assert (by_line[3].outcome, names(by_line[3])) == (LOGGED, ["王五"])  # exactly 王五's group nickname
    assert (by_line[5].outcome, names(by_line[5])) == (LOGGED, ["孙七"])  # 【】 as written in the nickname
    assert (by_line[4].outcome, names(by_line[4])) == (LOGGED, ["赵六"])  # 出差 is no leave word: as before
    assert (by_line[6].outcome, names(by_line[6])) == (LEAVE, ["吴九"])  # nobody's name: a leave note
    assert plan == {(ids[n], DAY) for n in ("张三", "王五", "赵六", "孙七")}


def test_the_nickname_written_half_width_or_with_a_leave_word_besides(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {md(DAY)} 早起打卡\n1. 王五(请假中)\n2. 孙七【请假】 今天请假\n"
    by_line, plan = run(workspace, gid, text)
    assert (by_line[2].outcome, names(by_line[2])) == (LOGGED, ["王五"])  # half-width brackets: the same nickname
    assert by_line[3].outcome == LEAVE  # 今天请假 besides the nickname: on leave after all
    assert plan == {(ids["王五"], DAY)}


# ---------------------------------------------------------------- 1. reminders and check-ins for someone else


def test_a_message_addressed_to_someone_about_checking_in_logs_nobody_and_asks(workspace, grp):
    """`李四: @张三 打卡` is a reminder to 张三, or 李四 reporting for 张三: neither 李四's own check-in (it was logged) nor
    张三's for certain. The line asks a person, offering both; nothing is logged headless."""
    gid, ids = grp
    text = "李四: @张三 打卡\n吴九: @郑十 打卡啦\n王五：@张三\u2005@赵六 该打卡了\n赵六: 打卡\n"
    by_line, plan = run(workspace, gid, text)
    for n, offered in ((1, {"李四", "张三"}), (2, {"吴九", "郑十"}), (3, {"王五", "张三", "赵六"})):
        assert by_line[n].outcome == AMBIGUOUS, n
        assert {c.display_name for c in by_line[n].candidates} == offered, n
        assert "@" in by_line[n].detail
    assert plan == {(ids["赵六"], DAY)}


def test_a_check_in_that_calls_someone_besides_is_still_the_writers(workspace, grp):
    gid, ids = grp
    text = "李四: 打卡✅ @张三 记得打卡哦\n吴九: @郑十 今天打卡完成 跑了5公里\n王五: 打卡 @张三\n"
    _by_line, plan = run(workspace, gid, text)
    assert plan == {(ids[n], DAY) for n in ("李四", "吴九", "王五")}


def test_a_call_to_everyone_and_a_mention_without_a_speaker_log_nobody(workspace, grp):
    gid, ids = grp
    text = "李四: @所有人 打卡啦\n@张三 打卡\n赵六: 打卡\n"
    by_line, plan = run(workspace, gid, text)
    assert by_line[1].outcome == SKIPPED and "@" in by_line[1].detail
    assert by_line[2].outcome == SKIPPED and "张三" in by_line[2].detail  # 张三 was logged for someone's call
    assert plan == {(ids["赵六"], DAY)}


def test_checking_in_for_someone_said_the_way_people_say_it_is_asked(workspace, grp):
    """`我帮张三打个卡` logged 李四 (打个卡 was not read as 打卡): it is a check-in for 张三, a person confirms."""
    gid, ids = grp
    text = "李四: 我帮张三打个卡\n吴九：替郑十签个到\n赵六: 打卡\n"
    by_line, plan = run(workspace, gid, text)
    for n, offered in ((1, {"李四", "张三"}), (2, {"吴九", "郑十"})):
        assert by_line[n].outcome == AMBIGUOUS, n
        assert {c.display_name for c in by_line[n].candidates} == offered, n
    assert plan == {(ids["赵六"], DAY)}


def test_a_stamped_chat_log_asks_for_a_message_addressed_to_someone(workspace, grp):
    gid, ids = grp
    text = f"李四 {md(DAY)} 07:05\n@张三 打卡\n\n赵六 {md(DAY)} 07:06\n打卡 第3天\n"
    by_line, plan = run(workspace, gid, text)
    assert by_line[1].outcome == AMBIGUOUS
    assert plan == {(ids["赵六"], DAY)}
