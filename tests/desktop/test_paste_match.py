"""Matching a pasted chain to the roster: certain matches (name, nickname, WeChat ID), ambiguous ones
(same name twice, pinyin, fuzzy), unmatched and duplicate lines; logging the paste twice logs once."""

from __future__ import annotations

import pytest

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.paste import match_paste
from desktop.services.roster import MemberInput, add_member, update_member
from tests.fixed_day import TEST_TODAY

PASTE = """#接龙 早起打卡 11月22日
例 张三 6:00
1. 张三 5:58
2、小美🌸 6:03起床
3 lisi_wx
4. 王芳
5. zhaoliu
6. 张三
7. 陌生人
8. 孙悟空 打卡第3天
"""


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        ids = {}
        for key, data in {
            "zs": MemberInput(display_name="张三"),
            "xm": MemberInput(display_name="林美", nickname="小美🌸"),
            "ls": MemberInput(display_name="李四", wechat_id="lisi_wx"),
            "wf1": MemberInput(display_name="王芳", phone="13800000001"),
            "wf2": MemberInput(display_name="王芳", phone="13800000002"),
            "zl": MemberInput(display_name="赵六"),
            "swk": MemberInput(display_name="孙悟空🐒"),
        }.items():
            ids[key] = add_member(s, owner, gid, data)[1]
        s.commit()
    return gid, ids


def test_each_line_gets_the_right_status(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        result = [
            (m.line.name, m.status, [c.membership_id for c in m.candidates], [c.how for c in m.candidates])
            for m in match_paste(s, gid, PASTE)
        ]
    assert result[0] == ("张三", "matched", [ids["zs"]], ["name"])
    assert result[1] == ("小美🌸", "matched", [ids["xm"]], ["nickname"])
    assert result[2] == ("lisi_wx", "matched", [ids["ls"]], ["wechat_id"])
    assert result[3][:2] == ("王芳", "ambiguous") and sorted(result[3][2]) == sorted([ids["wf1"], ids["wf2"]])
    assert result[4][:2] == ("zhaoliu", "ambiguous") and result[4][2][0] == ids["zl"] and result[4][3][0] == "pinyin"
    assert result[5][:2] == ("张三", "duplicate")
    assert result[6] == ("陌生人", "unmatched", [], [])
    # the member's name is 孙悟空🐒: without its decoration the written name is exactly that one member's
    assert result[7] == ("孙悟空", "matched", [ids["swk"]], ["name"])


def test_logging_the_same_paste_again_logs_nothing_new(workspace, owner, grp):
    gid, ids = grp
    day = TEST_TODAY  # the members joined today (the suite's fixed day): a chain of today, whatever day that is
    for expected in (4, 0):  # 张三, 小美🌸, lisi_wx, 孙悟空
        with workspace.session() as s:
            certain = [m.membership_id for m in match_paste(s, gid, PASTE) if m.status == "matched"]
            res = record_checkins(s, owner, gid, day, certain, source="paste", today=day)
            s.commit()
        assert len(res.logged) == expected


def test_a_typo_is_a_fuzzy_candidate(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        (m,) = match_paste(s, gid, "1. 林美美")
    assert m.status == "ambiguous" and (m.candidates[0].membership_id, m.candidates[0].how) == (ids["xm"], "fuzzy")


def test_city_name_job_nicknames_match_on_the_name_segment(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        _, ms = add_member(s, owner, gid, MemberInput(display_name="周杰", group_nickname="北京-周杰-产品经理"))
        s.commit()
        got = [
            (m.status, m.membership_id)
            for m in match_paste(s, gid, "1. 北京-周杰-产品经理 6:01\n2. 上海｜李四\n3. 深圳-陌生人")
        ]
    assert got == [("matched", ms), ("matched", ids["ls"]), ("unmatched", None)]


@pytest.mark.parametrize(
    ("line", "status", "late"),
    [
        ("1. 张三 请假", "leave", False),
        ("1. 张三 今天请假一天", "leave", False),
        ("1. 张三 昨天请假了今天来打卡", "matched", False),  # a check-in that mentions a past leave
        ("1. 张三 补卡", "matched", True),
        ("1. 张三 请假 明天补卡", "leave", False),  # a make-up promised for later is not one today
        ("1. 张三 补充：今天又读了10页", "matched", False),  # 补充 is not 补卡
    ],
)
def test_leave_and_late_words(workspace, grp, line, status, late):
    gid, ids = grp
    with workspace.session() as s:
        (m,) = match_paste(s, gid, line, TEST_TODAY)
    assert (m.status, m.late) == (status, late)


def test_an_index_kept_between_pastes_never_outlives_a_roster_change(workspace, owner, grp):
    """The group's index is kept from one paste to the next while its roster rows stay the same: a rename,
    a second member of the same name or a member leaving is seen by the very next paste."""
    from desktop.services import paste
    from desktop.services.onboarding import leave_group

    gid, ids = grp

    def status_of(name: str) -> tuple[str, list[int]]:
        with workspace.session() as s:
            (m,) = match_paste(s, gid, f"1. {name}")
        return m.status, [c.membership_id for c in m.candidates]

    assert status_of("赵六") == ("matched", [ids["zl"]])
    built = next(reversed(paste._BUILT_CACHE.values()))
    assert status_of("赵六") == ("matched", [ids["zl"]])
    assert next(reversed(paste._BUILT_CACHE.values())) is built  # nothing changed: the same index
    with workspace.session() as s:
        update_member(s, owner, ids["zl"], MemberInput(display_name="赵六六"))
        s.commit()
    assert status_of("赵六六") == ("matched", [ids["zl"]])
    assert status_of("赵六")[0] != "matched"
    with workspace.session() as s:
        add_member(s, owner, gid, MemberInput(display_name="赵六六", phone="13800000009"))
        s.commit()
    assert status_of("赵六六")[0] == "ambiguous"
    with workspace.session() as s:
        leave_group(s, owner, ids["swk"], reason="搬家")
        s.commit()
    assert status_of("孙悟空")[0] == "not_member"


def test_a_name_only_another_groups_person_carries_also_offers_this_groups_look_alike(workspace, owner):
    """`Iris` for this group's Iris Yang, while 何丹娜 of another group is nicknamed Iris: not a member as before
    (never logged, the other group's person named — a chain pasted into the wrong group still shows), and this
    group's look-alike is now among the candidates for a person to choose, named in the reason as well."""
    from desktop.chat_parse import parse_chat
    from desktop.services.paste import NOT_MEMBER, certain_plan, line_outcomes, match_paste

    with workspace.session() as s:
        here = create_group(s, owner, "早起打卡营")
        there = create_group(s, owner, "城市夜跑团")
        _, iris_yang = add_member(s, owner, here, MemberInput(display_name="Iris Yang"))
        add_member(s, owner, there, MemberInput(display_name="何丹娜", nickname="Iris"))
        s.commit()
        text = "#接龙 早起打卡\n1. Iris 6:45"
        lines = parse_chat(text)
        matches = match_paste(s, here, text, TEST_TODAY)
    (m,) = matches
    assert m.status == "not_member"
    assert [(c.display_name, c.status) for c in m.candidates][0] == ("何丹娜", "elsewhere")
    assert iris_yang in [c.membership_id for c in m.candidates if c.status == "active"]
    assert certain_plan(matches) == []
    (outcome,) = [o for o in line_outcomes(lines, matches, set(), set()) if o.line_no == m.line.line_no]
    assert outcome.outcome == NOT_MEMBER
    assert "城市夜跑团" in outcome.detail and "Iris Yang: 本群成员, 名字相似" in outcome.detail
