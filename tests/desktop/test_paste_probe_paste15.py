"""What a chain line says, part five (probe paste15, 7 December): the lines probe paste14 left, and a week of chains.

* A make-up naming several days (`王五 补昨天和今天`, `补前天和昨天`, `补1号2号`, `补今天和昨天的卡`): only the first day
  was logged (or today's only), the others lost without a word. Each day named is its own row now (today's on time).
* Family: `帮我老婆李芳也打一下卡` logged the writer, 李芳 dropped unsaid (asked now, both offered); `张三 帮我家孩子打卡`
  offered to add a member called 我家孩子 (asked now for 张三, the family said); `余丽娜和老公`, `刘红一家三口` were asked
  (the member is logged now, the family said not to be); `张三 我和老公都打了` said nothing of the husband."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from tests.paste_run import paste_run

DAY = TEST_TODAY
BEFORE = DAY - timedelta(days=1)
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("张三", "李四", "王五", "赵六", "余丽娜", "刘红", "Ryan", "李芳")


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


# ---------------------------------------------------------------- 3. a make-up naming several days


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("王五 补昨天和今天", {BEFORE: True, DAY: False}),
        ("王五 补前天和昨天", {DAY - timedelta(days=2): True, BEFORE: True}),
        ("王五 补1号2号", {date(DAY.year, DAY.month, 1): True, date(DAY.year, DAY.month, 2): True}),
        ("王五 6:05 补今天和昨天的卡", {BEFORE: True, DAY: False}),
        ("王五 补卡 昨天、前天", {BEFORE: True, DAY - timedelta(days=2): True}),
        ("王五 补昨天", {BEFORE: True}),  # one day: as before
    ],
)
def test_a_makeup_of_several_days_logs_each(workspace, grp, line, days):
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert {d: p.late for (_mid, d), p in plan.items()} == days
    assert {mid for mid, _d in plan} == {ids["王五"]}
    assert outcomes[2].outcome == "logged" and all(str(d) in outcomes[2].detail for d in days if len(days) > 1)


# ---------------------------------------------------------------- 1, 2. family beside the member, or checked in for


@pytest.mark.parametrize(
    "text",
    [
        "#接龙 早起打卡\n1. 张三 帮我老婆李芳也打一下卡\n",
        "张三：帮我老婆李芳也打一下卡\n",
        f"{DAY.isoformat()} 06:07 张三\n帮我老婆李芳也打一下卡\n",
    ],
)
def test_a_check_in_for_ones_wife_named_on_the_roster_is_asked_offering_both(workspace, grp, text):
    """Decision: `帮我老婆李芳也打一下卡` is 李芳's check-in, and the writer's too (也) — whose, a person confirms (as
    `余丽娜 6:10 帮刘红也打一下` is asked). It logged the writer and dropped 李芳 unsaid."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, text)
    assert plan == {}
    assert outcomes[1 if "接龙" not in text else 2].outcome == "ambiguous"
    assert "替别人打卡" in outcomes[1 if "接龙" not in text else 2].detail
    assert offered(preview, 1 if "接龙" not in text else 2) == {"张三", "李芳"}


@pytest.mark.parametrize("line", ["张三 帮我家孩子打卡", "张三 替我妈签到", "张三 帮我老婆打个卡"])
def test_a_check_in_for_family_named_by_no_one_asks_for_the_writer(workspace, grp, line):
    """`张三 帮我家孩子打卡` was asked with "我家孩子: not found" — the window offered to add a member called 我家孩子.
    The writer's account may be the child's: asked, 张三 offered, the family said; nobody to add."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert plan == {}
    assert [m.status for m in preview.matches] == ["ambiguous"]
    assert offered(preview, 2) == {"张三"}
    assert "替家人" in outcomes[2].detail and "没有找到" not in outcomes[2].detail


@pytest.mark.parametrize("line", ["张三 帮我老婆王丽也打一下卡", "张三 帮我儿子周杰打卡"])
def test_a_check_in_for_family_named_but_on_no_roster_says_the_name(workspace, grp, line):
    """`帮我老婆王丽也打一下卡` with no 王丽 on the roster (found by the lead on the demo): the writer was logged and 王丽
    not said at all — the line's other person dropped without a word. Asked now as `帮我家孩子打卡` is, the family said
    with the name written; `帮我妈妈做饭 打卡` (no name after the family word) stays the writer's own check-in."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert plan == {}
    assert [m.status for m in preview.matches] == ["ambiguous"]
    assert offered(preview, 2) == {"张三"}
    written = line.split("我", 1)[1][:2] + " " + ("王丽" if "王丽" in line else "周杰")
    assert f"替家人 ({written}) 打卡, 名册中没有" in outcomes[2].detail, outcomes[2].detail
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 张三 帮我妈妈做饭 打卡\n")
    assert list(plan) == [(_ids["张三"], DAY)]


