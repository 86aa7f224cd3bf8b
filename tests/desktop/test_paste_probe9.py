"""Pasted chains and chat lines an earlier probe left open (6 December): a reminder or an @mention that logged the
writer or the one mentioned, a member whose group nickname says 请假中 read as on leave, check-in mini-program share
texts (鲸打卡, 小打卡, 打卡喵), and pastes that mix a chain with chat, repeat a chain or carry invisible characters.
Every line ends in a named outcome; nobody is logged for a line that is not their check-in."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import (
    AMBIGUOUS,
    LEAVE,
    LOGGED,
    SKIPPED,
    UNMATCHED,
    certain_plan,
    line_outcomes,
    preview_paste,
)
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)
PEOPLE = (
    ("张三", None),
    ("李四", None),
    ("王五", "王五（请假中）"),
    ("赵六", None),
    ("孙七", "孙七【请假】"),
    ("吴九", None),
    ("郑十", None),
)


def md(d) -> str:
    return f"{d.month}月{d.day}日"


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {
            n: add_member(s, owner, gid, MemberInput(display_name=n, group_nickname=g, joined_at=JOINED))[1]
            for n, g in PEOPLE
        }
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


# ---------------------------------------------------------------- 2. a group nickname that says 请假中


def test_a_group_nickname_holding_qingjia_is_the_member_not_a_leave_note(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 王五（请假中）\n3. 赵六(出差)\n4. 孙七【请假】\n5. 吴九（请假）\n"
    by_line, plan = run(workspace, gid, text)
    assert (by_line[3].outcome, names(by_line[3])) == (LOGGED, ["王五"])  # exactly 王五's group nickname
    assert (by_line[5].outcome, names(by_line[5])) == (LOGGED, ["孙七"])  # 【】 as written in the nickname
    assert (by_line[4].outcome, names(by_line[4])) == (LOGGED, ["赵六"])  # 出差 is no leave word: as before
    assert (by_line[6].outcome, names(by_line[6])) == (LEAVE, ["吴九"])  # nobody's name: a leave note
    assert plan == {(ids[n], DAY) for n in ("张三", "王五", "赵六", "孙七")}


def test_the_nickname_written_half_width_or_with_a_leave_word_besides(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {md(DAY)} 早起打卡\n1. 王五(请假中)\n2. 孙七【请假】 今天请假\n"
    by_line, plan = run(workspace, gid, text)
    assert (by_line[2].outcome, names(by_line[2])) == (LOGGED, ["王五"])  # half-width brackets: the same nickname
    assert by_line[3].outcome == LEAVE  # 今天请假 besides the nickname: on leave after all
    assert plan == {(ids["王五"], DAY)}
    text = f"#接龙 {md(DAY)} 早起打卡\n1. 孙七【请假】✅\n2. 王五（请假中）👍 6:05\n"
    by_line, plan = run(workspace, gid, text)
    assert [by_line[n].outcome for n in (2, 3)] == [LOGGED, LOGGED]  # a mark after the nickname: still theirs
    assert plan == {(ids["孙七"], DAY), (ids["王五"], DAY)}


# ---------------------------------------------------------------- 1. reminders and check-ins for someone else


def test_a_message_addressed_to_someone_about_checking_in_logs_nobody_and_asks(workspace, grp):
    """`李四: @张三 打卡` is a reminder to 张三, or 李四 reporting for 张三: neither 李四's own check-in (it was logged) nor
    张三's for certain. The line asks a person, offering both; nothing is logged headless."""
    gid, ids = grp
    text = "李四: @张三 打卡\n吴九: @郑十 打卡啦\n王五：@张三\u2005@赵六 该打卡了\n赵六: 打卡\n"
    by_line, plan = run(workspace, gid, text)
    for n, offered in ((1, {"李四", "张三"}), (2, {"吴九", "郑十"}), (3, {"王五", "张三", "赵六"})):
        assert by_line[n].outcome == AMBIGUOUS, n
        assert {c.display_name for c in by_line[n].candidates} == offered, n
        assert "@" in by_line[n].detail
    assert plan == {(ids["赵六"], DAY)}


