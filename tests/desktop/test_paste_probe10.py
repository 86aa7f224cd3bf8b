"""Pasted check-ins as phones and PCs really copy them (tenth pass, 6 December): quoted replies (引用) in the
phone's one-line and divided copies and the PC's 引用 line, forwarded chat records (群聊的聊天记录 / Chat History) whose
own dates decide the day, chains edited by several people at once, names written otherwise than the roster, and the
organiser's and the bots' lines mixed in. A corpus of 40+ texts, each with what a careful assistant would log; then
the four things this pass fixed, each on its own:

* a reply that quotes a check-in and says only 收到/好的 (`李四：「张三：打卡」 - - - 好的`, `李四 07:20` / `收到` /
  `引用 张三：打卡`, `李四：回复 张三：加油`) logged the replier — the 打卡 was the quoted person's; and a reply that
  checks in took the quoted message's time and 补卡 for its own;
* the organiser's notice to everyone (`王五：@所有人 请大家打卡`) logged the organiser;
* the organiser's reminder and list (`【打卡提醒】…没打卡的抓紧`, `今天打卡的小伙伴有：张三、李四`) logged the organiser;
* a message's tag line without its sender (`[图片]`, `[小程序] 鲸打卡`) read as a person called 图片 / 小程序, and
  `[小程序]小打卡 | 今日打卡` offered 陈雨 (小雨) by fuzzy."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import (
    ALREADY,
    AMBIGUOUS,
    LEAVE,
    LOGGED,
    OTHER_DAY,
    OUTCOMES,
    SKIPPED,
    UNMATCHED,
    certain_plan,
    line_outcomes,
    preview_paste,
)
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
EVE = DAY - timedelta(days=1)
JOINED = datetime(2024, 3, 10, 4, 0)
PEOPLE = (
    MemberInput(display_name="张三", joined_at=JOINED),
    MemberInput(display_name="李四", joined_at=JOINED),
    MemberInput(display_name="王五", joined_at=JOINED),
    MemberInput(display_name="赵六", joined_at=JOINED),
    MemberInput(display_name="孙七", joined_at=JOINED),
    MemberInput(display_name="周八", joined_at=JOINED),
    MemberInput(display_name="吴九", joined_at=JOINED),
    MemberInput(display_name="郑十", joined_at=JOINED),
    MemberInput(display_name="陈雨", nickname="小雨", joined_at=JOINED),
    MemberInput(display_name="Amy Wang", nickname="Amy", joined_at=JOINED),
    MemberInput(display_name="刘洋", group_nickname="🍀", joined_at=JOINED),
    MemberInput(display_name="王芳", nickname="芳芳", joined_at=JOINED),
    MemberInput(display_name="黄磊", joined_at=JOINED),
    MemberInput(display_name="林晓", joined_at=JOINED),
)


def md(d) -> str:
    return f"{d.month}月{d.day}日"


def mmdd(d) -> str:
    return f"{d.month:02d}-{d.day:02d}"


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {p.display_name: add_member(s, owner, gid, p)[1] for p in PEOPLE}
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


# ---------------------------------------------------------------- the corpus
# (id, text, {who is logged headless: day}, {line: outcome} for the lines that matter)

CORPUS = [
    # -- quoted replies (引用)
    ("quote_under_reply", "张三：打卡\n李四：收到\n「张三：打卡」\n", {"张三": DAY}, {2: SKIPPED, 3: SKIPPED}),
    ("quote_inline_okay", "李四：「张三：打卡」 - - - 好的\n", {}, {1: SKIPPED}),
    ("quote_inline_checkin", "李四：「张三：打卡」 - - - 打卡\n", {"李四": DAY}, {1: LOGGED}),
    ("reply_to_cheer", "张三：打卡\n李四：回复 张三：加油\n", {"张三": DAY}, {2: SKIPPED}),
    ("reply_to_with_checkin", "王五：回复@张三: 打卡第3天\n", {"王五": DAY}, {1: LOGGED}),
    ("quote_inline_after_checkin", "李四：打卡 「张三：打卡」\n", {"李四": DAY}, {1: LOGGED}),
    ("quote_inline_thanks", "张三：打卡\n王五：「张三：打卡」 - - - 谢谢老师[抱拳]\n", {"张三": DAY}, {2: SKIPPED}),
    (
        "quote_pc_line_bare",
        "张三 07:15\n打卡\n李四 07:20\n收到\n引用 张三：打卡\n",
        {"张三": DAY},
        {3: SKIPPED, 5: SKIPPED},
    ),
    ("quote_pc_line_tag", "张三 07:15\n打卡\n李四 07:20\n好的\n[引用] 张三：打卡\n", {"张三": DAY}, {3: SKIPPED}),
    ("quote_pc4_line", "张三 07:15\n打卡\n李四 07:20\n收到\n引用 张三 的消息 : 打卡\n", {"张三": DAY}, {3: SKIPPED}),
    ("quote_block_stamped", "李四 07:20\n好的\n「张三：打卡」\n", {}, {1: SKIPPED, 3: SKIPPED}),
    (
        "quote_divided_phone",
        "张三：早\n「李四：打卡」\n- - - - - - - - - - - - - - -\n李四：打卡\n",
        {"张三": DAY, "李四": DAY},
        {2: SKIPPED, 4: LOGGED},
    ),
    ("quote_alone", "王五：收到\n「张三：打卡」\n", {}, {1: SKIPPED, 2: SKIPPED}),
    ("quote_only_message", "李四：「张三：打卡」\n王五：「张三：打卡」 - - -\n", {}, {1: SKIPPED, 2: SKIPPED}),
    (
        "quote_of_a_chain",
        "李四：收到\n「张三：#接龙\n早起打卡\n1. 张三\n2. 李四」\n",
        {},
        {1: SKIPPED, 4: SKIPPED, 5: SKIPPED},
    ),
    # -- forwarded chat records (合并转发), their own dates decide
    (
        "record_dated_yesterday",
        f"群聊的聊天记录\n张三 {mmdd(EVE)} 07:15\n打卡\n李四 {mmdd(EVE)} 07:20\n打卡 跑步5km\n",
        {},
        {2: OTHER_DAY, 4: OTHER_DAY},
    ),
    (
        "record_two_days",
        f"Chat History\n张三 {mmdd(DAY)} 07:15\n打卡\n李四 {mmdd(EVE)} 22:20\n打卡\n",
        {"张三": DAY},
        {2: LOGGED, 4: OTHER_DAY},
    ),
    (
        "record_full_dates",
        f"张三 {EVE:%Y-%m-%d} 07:15:02\n打卡\n李四 {EVE:%Y-%m-%d} 07:20:11\n打卡\n",
        {},
        {1: OTHER_DAY, 3: OTHER_DAY},
    ),
    ("record_date_first_qq", f"{EVE:%Y-%m-%d} 07:15:02 张三\n打卡\n", {}, {1: OTHER_DAY}),
    ("record_qq_number", f"张三(12345678) {EVE:%Y-%m-%d} 7:15:02\n打卡\n", {}, {1: OTHER_DAY}),
    ("record_chinese_date", f"张三 {md(EVE)} 07:15\n打卡\n", {}, {1: OTHER_DAY}),
    ("record_yesterday_word", "张三 昨天 07:15\n打卡\n", {}, {1: OTHER_DAY}),
    (
        "record_time_under_name",
        f"群聊的聊天记录\n张三\n{mmdd(EVE)} 07:15\n打卡\n李四\n{mmdd(EVE)} 07:20\n打卡\n",
        {},
        {2: OTHER_DAY, 5: OTHER_DAY},
    ),
    (
        "record_over_midnight",
        f"群聊的聊天记录\n张三 {mmdd(EVE)} 23:59\n打卡\n李四 {mmdd(DAY)} 00:01\n打卡\n",
        {"李四": DAY},
        {2: OTHER_DAY, 4: LOGGED},
    ),
    # -- chains edited by several people at once
    (
        "chain_two_twos",
        f"#接龙\n早起打卡 {md(DAY)}\n\n1. 张三\n2. 李四\n2. 王五\n3. 赵六\n",
        {"张三": DAY, "李四": DAY, "王五": DAY, "赵六": DAY},
        {6: LOGGED},
    ),
    (
        "chain_line_deleted",
        "#接龙\n1. 张三\n2. 李四\n4. 赵六\n5. 孙七\n",
        {"张三": DAY, "李四": DAY, "赵六": DAY, "孙七": DAY},
        {},
    ),
    (
        "chain_name_twice",
        "#接龙 早起\n1. 张三\n2. 李四\n3. 张三\n4. 王五\n",
        {"张三": DAY, "李四": DAY, "王五": DAY},
        {4: ALREADY},
    ),
    (
        "chain_late_after_ten",
        "#接龙\n1. 张三\n2. 李四\n3. 王五\n4. 赵六\n5. 孙七\n6. 周八\n7. 吴九\n8. 郑十\n9. 黄磊\n10. 林晓\n"
        "李四：收到\n11. 王芳\n",
        {n: DAY for n in ("张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十", "黄磊", "林晓", "王芳")},
        {12: SKIPPED, 13: LOGGED},
    ),
    (
        "chain_empty_entry",
        "#接龙 早起打卡\n1. 张三\n2. 李四\n3.\n4. 王五\n",
        {"张三": DAY, "李四": DAY, "王五": DAY},
        {4: SKIPPED},
    ),
    (
        "chain_twice_pasted",
        "#接龙\n早起打卡\n\n1. 张三\n2. 李四\n\n#接龙\n早起打卡\n\n1. 张三\n2. 李四\n3. 赵六\n",
        {"张三": DAY, "李四": DAY, "赵六": DAY},
        {10: ALREADY, 12: LOGGED},
    ),
    # -- 接龙 header variants, extra text, numbering
    ("header_brackets", f"【接龙】{md(DAY)}早起\n1. 张三\n2. 李四\n", {"张三": DAY, "李四": DAY}, {1: SKIPPED}),
    ("header_checkin", "接龙打卡\n1. 张三\n2. 李四\n", {"张三": DAY, "李四": DAY}, {1: SKIPPED}),
    (
        "extra_text",
        "#接龙\n早起打卡\n12. 张三 跑步5km ✅ 第21天\n13. 李四 6:05 读书30页 第3天\n",
        {"张三": DAY, "李四": DAY},
        {3: LOGGED, 4: LOGGED},
    ),
    ("fullwidth_digits", "#接龙\n１. 张三\n２. 李四\n１０. 王五\n", {"张三": DAY, "李四": DAY, "王五": DAY}, {}),
    ("circled_digits", "#接龙\n① 张三\n② 李四\n③ 王五\n", {"张三": DAY, "李四": DAY, "王五": DAY}, {}),
    (
        "ideographic_comma",
        "#接龙 早起打卡\n1、张三\n2、李四\n3、王五✅\n4、赵六 打卡\n",
        {"张三": DAY, "李四": DAY, "王五": DAY, "赵六": DAY},
        {},
    ),
    (
        "chain_with_example_call_and_makeups",
        f"#接龙 早起打卡 {md(DAY)}\n\n例：张三 6:00 起床\n\n1. 张三 6:00\n2. 李四 6:12\n3. 王五 5:58 ✅\n"
        "@所有人 还没接龙的抓紧\n4. 赵六 6:30（晚了）\n5. 孙七 请假\n6. 周八 补昨天\n",
        {"张三": DAY, "李四": DAY, "王五": DAY, "赵六": DAY, "周八": EVE},
        {3: SKIPPED, 8: SKIPPED, 10: LEAVE, 11: LOGGED},
    ),
    # -- names written otherwise than the roster
    ("name_with_space", "#接龙\n1. 李 四\n2. 王 五\n3. 张\u3000三\n", {"李四": DAY, "王五": DAY, "张三": DAY}, {}),
    ("fullwidth_latin", "#接龙\n1. Ａｍｙ\n2. 芳芳\n", {"Amy Wang": DAY, "王芳": DAY}, {}),
    ("traditional", "#接龙\n1. 張三\n", {}, {2: AMBIGUOUS}),
    ("title_after_name", "#接龙\n1. 张三老师\n2. Amy姐\n", {}, {2: AMBIGUOUS, 3: AMBIGUOUS}),
    ("emoji_only", "#接龙\n1. 🍀\n2. 🍀🍀\n", {"刘洋": DAY}, {2: LOGGED, 3: UNMATCHED}),
    ("name_is_a_word", "今天小雨\n张三：打卡\n李四：今天小雨，打卡\n", {"张三": DAY, "李四": DAY}, {1: SKIPPED}),
    (
        "name_is_a_word_in_chain",
        "#接龙\n1. 林晓 今天小雨 在家跑\n2. 小雨\n3. 黄磊 小雨转晴 ✅\n",
        {"林晓": DAY, "陈雨": DAY, "黄磊": DAY},
        {},
    ),
    # -- the organiser's own lines and the bots'
    (
        "call_everyone_plain",
        "@所有人 请大家打卡\n张三：打卡\n[图片]\n李四：[图片]\n",
        {"张三": DAY, "李四": DAY},
        {1: SKIPPED},
    ),
    ("call_everyone_by_organiser", "王五：@所有人 请大家打卡\n张三：打卡\n", {"张三": DAY}, {1: SKIPPED}),
    (
        "call_everyone_stamped",
        "王五 07:00\n@所有人 早上好，开始打卡啦\n张三 07:15\n打卡\n",
        {"张三": DAY},
        {1: SKIPPED},
    ),
    ("call_everyone_qq", "王五：@全体成员 今天的打卡开始啦，请在下面接龙\n张三：打卡\n", {"张三": DAY}, {1: SKIPPED}),
    ("call_everyone_english", "王五: @All time to check in ⏰\n张三: 打卡\n", {"张三": DAY}, {1: SKIPPED}),
    ("organiser_reminder", "王五：【打卡提醒】还有10分钟截止，没打卡的抓紧\n张三：打卡\n", {"张三": DAY}, {1: SKIPPED}),
    ("organiser_list", "王五：今天打卡的小伙伴有：张三、李四\n张三：打卡\n", {"张三": DAY}, {1: SKIPPED}),
    (
        "bot_stats",
        "群主 07:00\n@所有人 早上好，开始打卡啦\n张三 07:15\n打卡\n群助手 08:00\n今日打卡统计：已打卡2人\n",
        {"张三": DAY},
        {1: SKIPPED, 5: SKIPPED},
    ),
    ("media_without_sender", "[图片]\n[图片]\n张三：打卡\n", {"张三": DAY}, {1: SKIPPED, 2: SKIPPED}),
    (
        "mini_program_cards",
        "[小程序]小打卡 | 今日打卡\n[小程序] 鲸打卡\n[链接] 打卡统计\n",
        {},
        {1: UNMATCHED, 2: UNMATCHED, 3: SKIPPED},
    ),
    ("cards_with_senders", "张三：[小程序]鲸打卡\n李四：[链接]今日打卡\n", {"张三": DAY, "李四": DAY}, {}),
    (
        "stamped_media",
        "张三 07:15\n[小程序]鲸打卡\n李四 07:16\n[链接]早起打卡第3天\n王五 07:17\n[图片]\n",
        {"张三": DAY, "李四": DAY, "王五": DAY},
        {},
    ),
    (
        "notices",
        '张三拍了拍李四\n王五撤回了一条消息\n"赵六"邀请"孙七"加入了群聊\n张三：打卡\n',
        {"张三": DAY},
        {1: SKIPPED, 3: SKIPPED},
    ),
]


def test_the_corpus_is_forty_texts_and_more():
    assert len(CORPUS) >= 40
    assert len({c[0] for c in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize(("text", "logged", "lines"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_what_a_careful_assistant_would_log(workspace, grp, text, logged, lines):
    gid, ids = grp
    by_line, plan = run(workspace, gid, text)
    # every line of the paste ends in exactly one named outcome
    assert sorted(by_line) == list(range(1, len(text.splitlines()) + 1))
    assert all(o.outcome in OUTCOMES for o in by_line.values())
    for no, outcome in lines.items():
        assert by_line[no].outcome == outcome, (no, by_line[no])
    assert plan == {(ids[n], d) for n, d in logged.items()}


# ---------------------------------------------------------------- each fix on its own


def test_own_words_leave_the_quote_out():
    from desktop.chat_parse import own_words

    assert own_words("「张三：打卡」 - - - 好的") == "好的"
    assert own_words("打卡 「张三：打卡」") == "打卡"
    assert own_words("「张三：打卡」") == "「张三：打卡」"  # nothing but the quote: as it is
    assert own_words("回复 张三：加油") == "加油"
    assert own_words("回复@张三: 打卡第3天") == "打卡第3天"


def test_a_reply_that_quotes_a_check_in_and_only_acknowledges_is_nobodys(workspace, grp):
    """`李四：「张三：打卡」 - - - 好的` logged 李四: the 打卡 is 张三's, quoted. 李四 said 好的 — a reply, shown as one; 张三
    is not logged from someone else's quote either (their own message logs them)."""
    gid, ids = grp
    by_line, plan = run(workspace, gid, "张三：打卡\n李四：「张三：打卡」 - - - 好的\n王五：「张三：打卡」 - - - 👍\n")
    assert (by_line[2].outcome, names(by_line[2])) == (SKIPPED, ["李四"])
    assert "只是回复" in by_line[2].detail
    assert by_line[3].outcome == SKIPPED
    assert plan == {(ids["张三"], DAY)}


