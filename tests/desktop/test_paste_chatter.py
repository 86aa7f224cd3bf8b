"""A pasted chat log (not a 接龙 chain): a message that is only chatter — 收到, 好的, 谢谢老师, 哈哈, 👍, [抱拳],
+1, 1 … alone or together, with punctuation and emoji — is a reply, not a check-in (seventh probe's product
decision). It ends in its own outcome, skipped with the reason, and a sender whose only messages are chatter is
not logged; a message that says anything more still counts. The check-ins page lets a person count one."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.chat_parse import parse_chat
from desktop.services.groups import create_group
from desktop.services.paste import (
    LOGGED,
    OTHER_DAY,
    SKIPPED,
    certain_plan,
    commit_paste,
    line_outcomes,
    match_paste,
    preview_paste,
)
from desktop.services.roster import MemberInput, add_member
from desktop.tasks import Progress
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("高峰", "罗斌", "骆霞", "侯俊", "薛梅", "潘悦", "金燕", "叶紫", "任杰", "秦兰", "于红", "段宁", "莫莉")


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        s.commit()
    return gid, ids


def logged_headless(workspace, owner, gid, text, day=DAY):
    """Each line's (outcome, detail) after a headless commit, and the (membership, day) pairs logged."""
    with workspace.session() as s:
        preview = preview_paste(s, gid, day, text)
    plan = certain_plan(preview.matches)
    done = commit_paste(Progress(), database=workspace, actor=owner, group_id=gid, day=day, planned=plan)
    lines = line_outcomes(preview.lines, preview.matches, set(done.logged), set(done.already))
    return {line.line_no: (line.outcome, line.detail) for line in lines}, set(done.logged)


CHAT = (
    "高峰：收到\n"  # 1 chatter only: 高峰 is not logged
    "罗斌：好的，谢谢老师🙏\n"  # 2
    "骆霞：👍👍\n"  # 3
    "侯俊：[抱拳][玫瑰]\n"  # 4
    "薛梅：+1\n"  # 5
    "潘悦：1\n"  # 6
    "金燕：哈哈哈 早安☀️\n"  # 7 a greeting: in an early-rising camp the check-in itself (counts)
    "叶紫：嗯嗯 OK\n"  # 8
    "任杰：收到\n"  # 9 chatter, then his check-in
    "任杰：打卡 第5天\n"  # 10
    "秦兰：早 6:05\n"  # 11 a time: more than chatter
    "于红：好的[图片]\n"  # 12 a picture
    "段宁：收到，今天读了20页\n"  # 13 says more
    "莫莉：谢谢老师 day 12\n"  # 14
)


def test_a_chat_message_that_is_only_chatter_is_not_a_check_in(workspace, owner, grp):
    gid, ids = grp
    outcomes, logged = logged_headless(workspace, owner, gid, CHAT)
    for no in (1, 2, 3, 4, 5, 6, 8, 9):
        outcome, detail = outcomes[no]
        assert outcome == SKIPPED, (no, outcomes[no])
        assert "只是回复" in detail and "only a reply" in detail, (no, detail)
    assert [outcomes[no][0] for no in (7, 10, 11, 12, 13, 14)] == [LOGGED] * 6
    assert logged == {(ids[n], DAY) for n in ("金燕", "任杰", "秦兰", "于红", "段宁", "莫莉")}


def test_chatter_names_its_sender_and_keeps_the_time_in_a_stamped_log(workspace, grp):
    gid, ids = grp
    text = "高峰 06:01\n收到\n罗斌 06:03\n打卡\n骆霞 06:04\n[强]\n好的\n侯俊 06:05\n收到\n[图片]\n"
    with workspace.session() as s:
        matches = {m.line.line_no: m for m in match_paste(s, gid, text, DAY)}
    assert (matches[1].status, matches[1].reason, matches[1].time) == ("ignored", "chatter", "06:01")
    assert matches[1].candidates[0].membership_id == ids["高峰"]  # shown as 高峰's reply
    assert matches[5].reason == "chatter"  # two lines of chatter are one message of chatter
    assert (matches[3].status, matches[8].status) == ("matched", "matched")  # [图片] after 收到 is a post


