"""Sixth paste probe (6 December): lines that named the wrong person or outcome.

- `刘洋：今天打卡❌不了，请假` was logged as 刘洋's check-in (打卡 on the line read as a check-in): it is 请假.
- `张伟 替李纳请假` reported 张伟 on leave: 李纳 is, 张伟 only passed it on.
- `🐱🐱 🍀` (two members' emoji-only nicknames) logged only the first."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import LEAVE, certain_plan, line_outcomes, match_paste, preview_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {
            n: add_member(s, owner, gid, MemberInput(display_name=n, nickname=nick, joined_at=JOINED))[1]
            for n, nick in (
                ("刘洋", None),
                ("张伟", None),
                ("李纳", None),
                ("姚露", "🐱🐱"),
                ("蒋欣", "🍀"),
                ("王磊", None),
            )
        }
        s.commit()
    return gid, ids


def run(workspace, gid, text):
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    plan = {p.membership_id for p in certain_plan(preview.matches)}
    lines = {x.line_no: x for x in line_outcomes(preview.lines, preview.matches, set(), set())}
    return lines, plan


@pytest.mark.parametrize(
    "said", ["今天打卡❌不了，请假", "今天打卡不了 请假", "打不了卡，请假一天", "今天无法打卡 请个假"]
)
def test_a_denied_check_in_with_leave_is_leave(workspace, grp, said):
    gid, ids = grp
    for text in (f"#接龙\n{DAY.month}月{DAY.day}日打卡\n1. 王磊\n2. 刘洋：{said}\n", f"王磊: 打卡\n刘洋: {said}\n"):
        lines, plan = run(workspace, gid, text)
        line = lines[len(text.splitlines())]
        assert line.outcome == LEAVE, (text, line.outcome, line.detail)
        assert {c.membership_id for c in line.who} == {ids["刘洋"]}
        assert plan == {ids["王磊"]}


def test_leave_sent_for_someone_else_is_theirs(workspace, grp):
    gid, ids = grp
    lines, plan = run(
        workspace, gid, f"#接龙 {DAY.month}月{DAY.day}日打卡\n1. 王磊\n2. 张伟 替李纳请假\n3. 刘洋 帮张伟请假\n"
    )
    assert lines[3].outcome == LEAVE and {c.membership_id for c in lines[3].who} == {ids["李纳"]}
    assert lines[4].outcome == LEAVE and {c.membership_id for c in lines[4].who} == {ids["张伟"]}
    assert plan == {ids["王磊"]}


def test_two_emoji_nicknames_on_one_line_are_two_people(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, f"#接龙 {DAY.month}月{DAY.day}日打卡\n1. 王磊\n2. 🐱🐱 🍀\n3. 🍀\n")
    on_3 = [(m.status, m.membership_id) for m in preview.matches if m.line.line_no == 3]
    assert on_3 == [("matched", ids["姚露"]), ("matched", ids["蒋欣"])]
    assert [m.status for m in preview.matches if m.line.line_no == 4] == ["duplicate"]
    assert {p.membership_id for p in certain_plan(preview.matches)} == {ids["王磊"], ids["姚露"], ids["蒋欣"]}


# ---------------------------------------------------------------- found writing the sixth corpus (76–101)


def _by_line(workspace, gid, text, day=DAY):
    with workspace.session() as s:
        preview = preview_paste(s, gid, day, text)
    by_line: dict[int, list] = {}
    for m in preview.matches:
        by_line.setdefault(m.line.line_no, []).append((m.status, m.reason, m.membership_id))
        assert m.status != "leave" or m.day == day  # a leave is the logged day's
    return by_line, {(p.membership_id, p.day) for p in certain_plan(preview.matches)}


def test_a_red_packet_or_an_at_reply_in_a_chat_log_is_no_check_in(workspace, grp):
    gid, ids = grp
    for text in (
        "张伟：打卡\n王磊：[红包]\n刘洋：@张伟 你今天好早\n李纳：打卡\n",
        f"张伟 {DAY:%Y/%m/%d} 7:01:22\n打卡\n王磊 {DAY:%Y/%m/%d} 7:02:00\n[红包]恭喜发财，大吉大利\n"
        f"刘洋 {DAY:%Y/%m/%d} 7:03:00\n@张伟 你今天好早\n李纳 {DAY:%Y/%m/%d} 7:04:00\n打卡\n",
    ):
        by_line, plan = _by_line(workspace, gid, text)
        assert plan == {(ids["张伟"], DAY), (ids["李纳"], DAY)}, text
        statuses = sorted(v[0][:2] for v in by_line.values() if v[0][0] == "ignored")
        assert statuses == [("ignored", "mention"), ("ignored", "system")], text
    by_line, plan = _by_line(workspace, gid, "张伟：打卡\n刘洋：@张伟 我也打卡了\n")  # says 打卡: it is one
    assert plan == {(ids["张伟"], DAY), (ids["刘洋"], DAY)}


def test_a_line_naming_one_member_two_ways_is_certain(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        ids["赵静"] = add_member(
            s, owner, gid, MemberInput(display_name="赵静", group_nickname="乐乐妈妈", joined_at=JOINED)
        )[1]
        s.commit()
    by_line, plan = _by_line(workspace, gid, f"#接龙 {DAY.month}月{DAY.day}日 共读\n1. 乐乐妈妈（赵静）今天讲了两本\n")
    assert by_line[2] == [("matched", None, ids["赵静"])]
    assert plan == {(ids["赵静"], DAY)}


def test_a_preview_section_logged_on_its_own_day_is_no_check_in(workspace, grp):
    gid, ids = grp
    before = DAY - timedelta(days=1)
    text = f"#接龙 {before.month}月{before.day}日今日打卡\n1. 张伟 6:00\n\n明日预告（{DAY.month}月{DAY.day}日）\n1. 王磊 报名\n2. 刘洋 报名\n"
    by_line, plan = _by_line(workspace, gid, text)
    assert by_line[5][0][:2] == ("ignored", "preview") and by_line[6][0][:2] == ("ignored", "preview")
    assert by_line[2][0][0] == "other_day"
    assert plan == set()


def test_tomorrows_leave_posted_the_evening_before_is_leave_on_the_day(workspace, grp):
    gid, ids = grp
    eve = DAY - timedelta(days=1)
    text = (
        f"李纳(23456789) {DAY:%Y-%m-%d} 06:03:44\n早起打卡\n"
        f"张伟(45678901) {eve:%Y-%m-%d} 22:10:00\n明天请假\n"
        f"刘洋(45678902) {eve:%Y-%m-%d} 22:12:00\n打卡\n"
    )
    by_line, plan = _by_line(workspace, gid, text)
    assert by_line[3][0][0] == "leave"
    assert by_line[5][0][0] == "other_day"  # an ordinary message of the evening before stays that day's
    assert plan == {(ids["李纳"], DAY)}


def test_a_mention_after_the_name_is_not_a_second_person(workspace, grp):
    gid, ids = grp
    text = f"#接龙 {DAY.month}月{DAY.day}日打卡\n1. 刘洋 5:50 @王磊 快来\n2. 张伟 @李纳 @王磊 起床了\n"
    by_line, plan = _by_line(workspace, gid, text)
    assert by_line[2] == [("matched", None, ids["刘洋"])] and by_line[3] == [("matched", None, ids["张伟"])]
    assert plan == {(ids["刘洋"], DAY), (ids["张伟"], DAY)}


@pytest.mark.parametrize("fmt", ["星期{w} {m}月{d}日", "{m}月{d}日 (周{w})", "—— {m}月{d}日（星期{w}）——"])
def test_a_date_separator_with_its_weekday_dates_the_lines_under_it(workspace, grp, fmt):
    gid, ids = grp
    nxt = DAY + timedelta(days=1)
    wd = "一二三四五六日"
    sep = [fmt.format(m=d.month, d=d.day, w=wd[d.weekday()]) for d in (DAY, nxt)]
    by_line, plan = _by_line(workspace, gid, f"{sep[0]}\n张伟：打卡\n李纳：打卡\n{sep[1]}\n王磊：打卡\n")
    assert by_line[5][0][0] == "other_day"
    assert plan == {(ids["张伟"], DAY), (ids["李纳"], DAY)}


def test_a_sign_up_crossed_out_or_marked_cancelled_is_withdrawn(workspace, grp):
    gid, ids = grp
    text = "#接龙 周六读书分享会报名\n1. 张伟 +1\n2. 王磊（已取消）\n3. 刘洋 ❌\n4. 李纳 临时有事去不了了，抱歉\n5. 姚露 上次没来 这次一定来\n"
    with workspace.session() as s:
        matches = match_paste(s, gid, text, signups=True)
    got = {m.line.line_no: (m.status, m.reason) for m in matches}
    assert got == {
        2: ("matched", None),
        3: ("ignored", "withdrawn"),
        4: ("ignored", "withdrawn"),
        5: ("ignored", "withdrawn"),
        6: ("matched", None),
    }


def test_the_organisers_count_in_a_chat_log_is_not_their_check_in(workspace, grp):
    gid, ids = grp
    text = "王磊：今日打卡统计：已打卡3人\n王磊：未打卡：刘洋\n张伟：打卡\n李纳：打卡 统计一下我的天数\n"
    by_line, plan = _by_line(workspace, gid, text)
    assert by_line[1][0][:2] == ("ignored", "not_done")
    assert plan == {(ids["张伟"], DAY), (ids["李纳"], DAY)}