def test_a_reply_that_checks_in_keeps_its_own_time_and_day(workspace, grp):
    """`李四：「张三：6:05 打卡」 - - - 打卡` logged 李四 at 张三's 06:05; `李四：「张三：补卡 昨天」 - - - 打卡` logged 李四 as
    a 补卡 of yesterday. The quoted words are 张三's: 李四 checks in today, at no written time."""
    gid, ids = grp
    by_line, plan = run(workspace, gid, "李四：「张三：6:05 打卡」 - - - 打卡\n王五：「张三：补卡 昨天」 - - - 打卡\n")
    assert (by_line[1].outcome, by_line[1].time, by_line[1].day) == (LOGGED, None, DAY)
    assert (by_line[2].outcome, by_line[2].late, by_line[2].day) == (LOGGED, False, DAY)
    assert plan == {(ids["李四"], DAY), (ids["王五"], DAY)}


def test_a_pc_copy_quote_line_is_the_quoted_persons_not_the_repliers(workspace, grp):
    """`李四 07:20` / `收到` / `引用 张三：打卡`: the third line is the quote the PC copies under a reply. It was read
    as part of 李四's message, whose 打卡 logged 李四."""
    gid, ids = grp
    for quote in ("引用 张三：打卡", "[引用] 张三：打卡", "【引用】张三: 打卡"):
        by_line, plan = run(workspace, gid, f"李四 07:20\n收到\n{quote}\n")
        assert (by_line[1].outcome, names(by_line[1])) == (SKIPPED, ["李四"]), quote
        assert (by_line[3].outcome, names(by_line[3])) == (SKIPPED, ["张三"]), quote
        assert "引用" in by_line[3].detail
        assert plan == set(), quote


