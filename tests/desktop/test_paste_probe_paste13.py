"""What a chain line says, part three (probe paste13, 7 December): the shapes probe paste12 left, and a fresh corpus.

* `帮 @刘红 打卡`: the @ stopped the 帮 rule — `1. 帮 @刘红 打卡` said "帮: nobody on the roster", and
  `1. 余丽娜 帮 @刘红 打卡` / `张三：帮 @刘红 打卡` logged the writer. Now asked, 刘红 offered (and the writer when one is
  written); `1. 帮刘红打卡` offers 刘红 as the one checked in for, not as a look-alike of a person called 帮刘红.
* A 接龙 copied with the year-stamped messages around it (PC WeChat, 企业微信 and QQ copy a multi-select that way): the
  messages above it were its title (李四 named nowhere), the chain's poster its header. Each message is now its
  sender's line outside the chain (shown with its day, not logged headless, as `孙浩 07:05` under a chain is), the
  stamp of the one who sent the chain says so, the chain's entries are logged as before.
* 补个卡 / 补一下昨天的 / 昨天忘了打 were read as the day's own check-in (not late, or of the wrong day), and
  `李四 ✅ 也补一下昨天的` lost the make-up; `打卡+补昨天` and `今天打卡，昨天忘了打` lost today's check-in.
* The 接龙 template's sample in its other spellings (`【示例】张三 6:00`, `（例）张三`, `如：`, `模板：`) logged 张三 from a list
  with no numbers; the chain's count lines (`以上共12人`, `（接龙人数：12）`, `还差3人`, `接龙中…`) were "nobody on the
  roster" (the window offered to add them as members)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.chat_parse import parse_chat
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from tests.paste_run import paste_run

DAY = TEST_TODAY
BEFORE = DAY - timedelta(days=1)
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("张三", "李四", "王五", "赵六", "余丽娜", "刘红", "陈晨🌸", "小明-北京-3组")
STAMP = f"{DAY.isoformat()} 06:"  # `2026-11-18 06:` + minutes: a stamp with its year, on the day being logged


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


# ---------------------------------------------------------------- 1. 帮 @刘红 打卡


@pytest.mark.parametrize(
    "line", ["1. 帮 @刘红 打卡", "1. 帮@刘红 打卡", "1. 替 @刘红 签到", "1. 帮 @刘红\u2005打个卡", "1. 帮 ＠刘红 补卡"]
)
def test_a_check_in_for_an_at_mention_offers_that_person(workspace, grp, line):
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n{line}\n2. 李四\n")
    assert outcomes[2].outcome == "ambiguous" and "替别人打卡" in outcomes[2].detail
    assert "帮" not in outcomes[2].detail.split(";")[1]  # never "帮: nobody on the roster"
    assert offered(preview, 2) == {"刘红"}
    assert {mid for mid, _d in plan} == {_ids["李四"]}


@pytest.mark.parametrize(
    "text",
    ["#接龙 早起打卡\n1. 余丽娜 帮 @刘红 打卡\n", "余丽娜：帮 @刘红 打卡\n", f"{STAMP}30 余丽娜\n帮 @刘红 打卡\n"],
)
def test_a_writer_checking_in_for_an_at_mention_is_asked_offering_both(workspace, grp, text):
    """余丽娜 was logged as her own check-in."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, text)
    assert plan == {}
    first = min(outcomes, key=lambda n: (outcomes[n].outcome != "ambiguous", n))
    assert outcomes[first].outcome == "ambiguous" and "替别人打卡" in outcomes[first].detail
    assert offered(preview, first) == {"余丽娜", "刘红"}


@pytest.mark.parametrize("line", ["1. 余丽娜 帮@刘红、@王五 打卡", "1. 余丽娜 ✅ 帮 @刘红 也打一下"])
def test_a_check_in_for_several_or_besides_ones_own_logs_nobody_on_a_guess(workspace, grp, line):
    """`帮@刘红、@王五 打卡` logged 余丽娜, 刘红 and 王五; `✅ 帮 @刘红 也打一下` logged 余丽娜 and dropped 刘红 unsaid."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n{line}\n")
    assert plan == {} and outcomes[2].outcome == "ambiguous" and "替别人打卡" in outcomes[2].detail
    assert {"余丽娜", "刘红"} <= offered(preview, 2)


@pytest.mark.parametrize("line", ["1. 帮刘红打卡", "1. 帮刘红打个卡", "1. 替刘红签到"])
def test_a_check_in_for_a_member_glued_to_the_word_is_for_them(workspace, grp, line):
    """`帮刘红打卡` offered 刘红 as a look-alike of a person called 帮刘红 ("帮刘红 → 刘红(fuzzy)")."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n{line}\n")
    assert plan == {} and outcomes[2].outcome == "ambiguous" and "替别人打卡" in outcomes[2].detail
    assert [c.how for m in preview.matches for c in m.candidates] == ["name"]


