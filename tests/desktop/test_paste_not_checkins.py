"""Lines of a paste that name someone without being their check-in, and pastes that hold more than one day or
another group's chain: each line ends in the outcome it is, never in a check-in of the person it names.

Found by a probe with the messy things people paste (5 December): a quote of someone's message (「侯俊：打卡」),
system notices (撤回了一条消息, 加入了群聊, 领取了红包), an @mention, "X 今天没来" / "X 记得打卡哦", a reply quoting an
older chain, two dated chains pasted together, chat lines under date separators, a chain titled with another
group's name, and a numbered line holding only a number — each was logged as a check-in before."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.chat_parse import parse_chat
from desktop.services.groups import create_group
from desktop.services.paste import SKIPPED, certain_plan, line_outcomes, match_paste, preview_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
YESTERDAY = DAY - timedelta(days=1)
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("高峰", "罗斌", "骆霞", "侯俊", "薛梅", "潘悦", "金燕", "叶紫", "任杰")


def md(d) -> str:
    return f"{d.month}月{d.day}日"


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        other = create_group(s, owner, "B组夜跑")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        add_member(s, owner, other, MemberInput(display_name="卫东", joined_at=JOINED))
        s.commit()
    return gid, ids


def outcomes(workspace, gid, text, day=DAY):
    """{line number: (status of each person on it, reason, day)} and the (membership, day) pairs logged headless."""
    with workspace.session() as s:
        preview = preview_paste(s, gid, day, text)
    by_line: dict[int, list] = {}
    for m in preview.matches:
        by_line.setdefault(m.line.line_no, []).append((m.status, m.reason, m.day))
    plan = {(p.membership_id, p.day) for p in certain_plan(preview.matches)}
    return by_line, plan, preview


def test_a_quoted_message_is_not_the_quoted_persons_check_in(workspace, grp):
    gid, ids = grp
    for text in ("高峰\n罗斌\n「侯俊：打卡」\n骆霞\n", "高峰: 打卡\n罗斌: 打卡\n「任杰：打卡」\n薛梅: 早安打卡\n"):
        by_line, plan, _ = outcomes(workspace, gid, text)
        assert by_line[3] == [("ignored", "quote", DAY)], text
        assert (ids["侯俊"], DAY) not in plan and (ids["任杰"], DAY) not in plan
        assert len(plan) == 3


def test_a_reply_quoting_an_older_chain_logs_none_of_its_names(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {md(DAY)}打卡\n1. 罗斌\n2. 高峰\n3. 侯俊\n「骆霞：#接龙 {md(YESTERDAY)}打卡\n1. 骆霞\n2. 薛梅」\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert [by_line[n][0][:2] for n in (5, 6, 7)] == [("ignored", "quote")] * 3
    assert plan == {(ids[n], DAY) for n in ("罗斌", "高峰", "侯俊")}


def test_system_notices_mentions_and_reminders_are_not_check_ins(workspace, grp):
    gid, ids = grp
    text = (
        "高峰\n罗斌\n骆霞 撤回了一条消息\n“侯俊” 撤回了一条消息\n金燕 领取了你的红包\n叶紫 加入了群聊\n"
        "薛梅 今天没来\n潘悦 记得打卡哦\n@任杰 记得打卡\n"
    )
    by_line, plan, preview = outcomes(workspace, gid, text)
    reasons = {n: by_line[n][0][1] for n in range(3, 10)}
    assert reasons == {3: "system", 4: "system", 5: "system", 6: "system", 7: "not_done", 8: "not_done", 9: "mention"}
    assert plan == {(ids["高峰"], DAY), (ids["罗斌"], DAY)}
    # headless: each of them is a skipped line that says who and why
    report = line_outcomes(preview.lines, preview.matches, set(), set())
    assert [o.outcome for o in report[2:]] == [SKIPPED] * 7
    assert [o.who[0].display_name for o in report[2:]] == ["骆霞", "侯俊", "金燕", "叶紫", "薛梅", "潘悦", "任杰"]
    assert "系统消息" in report[2].detail and "@" in report[8].detail


def test_a_make_up_that_mentions_forgetting_is_still_a_check_in(workspace, grp):
    gid, ids = grp
    by_line, plan, _ = outcomes(workspace, gid, f"#接龙 {md(DAY)}打卡\n1. 高峰 昨天忘了打卡 今天补卡\n2. 罗斌\n")
    assert by_line[2][0][0] == "matched"


def test_two_dated_chains_each_keep_their_day(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {md(YESTERDAY)} 早起打卡\n1. 高峰\n2. 罗斌\n#接龙 {md(DAY)} 早起打卡\n1. 高峰\n2. 骆霞\n3. 侯俊\n"
    by_line, plan, preview = outcomes(workspace, gid, text, day=YESTERDAY)
    assert plan == {(ids["高峰"], YESTERDAY), (ids["罗斌"], YESTERDAY)}
    assert [by_line[n][0][0] for n in (5, 6, 7)] == ["other_day"] * 3  # 高峰 of today is no repeat of yesterday
    assert {by_line[n][0][2] for n in (5, 6, 7)} == {DAY}
    assert preview.title_day == YESTERDAY
    # logged on today instead: the first chain is the other day's
    by_line, plan, _ = outcomes(workspace, gid, text, day=DAY)
    assert plan == {(ids[n], DAY) for n in ("高峰", "骆霞", "侯俊")}
    assert [by_line[n][0][0] for n in (2, 3)] == ["other_day"] * 2


def test_chat_lines_under_date_separators_belong_to_their_day(workspace, grp):
    gid, ids = grp
    text = f"—— {md(YESTERDAY)} ——\n高峰 07:12\n打卡\n—— {md(DAY)} ——\n罗斌 07:13\n打卡\n"
    kinds = [line.kind for line in parse_chat(text)]
    assert kinds[0] != "entry" and kinds[3] != "entry"  # a separator names nobody
    by_line, plan, preview = outcomes(workspace, gid, text, day=YESTERDAY)
    assert plan == {(ids["高峰"], YESTERDAY)}
    assert by_line[5] == [("other_day", None, DAY)]
    assert preview.title_day == YESTERDAY


def test_a_single_separator_of_another_day_is_the_pastes_day(workspace, grp):
    gid, _ = grp
    _by_line, _plan, preview = outcomes(workspace, gid, f"—— {md(YESTERDAY)} ——\n高峰 07:12\n打卡\n罗斌 07:13\n打卡\n")
    assert preview.title_day == YESTERDAY and preview.day_mismatch  # the window asks; the CLI refuses


def test_a_chain_titled_with_another_group_is_not_logged_here(workspace, grp):
    gid, ids = grp
    text = f"#接龙 晨光早起营 {md(DAY)}\n1. 罗斌\n2. 高峰\n#接龙 B组夜跑 {md(DAY)}打卡\n1. 卫东\n2. 骆霞\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert plan == {(ids["罗斌"], DAY), (ids["高峰"], DAY)}
    assert [by_line[n] for n in (5, 6)] == [[("ignored", "other_group", DAY)]] * 2
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    assert {m.other_group for m in preview.matches if m.status == "ignored"} == {"B组夜跑"}


def test_a_group_whose_name_holds_another_groups_name(workspace, owner, grp):
    """读书会二期 holds 读书会: its own chain is its own; 读书会's chain pasted into it is another group's."""
    with workspace.session() as s:
        short = create_group(s, owner, "读书会")
        long = create_group(s, owner, "读书会二期")
        mine = add_member(s, owner, long, MemberInput(display_name="高峰", joined_at=JOINED))[1]
        add_member(s, owner, short, MemberInput(display_name="高峰", joined_at=JOINED))
        s.commit()
    _by, plan, _ = outcomes(workspace, long, f"#接龙 读书会二期 {md(DAY)}\n1. 高峰\n")
    assert plan == {(mine, DAY)}
    by_line, plan, _ = outcomes(workspace, short, f"#接龙 读书会二期 {md(DAY)}\n1. 高峰\n")
    assert plan == set() and by_line[2][0][1] == "other_group"


def test_a_numbered_line_with_only_a_number_names_nobody(workspace, grp):
    gid, _ = grp
    by_line, _plan, _ = outcomes(workspace, gid, f"#接龙 {md(DAY)}打卡\n1. 高峰\n2. @罗斌 记得打卡\n3. 5.\n")
    assert 4 not in by_line and by_line[3][0][1] == "mention"


def test_a_numbered_system_notice_names_its_person(workspace, grp):
    gid, ids = grp
    by_line, plan, preview = outcomes(workspace, gid, f"#接龙 {md(DAY)}打卡\n1. 高峰\n2. 罗斌 撤回了一条消息\n")
    assert by_line[3] == [("ignored", "system", DAY)]
    assert [c.membership_id for m in preview.matches if m.line.line_no == 3 for c in m.candidates] == [ids["罗斌"]]


def test_a_line_posted_for_someone_else_is_for_a_person_to_decide(workspace, owner, grp):
    """高峰 替罗斌打卡: 罗斌 is named and gets an outcome; neither of them is logged on a guess."""
    gid, ids = grp
    with workspace.session() as s:
        ids["代丽丽"] = add_member(s, owner, gid, MemberInput(display_name="代丽丽", joined_at=JOINED))[1]
        s.commit()
    text = (
        f"#接龙 {md(DAY)}打卡\n1. 高峰 替罗斌打卡\n2. 侯俊（代骆霞）\n3. 薛梅\n4. 潘悦 帮妈妈做饭 打卡\n5. 代丽丽打卡\n"
    )
    by_line, plan, preview = outcomes(workspace, gid, text)
    # 帮妈妈做饭: nobody's name follows 帮 here; 代丽丽: 代 is a surname
    assert plan == {(ids["薛梅"], DAY), (ids["潘悦"], DAY), (ids["代丽丽"], DAY)}
    named = {n: {c.membership_id for m in preview.matches if m.line.line_no == n for c in m.candidates} for n in (2, 3)}
    assert named == {2: {ids["高峰"], ids["罗斌"]}, 3: {ids["侯俊"], ids["骆霞"]}}
    assert {s for n in (2, 3) for s, _r, _d in by_line[n]} == {"ambiguous"}


def test_a_name_typed_with_a_space_is_not_the_shorter_name(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        for n in ("张三", "张三丰", "李娜娜"):
            ids[n] = add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1]
        s.commit()
    by_line, plan, preview = outcomes(workspace, gid, f"#接龙 {md(DAY)}打卡\n1. 张三 丰\n2. 李 娜娜\n")
    assert by_line[2][0][0] == "ambiguous"
    assert {c.membership_id for m in preview.matches if m.line.line_no == 2 for c in m.candidates} == {
        ids["张三"],
        ids["张三丰"],
    }
    assert plan == {(ids["李娜娜"], DAY)}  # 李 alone names nobody: 李娜娜


# ---------------------------------------------------------------- the rules do not reach too far (second probe)


def test_a_check_in_that_also_nudges_others_is_still_a_check_in(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        for n in ("张三丰", "陈小明", "明明", "郑美丽", "吴刚", "李四"):
            ids[n] = add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1]
        s.commit()
    text = (
        f"#接龙 {md(DAY)}打卡\n1. 张三丰 刚加入群聊的新人 打卡\n2. 陈小明 打卡 大家快来打卡\n3. 明明 这次没忘打卡\n"
        "4. 郑美丽 打卡 连续30天未缺卡\n5. 吴刚 提醒自己每天打卡\n6. 李四 打卡✅ 还没打卡的朋友加油\n"
    )
    _by_line, plan, _ = outcomes(workspace, gid, text)
    assert plan == {(ids[n], DAY) for n in ("张三丰", "陈小明", "明明", "郑美丽", "吴刚", "李四")}
    colon = "高峰：打卡✅ @罗斌 记得打卡哦\n骆霞：打卡 还没打卡的快来\n侯俊：打卡\n"
    _by_line, plan, _ = outcomes(workspace, gid, colon)
    assert plan == {(ids[n], DAY) for n in ("高峰", "骆霞", "侯俊")}


def test_a_quote_left_open_ends_at_the_next_message(workspace, grp):
    gid, ids = grp
    text = "「高峰：今天读了《活着》第三章，很感动……\n罗斌：打卡\n骆霞：打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[1][0][:2] == ("ignored", "quote")
    assert plan == {(ids["罗斌"], DAY), (ids["骆霞"], DAY)}


def test_only_a_title_that_names_another_group_and_not_this_one_is_theirs(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        run = create_group(s, owner, "跑步")
        go = create_group(s, owner, "Go")
        run_ids = {n: add_member(s, owner, run, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES[:2]}
        add_member(s, owner, go, MemberInput(display_name="高峰", joined_at=JOINED))
        s.commit()
    _by, plan, _ = outcomes(workspace, run, "#接龙 跑步晨光早起营 联合打卡\n1. 高峰\n2. 罗斌\n")
    assert plan == {(run_ids["高峰"], DAY), (run_ids["罗斌"], DAY)}  # a joint chain names this group too
    _by, plan, _ = outcomes(workspace, gid, "#接龙 Good morning 早起打卡\n1. 高峰\n")
    assert plan == {(ids["高峰"], DAY)}  # Go is a word of its own, not the start of Good
    _by, plan, _ = outcomes(workspace, gid, f"#接龙 {md(DAY)}早起打卡\n本周和跑步群一起\n1. 高峰\n")
    assert plan == {(ids["高峰"], DAY)}  # only the title line names the chain's group


def test_wechat_separators_date_the_messages_under_them(workspace, grp, monkeypatch):
    """WeChat's copy: `昨天 06:10` over yesterday's messages (counted back from today, the day of the paste),
    a bare `06:05` over today's."""
    gid, ids = grp
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())
    text = "昨天 06:10\n高峰：打卡\n罗斌：早安打卡\n06:05\n骆霞：打卡\n高峰：打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert plan == {(ids["骆霞"], DAY), (ids["高峰"], DAY)}
    assert [by_line[n][0][0::2] for n in (2, 3)] == [("other_day", YESTERDAY)] * 2
    by_line, plan, preview = outcomes(workspace, gid, text, day=YESTERDAY)  # logged for yesterday instead
    assert plan == {(ids["高峰"], YESTERDAY), (ids["罗斌"], YESTERDAY)}
    assert by_line[5][0][0] == "other_day"