def test_a_chain_line_with_a_plus_one_is_still_a_check_in(workspace, grp):
    """The decision is about chat logs: in a 接龙 every line is someone's entry (`3. 薛梅 +1`)."""
    gid, ids = grp
    with workspace.session() as s:
        matches = match_paste(s, gid, "#接龙 早起打卡\n1. 高峰 收到\n2. 薛梅 +1\n3. 潘悦 1\n", DAY)
    assert [(m.status, m.candidates[0].membership_id) for m in matches] == [
        ("matched", ids["高峰"]),
        ("matched", ids["薛梅"]),
        ("matched", ids["潘悦"]),
    ]


def test_a_plus_one_in_a_sign_up_chat_is_a_sign_up(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        matches = match_paste(s, gid, "高峰：报名\n薛梅：+1\n潘悦：1\n", DAY, signups=True)
    assert [m.status for m in matches] == ["matched"] * 3


def test_the_date_of_a_chatter_message_dates_the_messages_after_it(workspace, owner, grp):
    """`王磊 2026/12/4 06:50` / `收到` then `何静 07:20` / `打卡`: 何静 posted on the 4th, whatever 王磊 said (the
    same for a red packet): never logged on the day after."""
    gid, ids = grp
    before = DAY - timedelta(days=1)
    stamp = f"{before.year}/{before.month}/{before.day}"
    for said in ("收到", "[红包]恭喜发财"):
        text = f"高峰 {stamp} 06:50\n{said}\n罗斌 07:20\n打卡\n"
        outcomes, logged = logged_headless(workspace, owner, gid, text)
        assert outcomes[3][0] == OTHER_DAY, (said, outcomes)
        assert logged == set()
        with workspace.session() as s:
            assert preview_paste(s, gid, DAY, text).title_day == before


def test_chatter_words_inside_a_longer_message_are_not_chatter():
    text = "高峰：收到了吗\n罗斌：好的方法\n骆霞：早起\n侯俊：1000字\n薛梅：https://t.cn/abc\n潘悦：对了我打卡\n"
    assert [line.kind for line in parse_chat(text)] == ["entry"] * 6


def test_a_pc_wechat_copy_with_a_reply_among_the_check_ins(workspace, owner, grp):
    """PC WeChat's `name` / `message` lines: `罗斌` / `收到` is his reply — it was read as a plain list, logging 罗斌
    and offering `收到` as an unknown person; now the copy is read as the chat it is."""
    gid, ids = grp
    outcomes, logged = logged_headless(workspace, owner, gid, "高峰\n打卡 5:58\n罗斌\n收到\n骆霞\n打卡 6:02\n")
    assert outcomes[3][0] == SKIPPED and "only a reply" in outcomes[3][1]
    assert outcomes[4] == (SKIPPED, "第3行的消息 (the message of line 3)")  # 罗斌's message, shown as his
    assert logged == {(ids["高峰"], DAY), (ids["骆霞"], DAY)}


def test_a_particle_after_chatter_adds_nothing():
    text = "高峰：收到啦\n罗斌：好哒～\n侯俊：对的\n薛梅：好嘞👌\n潘悦：早啊 打卡\n"
    assert [line.ignored for line in parse_chat(text)] == ["chatter"] * 4 + [None]


def test_a_greeting_is_no_reply_it_is_an_early_risers_check_in():
    """早, 早安, 早上好, 晚安 posted at 05:30 or 22:30 are the check-ins of early-rising and early-to-bed camps:
    not chatter (a day of them each needing a choice would be worse than a greeting too many logged)."""
    text = "高峰：早\n罗斌：早安☀️\n骆霞：早呀\n侯俊：晚安🌙\n薛梅：早上好！\n潘悦：收到\n"
    assert [line.ignored for line in parse_chat(text)] == [None] * 5 + ["chatter"]


def test_a_recalled_message_and_an_addressed_acknowledgement_are_no_check_ins(workspace, owner, grp):
    """QQ's copy keeps the stamp of a message that was recalled (`罗斌 …` / `罗斌撤回了一条消息`): 罗斌 was logged for
    a message nobody can see; `收到@高峰` is an acknowledgement addressed to someone."""
    gid, ids = grp
    day = f"{DAY.year}/{DAY.month}/{DAY.day}"
    text = f"高峰 {day} 7:05:12\n打卡\n罗斌 {day} 7:06:12\n罗斌撤回了一条消息\n骆霞 {day} 7:07:12\n收到@高峰\n"
    outcomes, logged = logged_headless(workspace, owner, gid, text)
    assert outcomes[3][0] == SKIPPED and "system notice" in outcomes[3][1]
    assert outcomes[5][0] == SKIPPED and "only a reply" in outcomes[5][1]
    assert logged == {(ids["高峰"], DAY)}


def test_a_reply_promising_a_make_up_later_is_no_check_in(workspace, owner, grp):
    """`好的，明天补打卡` / `收到 晚点补` in a chat log: the sender says they will make up later — nothing done today
    (it was logged as a check-in); a message that also checks in or asks for leave is read as before."""
    gid, ids = grp
    text = "高峰：好的，明天补打卡\n罗斌：收到 晚点补\n骆霞：好的 回头补上\n侯俊：打卡 明天补昨天的\n薛梅：请假，明天补打卡\n"
    outcomes, logged = logged_headless(workspace, owner, gid, text)
    assert [outcomes[no][0] for no in (1, 2, 3)] == [SKIPPED] * 3
    assert "says not checked in" in outcomes[1][1]
    assert outcomes[5][0] == "leave"
    assert logged == {(ids["侯俊"], DAY)}


def test_a_question_about_checking_in_is_no_check_in(workspace, owner, grp):
    """`今天打卡了吗？`, `怎么打卡`, `打卡链接在哪`, `可以补卡吗` asked in the chat were logged as the askers' check-ins;
    a message that checks in and asks something else still checks in."""
    gid, ids = grp
    text = (
        "高峰：今天打卡了吗？\n罗斌：怎么打卡\n骆霞：打卡链接在哪\n侯俊：可以补卡吗\n"
        "薛梅：打卡，今天有人一起跑吗？\n潘悦：已打卡，明天几点集合？\n金燕：打卡 第3天 有人吗\n"
    )
    outcomes, logged = logged_headless(workspace, owner, gid, text)
    for no in (1, 2, 3, 4):
        assert outcomes[no][0] == SKIPPED and "question about checking in" in outcomes[no][1], outcomes[no]
    assert logged == {(ids[n], DAY) for n in ("薛梅", "潘悦", "金燕")}


def test_a_cheer_for_someone_else_s_check_in_is_no_check_in(workspace, owner, grp):
    """加油 / 真棒 / 太厉害了 / 点赞 / 666 under another member's check-in — the commonest reply in a check-in group —
    logged the one who cheered, as PC WeChat's copy, a phone's colon log and a quoted reply alike. A cheer is a reply
    (only chatter); a cheer that says more (加油，我今天跑了5公里) still counts."""
    gid, ids = grp
    text = (
        "高峰 07:12\n早起打卡第3天\n"  # 1-2 a check-in
        "罗斌 07:13\n加油💪\n"  # 3-4 a cheer
        "骆霞 07:14\n引用 高峰 的消息 : 早起打卡第3天\n太厉害了！\n"  # 5-7 a quoted reply cheering
        "侯俊 07:15\n点赞[加油]\n"  # 8-9
        "薛梅 07:16\n666\n"  # 10-11
        "潘悦 07:17\n加油，我今天跑了5公里\n"  # 12-13 says more: a check-in
    )
    outcomes, logged = logged_headless(workspace, owner, gid, text)
    for no in (3, 5, 8, 10):
        assert outcomes[no][0] == SKIPPED and "only a reply" in outcomes[no][1], (no, outcomes[no])
    assert logged == {(ids["高峰"], DAY), (ids["潘悦"], DAY)}
    assert [line.ignored for line in parse_chat("高峰：真棒\n罗斌：好棒啊\n骆霞：赞赞赞\n侯俊：早\n")] == [
        "chatter",
        "chatter",
        "chatter",
        None,  # a greeting is an early riser's check-in
    ]