def test_an_at_mention_of_nobody_on_the_roster_names_them(workspace, grp):
    gid, _ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 帮 @孙悟空 打卡\n")
    assert plan == {} and outcomes[2].outcome == "unmatched" and "孙悟空" in outcomes[2].detail


def test_a_member_surnamed_dai_is_still_her_own(workspace, owner, grp):
    gid, _ids = grp
    with workspace.session() as s:
        dai = add_member(s, owner, gid, MemberInput(display_name="代丽丽", joined_at=JOINED))[1]
        s.commit()
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 代丽丽打卡\n")
    assert set(plan) == {(dai, DAY)}


# ---------------------------------------------------------------- 2. a chain among year-stamped messages

MIXED = (
    f"{STAMP}30 李四\n"  # 1
    "早起打卡\n"  # 2 李四's message
    f"{STAMP}31 王五\n"  # 3 王五 posts the chain
    "#接龙\n"  # 4
    "早起打卡\n"  # 5
    "1. 张三 6:01\n"  # 6
    "2. 王五 6:02\n"  # 7
    f"{STAMP}35 赵六\n"  # 8
    "打卡\n"  # 9
    f"{STAMP}36 余丽娜\n"  # 10
    "收到\n"  # 11
)


def test_a_year_stamp_above_a_chain_is_a_message_not_its_title():
    lines = parse_chat(MIXED)
    kinds = [(p.kind, p.name, p.ignored) for p in lines]
    assert kinds[0] == ("entry", "李四", None) and lines[0].mode == "stamped"
    assert kinds[2] == ("ignored", "王五", "chain_post")
    assert kinds[3][0] == "header" and kinds[4][0] == "header"
    assert [(k, n) for k, n, _ in kinds[5:7]] == [("entry", "张三"), ("entry", "王五")]
    assert lines[7].mode == "stamped" and lines[7].name == "赵六"
    assert lines[5].heading == "#接龙\n早起打卡"  # the poster's stamp is no part of the chain's title


def test_each_line_of_a_chain_copied_with_its_messages_has_its_outcome(workspace, grp):
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, MIXED)
    assert set(plan) == {(ids["张三"], DAY), (ids["王五"], DAY)}  # the chain, as before
    assert outcomes[1].outcome == "skipped" and outcomes[1].who[0].display_name == "李四"
    assert "写在接龙外面" in outcomes[1].detail  # it was a header, 李四 named nowhere
    assert outcomes[2].message_of == 1
    assert "发出这条接龙" in outcomes[3].detail and outcomes[3].who[0].display_name == "王五"
    assert "写在接龙外面" in outcomes[8].detail and outcomes[9].message_of == 8
    assert "只是回复" in outcomes[10].detail
    reasons = {m.line.line_no: m.reason for m in preview.matches}
    assert reasons[1] == reasons[8] == "outside_chain" and reasons[3] == "chain_post"


def test_a_message_of_another_day_around_the_chain_says_its_day(workspace, grp):
    gid, _ids = grp
    text = f"#接龙 早起打卡\n1. 张三\n{BEFORE.isoformat()} 21:00 李四\n早起打卡\n"
    preview, _outcomes, _plan = run(workspace, gid, text)
    (m,) = [m for m in preview.matches if m.line.line_no == 3]
    assert (m.reason, m.posted) == ("outside_chain", BEFORE)


def test_a_leave_around_the_chain_is_said_as_one(workspace, grp):
    gid, _ids = grp
    text = f"#接龙 早起打卡\n1. 张三\n{BEFORE.isoformat()} 22:00 刘红\n明天请假\n"
    _preview, outcomes, _plan = run(workspace, gid, text)
    assert outcomes[3].outcome == "leave" and str(DAY) in outcomes[3].detail


@pytest.mark.parametrize(
    ("stamp", "poster"),
    [
        (f"李四 {DAY:%Y/%m/%d} 06:30:12", f"王五 {DAY:%Y/%m/%d} 06:31:00"),
        (f"{DAY.isoformat()} 06:30:12 李四(12345678)", f"{DAY.isoformat()} 06:31:00 王五(87654321)"),
    ],
    ids=["mac", "qq"],
)
def test_other_year_stamps_around_a_chain(workspace, grp, stamp, poster):
    gid, ids = grp
    text = f"{stamp}\n早起打卡\n{poster}\n#接龙 早起打卡\n1. 张三\n"
    _preview, outcomes, plan = run(workspace, gid, text)
    assert set(plan) == {(ids["张三"], DAY)} and "写在接龙外面" in outcomes[1].detail
    assert "发出这条接龙" in outcomes[3].detail


