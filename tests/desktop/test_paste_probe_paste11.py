"""What a chain line says (probe paste11, 7 December): line shapes that read wrong.

* A check-in and someone else's leave on one line: `李四 ✅ 张三请假` (no comma) dropped 李四's check-in (the whole line
  read as a leave; 张三's only); `李四✅ 张三 王五请假` read 张三 as checking in beside 李四 and lost his leave; with a
  comma (`李四 打卡，张三今天请假`) 李四 was certain in the match but the headless paste (CLI) still left him out —
  "whether 李四 checked in: a person confirms". Now the writer's check-in is logged, the leave is said beside it.
* `李四 打卡 张三请假 王五补卡` logged 李四 and 王五 both as 补卡 and lost 张三's leave; `李四 打卡 王五补昨天的` logged
  李四 as a make-up of yesterday. A 补 belongs to the clause that says it: 张三 is on leave, 李四 (not late) and 王五
  (补卡) are asked — whose day is which, a person decides — each with their own 补卡 and day."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.paste import (
    AMBIGUOUS,
    LEAVE,
    LOGGED,
)
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from tests.group_file import group_file
from tests.paste_run import paste_run

DAY = TEST_TODAY
JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("张三", "李四", "王五", "赵六")


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        s.commit()
    return gid, ids


def run(workspace, gid, text, day=DAY):
    return paste_run(workspace, gid, text, day)


# (line, who is logged headless, who is on leave)
BESIDE_LEAVE = [
    ("1. 李四 ✅ 张三请假", {"李四"}, {"张三"}),
    ("1. 李四✅ 张三请假", {"李四"}, {"张三"}),
    ("1. 李四 打卡，张三今天请假", {"李四"}, {"张三"}),
    ("1. 李四 打卡 张三请假", {"李四"}, {"张三"}),
    ("1. 李四✅ 张三 王五请假", {"李四"}, {"张三", "王五"}),
    ("1. 李四 6:01 张三请假", {"李四"}, {"张三"}),
    ("1. 李四 ✅ 帮张三请假", {"李四"}, {"张三"}),  # the 帮 is the leave's, the ✅ 李四's own (it was dropped)
]


@pytest.mark.parametrize(("line", "logged", "on_leave"), BESIDE_LEAVE)
def test_the_writers_check_in_beside_anothers_leave_is_logged(workspace, grp, line, logged, on_leave):
    gid, ids = grp
    names = {v: k for k, v in ids.items()}
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert {names[mid] for mid, _d in plan} == logged
    assert {names[m.candidates[0].membership_id] for m in preview.matches if m.status == "leave"} == on_leave
    out = outcomes[2]
    assert out.outcome == LOGGED
    assert [c.display_name for c in out.who] == sorted(logged)
    assert "打卡已记录" in out.detail and "请假" in out.detail  # the leave is still said, to be recorded


@pytest.mark.parametrize("line", ["1. 李四 张三请假 ✅", "1. 李四 帮张三请假 ✅"])
def test_a_mark_after_anothers_leave_logs_nobody(workspace, grp, line):
    """A ✅ after the leave may be the leave's own "done": 张三's leave, the line written by 李四 — nobody logged."""
    gid, _ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert plan == {} and outcomes[2].outcome == LEAVE


def test_own_leave_with_a_mark_stays_a_leave(workspace, grp):
    """`张三 请假 ✅` / `我和张三请假 ✅`: nobody else's leave beside a check-in — never logged as a check-in."""
    gid, _ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 李四 请假 ✅\n2. 王五 我和张三请假 ✅\n")
    assert plan == {}
    assert outcomes[2].outcome == LEAVE and outcomes[3].outcome == LEAVE


def test_a_makeup_is_the_clause_that_says_it(workspace, grp):
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 李四 打卡 张三请假 王五补卡\n")
    assert plan == {}  # nobody logged 补卡 on a guess
    by = {m.candidates[0].membership_id: m for m in preview.matches}
    assert by[ids["张三"]].status == "leave"
    assert by[ids["李四"]].status == "ambiguous" and not by[ids["李四"]].late
    assert by[ids["王五"]].status == "ambiguous" and by[ids["王五"]].late
    assert outcomes[2].outcome == LEAVE


