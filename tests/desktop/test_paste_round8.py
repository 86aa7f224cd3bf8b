"""Eighth paste probe (December 2026): chains and chat lines from where earlier rounds did not look — WeCom, QQ and
DingTalk chains, PC WeChat copies, 繁體, numbering in Chinese numerals, replies and lines posted for someone else,
names that are numbers. One test per wrong or silent result, at the shared mechanism."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import certain_plan, preview_paste
from desktop.services.roster import MemberInput, add_member

DAY = date(2026, 12, 6)  # these tests' own day, whatever day the suite runs on
JOINED = datetime(2025, 3, 10, 4, 0)
NAMES = ("张三", "李四", "王五", "小雨", "阳光", "一一", "001", "Amy", "静", "欧阳 娜娜", "Anna Li", "刘洋", "孙浩")


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        s.commit()
    return gid, ids


def outcomes(workspace, gid, text, day=DAY):
    """{line number: [(status, membership or None, time) per person]} and the (membership, day) pairs logged."""
    with workspace.session() as s:
        preview = preview_paste(s, gid, day, text)
    by_line: dict[int, list] = {}
    for m in preview.matches:
        by_line.setdefault(m.line.line_no, []).append((m.status, m.membership_id, m.time))
    plan = {(p.membership_id, p.day) for p in certain_plan(preview.matches)}
    return by_line, plan, preview


def test_the_person_a_line_replies_to_is_not_checked_in(workspace, grp):
    """`李四 回复 张三：加油` (QQ's reply, typed into a chain) logged 张三 as well — a check-in for someone who had not
    posted one; so did `回复@一一`, `引用 孙浩：`. The one replied to or quoted is nobody's second person."""
    gid, ids = grp
    text = "#接龙 12月6日 早起打卡\n1. 李四 回复 张三：加油\n2. 阳光 回复@一一: 早\n3. 刘洋 引用 孙浩：打卡\n4. 王五 6:01\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[2] == [("matched", ids["李四"], None)]
    assert by_line[3] == [("matched", ids["阳光"], None)]
    assert by_line[4] == [("matched", ids["刘洋"], None)]
    assert plan == {(ids[n], DAY) for n in ("李四", "阳光", "刘洋", "王五")}
    # a message quoted on the line (WeChat's 「name：text」) was its second person too
    text = "#接龙 早起打卡\n1. 王五 「小雨：早」\n2. 李四「张三：加油」\n3. 「一一」\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[2] == [("matched", ids["王五"], None)] and by_line[3] == [("matched", ids["李四"], None)]
    assert plan == {(ids[n], DAY) for n in ("王五", "李四", "一一")}


def test_a_line_posted_for_someone_with_dai_glued_to_their_name_is_for_a_person_to_decide(workspace, grp):
    """`阳光 代一一` logged 阳光 — the check-in 阳光 posted for 一一 went to 阳光, and 一一 had none; only `代 一一` with a
    space was seen. 代/替 glued to a name that ends the line is a line for someone else (a person decides); 代课,
    代表 and 代打卡 are words."""
    gid, ids = grp
    text = "#接龙 早起打卡\n1. 阳光 代一一\n2. 王五 替Amy\n3. 孙浩 代课\n4. 刘洋 代打卡\n5. 李四 代表\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert [s for s, _m, _t in by_line[2]] == ["ambiguous", "ambiguous"]
    assert [s for s, _m, _t in by_line[3]] == ["ambiguous", "ambiguous"]
    assert plan == {(ids[n], DAY) for n in ("孙浩", "刘洋", "李四")}


def test_a_chain_numbered_in_chinese_numerals_is_a_chain(workspace, grp):
    """`一、欧阳 娜娜`, `二、Anna Li 6:30`: a chain numbered 一、二、… was all noise — nobody logged and every line
    "skipped". Its description lines (`一、时间：周六`, `三、打卡规则`) stay headers; the name 一一 is no number."""
    gid, ids = grp
    text = "早起打卡 12月6日\n一、张三 5:50\n二、Anna Li 6:30\n三、欧阳 娜娜\n十一、一一\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[2] == [("matched", ids["张三"], "05:50")] and by_line[3] == [("matched", ids["Anna Li"], "06:30")]
    assert plan == {(ids[n], DAY) for n in ("张三", "Anna Li", "欧阳 娜娜", "一一")}
    text = "#接龙 读书会\n一、时间：周六下午2点\n二、地点：图书馆\n三、打卡规则\n1. 李四\n一一\n"
    by_line, plan, preview = outcomes(workspace, gid, text)
    assert [line.kind for line in preview.lines[1:4]] == ["header", "header", "header"]
    assert plan == {(ids["李四"], DAY)}


def test_a_chain_in_traditional_characters_reads_its_words(workspace, grp):
    """A 繁體 chain: `王五 請假` was logged as a check-in, `一一 還沒打卡` too, `阳光 補12月3號` was logged on the 6th
    and not late, `孙浩 6點半` lost its time, `謝謝老師` and `怎麼打卡` in a chat counted as check-ins. The words read
    as their simplified forms; names stay as written."""
    gid, ids = grp
    text = (
        "#接龍 早起打卡\n1. 李四 補卡\n2. 王五 請假\n3. 阳光 補12月3號\n4. 一一 還沒打卡\n5. 孙浩 6點半\n6. 小雨 簽到\n"
    )
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    got = {m.line.line_no: (m.status, m.day, m.late, m.time) for m in preview.matches}
    assert got[2] == ("matched", DAY, True, None)
    assert got[3][0] == "leave"
    assert got[4] == ("matched", date(2026, 12, 3), True, None)
    assert got[5][0] == "ignored"
    assert got[6] == ("matched", DAY, False, "06:30")
    plan = {(p.membership_id, p.day) for p in certain_plan(preview.matches)}
    assert plan == {(ids["李四"], DAY), (ids["阳光"], date(2026, 12, 3)), (ids["孙浩"], DAY), (ids["小雨"], DAY)}
    text = "李四: 收到，謝謝老師\n阳光: 怎麼打卡\n刘洋: 打卡\n"
    _by, plan, preview = outcomes(workspace, gid, text)
    assert [(line.ignored) for line in preview.lines] == ["chatter", "question", None]
    assert plan == {(ids["刘洋"], DAY)}


def test_a_member_whose_name_is_a_number_is_logged_from_a_chain(workspace, grp):
    """`7. 001` (a member called 001) was noise — skipped as chat, 001 not logged — while `7. 001 ✅` was logged: a
    number alone names nobody, unless it is a member's name for certain. `2. 123` (nobody) stays noise."""
    gid, ids = grp
    text = "#接龙 早起打卡\n1. 张三\n2. 123\n3. 001\n4. 李四\n"
    by_line, plan, preview = outcomes(workspace, gid, text)
    assert by_line[4] == [("matched", ids["001"], None)]
    assert 3 not in by_line and preview.lines[2].kind == "noise"
    assert plan == {(ids[n], DAY) for n in ("张三", "001", "李四")}
    by_line, plan, _ = outcomes(workspace, gid, "早起打卡 12月6日\n1 张三\n2 001 6:05\n")
    assert by_line[3] == [("matched", ids["001"], "06:05")]
    # a QQ export: the speaker 001(987654321) was no speaker, their stamp and 打卡 chat noise
    text = "2026-12-06 06:01:12 张三(123456789)\n打卡\n2026-12-06 06:05:33 001(987654321)\n打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[3] == [("matched", ids["001"], "06:05")]
    assert plan == {(ids["张三"], DAY), (ids["001"], DAY)}


def test_a_line_wrapped_in_two_is_not_a_chain_number_and_a_name(workspace, grp):
    """`3. 小雨 今天跑了` / `5公里` (a line wrapped by the phone): `5公里` was chain entry 5, a person called 公里 to
    pick or add. A number followed by a unit is the rest of the line above."""
    gid, ids = grp
    text = "#接龙 12月6日早起\n1. 张三 5:40\n2. 小雨 今天跑了\n5公里\n3. 阳光\n4. 王五\n"
    by_line, plan, preview = outcomes(workspace, gid, text)
    assert 4 not in by_line and preview.lines[3].kind == "noise"
    assert plan == {(ids[n], DAY) for n in ("张三", "小雨", "阳光", "王五")}


def test_a_plain_list_whose_first_lines_carry_a_date_word_logs_them(workspace, grp):
    """`张三 今天跑了5公里` / `李四 12月6日` at the top of a plain list were read as its title (a date word in them):
    skipped as headers, 张三 and 李四 not logged. A member's name first is an entry; a title stays one."""
    gid, ids = grp
    text = "张三 今天跑了5公里\n李四 今天读书30页\n王五\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[1] == [("matched", ids["张三"], None)] and by_line[2] == [("matched", ids["李四"], None)]
    assert plan == {(ids[n], DAY) for n in ("张三", "李四", "王五")}
    _by, plan, preview = outcomes(workspace, gid, "阳光 12月6日\n一一 12月6日\n")
    assert plan == {(ids["阳光"], DAY), (ids["一一"], DAY)}
    by_line, plan, preview = outcomes(workspace, gid, "晨光早起营 12月6日\n张三打卡\n李四\n")
    assert 1 not in by_line and 2 not in by_line  # a title, and a list that starts with 张三打卡 (its title)
    assert plan == {(ids["李四"], DAY)} and preview.title_day == DAY


def test_a_line_for_someone_else_written_with_spaces_is_for_a_person_to_decide(workspace, grp):
    """`一一 帮 张三 打卡` logged 一一 and 张三, `李四: 帮王五 打卡` logged 李四, `替 Amy 打卡`, `帮001打卡` alike — only
    `帮张三打卡` written together was seen as a line for someone else. A roster name written apart from its 打卡, or a
    number that is a member's name, is one too; `帮妈妈做饭 打卡` names nobody and stays the poster's."""
    gid, ids = grp
    text = "#接龙 早起打卡\n1. 一一 帮 张三 打卡\n2. 小雨 替 Amy 打卡\n3. 阳光 帮001打卡\n4. 孙浩 帮妈妈做饭 打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    for n in (2, 3, 4):
        assert [s for s, _m, _t in by_line[n]] == ["ambiguous", "ambiguous"], n
    assert plan == {(ids["孙浩"], DAY)}
    by_line, plan, _ = outcomes(workspace, gid, "李四: 帮王五 打卡\n刘洋: 打卡\n")
    assert [s for s, _m, _t in by_line[1]] == ["ambiguous", "ambiguous"]
    assert plan == {(ids["刘洋"], DAY)}


def test_a_count_before_the_name_is_no_person(workspace, grp):
    """`3. 12/21 王五` (day 12 of 21, then the name) and `6. 5km 一一` were a choice between the member and a person
    called 12 / 5km: nobody logged. A count or a measure is the line's progress, never a person."""
    gid, ids = grp
    text = "#接龙 早起打卡\n1. 12/21 王五\n2. 5km 一一\n3. 30页 张三\n4. 小雨 (3/30)\n5. 刘洋/孙浩\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[2] == [("matched", ids["王五"], None)] and by_line[3] == [("matched", ids["一一"], None)]
    assert plan == {(ids[n], DAY) for n in ("王五", "一一", "张三", "小雨", "刘洋", "孙浩")}


def test_a_chain_line_with_its_own_date_is_never_logged_on_another_day(workspace, grp):
    """DingTalk's and Feishu's 接龙 write when each person joined (`1. 张三 12-05 06:01`): logged for the 6th, the lines
    of the 5th were logged on the 6th — the wrong day, the chain's title naming none. A line's own date before its
    time dates it, as a chat stamp does; `12/21 6:01` (a count) does not."""
    gid, ids = grp
    text = "【接龙】早起打卡\n1. 张三 12-05 06:01\n2. 李四 2026/12/05 06:05\n3. 王五 12-06 06:02\n4. 小雨 12/21 6:10\n"
    by_line, plan, preview = outcomes(workspace, gid, text)
    assert [s for s, _m, _t in by_line[2] + by_line[3]] == ["other_day", "other_day"]
    assert {m.day for m in preview.matches if m.line.line_no in (2, 3)} == {date(2026, 12, 5)}
    assert plan == {(ids["王五"], DAY), (ids["小雨"], DAY)}
    # the lines name two days, the one being logged among them: its lines logged, the 5th's said (other_day) — no
    # "the chain is dated the 5th" asked of a list that dates each line itself (it was, before 7 December)
    assert preview.title_day == DAY and not preview.day_mismatch
    # the top lines of a plain list dated another day (read as its title before): that day's, not logged here
    by_line, plan, _ = outcomes(workspace, gid, "张三 12月5日\n李四 12月6日\n王五\n")
    assert by_line[1][0][0] == "other_day"
    assert plan == {(ids["李四"], DAY), (ids["王五"], DAY)}


def test_a_copy_with_the_time_under_the_name_keeps_its_time_and_day(workspace, grp):
    """`张三` / `12-05 23:59` / `打卡` (a 聊天记录 opened and copied, the time on its own line under the name): 张三's
    message of the 5th was logged on the 6th and every time was lost; under a `…的聊天记录` title the whole copy was
    a list (the title a person to pick, 收到 and 早安打卡 people called 收到 and 早安). The line under the name is
    the speaker's stamp."""
    gid, ids = grp
    text = "张三\n12-05 23:59\n打卡\n李四\n12-06 06:01\n打卡\n王五\n12-06 06:03\n打卡\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[1][0][0] == "other_day"
    assert by_line[4] == [("matched", ids["李四"], "06:01")] and by_line[7] == [("matched", ids["王五"], "06:03")]
    assert plan == {(ids["李四"], DAY), (ids["王五"], DAY)}
    text = "晨光早起营的聊天记录\n张三\n12-06 06:01\n打卡\n李四\n12-06 06:05\n早安打卡\n阳光\n12-06 06:07\n收到\n"
    by_line, plan, preview = outcomes(workspace, gid, text)
    assert by_line[2] == [("matched", ids["张三"], "06:01")] and by_line[5] == [("matched", ids["李四"], "06:05")]
    assert preview.lines[0].kind == "header" and preview.lines[7].ignored == "chatter"
    assert plan == {(ids["张三"], DAY), (ids["李四"], DAY)}


def test_a_chain_numbered_no_1_or_hash_is_a_chain(workspace, grp):
    """`No.1 张三`, `#3 王五`, `4# 小雨`, `第5位 阳光`: the number was read as a second, unknown person on every line
    (No.1, #3 …) and the whole chain waited for a choice, nobody logged."""
    gid, ids = grp
    text = "#接龙 早起打卡\nNo.1 张三\nNO.2 李四 6:01\n#3 王五\n4# 小雨\n第5位 阳光\n"
    by_line, plan, _ = outcomes(workspace, gid, text)
    assert by_line[3] == [("matched", ids["李四"], "06:01")]
    assert plan == {(ids[n], DAY) for n in ("张三", "李四", "王五", "小雨", "阳光")}