def test_year_stamped_list_lines_under_a_chain_tag_stay_a_list(workspace, grp):
    """Stamps with nothing between them are a list with times (as before): each logged."""
    gid, ids = grp
    text = f"#接龙 早起打卡\n张三 {DAY.isoformat()} 06:01\n李四 {DAY.isoformat()} 06:02\n"
    _preview, _outcomes, plan = run(workspace, gid, text)
    assert set(plan) == {(ids["张三"], DAY), (ids["李四"], DAY)}


# ---------------------------------------------------------------- 3. make-ups in other words


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("李四 ✅ 也补一下昨天的", {DAY: False, BEFORE: True}),
        ("李四 补个卡", {DAY: True}),
        ("李四 补一下卡", {DAY: True}),
        ("李四 补签", {DAY: True}),
        ("李四 补打卡", {DAY: True}),
        ("李四 补昨天", {BEFORE: True}),
        ("李四 补一下昨天的", {BEFORE: True}),
        ("李四 昨天忘了打", {BEFORE: True}),
        ("李四 昨天的忘记打卡了", {BEFORE: True}),
        ("李四 打卡+补昨天", {DAY: False, BEFORE: True}),
        ("李四 今天打卡，昨天忘了打", {DAY: False, BEFORE: True}),
        ("李四 打卡 补个卡", {DAY: True}),  # a make-up alone, as `打卡 补卡` is (probe paste12)
    ],
)
@pytest.mark.parametrize("shape", ["chain", "colon"])
def test_which_day_a_makeup_is_and_todays_check_in_kept(workspace, grp, line, days, shape):
    gid, ids = grp
    name, said = line.split(" ", 1)
    text = f"#接龙 早起打卡\n1. {line}\n" if shape == "chain" else f"{name}：{said}\n"
    _preview, _outcomes, plan = run(workspace, gid, text)
    assert {d: p.late for (_mid, d), p in plan.items()} == days
    assert {mid for mid, _d in plan} == {ids["李四"]}


def test_forgot_yesterday_made_up_today_is_yesterdays(workspace, grp):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "赵六：昨天忘了打卡，今天补上\n")
    assert {(mid, d, p.late) for (mid, d), p in plan.items()} == {(ids["赵六"], BEFORE, True)}


# ---------------------------------------------------------------- 4. the template's sample, the chain's count lines


@pytest.mark.parametrize(
    "sample",
    [
        "例 张三 6:00",
        "例：张三 6:00",
        "示例 张三 6:00",
        "【示例】张三 6:00",
        "（例）张三 6:00",
        "如：张三 6:00",
        "模板：张三 6:00",
        "格式：张三 6:00",
        "参考格式：张三 6:00",
        "例子：张三 6:00",
        "示范：张三 6:00",
    ],
)
@pytest.mark.parametrize("numbered", [True, False])
def test_the_templates_sample_is_nobody(workspace, grp, sample, numbered):
    """张三 is on the roster: a sample line naming him logged him from a list with no numbers."""
    gid, ids = grp
    body = "1. 李四 6:01\n2. 王五\n" if numbered else "李四 6:01\n王五\n"
    _preview, outcomes, plan = run(workspace, gid, f"#接龙\n{DAY.month}月{DAY.day}日早起打卡\n{sample}\n\n{body}")
    assert set(plan) == {(ids["李四"], DAY), (ids["王五"], DAY)}
    assert outcomes[3].outcome == "skipped" and outcomes[3].who == ()


FOOTERS = [
    "（接龙人数：12）",
    "接龙人数: 12",
    "以上共12人",
    "共12人参与",
    "当前12人已接龙",
    "已接龙 2 人",
    "接龙中…",
    "还差3人",
    "还剩3个名额",
    "接龙已结束",
    "【参与人数：3】",
]


@pytest.mark.parametrize("footer", FOOTERS)
@pytest.mark.parametrize("numbered", [True, False])
def test_the_chains_count_lines_are_nobody(workspace, grp, footer, numbered):
    gid, ids = grp
    body = "1. 李四\n2. 王五\n" if numbered else "李四\n王五\n"
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n{body}{footer}\n")
    assert set(plan) == {(ids["李四"], DAY), (ids["王五"], DAY)}
    assert outcomes[4].outcome == "skipped" and not [m for m in preview.matches if m.line.line_no == 4]


def test_a_count_line_above_the_entries_is_a_header(workspace, grp):
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, "【群接龙】早起打卡\n参与人数：2\n张三\n李四\n")
    assert set(plan) == {(ids["张三"], DAY), (ids["李四"], DAY)} and outcomes[2].outcome == "skipped"