def test_a_check_in_that_calls_someone_besides_is_still_the_writers(workspace, grp):
    gid, ids = grp
    text = "李四: 打卡✅ @张三 记得打卡哦\n吴九: @郑十 今天打卡完成 跑了5公里\n王五: 打卡 @张三\n"
    _by_line, plan = run(workspace, gid, text)
    assert plan == {(ids[n], DAY) for n in ("李四", "吴九", "王五")}


def test_a_call_to_everyone_and_a_mention_without_a_speaker_log_nobody(workspace, grp):
    gid, ids = grp
    text = "李四: @所有人 打卡啦\n@张三 打卡\n赵六: 打卡\n"
    by_line, plan = run(workspace, gid, text)
    assert by_line[1].outcome == SKIPPED and "@" in by_line[1].detail
    assert by_line[2].outcome == SKIPPED and "张三" in by_line[2].detail  # 张三 was logged for someone's call
    assert plan == {(ids["赵六"], DAY)}


def test_checking_in_for_someone_said_the_way_people_say_it_is_asked(workspace, grp):
    """`我帮张三打个卡` logged 李四 (打个卡 was not read as 打卡): it is a check-in for 张三, a person confirms."""
    gid, ids = grp
    text = "李四: 我帮张三打个卡\n吴九：替郑十签个到\n赵六: 打卡\n"
    by_line, plan = run(workspace, gid, text)
    for n, offered in ((1, {"李四", "张三"}), (2, {"吴九", "郑十"})):
        assert by_line[n].outcome == AMBIGUOUS, n
        assert {c.display_name for c in by_line[n].candidates} == offered, n
    assert plan == {(ids["赵六"], DAY)}


def test_a_stamped_chat_log_asks_for_a_message_addressed_to_someone(workspace, grp):
    gid, ids = grp
    text = f"李四 {md(DAY)} 07:05\n@张三 打卡\n\n赵六 {md(DAY)} 07:06\n打卡 第3天\n"
    by_line, plan = run(workspace, gid, text)
    assert by_line[1].outcome == AMBIGUOUS
    assert plan == {(ids["赵六"], DAY)}


# ---------------------------------------------------------------- 3. check-in mini-programs' share texts
# reconstructed from what 鲸打卡, 小打卡 and 打卡喵 write when a check-in is shared into the chat (no live samples)
SHARES_BY_A_SPEAKER = (
    "张三: 我在「鲸打卡」完成了《21天早起》第12次打卡\n"
    "李四: 我在小打卡完成了第3天打卡 https://xiaodaka.net/s/abc\n"
    "王五: [链接] 打卡喵｜早起21天 第5天\n"
    "赵六: [小程序] 鲸打卡\n"
)


def test_a_share_posted_by_a_speaker_is_the_speakers_check_in(workspace, grp):
    gid, ids = grp
    by_line, plan = run(workspace, gid, SHARES_BY_A_SPEAKER)
    assert [names(by_line[n]) for n in (1, 2, 3, 4)] == [["张三"], ["李四"], ["王五"], ["赵六"]]
    assert plan == {(ids[n], DAY) for n in ("张三", "李四", "王五", "赵六")}
    paired = "张三\n我在「鲸打卡」完成了《21天早起》第12次打卡\n李四\n小打卡｜21天早起计划 第3天\n"  # PC WeChat's copy
    _by_line, plan = run(workspace, gid, paired)
    assert plan == {(ids["张三"], DAY), (ids["李四"], DAY)}


