"""`1. 李四 打卡，张三今天请假`: 李四 checks in and says 张三 is on leave. Since probe leave3 read 张三's leave right, 李四's
own check-in was asked instead of logged — a certain check-in lost from a headless paste. The writer's clause that
checks in for nobody else is theirs for certain; `我代打卡` / `李四代打卡` (for whom?) stays for a person to decide."""

from __future__ import annotations

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import match_paste
from desktop.services.roster import MemberInput, add_member


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n))[1] for n in ("张三", "李四", "王五")}
        s.commit()
    return gid, ids


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("1. 李四 打卡，张三今天请假", {("张三", "leave"), ("李四", "matched")}),
        ("1. 李四 打卡，张三王五请假", {("张三", "leave"), ("王五", "leave"), ("李四", "matched")}),
        ("1. 李四：张三请假，我代打卡", {("张三", "leave"), ("李四", "ambiguous")}),
        ("1. 张三请假，李四代打卡", {("张三", "leave"), ("李四", "ambiguous")}),
    ],
)
def test_the_writers_own_check_in_beside_anothers_leave(workspace, grp, line, want):
    gid, ids = grp
    names = {v: k for k, v in ids.items()}
    with workspace.session() as s:
        got = {(names[m.candidates[0].membership_id], m.status) for m in match_paste(s, gid, "#接龙 早起打卡\n" + line)}
    assert got == want
