"""Quick entry's Enter (desktop/services/paste.quick_entry_pick): who is checked in without the assistant
picking from the list. A probe (5 December) logged the wrong person four ways: the newcomer 张三 typed → the
active 张三丰; 李娜 (nobody) → 李娜娜; 小雨, a nickname two members carry, → the first of them because the
search's list of ten cut off the second; 小美 while another member is nicknamed 🌸小美🌸 → 小美."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import quick_entry_pick
from desktop.services.roster import MemberInput, RosterQuery, add_member, search_roster

JOINED = datetime(2024, 3, 10, 4, 0)
QUICK_LIMIT = 10  # the page's list (ui/pages/checkins_page.QUICK_LIMIT)


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {}
        people = {
            "张三丰": MemberInput(display_name="张三丰", joined_at=JOINED),
            "李娜娜": MemberInput(display_name="李娜娜", joined_at=JOINED),
            "林小雨": MemberInput(display_name="林小雨", nickname="小雨", joined_at=JOINED),
            "赵美": MemberInput(display_name="赵美", nickname="小美", joined_at=JOINED),
            "钱美": MemberInput(display_name="钱美", nickname="🌸小美🌸", joined_at=JOINED),
            "王芳": MemberInput(display_name="王芳", wechat_id="wangfang_88", joined_at=JOINED),
            **{f"小雨{i}": MemberInput(display_name=f"小雨{i:02d}", joined_at=JOINED) for i in range(10)},
            "张雨": MemberInput(display_name="张雨", nickname="小雨", joined_at=JOINED),
        }
        for key, data in people.items():
            ids[key] = add_member(s, owner, gid, data)[1]
        # a newcomer part-way through the entry steps
        ids["张三"] = add_member(s, owner, gid, MemberInput(display_name="张三", status="onboarding"))[1]
        s.commit()
    return gid, ids


def pick(workspace, gid, text):
    with workspace.session() as s:
        rows = search_roster(s, RosterQuery(group_id=gid, text=text, status="active"), limit=QUICK_LIMIT)
        found = quick_entry_pick(s, gid, text, [r.membership_id for r in rows])
    return None if found is None else found.membership_id


def test_a_name_one_member_carries_is_them(workspace, grp):
    gid, ids = grp
    assert pick(workspace, gid, "张三丰") == ids["张三丰"]
    assert pick(workspace, gid, "WANGFANG_88") == ids["王芳"]  # a WeChat ID in any case
    assert pick(workspace, gid, "wf") == ids["王芳"]  # a few letters with one candidate: the speed path


def test_a_name_someone_else_carries_is_never_the_one_candidate(workspace, grp):
    gid, ids = grp
    assert pick(workspace, gid, "张三") is None  # the newcomer 张三, not 张三丰
    assert pick(workspace, gid, "李娜") is None  # a full name of its own, not 李娜娜
    assert pick(workspace, gid, "小雨") is None  # two members carry it; the list of ten showed one
    assert pick(workspace, gid, "小美") is None  # 小美 and 🌸小美🌸


def test_a_line_saying_leave_or_not_checked_in_checks_nobody_in(workspace, grp):
    """A chain line pasted into the quick box (张三丰（请假）, 张三丰 还没打卡) names someone who did not check in."""
    gid, ids = grp
    assert pick(workspace, gid, "张三丰（请假）") is None
    assert pick(workspace, gid, "张三丰 还没打卡") is None
    assert pick(workspace, gid, "张三丰 ✅") == ids["张三丰"]
