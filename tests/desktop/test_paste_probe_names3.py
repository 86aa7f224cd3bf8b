"""Names as members really sign them (probe names3): a 300-member group with namesakes told apart by WeChat ID, a
number in a name (张三2), titles and kin words, a renamed member — read through the check-in paste, the sign-up
chain and the batch points paste, and said by `qundesk checkin --paste`. A line is logged for a member only when
it names that member for certain; otherwise it is asked, naming the candidates."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.paste import describe_person, match_paste
from desktop.services.points_queries import match_adjustment_names
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
from desktop.workspace import actor_for
from tests.fixed_day import TEST_TODAY

JOINED = datetime(TEST_TODAY.year - 1, 1, 1, 9, 0)
CHAIN = f"#接龙 早起打卡 {TEST_TODAY.month}月{TEST_TODAY.day}日\n"

PEOPLE = {
    "wf_sh": MemberInput("王芳", group_nickname="3组-王芳-上海", wechat_id="wangfang_sh"),
    "wf_bj": MemberInput("王芳", wechat_id="WF_bj88"),
    "zs": MemberInput("张三"),
    "zs2": MemberInput("张三2"),
    "zsf": MemberInput("张三丰"),
    "ls": MemberInput("李四"),
    "kevin": MemberInput("张凯文", nickname="Kevin", wechat_id="KevinZ_88"),
    "lele_mum": MemberInput("赵静", nickname="乐乐妈妈"),
    "lele_dad": MemberInput("钱伟", nickname="乐乐爸爸"),
    "lele": MemberInput("孙乐", nickname="乐乐"),
    "teacher": MemberInput("王建国", nickname="王老师"),
    "sun": MemberInput("周杰", nickname="阳光"),
}


@pytest.fixture
def grp(sqlite_workspace):
    """The people above among 290 others with common names (none of them 王芳, 张三… by construction)."""
    owner = actor_for(sqlite_workspace)
    rnd = random.Random(3)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {}
        for key, data in PEOPLE.items():
            data.joined_at = JOINED
            ids[key] = add_member(s, owner, gid, data)[1]
        taken = {d.display_name for d in PEOPLE.values()}
        while len(taken) < len(PEOPLE) + 290:
            name = rnd.choice("刘陈杨黄吴徐马朱胡郭何高林罗") + rnd.choice("伟娜敏静丽强磊军洋勇艳娟涛明超秀霞平刚")
            name += rnd.choice("英华桂兰") if rnd.random() < 0.5 else ""
            if name not in taken:
                taken.add(name)
                add_member(s, owner, gid, MemberInput(name, joined_at=JOINED))
        s.commit()
    return sqlite_workspace, gid, ids


def _rows(workspace, gid, line: str, **kw):
    with workspace.session() as s:
        ms = match_paste(s, gid, CHAIN + "1. " + line, TEST_TODAY, **kw)
    return [(m.status, sorted(c.membership_id for c in m.candidates)) for m in ms if m.line.line_no == 2]


def test_a_number_typed_apart_from_a_name_is_asked_when_it_ends_another_members_name(grp):
    """`张三 2` in a group with 张三 and 张三2 (a WeChat name made to tell two 张三 apart) was logged for 张三 without a
    word: the 2 was read as a remark. It may as well be 张三2 — asked, naming both. `张三2` is 张三2, `张三 3` (no
    张三3 on the roster) stays 张三 with a remark."""
    workspace, gid, ids = grp
    assert _rows(workspace, gid, "张三 2 6:01") == [("ambiguous", sorted([ids["zs"], ids["zs2"]]))]
    assert _rows(workspace, gid, "张三 ２") == [("ambiguous", sorted([ids["zs"], ids["zs2"]]))]
    assert _rows(workspace, gid, "张三2 6:01") == [("matched", [ids["zs2"]])]
    assert _rows(workspace, gid, "张三 3 6:01") == [("matched", [ids["zs"]])]
    assert _rows(workspace, gid, "张三 丰") == [("ambiguous", sorted([ids["zs"], ids["zsf"]]))]


@pytest.mark.parametrize(
    "line, who",
    [
        ("王芳(wangfang_sh)", "wf_sh"),
        ("王芳（WF_bj88） 6:02", "wf_bj"),
        ("王芳-WF_bj88", "wf_bj"),
        ("王芳@wangfang_sh", "wf_sh"),
        ("王芳 wangfang_sh 6:01", "wf_sh"),
        ("王芳 wf_BJ88", "wf_bj"),
    ],
)
def test_a_namesake_signing_with_their_wechat_id_is_that_one(grp, line, who):
    """Two 王芳, told apart by WeChat ID: `王芳(wangfang_sh)` was a choice between both (the ID's `_` split it into
    `wangfang` and `sh`, which name nobody), and `王芳 wangfang_sh` two rows — both 王芳 asked, and the same 王芳
    again as a second person — so nothing was logged. The ID says which one: that 王芳, logged."""
    workspace, gid, ids = grp
    assert _rows(workspace, gid, line) == [("matched", [ids[who]])]


def test_a_namesake_without_an_id_stays_asked(grp):
    workspace, gid, ids = grp
    both = sorted([ids["wf_sh"], ids["wf_bj"]])
    for line in ("王芳", "王芳🌸", "王芳-WF", "王芳 上海"):
        assert _rows(workspace, gid, line) == [("ambiguous", both)], line


def test_sign_up_and_points_pastes_read_the_same_names(grp):
    """The sign-up chain and the batch points paste go through the same matcher: `张三 2` asked, `王芳 wangfang_sh`
    the Shanghai 王芳."""
    workspace, gid, ids = grp
    assert _rows(workspace, gid, "张三 2", signups=True) == [("ambiguous", sorted([ids["zs"], ids["zs2"]]))]
    assert _rows(workspace, gid, "王芳 wangfang_sh", signups=True) == [("matched", [ids["wf_sh"]])]
    with workspace.session() as s:
        matches = match_adjustment_names(s, gid, "张三 2\n王芳 wangfang_sh\n")
    got = [(m.status, sorted(c.membership_id for c in m.candidates)) for m in matches]
    assert got == [("ambiguous", sorted([ids["zs"], ids["zs2"]])), ("matched", [ids["wf_sh"]])]


def test_cli_paste_logs_only_the_certain_and_names_the_candidates(grp, sqlite_path, tmp_path, capsys):
    workspace, gid, ids = grp
    chain = tmp_path / "chain.txt"
    chain.write_text(
        CHAIN + "1. 张三 2 6:01\n2. 王芳 wangfang_sh 6:02\n3. 乐乐妈妈 6:03\n4. 王芳 6:04\n", encoding="utf-8"
    )
    day = TEST_TODAY.isoformat()
    rc = main(["--db", str(sqlite_path), "checkin", "--group", "晨光早起营", "--date", day, "--paste", str(chain)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert rc == 0, text
    assert "张三2" in text and "张三 2" in text
    # the two 王芳 of line 5 told apart by their WeChat IDs (`王芳 → 王芳(name), 王芳(name)` named nobody to pick)
    (asked,) = [ln for ln in text.splitlines() if "第5行" in ln]
    assert "WeChat ID wangfang_sh" in asked and "WeChat ID WF_bj88" in asked
    from models import CheckIn

    with workspace.session() as s:
        logged = sorted(s.query(CheckIn.membership_id).filter(CheckIn.day == TEST_TODAY).all())
    assert [m for (m,) in logged] == sorted([ids["wf_sh"], ids["lele_mum"]])


def _rename(workspace, membership_id: int, **changes) -> None:
    owner = actor_for(workspace)
    with workspace.session() as s:
        update_member(s, owner, membership_id, replace(get_member_input(s, membership_id), **changes))
        s.commit()


def test_a_member_renamed_last_week_is_offered_for_their_old_name(grp):
    """宋乐 renamed 宋悦 in the roster last week, and her WeChat name is still 宋乐 in today's chain: the line was asked
    with 宋丽 and 宋磊 (the same initials) and without her — a person picking from that list picked the wrong one.
    Now she is offered first (how "former_name"); nothing is logged on a guess."""
    workspace, gid, ids = grp
    with workspace.session() as s:
        song = add_member(s, actor_for(workspace), gid, MemberInput("宋乐", joined_at=JOINED))[1]
        for name in ("宋丽", "宋磊"):
            add_member(s, actor_for(workspace), gid, MemberInput(name, joined_at=JOINED))
        s.commit()
    _rename(workspace, song, display_name="宋悦")
    with workspace.session() as s:
        (m,) = [m for m in match_paste(s, gid, CHAIN + "1. 宋乐 6:01", TEST_TODAY) if m.line.line_no == 2]
    assert m.status == "ambiguous"
    assert (m.candidates[0].membership_id, m.candidates[0].how) == (song, "former_name")
    assert "改名" in describe_person(m.candidates[0])
    assert _rows(workspace, gid, "宋悦 6:01") == [("matched", [song])]


def test_a_name_another_member_carried_until_a_recent_rename_is_asked(grp):
    """周杰 was 阳光 until last week (now 晨光); 杨光 joined since and took the nickname 阳光. A chain copied before the
    rename says 阳光 — it was logged for 杨光 without a word. Now it is asked, naming both."""
    workspace, gid, ids = grp
    _rename(workspace, ids["sun"], nickname="晨光")
    with workspace.session() as s:
        yang = add_member(s, actor_for(workspace), gid, MemberInput("杨光", nickname="阳光", joined_at=JOINED))[1]
        s.commit()
    assert _rows(workspace, gid, "阳光 6:01") == [("ambiguous", sorted([ids["sun"], yang]))]
    assert _rows(workspace, gid, "晨光 6:01") == [("matched", [ids["sun"]])]
    assert _rows(workspace, gid, "杨光") == [("matched", [yang])]


def test_an_everyday_word_beside_a_name_is_not_certainly_a_second_person(grp):
    """A member is called 早安 (and 周杰 is nicknamed 阳光). `李四 早安 6:01` logged check-ins for 李四 and for 早安, and
    `张三 早安打卡` for 张三 and 早安: a greeting read as a second person. Now the word beside another person is asked
    (`李四 早安`, `早安 张三`, `张三 阳光`), or a remark when it carries its mark (`张三 早安打卡`, `张三 阳光☀️`); with a
    separator (`张三&早安`, `张三 阳光 一起`) it is a second person as before, and alone on its line the member's name."""
    workspace, gid, ids = grp
    with workspace.session() as s:
        morning = add_member(s, actor_for(workspace), gid, MemberInput("早安", joined_at=JOINED))[1]
        s.commit()
    assert _rows(workspace, gid, "李四 早安 6:01") == [("matched", [ids["ls"]]), ("ambiguous", [morning])]
    assert _rows(workspace, gid, "早安 张三") == [("ambiguous", [morning]), ("matched", [ids["zs"]])]
    assert _rows(workspace, gid, "张三 阳光") == [("matched", [ids["zs"]]), ("ambiguous", [ids["sun"]])]
    assert _rows(workspace, gid, "张三 早安打卡") == [("matched", [ids["zs"]])]
    assert _rows(workspace, gid, "张三 阳光☀️") == [("matched", [ids["zs"]])]
    assert _rows(workspace, gid, "张三&早安") == [("matched", [ids["zs"]]), ("matched", [morning])]
    assert _rows(workspace, gid, "张三 阳光 一起") == [("matched", [ids["zs"]]), ("matched", [ids["sun"]])]
    assert _rows(workspace, gid, "早安 6:01") == [("matched", [morning])]
    assert _rows(workspace, gid, "张三 李四") == [("matched", [ids["zs"]]), ("matched", [ids["ls"]])]
    assert _rows(workspace, gid, "张三2 李四") == [("matched", [ids["zs2"]]), ("matched", [ids["ls"]])]


