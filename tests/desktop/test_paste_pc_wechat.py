"""What people really copy out of PC/Mac WeChat, a phone's 合并转发, 企业微信 and QQ into the paste box: a reply's
quote never gives the quoted person's check-in to the replier (nor the replier's to the quoted person), and a
`name line, message line` copy is read as chat, not as a list of names (probe, 6 December)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import update

from desktop.chat_parse import parse_chat
from desktop.services.groups import create_group
from desktop.services.paste import SKIPPED, certain_plan, line_outcomes, preview_paste
from desktop.services.roster import MemberInput, add_member
from models import Group
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("张三", "李四", "小王", "小王子", "王五", "赵六")
STAMP = f"{DAY.month:02d}-{DAY.day:02d}"  # a phone's 合并转发 stamp: `张三 12-06 07:12`


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        s.execute(update(Group).where(Group.id == gid).values(checkin_keywords="打卡"))
        s.commit()
    return gid, ids


def plan_of(workspace, gid, text):
    """{line number: [(status, reason)]} and the members a headless paste logs."""
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    by_line: dict[int, list] = {}
    for m in preview.matches:
        by_line.setdefault(m.line.line_no, []).append((m.status, m.reason))
    return by_line, {p.membership_id for p in certain_plan(preview.matches) if p.day == DAY}


def test_a_phone_copy_of_a_reply_under_a_stamp_is_not_the_repliers_check_in(workspace, grp):
    gid, ids = grp
    text = (
        f"群聊的聊天记录\n张三 {STAMP} 07:12\n早起打卡第3天\n"
        f"李四 {STAMP} 07:15\n张三：早起打卡第3天\n- - - - - - - - - - - - - - -\n加油\n"
    )
    by_line, logged = plan_of(workspace, gid, text)
    assert logged == {ids["张三"]}  # 李四 only said 加油: the 打卡 was 张三's, quoted
    assert by_line[5] == [("ignored", "quote")]


def test_a_phone_copy_of_one_reply_names_the_quoted_person_as_a_quote_only(workspace, grp):
    gid, ids = grp
    for quote in ("张三：早起打卡第3天", "「张三：早起打卡第3天」"):
        by_line, logged = plan_of(workspace, gid, f"{quote}\n- - - - - - - - - - - - - - -\n李四打卡第5天\n")
        assert logged == set(), quote  # the reply's sender is not in the copy; the quote is not 张三's check-in
        assert by_line[1] == [("ignored", "quote")]
        kinds = [line.kind for line in parse_chat(f"{quote}\n- - - - - - - - - - - - - - -\n加油\n")]
        assert kinds == ["ignored", "noise", "noise"]


def test_a_pc_wechat_4_quote_line_is_the_quoted_persons_words(workspace, grp):
    gid, ids = grp
    for text in (
        "李四：加油\n引用 张三 的消息 : 早起打卡第3天\n小王：打卡\n",
        "李四 07:15\n加油！\n引用 张三 的消息 : 早起打卡第3天\n小王 07:16\n打卡\n",
    ):
        by_line, logged = plan_of(workspace, gid, text)
        assert logged == {ids["小王"]}, text
        quote = next(n for n, ms in by_line.items() if ms == [("ignored", "quote")])
        assert text.splitlines()[quote - 1].startswith("引用 张三")
        assert next(line.name for line in parse_chat(text) if line.line_no == quote) == "张三"


def test_a_divider_under_a_stamp_keeps_the_repliers_own_check_in(workspace, grp):
    gid, ids = grp
    text = f"李四 {STAMP} 07:15\n张三：早起打卡第3天\n- - - - - - - - - - - - - - -\n打卡第5天，一起加油\n"
    _by_line, logged = plan_of(workspace, gid, text)
    assert logged == {ids["李四"]}


def test_pc_wechat_copy_of_one_message_is_its_senders_message_not_two_names(workspace, grp):
    gid, ids = grp
    cases = {
        "张三\n早起打卡第3天\n": {ids["张三"]},  # the message says 打卡: 张三's check-in, `早起` is nobody
        "张三\n收到\n": set(),  # only a reply: never 张三's check-in
        "张三\n今天打卡了吗？\n": set(),  # a question about checking in
        "张三\n好的，今天下午开会记得带电脑\n": set(),  # no 打卡 keyword
        "张三 07:12\n收到\n": set(),  # PC WeChat's `name time` line over one message
        "群聊的聊天记录\n张三 07:12\n[图片]\n": set(),
    }
    for text, want in cases.items():
        by_line, logged = plan_of(workspace, gid, text)
        assert logged == want, text
        message = len(text.splitlines())
        assert message not in by_line, text  # the message line names nobody: it is 张三's message
        sender = next(line for line in parse_chat(text, lambda name: name in NAMES) if line.name)
        assert sender.name == "张三" and sender.mode in ("colon", "stamped"), text


def test_a_list_of_names_stays_a_list(workspace, grp):
    gid, ids = grp
    for text, who in {
        "张三\n李四\n": ("张三", "李四"),
        "张三\n李四\n小王\n小王子\n": ("张三", "李四", "小王", "小王子"),
        "12月6日打卡\n张三\n李四\n": ("张三", "李四"),
        "张三\n李四 打卡\n": ("张三", "李四"),
        "张三 06:01\n李四\n": ("张三", "李四"),
    }.items():
        _by_line, logged = plan_of(workspace, gid, text)
        assert logged == {ids[n] for n in who}, text


def test_a_pc_wechat_copy_of_several_messages_with_pictures_and_replies(workspace, grp):
    gid, ids = grp
    text = "张三\n早起打卡第3天\n李四\n打卡 6:05\n王五\n[图片]\n小王\n收到\n"
    by_line, logged = plan_of(workspace, gid, text)
    assert logged == {ids["张三"], ids["李四"]}  # 王五 sent a picture (no 打卡 keyword), 小王 only replied
    assert by_line[7] == [("ignored", "chatter")]
    assert all(n not in by_line for n in (2, 4, 6, 8))  # messages, never names
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    assert next(m.time for m in preview.matches if m.line.line_no == 3) == "06:05"


def test_a_list_of_name_glued_to_its_daka_lines_logs_them(workspace, grp):
    """`张三打卡` / `李四打卡` / `王五打卡` (people copied from the chat, one a line) was read as titles only: nobody
    logged, and no line said why. With no entry in the paste, a member's name glued to 打卡/签到 is theirs; a title
    that names nobody (`早起打卡`) stays the title."""
    gid, ids = grp
    for text, who in {
        "张三打卡\n李四打卡\n王五打卡\n": ("张三", "李四", "王五"),
        "早起打卡\n张三打卡\n李四签到\n": ("张三", "李四"),
        "张三打卡\n": ("张三",),
    }.items():
        by_line, logged = plan_of(workspace, gid, text)
        assert logged == {ids[n] for n in who}, text
    by_line, _logged = plan_of(workspace, gid, "早起打卡\n张三打卡\n")
    assert 1 not in by_line


def test_a_group_nickname_with_a_space_is_its_member_not_the_member_its_first_word_names(workspace, owner, grp):
    """`7. Amy 王` — 王安美's group nickname, with a space — logged 陈艾米, whose nickname is Amy, while the same name
    as a chat log's speaker (`Amy 王 07:07`) was 王安美: read whole, as a speaker is."""
    gid, ids = grp
    with workspace.session() as s:
        amy = add_member(s, owner, gid, MemberInput(display_name="陈艾米", nickname="Amy", joined_at=JOINED))[1]
        wang = add_member(s, owner, gid, MemberInput(display_name="王安美", group_nickname="Amy 王", joined_at=JOINED))
        s.commit()
    for text in (
        "#接龙 早起打卡\n1. 张三\n2. Amy 王\n",
        "#接龙 早起打卡\n1. 张三\n2. Amy 王 ✅ 6:01\n",
        "Amy 王 07:07\n打卡\n",
    ):
        _by_line, logged = plan_of(workspace, gid, text)
        assert wang[1] in logged and amy not in logged, text
    _by_line, logged = plan_of(workspace, gid, "#接龙 早起打卡\n1. Amy\n2. 张三\n")
    assert amy in logged and wang[1] not in logged