def test_a_family_sign_up_count_stays_the_persons(workspace, grp):
    """`李四 共3人` (a name first): the person's line, never a count line."""
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n张三\n李四 共3人\n")
    assert set(plan) == {(ids["张三"], DAY), (ids["李四"], DAY)}


# ---------------------------------------------------------------- 5. the corpus: shapes pasted from a phone

PHONE_CHAIN = (
    "#接龙\n"
    f"{DAY.month}月{DAY.day}日早起打卡\n"
    "例 张三 6:00\n"
    "\n"
    "1. 张三 6:01\n"
    "2. 李\u200b四 ✅\n"  # a zero-width space inside the name
    "3. 王五（已打卡）\n"
    "4. 小明-北京-3组 6:20\n"
    "5. 陈晨🌸 6:30\n"
    "６．赵六\u3000６：０５\n"  # full-width number, space and time
    "7. 余丽娜(已打卡)\n"
    "（接龙人数：7）\n"
)


def test_a_phone_copy_of_a_chain(workspace, grp):
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, PHONE_CHAIN)
    assert set(plan) == {(ids[n], DAY) for n in NAMES if n != "刘红"}
    assert plan[(ids["赵六"], DAY)].time == "06:05"
    assert [outcomes[n].outcome for n in (3, 12)] == ["skipped", "skipped"]


@pytest.mark.parametrize(
    "text",
    [
        "【接龙】早起打卡\n1. 张三\n2. 李四\n",  # 企业微信
        "接龙：早起打卡\n1.张三\n2.李四\n",
        "【群接龙】早起打卡\n参与人数：2\n1. 张三\n2. 李四\n",  # QQ 群接龙
        f"群聊的聊天记录\n张三 {DAY.month}-{DAY.day} 06:01\n早起打卡\n李四 {DAY.month}-{DAY.day} 06:05\n打卡✅\n",
        "早起打卡收集表 已收集 2 份\n序号\t提交者\t提交时间\t打卡\n"
        f"1\t张三\t{DAY:%Y/%m/%d} 06:01\t已打卡\n2\t李四\t{DAY:%Y/%m/%d} 06:05\t已打卡\n",  # 腾讯文档 收集表
    ],
    ids=["wework", "label", "qq", "forwarded-record", "tencent-docs"],
)
def test_other_apps_chains(workspace, grp, text):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, text)
    assert set(plan) == {(ids["张三"], DAY), (ids["李四"], DAY)}


@pytest.mark.parametrize(
    "text",
    [
        "今日打卡统计\n已打卡：张三、李四\n未打卡：王五、赵六\n",
        "今日打卡统计\n已打卡 张三、李四\n未打卡 王五、赵六\n",
        "早起打卡收集表\n已提交：张三、李四\n未提交（2）：王五、赵六\n",
        "早起打卡收集表\n已提交 张三、李四\n未提交 王五、赵六\n",
        "今日打卡统计\n已打卡：张三、李四\n缺卡：王五、赵六\n",
    ],
)
def test_a_summary_of_who_has_and_who_has_not(workspace, grp, text):
    """An organiser's summary (or a 收集表's) pasted: `未提交 王五、赵六` logged 王五 and 赵六 as checked in, and `未打卡
    王五、赵六` read a person called 未 with them beside (the window logged both); `已打卡：张三、李四` was a speaker
    已打卡, "nobody on the roster". The ones it says have checked in are logged; the not-done line is said, none logged."""
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, text)
    assert set(plan) == {(ids["张三"], DAY), (ids["李四"], DAY)}
    assert outcomes[3].outcome == "skipped" and "没打卡" in outcomes[3].detail


def test_a_summarys_leave_line_is_the_named_persons(workspace, grp):
    gid, _ids = grp
    _preview, outcomes, _plan = run(workspace, gid, "今日打卡统计\n已打卡：张三、李四\n请假：刘红\n")
    assert outcomes[3].outcome == "leave" and "刘红" in outcomes[3].detail and "请假 写的" not in outcomes[3].detail


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
        MIXED.replace(
            "2. 王五 6:02\n", "2. 王五 6:02\n3. 帮 @刘红 打卡\n4. 余丽娜 打卡+补昨天\n例 张三 6:00\n以上共4人\n"
        ),
        encoding="utf-8",
    )
    args = ["--db", db, "checkin", "--group", "晨光早起营", "--date", DAY.isoformat(), "--paste", str(chain)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "新记录 logged 3" in out  # 张三, 王五, 余丽娜 (on two days)
    assert "第1行" in err and "李四" in err and "写在接龙外面" in err
    assert "第3行" in err and "发出这条接龙" in err
    assert "第8行" in err and "替别人打卡" in err and "刘红" in err and "帮:" not in err
    assert f"第9行 新记录 logged: {BEFORE} 补卡已记录" in err