def test_choosing_the_day_a_relative_title_names_keeps_it(workspace, grp, monkeypatch):
    """昨日早起打卡 pasted on DAY names YESTERDAY; logged for YESTERDAY it still does (it once moved a day back
    with every choice: 12月3日, then 12月2日 …)."""
    gid, _ = grp
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())
    for chosen in (DAY, YESTERDAY):
        _by, _plan, preview = outcomes(workspace, gid, "#接龙 昨日早起打卡\n1. 高峰\n", day=chosen)
        assert preview.title_day == YESTERDAY
    assert not preview.day_mismatch


def test_a_members_own_name_starting_with_dai_is_not_a_line_for_someone_else(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        ids["代丽丽"] = add_member(s, owner, gid, MemberInput(display_name="代丽丽", joined_at=JOINED))[1]
        s.commit()
    text = f"#接龙 {md(DAY)}打卡\n1. 【组长】代丽丽打卡\n2. 高峰 代表全组打卡\n"
    _by, plan, _ = outcomes(workspace, gid, text)
    assert plan == {(ids["代丽丽"], DAY), (ids["高峰"], DAY)}


def test_a_sign_up_list_reads_remarks_as_remarks(workspace, grp):
    """An activity's sign-ups: 上次没来 这次一定来 is a sign-up, not "has not checked in"."""
    gid, ids = grp
    with workspace.session() as s:
        matches = match_paste(s, gid, "#接龙 周六读书会报名\n1. 薛梅 上次没来 这次一定来\n2. 潘悦\n", signups=True)
        as_checkins = match_paste(s, gid, "#接龙 周六读书会报名\n1. 薛梅 上次没来 这次一定来\n2. 潘悦\n")
    assert [(m.status, m.membership_id) for m in matches] == [("matched", ids["薛梅"]), ("matched", ids["潘悦"])]
    assert as_checkins[0].status == "ignored"


# ---------------------------------------------------------------- third probe


def test_lines_saying_no_check_in_today_are_not_logged(workspace, grp):
    gid, ids = grp
    text = (
        f"#接龙 {md(DAY)}打卡\n1. 高峰 打卡 5公里\n2. 罗斌 请假一天，明天补打卡\n3. 骆霞 今天不打卡了，脚崴了\n"
        "4. 侯俊 今天不能打卡\n"
    )
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert plan == {(ids["高峰"], DAY)}
    assert by_line[3][0][0] == "leave"  # the 打卡 is promised for tomorrow: on leave today
    assert [by_line[n][0][:2] for n in (4, 5)] == [("ignored", "not_done")] * 2
    log = "薛梅：打卡 5公里\n潘悦：今天下雨了 不跑了\n金燕：打卡统计截止到7点\n叶紫：今日打卡已结束，已统计：薛梅\n"
    _by, plan, _ = outcomes(workspace, gid, log)
    assert plan == {(ids["薛梅"], DAY)}


def test_a_make_up_posted_after_midnight_counts_back_from_its_own_day(workspace, grp, monkeypatch):
    """Logged for YESTERDAY the morning after: 补昨天 under today's separator, or stamped after midnight, is for
    YESTERDAY — not the day before it."""
    gid, ids = grp
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())
    separated = "昨天 21:30\n高峰：打卡\n00:05\n罗斌：补昨天打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, separated, day=YESTERDAY)
    assert plan == {(ids["高峰"], YESTERDAY), (ids["罗斌"], YESTERDAY)}
    assert by_line[4][0][2] == YESTERDAY
    stamped = f"高峰 {md(YESTERDAY)} 23:50\n打卡\n罗斌 {md(DAY)} 00:05\n打卡\n骆霞 00:20\n补昨天打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, stamped, day=YESTERDAY)
    assert plan == {(ids["高峰"], YESTERDAY), (ids["骆霞"], YESTERDAY)}
    assert by_line[3][0][0::2] == ("other_day", DAY)  # 罗斌's check-in is today's


