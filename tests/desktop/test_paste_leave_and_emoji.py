"""Sixth paste probe (6 December): lines that named the wrong person or outcome.

- `刘洋：今天打卡❌不了，请假` was logged as 刘洋's check-in (打卡 on the line read as a check-in): it is 请假.
- `张伟 替李纳请假` reported 张伟 on leave: 李纳 is, 张伟 only passed it on.
- `🐱🐱 🍀` (two members' emoji-only nicknames) logged only the first."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import LEAVE, certain_plan, line_outcomes, preview_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {
            n: add_member(s, owner, gid, MemberInput(display_name=n, nickname=nick, joined_at=JOINED))[1]
            for n, nick in (
                ("刘洋", None),
                ("张伟", None),
                ("李纳", None),
                ("姚露", "🐱🐱"),
                ("蒋欣", "🍀"),
                ("王磊", None),
            )
        }
        s.commit()
    return gid, ids


def run(workspace, gid, text):
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    plan = {p.membership_id for p in certain_plan(preview.matches)}
    lines = {x.line_no: x for x in line_outcomes(preview.lines, preview.matches, set(), set())}
    return lines, plan


@pytest.mark.parametrize(
    "said", ["今天打卡❌不了，请假", "今天打卡不了 请假", "打不了卡，请假一天", "今天无法打卡 请个假"]
)
def test_a_denied_check_in_with_leave_is_leave(workspace, grp, said):
    gid, ids = grp
    for text in (f"#接龙\n{DAY.month}月{DAY.day}日打卡\n1. 王磊\n2. 刘洋：{said}\n", f"王磊: 打卡\n刘洋: {said}\n"):
        lines, plan = run(workspace, gid, text)
        line = lines[len(text.splitlines())]
        assert line.outcome == LEAVE, (text, line.outcome, line.detail)
        assert {c.membership_id for c in line.who} == {ids["刘洋"]}
        assert plan == {ids["王磊"]}


def test_leave_sent_for_someone_else_is_theirs(workspace, grp):
    gid, ids = grp
    lines, plan = run(
        workspace, gid, f"#接龙 {DAY.month}月{DAY.day}日打卡\n1. 王磊\n2. 张伟 替李纳请假\n3. 刘洋 帮张伟请假\n"
    )
    assert lines[3].outcome == LEAVE and {c.membership_id for c in lines[3].who} == {ids["李纳"]}
    assert lines[4].outcome == LEAVE and {c.membership_id for c in lines[4].who} == {ids["张伟"]}
    assert plan == {ids["王磊"]}


def test_two_emoji_nicknames_on_one_line_are_two_people(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, f"#接龙 {DAY.month}月{DAY.day}日打卡\n1. 王磊\n2. 🐱🐱 🍀\n3. 🍀\n")
    on_3 = [(m.status, m.membership_id) for m in preview.matches if m.line.line_no == 3]
    assert on_3 == [("matched", ids["姚露"]), ("matched", ids["蒋欣"])]
    assert [m.status for m in preview.matches if m.line.line_no == 4] == ["duplicate"]
    assert {p.membership_id for p in certain_plan(preview.matches)} == {ids["王磊"], ids["姚露"], ids["蒋欣"]}