def test_the_organisers_notice_to_everyone_is_not_their_check_in(workspace, grp):
    """Only the owner or an admin can @所有人 in WeChat: `王五：@所有人 请大家打卡` is the organiser asking for
    check-ins. It logged 王五. A member's own check-in that calls someone besides is still theirs."""
    gid, ids = grp
    text = "王五：@所有人 请大家打卡\n吴九 07:00\n@所有人 早上好，开始打卡啦\n赵六：打卡✅ @所有人 一起加油\n"
    by_line, plan = run(workspace, gid, text)
    for n, who in ((1, "王五"), (2, "吴九")):
        assert (by_line[n].outcome, names(by_line[n])) == (SKIPPED, [who])
        assert "@所有人 的群通知" in by_line[n].detail
    assert by_line[4].outcome == LOGGED
    assert plan == {(ids["赵六"], DAY)}


def test_the_organisers_reminder_and_list_are_not_their_check_in(workspace, grp):
    gid, ids = grp
    text = "王五：【打卡提醒】还有10分钟截止，没打卡的抓紧\n王五：今天打卡的小伙伴有：张三、李四\n李四：打卡\n"
    by_line, plan = run(workspace, gid, text)
    assert [by_line[n].outcome for n in (1, 2)] == [SKIPPED, SKIPPED]
    assert plan == {(ids["李四"], DAY)}