def test_anothers_makeup_of_yesterday_is_not_the_writers_day(workspace, grp):
    gid, ids = grp
    preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 李四 打卡 王五补昨天的\n")
    assert plan == {}  # 李四 was logged as a make-up of yesterday
    by = {m.candidates[0].membership_id: m for m in preview.matches}
    assert (by[ids["李四"]].day, by[ids["李四"]].late) == (DAY, False)
    assert (by[ids["王五"]].day, by[ids["王五"]].late) == (DAY - timedelta(days=1), True)


@pytest.mark.parametrize("line", ["1. 李四 王五 补卡", "1. 李四、王五 补卡", "1. 李四 补卡 张三请假"])
def test_a_makeup_said_once_for_people_side_by_side(workspace, grp, line):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert plan and all(p.late for p in plan.values())
    assert ids["张三"] not in {mid for mid, _d in plan}


def test_cli_logs_the_check_in_and_prints_the_leave(tmp_path, capsys):
    db = group_file(tmp_path / "w.sqlite", "晨光早起营", NAMES, JOINED)
    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 早起打卡\n1. 李四 ✅ 张三请假\n2. 王五 打卡，赵六今天请假\n", encoding="utf-8")
    args = ["--db", db, "checkin", "--group", "晨光早起营", "--date", DAY.isoformat(), "--paste", str(chain)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "新记录 logged 2" in out
    assert "第2行 新记录 logged: 李四 打卡已记录" in err
    assert "--member 张三" in err and "--member 赵六" in err


# -- lines that refer to another line


@pytest.mark.parametrize(
    "said", ["同上", "同上 6:05", "我也是", "我也打卡了", "ditto", "Me too", "楼上+1", "+1", "同上+1"]
)
def test_a_line_that_refers_to_another_names_nobody(workspace, grp, said):
    """`2. 同上` under 张三's line was "同上: nobody on the roster" (and the window offered to add a member called 同上):
    a check-in that names nobody — asked, whose it is, never logged on a guess and never a new member's name."""
    gid, _ids = grp
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. 张三 打卡\n2. {said}\n")
    assert len(plan) == 1  # 张三 only
    out = outcomes[3]
    assert out.outcome == "unmatched" and "指的是别人的那一行" in out.detail
    (m,) = [m for m in preview.matches if m.line.line_no == 3]
    assert m.reason == "refers" and m.name == ""  # no name to add as a new member


def test_a_member_called_like_a_reference_is_still_the_member(workspace, owner, grp):
    gid, _ids = grp
    with workspace.session() as s:
        add_member(s, owner, gid, MemberInput(display_name="于同上", nickname="同上", joined_at=JOINED))
        s.commit()
    _preview, outcomes, _plan = run(workspace, gid, "#接龙 早起打卡\n1. 同上\n")
    assert outcomes[2].outcome == LOGGED


def test_the_sender_of_a_reference_is_the_one_who_checks_in(workspace, grp):
    """Probe paste12: `李四：同上` is asked like `李四：+1` (one "me too", one rule) — 李四 the only one offered."""
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, "张三：打卡\n李四：同上\n")
    assert {mid for mid, _d in plan} == {ids["张三"]}
    assert [c.membership_id for m in preview.matches if m.line.line_no == 2 for c in m.candidates] == [ids["李四"]]


def test_two_people_on_a_line_keep_their_own_times(workspace, grp):
    """`李四 6:05 张三 6:01` (张三's line copied into 李四's, or two people writing on one line): 张三 was logged at 李四's
    06:05. Each keeps the time written beside their name; one time for both (`李四 张三 6:01`) is both's."""
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. 李四 6:05 张三 6:01\n2. 王五 赵六 6:20\n")
    times = {mid: p.time for (mid, _d), p in plan.items()}
    assert times == {ids["李四"]: "06:05", ids["张三"]: "06:01", ids["王五"]: "06:20", ids["赵六"]: "06:20"}