def test_a_share_on_its_own_logs_the_person_it_names(workspace, grp):
    """`王五在「打卡喵」坚持打卡第7天` was a fuzzy guess (「王五在「打卡喵」坚持」 → 王五?) for a person to choose, and
    `赵六完成了第5次打卡 via 鲸打卡` too: the share names its person, who is logged."""
    gid, ids = grp
    text = (
        "张三 在小打卡完成了第3天打卡 https://xiaodaka.net/s/abc\n"
        "【小打卡】李四 已完成今日打卡\n"
        "王五在「打卡喵」坚持打卡第7天，快来一起吧！\n"
        "赵六完成了第5次打卡 via 鲸打卡\n"
    )
    by_line, plan = run(workspace, gid, text)
    assert [(by_line[n].outcome, names(by_line[n])) for n in (1, 2, 3, 4)] == [
        (LOGGED, ["张三"]),
        (LOGGED, ["李四"]),
        (LOGGED, ["王五"]),
        (LOGGED, ["赵六"]),
    ]
    assert plan == {(ids[n], DAY) for n in ("张三", "李四", "王五", "赵六")}


def test_a_share_naming_nobody_asks_whose_it_is(workspace, grp):
    """`我在「鲸打卡」完成了…` on a line of its own (the message copied without its sender) was read as the list's title,
    or chat noise: a check-in dropped without a word. It is now unmatched, saying it is a share naming nobody."""
    gid, ids = grp
    for text, n in (
        ("我在「鲸打卡」完成了《21天早起》第12次打卡\n张三\n李四\n", 1),
        (f"#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 我在「鲸打卡」完成了《21天早起》第12次打卡\n3. 李四\n", 3),
        ("张三: 打卡\n我在小打卡完成了第3天打卡\n", 2),
    ):
        by_line, plan = run(workspace, gid, text)
        assert by_line[n].outcome == UNMATCHED, text
        assert "鲸打卡" not in by_line[n].detail and "分享" in by_line[n].detail, text
        assert plan == {(ids["张三"], DAY), (ids["李四"], DAY)} - ({(ids["李四"], DAY)} if n == 2 else set()), text


def test_a_card_title_alone_and_a_link_in_a_chain_description_are_no_check_ins(workspace, grp):
    gid, ids = grp
    text = "小打卡 | 早起21天 第3天\n张三\n李四\n"
    by_line, plan = run(workspace, gid, text)
    assert by_line[1].outcome == SKIPPED
    assert plan == {(ids["张三"], DAY), (ids["李四"], DAY)}


# ---------------------------------------------------------------- 4. two chains, repeats, invisible characters


def test_yesterdays_chain_then_todays_is_todays_paste_whichever_comes_first(workspace, grp):
    """Two chains pasted together, yesterday's first: the paste was "dated yesterday" (the CLI refused it, the window
    asked which day) although today's chain is in it — the same two pasted the other way round were logged. Each
    line is its own chain's: today's logged, yesterday's another day."""
    gid, ids = grp
    yesterday = DAY - timedelta(days=1)
    first = f"#接龙 {md(yesterday)} 早起打卡\n1. 张三\n2. 李四\n"
    second = f"#接龙 {md(DAY)} 早起打卡\n1. 王五\n2. 赵六\n"
    for text in (first + second, second + first):
        with workspace.session() as s:
            preview = preview_paste(s, gid, DAY, text)
        assert not preview.day_mismatch, text
        plan = {(p.membership_id, p.day) for p in certain_plan(preview.matches)}
        assert plan == {(ids["王五"], DAY), (ids["赵六"], DAY)}
        others = {m.line.raw for m in preview.matches if m.status == "other_day"}
        assert others == {"1. 张三", "2. 李四"}
    with workspace.session() as s:  # logged for yesterday, the other way about
        preview = preview_paste(s, gid, yesterday, first + second)
    assert not preview.day_mismatch
    assert {(p.membership_id, p.day) for p in certain_plan(preview.matches)} == {
        (ids["张三"], yesterday),
        (ids["李四"], yesterday),
    }
    with workspace.session() as s:  # neither day: asked, as before
        preview = preview_paste(s, gid, DAY - timedelta(days=3), first + second)
    assert preview.day_mismatch