def test_a_group_name_in_brackets_or_a_short_latin_word_in_a_title_is_no_other_group(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        create_group(s, owner, "Go")
        create_group(s, owner, "跑步")
        s.commit()
    for title in (f"#接龙 {md(DAY)} Let's go 读书打卡", f"#接龙 {md(DAY)} 晨读打卡（跑步前读20分钟）"):
        _by, plan, _ = outcomes(workspace, gid, f"{title}\n1. 高峰\n")
        assert plan == {(ids["高峰"], DAY)}, title
    by_line, plan, _ = outcomes(workspace, gid, f"#接龙 跑步打卡 {md(DAY)}\n1. 高峰\n")
    assert plan == set() and by_line[2][0][1] == "other_group"  # written out in the title: another group's


def test_a_dated_speaker_line_of_another_day_is_that_days(workspace, grp):
    """`[12-02 07:14] 张三: 打卡` logged for the 3rd: another day's line, never logged on the day chosen."""
    gid, ids = grp
    text = f"[{YESTERDAY.month:02d}-{YESTERDAY.day:02d} 07:14] 高峰: 打卡\n[{DAY.month:02d}-{DAY.day:02d} 07:15] 罗斌: 打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert plan == {(ids["罗斌"], DAY)}
    assert by_line[1][0][0::2] == ("other_day", YESTERDAY)


def test_another_groups_name_inside_a_phrase_of_the_title_is_no_other_group(workspace, owner, grp):
    """`线下读书会报名` pasted into 晨光早起营 while a group is called 读书会: an offline reading session, not that
    group's chain (every line was ignored). After a date or a day the name still names the group."""
    gid, ids = grp
    with workspace.session() as s:
        create_group(s, owner, "读书会")
        s.commit()
    for title in ("#接龙\n线下读书会报名", f"#接龙 {md(DAY)} 本月线下读书会打卡"):
        _by, plan, _ = outcomes(workspace, gid, f"{title}\n1. 高峰\n")
        assert plan == {(ids["高峰"], DAY)}, title
    for title in (f"#接龙 {DAY.month}月{DAY.day}日读书会打卡", "#接龙 今日读书会打卡", "#接龙 读书会 打卡"):
        by_line, plan, _ = outcomes(workspace, gid, f"{title}\n1. 高峰\n")
        assert plan == set() and by_line[2][0][1] == "other_group", title


def test_a_chain_without_a_date_pasted_after_midnight_is_yesterdays(workspace, owner, grp, monkeypatch, capsys):
    """`#接龙 早起打卡` / `1. 高峰 5:40` … pasted at 00:30 is the chain of the day that just ended: logged for today it
    named the wrong day, at a time that had not come. Its times are mostly still to come, so the preview names
    yesterday (the window asks, the CLI refuses without --date); pasted at 07:00 it is today's; a stamped chat log
    and a chain with a date keep their own days."""

    chain = "#接龙 早起打卡\n1. 高峰 5:40\n2. 罗斌 6:05\n3. 骆霞 22:10\n"
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "00:30")
    _by_line, _plan, preview = outcomes(workspace, gid := grp[0], chain)
    assert preview.title_day is None and preview.later_than_now_day == YESTERDAY
    assert preview.day_mismatch and preview.chain_day == YESTERDAY
    _by_line, _plan, preview = outcomes(workspace, gid, chain, day=YESTERDAY)  # logging yesterday: no question
    assert not preview.day_mismatch
    _by_line, _plan, preview = outcomes(workspace, gid, f"#接龙 早起打卡 {md(DAY)}\n1. 高峰 5:40\n2. 罗斌 6:05\n")
    assert not preview.day_mismatch  # dated today by its title: today's, whatever the time
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "07:00")
    _by_line, _plan, preview = outcomes(workspace, gid, chain)
    assert preview.later_than_now_day is None and not preview.day_mismatch  # 22:10 alone is not most of them