# -- numbers that are not times or days: (line, time kept)
NUMBERS = [
    ("1. 李四 3公里", None),
    ("1. 李四 5km 6:01", "06:01"),
    ("1. 李四 第3天", None),
    ("1. 李四 100个俯卧撑", None),
    ("1. 李四 2/3", None),
    ("1. 李四 1.5h", None),
    ("1. 李四 第18天 5:40", "05:40"),
    ("1. 李四 读书30页 6:20", "06:20"),
    ("1. 李四 跑步5.5公里 用时32:10", None),
    ("1. 李四 配速6:30", None),
    ("1. 李四 5:30km配速", None),  # was kept as the check-in's time, 05:30
    ("1. 李四 5:45/km 6:40", "06:40"),
    ("1. 李四 6:10 公里", None),
]


@pytest.mark.parametrize(("line", "time"), NUMBERS)
def test_counts_distances_and_paces_are_not_times_or_days(workspace, grp, line, time):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡 11月18日\n" + line)
    assert list(plan) == [(ids["李四"], DAY)]
    assert plan[(ids["李四"], DAY)].time == time and not plan[(ids["李四"], DAY)].late


# -- group nicknames and numbers as people sign them


@pytest.fixture
def fangs(workspace, owner):
    """Two 王芳, told apart by the organiser's group-nickname convention (组-名字-城市), and one 王芳 elsewhere."""
    with workspace.session() as s:
        gid = create_group(s, owner, "读书营")
        ids = {
            key: add_member(s, owner, gid, MemberInput(display_name="王芳", group_nickname=gn, joined_at=JOINED))[1]
            for key, gn in (("sh", "3组-王芳-上海"), ("hz", "5组-王芳-杭州"))
        }
        ids["李四"] = add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=JOINED))[1]
        s.commit()
    return gid, ids


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("1. 3组 王芳 上海", "sh"),
        ("1. 3组-王芳-上海", "sh"),
        ("1. 【3组】王芳", "sh"),
        ("1. 王芳-3组", "sh"),
        ("1. 王芳（上海）", "sh"),
        ("1. 5组 王芳", "hz"),
        ("1. 王芳 杭州 6:02", "hz"),
        ("1. 王芳", None),  # which one: asked
        ("1. 3组 王芳 杭州", None),  # the 组 says one, the city the other: asked
        ("1. 7组 王芳", None),  # a 组 neither is in: asked
    ],
)
def test_the_group_nickname_words_tell_namesakes_apart(workspace, fangs, line, who):
    gid, ids = fangs
    _preview, outcomes, plan = run(workspace, gid, "#接龙 读书打卡\n" + line)
    if who is None:
        assert plan == {} and outcomes[2].outcome == AMBIGUOUS
    else:
        assert list(plan) == [(ids[who], DAY)]


def test_a_namesake_without_a_group_nickname_is_not_told_apart(workspace, owner, fangs):
    gid, _ids = fangs
    with workspace.session() as s:
        add_member(s, owner, gid, MemberInput(display_name="王芳", joined_at=JOINED))  # she may be of 3组 too
        s.commit()
    _preview, outcomes, plan = run(workspace, gid, "#接龙 读书打卡\n1. 3组 王芳\n")
    assert plan == {} and outcomes[2].outcome == AMBIGUOUS


@pytest.mark.parametrize("line", ["1. A12 李四", "1. No.12 李四", "1. 12号 李四", "1. #12 李四", "1. NO12 李四 6:01"])
def test_a_member_number_before_the_name_is_no_second_person(workspace, grp, line):
    """`A12 王芳` was asked ("A12: not found" beside 王芳): the number a group gives its members, written first."""
    gid, ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert list(plan) == [(ids["李四"], DAY)] and outcomes[2].outcome == LOGGED


def test_a_member_called_like_a_number_is_still_named(workspace, owner, grp):
    gid, ids = grp
    with workspace.session() as s:
        a12 = add_member(s, owner, gid, MemberInput(display_name="周宁", nickname="A12", joined_at=JOINED))[1]
        s.commit()
    _preview, _outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n1. A12 李四\n")
    assert {mid for mid, _d in plan} == {a12, ids["李四"]}


# -- initials of an English name with a Chinese surname