def test_chat_between_and_above_a_chains_lines_is_each_members_own_line(workspace, grp):
    """`赵六: 我也打卡` between a chain's entries, and `李四: 早上好` above its #接龙, were chat noise or a title — 赵六's
    line dropped without a word. Each is now that member's line written outside the chain: named, not logged (the
    window lets a person count it), as a line under the chain's last entry already was."""
    gid, ids = grp
    text = (
        "李四: 早上好\n吴九: 收到\n"
        f"#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 李四\n赵六: 我也打卡\n3. 王五\n郑十: 收到\n4. 孙七\n"
    )
    by_line, plan = run(workspace, gid, text)
    for n, who in ((1, "李四"), (2, "吴九"), (6, "赵六"), (8, "郑十")):
        assert by_line[n].outcome == SKIPPED, n
        assert names(by_line[n]) == [who] and "接龙外面" in by_line[n].detail, n
    assert plan == {(ids[n], DAY) for n in ("张三", "李四", "王五", "孙七")}


def test_the_one_who_posted_the_chain_is_not_a_line_outside_it(workspace, grp):
    gid, ids = grp
    text = f"李四 07:05\n#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 李四\n"
    by_line, plan = run(workspace, gid, text)
    assert by_line[1].outcome == SKIPPED and by_line[1].who == ()
    assert plan == {(ids["张三"], DAY), (ids["李四"], DAY)}


def test_a_chain_pasted_twice_logs_each_person_once(workspace, grp):
    gid, ids = grp
    chain = f"#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 李四\n"
    by_line, plan = run(workspace, gid, chain + chain + "3. 王五\n")
    assert [by_line[n].outcome for n in (2, 3, 5, 6, 7)] == [LOGGED, LOGGED, "already", "already", LOGGED]
    assert plan == {(ids[n], DAY) for n in ("张三", "李四", "王五")}


def test_invisible_characters_and_full_width_digits_do_not_change_whom_a_line_names(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {md(DAY)} 早起打卡\n１. 张\u200b三\n２．李四\u00a06:05\n3. 王五\u3000\n4.\u200b赵六\n"
    by_line, plan = run(workspace, gid, text)
    assert [names(by_line[n]) for n in (2, 3, 4, 5)] == [["张三"], ["李四"], ["王五"], ["赵六"]]
    assert by_line[3].time == "06:05"
    assert plan == {(ids[n], DAY) for n in ("张三", "李四", "王五", "赵六")}


def test_numbering_that_starts_again_without_a_title_is_said(workspace, grp):
    """1..3 then 1..3 again with other people and no title between: a second chain whose day the paste does not say.
    Its lines were logged on the day chosen without a word; they still are (a section of the same day is as
    likely), and the preview says where the numbering starts again. The same chain copied twice is not such a
    restart, nor is a second chain with its own title."""
    gid, ids = grp
    text = f"#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 李四\n3. 王五\n1. 赵六\n2. 吴九\n3. 张三\n"
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    assert preview.restarted_at == 5
    assert {(p.membership_id, p.day) for p in certain_plan(preview.matches)} == {
        (ids[n], DAY) for n in ("张三", "李四", "王五", "赵六", "吴九")
    }
    again = "1. 张三\n2. 李四\n1. 张三\n2. 李四\n3. 王五\n"  # copied twice as it grew
    titled = f"#接龙 {md(DAY)} 早起打卡\n1. 张三\n2. 李四\n#接龙 {md(DAY)} 晚安打卡\n1. 赵六\n"
    for text in (again, titled):
        with workspace.session() as s:
            assert preview_paste(s, gid, DAY, text).restarted_at is None, text


def test_the_cli_says_where_the_numbering_starts_again(sqlite_path, tmp_path, capsys):
    from desktop.cli import main
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(sqlite_path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        for n, _g in PEOPLE:
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))
        s.commit()
    database.dispose()
    paste = tmp_path / "chains.txt"
    paste.write_text("#接龙 早起打卡\n1. 张三\n2. 李四\n1. 赵六\n2. 吴九\n", encoding="utf-8")
    args = ["--db", str(sqlite_path), "checkin", "--group", "晨光早起营", "--date", DAY.isoformat()]
    assert main([*args, "--paste", str(paste)]) == 0
    err = capsys.readouterr().err
    assert "第4行起接龙编号重新从1开始" in err and "line 4" in err


