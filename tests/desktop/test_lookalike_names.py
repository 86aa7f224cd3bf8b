"""One group of people who look alike (two 张伟, 王芳/汪芳, a deleted 赵敏, 🌸小美🌸 …) read through every entry point
that takes a name: the paste, `qundesk checkin NAME`, the chat import's senders, the welcome text's --member. A
certain name is one person; a name two people carry names both; someone deleted is said to be deleted."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import RosterIndex, describe_person, match_paste
from desktop.services.roster import MemberInput, add_member, soft_delete_member
from tests.fixed_day import TEST_TODAY

JOINED = datetime(TEST_TODAY.year - 1, 1, 1, 9, 0)


@pytest.fixture
def grp(workspace, owner):
    people = {
        "zw1": MemberInput("张伟", nickname="伟哥", wechat_id="zhangwei_bj"),
        "zw2": MemberInput("张伟", nickname="大伟", wechat_id="zw_sh88"),
        "wf": MemberInput("王芳"),
        "wangf": MemberInput("汪芳"),
        "amy_fw": MemberInput("ＡＭＹ"),
        "amy": MemberInput("Amy"),
        "xm_flower": MemberInput("吴梅", nickname="🌸小美🌸"),
        "deleted": MemberInput("赵敏"),
    }
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {}
        for key, data in people.items():
            data.joined_at = JOINED
            ids[key] = add_member(s, owner, gid, data)
        s.commit()
        soft_delete_member(s, owner, ids["deleted"][0])
        s.commit()
    return gid, {k: ms for k, (_member, ms) in ids.items()}


def test_a_deleted_person_is_named_as_deleted_not_as_nobody(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        (m,) = match_paste(s, gid, "#接龙 早起打卡\n1. 赵敏 6:01", TEST_TODAY)
        status, cands = RosterIndex(s, gid).match("赵敏")
    assert m.status == "not_member" and [(c.display_name, c.status) for c in m.candidates] == [("赵敏", "deleted")]
    assert status == "not_member" and [c.status for c in cands] == ["deleted"]
    assert "已从名册删除" in describe_person(cands[0])
