"""Pasted chains and chat lines an earlier probe left open (6 December): a reminder or an @mention that logged the
writer or the one mentioned, a member whose group nickname says 请假中 read as on leave, check-in mini-program share
texts (鲸打卡, 小打卡, 打卡喵), and pastes that mix a chain with chat, repeat a chain or carry invisible characters.
Every line ends in a named outcome; nobody is logged for a line that is not their check-in."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import LEAVE, LOGGED, certain_plan, line_outcomes, preview_paste
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