def test_the_command_line_refuses_a_chain_pasted_after_midnight_without_date(
    sqlite_path, monkeypatch, capsys, tmp_path
):
    """`qundesk checkin --paste` at 00:30 of a chain without a date whose times are still to come: refused, nothing
    logged, saying why; with --date of yesterday it is logged there."""
    from sqlalchemy import select

    from desktop.cli import main
    from desktop.workspace import actor_for, open_workspace
    from models import CheckIn

    database = open_workspace(sqlite_path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        for n in ("高峰", "罗斌"):
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))
        s.commit()
    database.dispose()
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙 早起打卡\n1. 高峰 5:40\n2. 罗斌 6:05\n", encoding="utf-8")
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "00:30")
    db = str(sqlite_path)
    assert main(["--db", db, "checkin", "--group", "晨光早起营", "--paste", str(paste)]) != 0
    assert "still to come" in capsys.readouterr().err
    args = ["--db", db, "checkin", "--group", "晨光早起营", "--date", YESTERDAY.isoformat(), "--paste", str(paste)]
    assert main(args) == 0
    database = open_workspace(sqlite_path)
    with database.session() as s:
        days = sorted(s.scalars(select(CheckIn.day)).all())
    database.dispose()
    assert days == [YESTERDAY, YESTERDAY]


def test_a_member_writing_under_the_chain_is_named_not_dropped(workspace, grp):
    """Under a chain's last entry, `骆霞 07:05` / `打卡` and a bare `侯俊` were noise: silently dropped. Each is now a
    line of that member's, outside the chain, not logged headless (a person may count it in the window); a line
    naming nobody on the roster stays noise, and a chain's own entries are untouched."""
    gid, ids = grp
    text = "#接龙 早起打卡\n1. 高峰 5:40\n2. 罗斌 5:52\n骆霞 07:05\n打卡\n侯俊\n路人甲 07:20\n"
    by_line, plan, _preview = outcomes(workspace, gid, text)
    assert plan == {(ids["高峰"], DAY), (ids["罗斌"], DAY)}
    assert by_line[4] == [("ignored", "outside_chain", DAY)] and by_line[6] == [("ignored", "outside_chain", DAY)]
    assert 7 not in by_line and 5 not in by_line