def test_a_question_typed_without_its_mark_is_no_check_in(workspace, grp):
    """`@李四 打卡了没`, `今天打卡没有`, `打卡了么`, `还打卡不` — questions as people type them, with no ？ — were the
    asker's check-in; `打卡 没迟到` and `打卡没问题` still check in."""
    gid, ids = grp
    for question in ("@李四 打卡了没", "今天打卡没有", "打卡了么", "今天还打卡不", "打卡了嘛"):
        text = f"小王 07:14\n{question}\n李四 07:15\n打卡\n"
        by_line, logged = plan_of(workspace, gid, text)
        assert logged == {ids["李四"]}, question
        assert by_line[1] == [("ignored", "question")], question
    for said in ("打卡 没迟到", "打卡没问题"):
        _by_line, logged = plan_of(workspace, gid, f"小王 07:14\n{said}\n李四 07:15\n打卡\n")
        assert logged == {ids["小王"], ids["李四"]}, said


def test_each_message_line_says_whose_message_it_is(workspace, grp):
    gid, ids = grp
    text = "张三\n早起打卡第3天\n李四\n打卡 6:05\n王五\n[图片]\n"
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    outcomes = line_outcomes(preview.lines, preview.matches, set(), set())
    details = {o.line_no: o.detail for o in outcomes if o.outcome == SKIPPED and not o.who}
    assert details == {n: f"第{n - 1}行的消息 (the message of line {n - 1})" for n in (2, 4, 6)}