@pytest.mark.parametrize(
    ("line", "name", "family"),
    [
        ("余丽娜和老公", "余丽娜", "老公"),
        ("刘红一家三口", "刘红", "一家三口"),
        ("李四+老婆", "李四", "老婆"),
        ("张三 我和老公都打了", "张三", "老公"),
        ("王五 老婆也打了", "王五", "老婆"),
    ],
)
def test_a_member_with_family_named_by_no_one_is_logged_and_the_family_said(workspace, grp, line, name, family):
    """Decision: `余丽娜和老公` / `刘红一家三口` — the member checked in; the family words name nobody on the roster.
    The member is logged (they were asked: "余丽娜和老公 → 余丽娜(fuzzy)"), and the outcome says the family was not
    (`张三 我和老公都打了` said nothing of the husband)."""
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert set(plan) == {(ids[name], DAY)}
    assert outcomes[2].outcome == "logged" and f"({family})" in outcomes[2].detail and "未记录" in outcomes[2].detail


def test_two_members_joined_by_he_are_both_logged(workspace, grp):
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 余丽娜和刘红\n")
    assert set(plan) == {(ids["余丽娜"], DAY), (ids["刘红"], DAY)} and outcomes[2].detail == ""


# ---------------------------------------------------------------- 5. the tally of those not checked in under a chain


@pytest.mark.parametrize(
    "tally",
    ["今日未打卡：王五、赵六", "【未打卡】(2人)：王五 赵六", "还没打卡的小伙伴：@王五 @赵六", "未签到名单：王五，赵六"],
)
def test_a_not_checked_in_tally_under_a_numbered_chain_names_each(workspace, grp, tally):
    """`今日未打卡：王五、赵六` under a numbered chain was "noise" (named nobody): it says 王五 and 赵六 did not check in."""
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. 张三\n2. 李四\n{tally}\n")
    assert set(plan) == {(ids["张三"], DAY), (ids["李四"], DAY)}
    assert outcomes[4].outcome == "skipped" and "没打卡" in outcomes[4].detail
    assert [c.display_name for c in outcomes[4].who] == ["王五", "赵六"]


@pytest.mark.parametrize(
    "text",
    [
        "#接龙 周六徒步报名\n1. 张三\n2. 李四\n未接龙：王五、赵六\n",
        "#接龙 周六徒步报名\n1. 张三\n2. 李四\n还没接龙的：王五\n",
    ],
)
def test_a_not_signed_up_tally_is_no_sign_up(workspace, grp, text):
    """In an activity's sign-up list, a not-done line is read as a sign-up with a remark (明明 没来过想试试) — the
    tally `未接龙：王五、赵六` must not sign them up."""
    from desktop.services.paste import match_paste

    gid, ids = grp
    with workspace.session() as s:
        matches = match_paste(s, gid, text, DAY, signups=True)
    signed = {m.candidates[0].membership_id for m in matches if m.status == "matched"}
    assert signed == {ids["张三"], ids["李四"]}


# ---------------------------------------------------------------- 6. the days a leave line says


@pytest.mark.parametrize(
    ("line", "first", "last"),
    [
        ("李四 12月5日请假三天", date(DAY.year, 12, 5), date(DAY.year, 12, 7)),  # was 5 December alone
        ("李四 请假到月底", DAY, date(DAY.year, DAY.month + 1, 1) - timedelta(days=1)),  # was today alone
        ("李四 明天请假到月底", DAY + timedelta(days=1), date(DAY.year, DAY.month + 1, 1) - timedelta(days=1)),
        ("李四 请假三天", DAY, DAY + timedelta(days=2)),
        ("李四 周三到周五请假", DAY, DAY + timedelta(days=2)),  # DAY is a Wednesday
        ("李四 下周请假", DAY + timedelta(days=5), DAY + timedelta(days=11)),
    ],
)
def test_a_leave_line_says_its_days(workspace, grp, line, first, last):
    assert DAY.weekday() == 2 and DAY.month < 12  # the fixed day these spans are written for (a Wednesday, in November)
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. 张三\n2. {line}\n")
    (m,) = [m for m in preview.matches if m.line.line_no == 3]
    assert m.status == "leave" and m.leave_days == (first, last)
    assert outcomes[3].outcome == "leave" and f"{first} 至 {last}" in outcomes[3].detail


# ---------------------------------------------------------------- 4. a time corrected, or a name twice with two times


@pytest.mark.parametrize(
    "line",
    ["李四 6:03 改一下时间 6:05", "李四 6:03（更正：6:05）", "李四 6:03 写错了，是6:05", "李四 6:03 打错了 6:05"],
)
def test_a_corrected_time_is_the_members(workspace, grp, line):
    """Decision: `李四 6:03 改一下时间 6:05` — the member corrected the time they wrote: 06:05 is theirs (06:03 was kept)."""
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert plan[(ids["李四"], DAY)].time == "06:05" and outcomes[2].time == "06:05"