def test_a_message_tag_without_its_sender_is_no_name(workspace, grp):
    """`[图片]` and `[小程序] 鲸打卡` on lines of their own were read as people called 图片 and 小程序 (nobody on the
    roster); `[小程序]小打卡 | 今日打卡` offered 陈雨 (nickname 小雨) by fuzzy. A picture is noise; a check-in card is
    someone's check-in whose the text does not say — a person picks, as for a share that names nobody."""
    gid, ids = grp
    by_line, plan = run(workspace, gid, "[小程序]小打卡 | 今日打卡\n[图片]\n张三：打卡\n")
    assert by_line[1].outcome == UNMATCHED and by_line[1].candidates == ()
    assert "打卡小程序的分享" in by_line[1].detail
    assert by_line[2].outcome == SKIPPED and by_line[2].who == ()
    assert plan == {(ids["张三"], DAY)}


def test_a_forwarded_records_stamp_under_a_chain_names_its_writer_and_day(workspace, grp):
    """Today's chain, then a forwarded record pasted under it (`群聊的聊天记录` / `王五 11-17 07:15` / `打卡`): the stamp
    read as a new title and was skipped as a header — 王五 named nowhere. It is now 王五's line outside the chain, posted
    on its own day: shown, never logged (and the window cannot count it for the day being logged)."""
    gid, ids = grp
    text = f"#接龙\n1. 张三\n2. 李四\n群聊的聊天记录\n王五 {mmdd(EVE)} 07:15\n打卡\n"
    by_line, plan = run(workspace, gid, text)
    assert (by_line[5].outcome, names(by_line[5])) == (SKIPPED, ["王五"])
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    (m,) = [m for m in preview.matches if m.line.line_no == 5]
    assert (m.reason, m.posted) == ("outside_chain", EVE)
    assert plan == {(ids["张三"], DAY), (ids["李四"], DAY)}