def test_a_chat_speaker_between_a_chains_lines_is_not_a_check_in(workspace, grp):
    """A chat log with the 接龙 in it: `小王 07:20` over `@小王子 快来接龙` (or over the next copy of the chain) is who
    posted that message — it was logged as an entry of the chain that had lost its number."""
    gid, ids = grp
    for text in (
        "#接龙\n12月6日早起打卡\n1. 张三 6:01\n小王 07:20\n@小王子 快来接龙\n2. 王五 7:20\n",
        "张三 07:12\n#接龙\n12月6日早起打卡\n1. 张三 6:01\n小王 07:20\n#接龙\n12月6日早起打卡\n1. 张三 6:01\n2. 王五 7:20\n",
    ):
        _by_line, logged = plan_of(workspace, gid, text.replace("12月6日", f"{DAY.month}月{DAY.day}日"))
        assert logged == {ids["张三"], ids["王五"]}, text
    # a line that lost its number (someone's 收到 under it) is still an entry
    text = f"#接龙 {DAY.month}月{DAY.day}日早起\n1. 张三 5:40\n李四 5:52\n收到\n3. 王五\n"
    _by_line, logged = plan_of(workspace, gid, text)
    assert logged == {ids["张三"], ids["李四"], ids["王五"]}


def test_a_system_notice_between_pc_wechat_messages_keeps_them_a_chat(workspace, grp):
    """`李四 拍了拍 张三`, `以下为新消息` or an invitation between PC WeChat's name/message pairs broke the pairs: the
    copy was read as a list of names, and 小王 (收到) and 小王子 (a sticker) were logged."""
    gid, ids = grp
    for notice in ("李四 拍了拍 张三", "以下为新消息", '"张三"邀请"小王子"加入了群聊'):
        text = f"张三\n打卡\n{notice}\n小王\n收到\n小王子\n[动画表情]\n李四\n打卡\n"
        by_line, logged = plan_of(workspace, gid, text)
        assert logged == {ids["张三"], ids["李四"]}, notice
        assert by_line[4] == [("ignored", "chatter")], notice
        assert [line.kind for line in parse_chat(text)][2] == "ignored", notice