def test_a_name_and_a_question_about_checking_in_is_no_check_in(workspace, grp):
    """`王五 打卡了吗？` among chat lines or in a list of names logged 王五: someone asks whether 王五 checked in (or
    王五 asks). It is a question, named and not logged; `吴九 打卡` still is 吴九's."""
    gid, ids = grp
    for text in (
        "李四: 打卡\n王五 打卡了吗？\n赵六 打卡没有\n吴九 打卡\n",
        "李四\n王五 打卡了吗？\n赵六 打卡没有\n吴九 打卡\n",
    ):
        by_line, plan = run(workspace, gid, text)
        for n, who in ((2, "王五"), (3, "赵六")):
            assert by_line[n].outcome == SKIPPED and names(by_line[n]) == [who], text
        assert plan == {(ids["李四"], DAY), (ids["吴九"], DAY)}, text


def test_pc_wechats_copy_of_one_message_addressed_to_someone_asks(workspace, grp):
    """PC WeChat copies 李四's message as `李四` / `@张三 打卡`: it was read as a list — 李四 logged, the @line a
    mention. A line opening with @ is a message, never a name of a list: the copy is 李四's message, and asks."""
    gid, ids = grp
    by_line, plan = run(workspace, gid, "李四\n@张三 打卡\n")
    assert by_line[1].outcome == AMBIGUOUS
    assert {c.display_name for c in by_line[1].candidates} == {"李四", "张三"}
    assert plan == set()


def test_two_copies_of_a_chat_in_different_layouts_read_each_line_as_written(workspace, grp):
    """A phone's `李四: 打卡` and PC WeChat's `王五 07:05` / `打卡` pasted together. `李四: 打卡` after a blank line was
    the message of 王五 above it (王五's message, 李四 not logged — the wrong person named), and `王五 07:05` among
    `name: message` lines was chat noise, its 打卡 shown as 李四's message. A member's line of the other layout, where
    a message begins, is that member's; right under a message (no blank line) it stays part of it (a quote)."""
    gid, ids = grp
    stamped_first = "王五 07:05\n打卡\n\n李四: 打卡\n\n赵六 07:06\n打卡\n"
    by_line, plan = run(workspace, gid, stamped_first)
    assert (by_line[4].outcome, names(by_line[4])) == (LOGGED, ["李四"])
    assert plan == {(ids[n], DAY) for n in ("王五", "李四", "赵六")}
    colon_first = "李四: 打卡\n王五 07:05\n打卡\n赵六: 打卡\n"
    by_line, plan = run(workspace, gid, colon_first)
    assert (by_line[2].outcome, names(by_line[2])) == (LOGGED, ["王五"]) and by_line[3].message_of == 2
    assert plan == {(ids[n], DAY) for n in ("王五", "李四", "赵六")}


def test_a_message_saying_another_member_checked_in_asks_who(workspace, grp):
    """`王五: 赵六已打卡`, `李四: 张三刚打卡`, `吴九: 郑十让我帮他打卡` logged the writer: each says another member
    checked in (or asks for it). The line asks a person, offering the writer and the one named. `张三也打卡了` ("too":
    the writer's own) and `打卡✅ 赵六已打卡` are the writer's."""
    gid, ids = grp
    text = "王五: 赵六已打卡\n李四: 张三刚打卡\n吴九: 郑十让我帮他打卡\n张三: 打卡\n"
    by_line, plan = run(workspace, gid, text)
    for n, offered in ((1, {"王五", "赵六"}), (2, {"李四", "张三"}), (3, {"吴九", "郑十"})):
        assert by_line[n].outcome == AMBIGUOUS, n
        assert {c.display_name for c in by_line[n].candidates} == offered, n
        assert "别人打卡" in by_line[n].detail, n
    assert plan == {(ids["张三"], DAY)}
    _by_line, plan = run(workspace, gid, "李四: 张三也打卡了\n王五: 打卡✅ 赵六已打卡\n吴九: 今天已打卡\n")
    assert plan == {(ids["李四"], DAY), (ids["王五"], DAY), (ids["吴九"], DAY)}