@pytest.mark.parametrize(
    "line", ["李四 6:03 改天 7:00 再跑", "李四 6:03 跑到7:05", "李四 6:03 走错了路 7:00到", "李四 6:03 修改作业到7:00"]
)
def test_a_later_time_with_no_correction_is_passed_over(workspace, grp, line):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {line}\n")
    assert plan[(ids["李四"], DAY)].time == "06:03"


def test_a_name_twice_with_two_times_keeps_the_first_and_says_so(workspace, grp):
    """Decision: `李四 6:03` … `李四 6:05` in one chain — the first entry is the check-in (a repeat makes it no later):
    06:03 kept, and the repeat's outcome says its own time was not (it said only "同第2行")."""
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 李四 6:03\n2. 张三 6:04\n3. 李四 6:05\n")
    assert plan[(ids["李四"], DAY)].time == "06:03"
    assert outcomes[4].outcome == "already" and "06:05" in outcomes[4].detail and "06:03" in outcomes[4].detail


# ---------------------------------------------------------------- 7. what the week's chains showed


def test_a_weekday_title_logged_for_that_weekday_weeks_back_is_that_day(workspace, grp):
    """`#接龙 周六早起` logged for a Saturday two weeks back was "dated" the latest Saturday (counted from today): the
    window offered to log it there, a day nobody checked in on. The chosen day is that weekday: it is the title's."""
    gid, ids = grp
    saturday = DAY - timedelta(days=(DAY.weekday() - 5) % 7 + 7)  # the Saturday of the week before last
    assert saturday.weekday() == 5 and (DAY - saturday).days > 7
    preview, _outcomes, plan = run(workspace, gid, "#接龙 周六早起\n1. 张三 7:30\n", day=saturday)
    assert preview.title_day == saturday and not preview.day_mismatch
    assert set(plan) == {(ids["张三"], saturday)}
    sunday = saturday + timedelta(days=1)  # another weekday chosen: the title still says which Saturday it was
    preview, _outcomes, _plan = run(workspace, gid, "#接龙 周六早起\n1. 张三 7:30\n", day=sunday)
    assert preview.day_mismatch


@pytest.mark.parametrize(
    "tail",
    ["赵六 补11月12日\n", "补卡：\n赵六 补11月12日\n王五 补11月12日\n", "【补卡】\n赵六 补11月12日\n王五 补11月12日\n"],
)
def test_a_makeup_under_a_numbered_chain_without_its_number_is_logged(workspace, grp, tail):
    """`赵六 补11月12日` (or a `补卡：` section) under a numbered chain was read as a new title for its date: the
    make-up dropped, "header" said."""
    gid, ids = grp
    day = date(2026, 11, 13)
    _preview, outcomes, plan = run(workspace, gid, f"#接龙 11月13日早起\n1. 张三 6:00\n2. 李四 6:02\n{tail}", day=day)
    made_up = {(mid, d): p.late for (mid, d), p in plan.items() if d != day}
    names = ("赵六", "王五") if "王五" in tail else ("赵六",)
    assert made_up == {(ids[n], date(2026, 11, 12)): True for n in names}
    assert all(o.outcome == "logged" for n, o in outcomes.items() if n > 3 and "补11月12日" in o.raw)


def test_a_makeup_of_several_days_with_one_already_in_says_each_day(workspace, owner, grp):
    """`王五 补昨天和今天` with yesterday's already in: the outcome said "logged" and nothing of which day."""
    from desktop.services.checkins import record_checkins
    from desktop.services.paste import line_outcomes

    gid, ids = grp
    with workspace.session() as s:
        record_checkins(s, owner, gid, BEFORE, [ids["王五"]], today=BEFORE)
        s.commit()
    preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 王五 补昨天和今天\n")
    logged = {(ids["王五"], DAY)}
    (line,) = [o for o in line_outcomes(preview.lines, preview.matches, logged, set()) if o.line_no == 2]
    assert line.outcome == "logged"
    assert f"{BEFORE} 已打卡" in line.detail and f"{DAY} 打卡已记录" in line.detail


def test_a_family_word_that_is_a_members_name_is_that_member(workspace, owner, grp):
    """`张三和宝贝` with a member called 宝贝: two people, both logged (never 张三 with "family, nobody")."""
    gid, ids = grp
    with workspace.session() as s:
        baobei = add_member(s, owner, gid, MemberInput(display_name="宝贝", joined_at=JOINED))[1]
        s.commit()
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 张三和宝贝\n")
    assert set(plan) == {(ids["张三"], DAY), (baobei, DAY)} and "家人" not in outcomes[2].detail


def test_helping_family_then_checking_in_is_the_writers(workspace, grp):
    """`张三 帮我妈妈做饭 打卡`: 张三 helped at home and checked in — no check-in for family asked about."""
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 张三 帮我妈妈做饭 打卡\n")
    assert set(plan) == {(ids["张三"], DAY)}