@pytest.mark.parametrize("written", ["KZ", "kz", "K.Z.", "KZ 6:01"])
def test_initials_of_the_english_name_and_the_surname_offer_the_member(workspace, owner, grp, written):
    """`KZ` for 张凯文 nicknamed Kevin was "nobody on the roster" — and beside a Karen Zhou, she alone was offered (one
    candidate, one click from the wrong person). Both are offered now; initials are a likeness, never logged alone."""
    gid, _ids = grp
    with workspace.session() as s:
        kevin = add_member(s, owner, gid, MemberInput(display_name="张凯文", nickname="Kevin", joined_at=JOINED))[1]
        karen = add_member(s, owner, gid, MemberInput(display_name="Karen Zhou", joined_at=JOINED))[1]
        s.commit()
    preview, outcomes, plan = run(workspace, gid, f"#接龙 早起打卡\n1. {written}\n")
    assert plan == {} and outcomes[2].outcome == AMBIGUOUS
    assert {c.membership_id for m in preview.matches for c in m.candidates} == {kevin, karen}


# -- replies written the other way round


@pytest.mark.parametrize(
    ("text", "logged", "outcome"),
    [
        ("「张三：打卡」 李四：打卡\n", {"李四"}, LOGGED),  # was a quote of 张三: 李四's check-in lost
        ("「张三：打卡」 - - - 李四：打卡\n", {"李四"}, LOGGED),
        ("「张三：打卡」 李四：收到\n", set(), "skipped"),  # only a reply, and said so of 李四
        ("李四 回复 张三：打卡\n", {"李四"}, LOGGED),  # was asked as a person called 李四 回复 张三
        ("李四 回复 张三：加油\n", set(), "skipped"),
    ],
)
def test_a_reply_written_other_way_round_is_the_writers(workspace, grp, text, logged, outcome):
    gid, ids = grp
    names = {v: k for k, v in ids.items()}
    _preview, outcomes, plan = run(workspace, gid, text)
    assert {names[mid] for mid, _d in plan} == logged
    assert outcomes[1].outcome == outcome
    if outcome == "skipped":
        assert [c.display_name for c in outcomes[1].who] == ["李四"]  # the replier's line, never 张三's check-in


@pytest.mark.parametrize("text", ["李四：张三 6:01\n", "李四：张三 打卡\n"])
def test_a_message_that_is_anothers_entry_is_asked(workspace, grp, text):
    """`李四：张三 6:01` (张三's line copied into 李四's message, or 李四 saying 张三 checked in) logged 李四 at 张三's
    06:01. Who checked in, a person decides: both are offered, nothing is logged on a guess."""
    gid, ids = grp
    preview, _outcomes, plan = run(workspace, gid, text)
    assert plan == {}
    assert {c.membership_id for m in preview.matches for c in m.candidates} == {ids["李四"], ids["张三"]}


def test_the_writers_own_entry_in_a_message_is_theirs(workspace, grp):
    gid, ids = grp
    _preview, _outcomes, plan = run(workspace, gid, "李四：李四 6:01\n王五：打卡 6:02\n")
    assert {mid: p.time for (mid, _d), p in plan.items()} == {ids["李四"]: "06:01", ids["王五"]: "06:02"}


@pytest.mark.parametrize("line", ["1. 李四 ✅ 明天请假", "1. 李四 打卡，明天请假", "1. 李四 打卡 下周一请假"])
def test_todays_check_in_and_a_leave_to_come(workspace, grp, line):
    """`李四 ✅ 明天请假` dropped today's ✅ (read as a leave); `李四 打卡，明天请假` logged the check-in and said nothing of
    the leave. Both: today's check-in logged, and 李四's leave of the days to come said beside it (to record)."""
    gid, ids = grp
    preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert list(plan) == [(ids["李四"], DAY)]
    (leave,) = [m for m in preview.matches if m.status == "leave"]
    assert leave.candidates[0].membership_id == ids["李四"] and leave.leave_days[0] > DAY
    assert outcomes[2].outcome == LOGGED and "请假" in outcomes[2].detail


@pytest.mark.parametrize(
    "line", ["1. 李四 明天请假", "1. 李四 今天请假 ✅", "1. 李四 ✅ 请假", "1. 李四 请假一天，明天补打卡"]
)
def test_a_leave_without_a_check_in_of_today_stays_a_leave(workspace, grp, line):
    gid, _ids = grp
    _preview, outcomes, plan = run(workspace, gid, "#接龙 早起打卡\n" + line)
    assert plan == {} and outcomes[2].outcome == LEAVE