def test_a_pc_wechat_message_over_several_lines_stays_its_senders(workspace, grp):
    """PC WeChat copies a message as written, over several lines (`张三` / `今天早起打卡` / `跑了5公里`): the pairs no
    longer lined up and the copy was read as a list — 小王 logged for `收到` / `好的`, the message lines unknown people."""
    gid, ids = grp
    text = "张三\n今天早起打卡\n跑了5公里\n李四\n打卡\n小王\n收到\n好的\n"
    by_line, logged = plan_of(workspace, gid, text)
    assert logged == {ids["张三"], ids["李四"]}
    assert by_line[6] == [("ignored", "chatter")] and all(n not in by_line for n in (2, 3, 5, 7, 8))
    # names under one another, with a sentence after them, stay a list: nothing tells whose sentence it is
    _by_line, logged = plan_of(workspace, gid, "张三\n李四\n小王\n今天天气不错，大家加油\n")
    assert logged == {ids["张三"], ids["李四"], ids["小王"]}


def test_a_line_of_dashes_between_chat_messages_is_no_quote(workspace, grp):
    """A reply's divider is WeChat's spaced dashes with the reply under it; a chat log whose messages are separated by
    dashes (`张三：打卡` / `-----` / `李四：打卡`) keeps both its speakers."""
    gid, ids = grp
    for divider in ("-----", "- - - - - - - - -", "- - - - - - - - - - - - - - -"):
        _by_line, logged = plan_of(workspace, gid, f"张三：打卡\n{divider}\n李四：打卡\n")
        assert logged == {ids["张三"], ids["李四"]}, divider
    text = f"李四 {STAMP} 07:15\n张三：早起打卡第3天\n- - - - - - - - - - - - - - -\n加油\n"
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    outcomes = {o.line_no: o.detail for o in line_outcomes(preview.lines, preview.matches, set(), set())}
    assert outcomes[4] == "第1行的消息 (the message of line 1)"  # the reply is 李四's, under the quote


def test_a_system_notice_ends_the_message_above_it(workspace, grp):
    """`李四 07:10` / `收到` / `小王撤回了一条消息` / `[图片]`: the notice and the picture under it were added to 李四's
    收到, which then counted as his check-in; the notice is shown as one (naming 小王) and ends 李四's message."""
    gid, ids = grp
    text = "李四 07:10\n收到\n小王撤回了一条消息\n[图片]\n张三 07:12\n打卡\n"
    by_line, logged = plan_of(workspace, gid, text)
    assert logged == {ids["张三"]}
    assert by_line[1] == [("ignored", "chatter")] and by_line[3] == [("ignored", "system")]
    by_line, logged = plan_of(workspace, gid, "李四：收到\n李四 拍了拍 张三\n张三：打卡\n")
    assert logged == {ids["张三"]} and by_line[2] == [("ignored", "system")]
    # right under its stamp a recall is that stamp's message (QQ keeps the stamp of a recalled message)
    by_line, logged = plan_of(workspace, gid, "李四 07:10\n李四撤回了一条消息\n张三 07:12\n打卡\n")
    assert logged == {ids["张三"]} and by_line[1] == [("ignored", "system")]


def test_the_cli_reports_the_sender_and_keeps_the_message_lines_quiet(workspace, grp, any_db_url, tmp_path, capsys):
    """`checkin --paste` of a PC WeChat copy: 小王's 收到 is reported (only a reply), the message lines are chat —
    skipped silently, as chat noise always was — and the counts hold one line per sender."""
    from desktop.cli import main

    path = tmp_path / "pc.txt"
    path.write_text("张三\n早起打卡第3天\n李四\n打卡 6:05\n小王\n收到\n", encoding="utf-8")
    code = main(
        ["--db", str(any_db_url), "checkin", "--group", "晨光早起营", "--date", DAY.isoformat(), "--paste", str(path)]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert "logged 2" in out and "not a check-in 1" in out
    assert [line.split(" ")[1] for line in err.splitlines()] == ["第5行"]