def test_a_chinese_name_typed_with_a_space_is_every_member_it_may_be(grp):
    """Two 王芳 and a 王🌸芳 (the flower inside her WeChat name): `王 芳` — one of the 王芳 typing a space — was logged for
    王🌸芳, whose name without its flower read `王 芳` with a space where the flower was. A space between Chinese
    characters is no part of a name: `王 芳` and `王芳` are any of the three, asked; `王🌸芳` as written is hers."""
    workspace, gid, ids = grp
    with workspace.session() as s:
        flower = add_member(s, actor_for(workspace), gid, MemberInput("王🌸芳", joined_at=JOINED))[1]
        s.commit()
    three = sorted([ids["wf_sh"], ids["wf_bj"], flower])
    assert _rows(workspace, gid, "王 芳 6:01") == [("ambiguous", three)]
    assert _rows(workspace, gid, "王芳 6:01") == [("ambiguous", three)]
    assert _rows(workspace, gid, "王🌸芳 6:01") == [("matched", [flower])]
    assert _rows(workspace, gid, "张 三 6:01") == [("matched", [ids["zs"]])]


def test_a_bracket_naming_another_member_is_asked_not_read_as_a_remark(grp):
    """`钱伟（乐乐妈妈）` was logged for 钱伟 (乐乐爸爸): the bracket was read as a remark, though 乐乐妈妈 is 赵静; so were
    `张三（张三2）` and `张三2（张三）`. Either may have written it — asked, naming both. A bracket naming the same person,
    nobody, a counter or a greeting keeps the match."""
    workspace, gid, ids = grp
    assert _rows(workspace, gid, "钱伟（乐乐妈妈） 6:01") == [("ambiguous", sorted([ids["lele_dad"], ids["lele_mum"]]))]
    assert _rows(workspace, gid, "张三（张三2）") == [("ambiguous", sorted([ids["zs"], ids["zs2"]]))]
    assert _rows(workspace, gid, "张三2（张三）") == [("ambiguous", sorted([ids["zs"], ids["zs2"]]))]
    assert _rows(workspace, gid, "赵静（乐乐妈妈）") == [("matched", [ids["lele_mum"]])]
    assert _rows(workspace, gid, "乐乐妈妈（赵静）") == [("matched", [ids["lele_mum"]])]
    assert _rows(workspace, gid, "张三（第3天）") == [("matched", [ids["zs"]])]
    assert _rows(workspace, gid, "李四（阳光）") == [("matched", [ids["ls"]])]
