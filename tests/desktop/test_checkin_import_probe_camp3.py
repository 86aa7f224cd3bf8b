"""Probe camp3: a 打卡表 whose columns are the camp's days (第1天 … 第21天, Day1, D1, 第一天, 1 … 21) is dated by the
group's first day (开营日, `community_group.camp_start_day`, schema 0025), and what check-in mini-programs and online
sheets export (小打卡, 鲸打卡, 打卡喵, 群打卡, 腾讯文档 收集表, 金山文档 / 飞书 tables) is logged for the right person on the
right day. Real files read by the real import, values read back from the database; every test pins its own day."""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.cli import main
from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import
from desktop.services.group_profile import update_group_profile
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import CheckIn, Leave, Member, Membership

GROUP = "21天写作营"
START = date(2026, 11, 16)  # day 1; day 10 is 11-25 (today), day 21 is 12-06
TODAY = date(2026, 11, 25)
JOINED = datetime(2026, 11, 10, 20, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _camp(database, *, start: date | None = START, days: int | None = 21, name: str = GROUP, kind: str = "camp") -> int:
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, name, kind=kind)
        for person in ("张三", "李四", "王五", "赵六"):
            add_member(s, owner, gid, MemberInput(display_name=person, joined_at=JOINED))
        if start is not None or days is not None:
            update_group_profile(s, owner, gid, camp_start_day=start, camp_days=days)
        s.commit()
    return gid


def _checkins(database) -> list[tuple[str, date, bool, datetime | None]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.late, CheckIn.checked_at)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted((n, d, bool(late), at) for n, d, late, at in rows)


def _leaves(database) -> list[tuple[str, date, date]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Leave.start_day, Leave.end_day)
            .join(Membership, Membership.id == Leave.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted(tuple(r) for r in rows)


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _csv(path: Path, rows: list[list[object]], encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _day(n: int) -> date:
    return date.fromordinal(START.toordinal() + n - 1)


# ------------------------------------------------------------------------------------- columns that are camp days

# the marks organisers write, one per camp day 1 … 3, for four people
MARKS = [
    ["张三", "✓", "06:12", "补"],  # on time; posted 06:12; late
    ["李四", "请假", "×", ""],  # leave, none, empty
    ["王五", "1", 0, "已打卡"],
    ["赵六", "800字", "假", "√"],  # a word count is a check-in (what the member did); 假 is leave
]
LOGGED = [
    ("张三", _day(1), False, None),
    ("张三", _day(2), False, datetime.combine(_day(2), time(6, 12))),
    ("张三", _day(3), True, None),
    ("王五", _day(1), False, None),
    ("王五", _day(3), False, None),
    ("赵六", _day(1), False, None),
    ("赵六", _day(3), False, None),
]


@pytest.mark.parametrize(
    "heads",
    [
        ["第1天", "第2天", "第3天"],
        ["Day1", "Day2", "Day3"],
        ["day 1", "day 2", "day 3"],
        ["D1", "D2", "D3"],
        ["第一天", "第二天", "第三天"],
        ["第1天打卡", "第2天打卡", "第3天打卡"],
        [1, 2, 3],  # bare numbers under no month, in a 21-day camp with its first day: the camp's days
    ],
)
def test_camp_day_columns_are_dated_by_the_first_day(sqlite_workspace, tmp_path, heads):
    """A 打卡表 headed 第1天 … (or Day1, D1, 第一天, 1 2 3) was refused as "not dates" — D1 and 第一天 even as "not a
    check-in file" — though the group's first day dates them: day N is first day + N − 1, as a chain titled 第N天.
    Every mark is read as in a dated 打卡表; importing it again changes nothing."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    path = _xlsx(tmp_path / "camp.xlsx", [["姓名", *heads], *MARKS])
    plan, summary = run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert plan.layout == "matrix" and plan.camp_start == START
    assert [d for _c, d in plan.days] == [_day(1), _day(2), _day(3)]
    assert summary is not None and (summary.logged, summary.late, summary.leave_days) == (7, 1, 2)
    assert _checkins(sqlite_workspace) == LOGGED
    assert _leaves(sqlite_workspace) == [("李四", _day(1), _day(1)), ("赵六", _day(2), _day(2))]
    plan, summary = run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert summary is not None and (summary.logged, summary.leave_days, summary.already) == (0, 0, 7)
    assert _checkins(sqlite_workspace) == LOGGED


def test_a_column_past_the_camp_is_said_and_a_mark_in_it_or_in_the_future_is_a_problem(sqlite_workspace, tmp_path):
    """A 30-day template used for a 21-day camp, imported on day 10: 第22天 … are no days of the camp (listed as not
    used; a ✓ in one is a problem naming the cell, never logged on 12-07), a ✓ on day 11 (tomorrow) is a future day;
    an empty future column is fine. The rows with problems are left out only when the user says so."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    heads = [f"第{n}天" for n in range(1, 31)]
    rows = [
        ["21天写作营 打卡表"],
        ["姓名", *heads, "合计"],
        ["张三", *(["✓"] * 10), *([""] * 20), 10],
        ["李四", "✓", *([""] * 21), "✓", *([""] * 7), 2],  # 第23天
        ["王五", *([""] * 10), "✓", *([""] * 19), 1],  # 第11天 = 11-26, tomorrow
    ]
    path = _xlsx(tmp_path / "template.xlsx", rows)
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    problems = {(p.row, p.column, p.code) for p in failed.value.problems}
    assert problems == {(4, "X (第23天)", "camp_outside"), (5, "L (第11天)", "future_day")}
    said = next(p for p in failed.value.problems if p.code == "camp_outside")
    assert "2026-11-16 … 2026-12-06" in said.message and "第23天" in said.message
    skipped = dict(failed.value.plan.skipped_columns)
    assert set(skipped) == {f"{c} (第{n}天)" for c, n in zip("WXYZ", range(22, 26), strict=True)} | {
        "AA (第26天)",
        "AB (第27天)",
        "AC (第28天)",
        "AD (第29天)",
        "AE (第30天)",
        "AF (合计)",
    }
    assert _checkins(sqlite_workspace) == []
    plan, summary = run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY, skip_problems=True)
    assert summary is not None and (summary.logged, summary.left_out) == (10, 2)
    assert [d for n, d, *_ in _checkins(sqlite_workspace)] == [_day(n) for n in range(1, 11)]


def test_without_a_first_day_the_camp_days_are_refused_naming_where_to_set_it(
    sqlite_workspace, sqlite_path, tmp_path, capsys
):
    """Without a first day the columns are refused (never laid on a guessed calendar), and the message says where
    the first day is set — the group profile in the window, `qundesk groups --camp-start` on the command line — so
    that, once set, the same file imports."""
    _camp(sqlite_workspace, start=None, days=None)
    path = _csv(tmp_path / "camp.csv", [["姓名", "Day1", "Day2"], ["张三", "✓", "✓"]])
    db = str(sqlite_path)
    assert main(["--db", db, "import", "checkins", str(path), "--group", GROUP]) == 1
    err = capsys.readouterr().err
    assert "社群资料 → 开营日" in err and f"qundesk groups --group {GROUP} --camp-start YYYY-MM-DD" in err
    assert "Group profile → Camp's first day" in err
    assert _checkins(sqlite_workspace) == []
    assert main(["--db", db, "groups", "--group", GROUP, "--camp-start", START.isoformat()]) == 0
    capsys.readouterr()
    assert main(["--db", db, "import", "checkins", str(path), "--group", GROUP]) == 0
    out = capsys.readouterr().out
    assert f"第1天 = {START}" in out
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [("张三", _day(1)), ("张三", _day(2))]


def test_a_date_written_beside_the_camp_day_must_agree_with_it(sqlite_workspace, tmp_path):
    """第1天 11/16 (or 第2天（11月17日）, Day 3 over 11/18): the date and the count are the same day, read; a header
    whose date and count are two days (第2天 11月18日) is refused naming the column — which is the typo, a person
    says. Without a first day the date written is the day."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    good = _xlsx(
        tmp_path / "good.xlsx", [["姓名", "第1天 11/16", "第2天（11月17日）", "Day 3\n11/18"], ["张三", "✓", "✓", "✓"]]
    )
    plan, summary = run_checkin_import(sqlite_workspace, owner, good, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 3
    bad = _xlsx(tmp_path / "bad.xlsx", [["姓名", "第4天 11/19", "第5天 11月21日"], ["张三", "✓", "✓"]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, bad, GROUP, today=TODAY)
    assert [(p.column, p.code) for p in failed.value.problems] == [("C (第5天 11月21日)", "camp_day_date")]
    assert "2026-11-20" in failed.value.problems[0].message
    assert len(_checkins(sqlite_workspace)) == 3


@pytest.mark.parametrize(
    ("name", "kind", "camp", "hinted"),
    [
        ("读书会", "hobby", (None, None), False),  # no camp: 1 2 3 are a month's days
        (GROUP, "camp", (None, None), True),  # a camp without its first day: how to set it
        (GROUP, "camp", (START, None), True),  # its length unknown: 1 … 30 cannot be told from a month
    ],
)
def test_bare_numbers_without_a_month_ask_for_it_and_in_a_camp_say_how_to_date_them(
    sqlite_workspace, tmp_path, name, kind, camp, hinted
):
    _camp(sqlite_workspace, start=camp[0], days=camp[1], name=name, kind=kind)
    path = _csv(tmp_path / "bare.csv", [["姓名", *range(1, 31)], ["张三", "✓", "✓", *([""] * 28)]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, name, today=TODAY)
    assert [p.code for p in failed.value.problems] == ["month_needed"]
    assert ("开营日" in failed.value.problems[0].message) is hinted
    assert ("--camp-days" in failed.value.problems[0].message) is hinted


def test_bare_numbers_past_the_camp_s_length_or_under_a_month_are_a_month_s_days(sqlite_workspace, tmp_path):
    """1 … 30 in a 21-day camp are not its days (a month's sheet): asked for the month, never read as days 22 … 30
    of the camp. Under a title's month (11月打卡表) 1 2 3 are that month's days, in a camp or not."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    over = _csv(tmp_path / "over.csv", [["姓名", *range(1, 31)], ["张三", *([""] * 16), "✓", *([""] * 13)]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, over, GROUP, today=TODAY)
    assert [p.code for p in failed.value.problems] == ["month_needed"]
    titled = _csv(tmp_path / "titled.csv", [["11月打卡表"], ["姓名", 17, 18, 19], ["张三", "✓", "", "✓"]])
    plan, summary = run_checkin_import(sqlite_workspace, owner, titled, GROUP, today=TODAY)
    assert plan.camp_start is None and summary is not None
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [date(2026, 11, 17), date(2026, 11, 19)]


def test_amounts_in_a_dated_sheet_are_check_ins_and_zero_is_none(sqlite_workspace, tmp_path):
    """A writing camp's sheet of word counts (800, 800字), a reading group's minutes (30分钟), a run (5.2km): each was
    "cannot read this cell" and the file refused. An amount is what the member did that day: a check-in; 0字 is
    none; a negative number is still no mark."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    path = _xlsx(
        tmp_path / "words.xlsx",
        [
            ["姓名", "11/20", "11/21", "11/22", "11/23"],
            ["张三", 800, "1200字", "0字", ""],
            ["李四", "30分钟", "5.2km", "20页", 0],
        ],
    )
    _plan, summary = run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 5
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张三", date(2026, 11, 20)),
        ("张三", date(2026, 11, 21)),
        ("李四", date(2026, 11, 20)),
        ("李四", date(2026, 11, 21)),
        ("李四", date(2026, 11, 22)),
    ]
    negative = _xlsx(tmp_path / "neg.xlsx", [["姓名", "11/20", "11/21"], ["王五", -3, "✓"]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, negative, GROUP, today=TODAY)
    assert [(p.column, p.code) for p in failed.value.problems] == [("B (11/20)", "cell_unreadable")]


# ------------------------------------------------------------------------------ exports: a make-up of a camp day


def _jielong(tmp_path: Path, content: str) -> Path:
    """接龙管家's export: 序号, 接龙人, 接龙内容, 接龙时间 (no 打卡日期: the row's day is when it was posted)."""
    return _csv(
        tmp_path / "接龙管家.csv",
        [
            ["序号", "接龙人", "接龙内容", "接龙时间"],
            ["1", "张三", "第3天 800字", "2026-11-18 06:31:02"],
            ["2", "李四", content, "2026-11-18 21:00:00"],
        ],
    )


@pytest.mark.parametrize("content", ["补卡 第2天", "补第2天", "补Day2 打卡"])
def test_an_export_row_making_up_a_camp_day_is_a_late_check_in_of_that_day(sqlite_workspace, tmp_path, content):
    """李四's row 补卡 第2天 posted on day 3 (11-18) was refused "says 补卡 without the day it makes up", the whole
    file with it, though the camp's first day says day 2 is 11-17 (the paste and the chat import read it so); 补第2天
    was worse: logged as an on-time check-in of the 18th. It is a 补卡 of 11-17 now, posted at 21:00 on the 18th;
    importing again changes nothing."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    path = _jielong(tmp_path, content)
    for _ in range(2):
        run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert _checkins(sqlite_workspace) == [
        ("张三", _day(3), False, datetime(2026, 11, 18, 6, 31, 2)),
        ("李四", _day(2), True, datetime(2026, 11, 18, 21, 0)),
    ]


@pytest.mark.parametrize(
    ("camp", "content", "code", "words"),
    [
        ((None, None), "补卡 第2天", "late_day_unknown", "开营日"),  # no first day: which date, not known
        ((START, 21), "补第30天", "camp_outside", "不在营期之内"),  # no day of a 21-day camp
        ((START, 21), "补第5天", "late_day_unknown", "2026-11-20"),  # day 5 is after the day it was posted
    ],
)
def test_a_camp_day_make_up_that_cannot_be_dated_is_a_problem_never_the_day_posted(
    sqlite_workspace, tmp_path, camp, content, code, words
):
    _camp(sqlite_workspace, start=camp[0], days=camp[1])
    path = _jielong(tmp_path, content)
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    [problem] = failed.value.problems
    assert (problem.row, problem.column, problem.code) == (3, "C (接龙内容)", code)
    assert words in problem.message
    assert _checkins(sqlite_workspace) == []


def test_a_row_s_creation_time_beside_its_day_is_not_when_the_member_checked_in(sqlite_workspace, tmp_path):
    """A 飞书 多维表格 the organiser fills in on Sunday: 成员 | 打卡日期 | 是否打卡 | 创建时间 (added to every row). The
    创建时间 was read as the check-in's time: every check-in of the week became a 补卡 posted on Sunday. It is when the
    row was made, not posted: listed as not used, the check-ins on their days, on time."""
    _camp(sqlite_workspace)
    path = _xlsx(
        tmp_path / "飞书.xlsx",
        [
            ["成员", "打卡日期", "是否打卡", "创建时间"],
            ["张三", datetime(2026, 11, 18), "是", datetime(2026, 11, 22, 10, 0)],
            ["李四", "2026/11/19", "是", "2026-11-22 10:01"],
            ["王五", "2026/11/19", "否", "2026-11-22 10:02"],
        ],
    )
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert summary is not None and (summary.logged, summary.late) == (2, 0)
    assert dict(plan.skipped_columns)["D (创建时间)"].startswith("记录的创建时间")
    assert _checkins(sqlite_workspace) == [
        ("张三", date(2026, 11, 18), False, None),
        ("李四", date(2026, 11, 19), False, None),
    ]


def test_day_headers_that_are_excel_serial_numbers_are_their_dates(sqlite_workspace, tmp_path):
    """金山文档 / 飞书 sheets whose date header cells lost their format (pasted as values, or saved as CSV) head the
    days 46344 46345 46346: the file was "not a check-in file". An Excel serial date is its date (46344 is
    2026-11-18), listed with the days read; serials that do not go up column by column are refused, never guessed."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    xlsx = _xlsx(tmp_path / "serial.xlsx", [["姓名", 46344, 46345, 46346], ["张三", "✓", "√", ""]])
    plan, summary = run_checkin_import(sqlite_workspace, owner, xlsx, GROUP, today=TODAY)
    assert plan.days == (
        ("B (46344)", date(2026, 11, 18)),
        ("C (46345)", date(2026, 11, 19)),
        ("D (46346)", date(2026, 11, 20)),
    )
    assert summary is not None and summary.logged == 2
    text = _csv(tmp_path / "serial.csv", [["姓名", "46344", "46345"], ["李四", "✓", "请假"]])
    _plan, summary = run_checkin_import(sqlite_workspace, owner, text, GROUP, today=TODAY)
    assert summary is not None and (summary.logged, summary.leave_days) == (1, 1)
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张三", date(2026, 11, 18)),
        ("张三", date(2026, 11, 19)),
        ("李四", date(2026, 11, 18)),
    ]
    back = _csv(tmp_path / "back.csv", [["姓名", "46345", "46344"], ["王五", "✓", "✓"]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, back, GROUP, today=TODAY)
    assert {p.code for p in failed.value.problems} == {"date_header"}
    assert len(_checkins(sqlite_workspace)) == 3


# ------------------------------------------------------------------ the corpus: what mini-programs and sheets export

CORPUS = {
    # 小打卡: one row per check-in, 打卡天数 (the member's own count), 点赞数; a 补卡 named in the content; 请假 said
    "小打卡.xlsx": (
        [
            ["昵称", "打卡时间", "打卡天数", "打卡内容", "点赞数", "评论数"],
            ["张三", "2026-11-18 06:31:02", "第3天", "今天写了800字", 5, 1],
            ["李四", "2026-11-18 07:02:11", "3", "早起", 2, 0],
            ["王五", "2026-11-19 21:10:00", "第4天", "补卡 昨天的", 0, 0],
            ["赵六", "2026-11-20 06:00:00", "第5天", "请假一天", 0, 0],
        ],
        [
            ("张三", date(2026, 11, 18), False),
            ("李四", date(2026, 11, 18), False),
            ("王五", date(2026, 11, 18), True),
        ],
        {2: "planned", 3: "planned", 4: "planned", 5: "nothing"},
    ),
    # 鲸打卡: 打卡日期 and 打卡时间 apart, 第几天; a row posted two days after its day is a 补卡
    "鲸打卡.xlsx": (
        [
            ["序号", "用户昵称", "打卡日期", "打卡时间", "第几天", "打卡内容", "图片数", "点赞数"],
            [1, "张三", "2026-11-18", "06:31:02", "第3天", "ok", 1, 3],
            [2, "李四", "2026/11/19", "07:02", "第4天", "ok", 0, 0],
            [3, "王五", "2026-11-17", "2026-11-19 07:02", "第2天", "补", 0, 0],
            ["合计", "", "", "", "", "共3条", "", ""],
        ],
        [
            ("张三", date(2026, 11, 18), False),
            ("李四", date(2026, 11, 19), False),
            ("王五", date(2026, 11, 17), True),
        ],
        {2: "planned", 3: "planned", 4: "planned", 5: "skipped"},
    ),
    # 打卡喵: 11-18 06:31 without a year, 打卡类型 正常打卡 / 补卡
    "打卡喵.csv": (
        [
            ["打卡人", "打卡时间", "打卡天数", "打卡内容", "打卡类型"],
            ["张三", "11-18 06:31", "3", "ok", "正常打卡"],
            ["李四", "11-19 07:00", "4", "ok", "补卡"],
        ],
        [("张三", date(2026, 11, 18), False), ("李四", date(2026, 11, 19), True)],
        {2: "planned", 3: "planned"},
    ),
    # 群打卡: a row per member per day, 打卡状态 已打卡 / 未打卡 / 请假
    "群打卡.csv": (
        [
            ["群昵称", "打卡日期", "打卡时间", "打卡状态", "连续打卡天数"],
            ["张三", "2026-11-18", "06:31", "已打卡", "3"],
            ["李四", "2026-11-18", "", "未打卡", "0"],
            ["王五", "2026-11-18", "", "请假", "0"],
        ],
        [("张三", date(2026, 11, 18), False)],
        {2: "planned", 3: "nothing", 4: "planned"},
    ),
    # 腾讯文档 收集表: 提交时间, 提交者 (a WeChat name the roster may not know), the form's own 姓名 question
    "腾讯收集表.xlsx": (
        [
            ["提交时间", "提交者", "1. 姓名", "2. 今日打卡内容", "3. 今日字数"],
            [datetime(2026, 11, 18, 6, 31, 2), "张三的微信", "张三", "写作", "800"],
            [datetime(2026, 11, 18, 7, 1), "李四", "李四", "写作", "1000"],
            ["2026/11/19 08:00:00", "王五", "王五", "补昨天", "500"],
        ],
        [
            ("张三", date(2026, 11, 18), False),
            ("李四", date(2026, 11, 18), False),
            ("王五", date(2026, 11, 18), True),
        ],
        {2: "planned", 3: "planned", 4: "planned"},
    ),
    # 金山文档 / 飞书: a member per row, a date per column, headers as each tool writes them
    "金山_月日.xlsx": (
        [["姓名", "11月18日", "11月19日", "11月20日"], ["张三", "✓", "√", ""], ["李四", "请假", "", "1"]],
        [("张三", date(2026, 11, 18), False), ("张三", date(2026, 11, 19), False), ("李四", date(2026, 11, 20), False)],
        {2: "planned", 3: "planned"},
    ),
    "飞书_周.xlsx": (
        [["成员", "周三 11-18", "周四 11-19", "周五 11-20"], ["张三", "✓", "", "06:40"], ["李四", "", "", "×"]],
        [("张三", date(2026, 11, 18), False), ("张三", date(2026, 11, 20), False)],
        {2: "planned", 3: "nothing"},
    ),
    "金山_年月日.csv": (
        [["姓名", "2026/11/18", "2026/11/19"], ["张三", "打卡", "补"]],
        [("张三", date(2026, 11, 18), False), ("张三", date(2026, 11, 19), True)],
        {2: "planned"},
    ),
    "月份在上.csv": (  # 姓名 | 11月 (not merged: a CSV) over a row of day numbers
        [["姓名", "11月", "", ""], ["", "16", "17", "18"], ["张三", "✓", "", "√"]],
        [("张三", date(2026, 11, 16), False), ("张三", date(2026, 11, 18), False)],
        {2: "skipped", 3: "planned"},
    ),
}


@pytest.mark.parametrize("name", list(CORPUS))
def test_the_corpus_of_exports_is_logged_for_the_right_person_and_day(sqlite_workspace, tmp_path, name):
    """Each export as its tool writes it (as best we know the layouts): who is logged on which day, late or not,
    what every other row comes to; one audit row for the import, and importing it again changes nothing."""
    from models import AuditEntry

    _camp(sqlite_workspace)
    rows, logged, outcomes = CORPUS[name]
    path = (_xlsx if name.endswith(".xlsx") else _csv)(tmp_path / name, rows)
    owner = actor_for(sqlite_workspace)
    plan, summary = run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert {r.row: r.outcome for r in plan.rows} == outcomes
    assert all(r.note or r.outcome != "nothing" for r in plan.rows)  # a row with nothing logged says why
    assert [(n, d, late) for n, d, late, _at in _checkins(sqlite_workspace)] == sorted(logged)
    assert summary is not None and summary.logged == len(logged)
    plan, summary = run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert summary is not None and (summary.logged, summary.leave_days) == (0, 0)
    assert [(n, d, late) for n, d, late, _at in _checkins(sqlite_workspace)] == sorted(logged)
    with sqlite_workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import.checkins")) == 1


def test_a_camp_sheet_of_weekly_blocks_reads_each_block_by_its_own_days(sqlite_workspace, tmp_path):
    """A camp 打卡表 in blocks: 姓名 | 第1天 | 第2天 | 第3天, its rows, then 姓名 | 第4天 | 第5天 | 第6天 and the same
    people again. The second header was no header (a person called 姓名, unknown), so the rows under it were read by
    the first block's days: 李四's ✓ under 第5天 went to day 2, 张三's under 第4天/第6天 were "already there" on days 1 and
    3 — with the problem rows left out, written so. Each block is read by its own camp days now."""
    _camp(sqlite_workspace)
    path = _xlsx(
        tmp_path / "blocks.xlsx",
        [
            ["姓名", "第1天", "第2天", "第3天"],
            ["张三", "✓", "✓", "✓"],
            ["李四", "✓", "", ""],
            ["姓名", "第4天", "第5天", "第6天"],
            ["张三", "✓", "", "✓"],
            ["李四", "", "✓", ""],
        ],
    )
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert {r.row: r.outcome for r in plan.rows}[4] == "skipped"
    assert summary is not None and (summary.logged, summary.already) == (7, 0)
    assert [(n, d) for n, d, *_ in _checkins(sqlite_workspace)] == [
        ("张三", _day(1)),
        ("张三", _day(2)),
        ("张三", _day(3)),
        ("张三", _day(4)),
        ("张三", _day(6)),
        ("李四", _day(1)),
        ("李四", _day(5)),
    ]


def _week_sheet(path: Path, week: str, days: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", week, None, None])
    ws.append([None, *days])
    ws.append(["张三", "✓", "", "√"])
    ws.merge_cells("B1:D1")
    ws.merge_cells("A1:A2")
    wb.save(path)
    return path


def test_camp_days_merged_under_their_week_are_read_and_a_week_s_own_count_is_refused(sqlite_workspace, tmp_path):
    """姓名 | 第一周 (merged) over 第1天 第2天 第3天: "not a check-in file". The days under their week are the camp's
    days; 第二周 over 第8天 … is days 8 …; 第二周 over 第1天 … (counted within the week? a typo?) names no camp day:
    refused naming the column, never logged as days 1 … 3."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    first = _week_sheet(tmp_path / "w1.xlsx", "第一周", ["第1天", "第2天", "第3天"])
    second = _week_sheet(tmp_path / "w2.xlsx", "第二周", ["第8天", "第9天", "第10天"])
    for path in (first, second):
        run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [_day(1), _day(3), _day(8), _day(10)]
    own = _week_sheet(tmp_path / "w2own.xlsx", "第二周", ["第1天", "第2天", "第3天"])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, own, GROUP, today=TODAY)
    assert [(p.column, p.code) for p in failed.value.problems] == [
        ("B (第二周-第1天)", "date_header"),
        ("C (第二周-第2天)", "date_header"),
        ("D (第二周-第3天)", "date_header"),
    ]
    assert len(_checkins(sqlite_workspace)) == 4


def test_a_weekday_beside_the_camp_day_is_checked_against_it(sqlite_workspace, tmp_path):
    """第1天（周一）, Day 3 Wed: the weekday beside the count made the header unreadable (the file refused). The camp's
    day 1 (11-16) is a Monday: read; 第1天（周二） says another day than the count — refused naming the column, as a
    date beside it that disagrees is."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    good = _xlsx(
        tmp_path / "good.xlsx",
        [["姓名", "第1天（周一）", "第2天(星期二)", "Day 3 Wed", "第4天 周四 11/19"], ["张三", "✓", "✓", "✓", "✓"]],
    )
    _plan, summary = run_checkin_import(sqlite_workspace, owner, good, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 4
    bad = _xlsx(tmp_path / "bad.xlsx", [["姓名", "第5天（周五）", "第6天（周五）"], ["张三", "✓", "✓"]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, bad, GROUP, today=TODAY)
    [problem] = failed.value.problems
    assert (problem.column, problem.code) == ("C (第6天(周五))", "camp_day_date")
    assert "2026-11-21 (周六)" in problem.message and "a Saturday" in problem.message
    assert [d for _n, d, *_ in _checkins(sqlite_workspace)] == [_day(1), _day(2), _day(3), _day(4)]


@pytest.mark.parametrize("head", ["打卡日期", "营期天数"])
def test_an_export_s_day_written_as_the_camp_s_day_is_its_date(sqlite_workspace, tmp_path, head):
    """A camp tool's export gives the day a check-in is for as the camp's day (打卡日期 第3天, 营期天数 Day 4) beside the
    time it was posted: every row was "not a date QunDesk can read" (打卡日期), or the column went unused and 李四's
    day-2 assignment, posted on day 3, was logged as day 3's check-in on time (营期天数). The camp's day is its date: a
    row posted on a later day is a 补卡; day 30 of a 21-day camp is a problem naming the cell."""
    _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    rows = [
        ["学员昵称", head, "打卡时间", "作业内容"],
        ["张三", "第3天", "2026-11-18 06:31", "ok"],
        ["李四", "第2天", "2026-11-18 21:00", "ok"],
        ["王五", "Day 4", "2026-11-19 07:00", "ok"],
    ]
    path = _xlsx(tmp_path / "训练营.xlsx", rows)
    for _ in range(2):
        run_checkin_import(sqlite_workspace, owner, path, GROUP, today=TODAY)
    assert [(n, d, late) for n, d, late, _at in _checkins(sqlite_workspace)] == [
        ("张三", _day(3), False),
        ("李四", _day(2), True),
        ("王五", _day(4), False),
    ]
    outside = _xlsx(tmp_path / "outside.xlsx", [rows[0], ["赵六", "第30天", "2026-11-18 06:31", "ok"]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, outside, GROUP, today=TODAY)
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [(2, f"B ({head})", "camp_outside")]
    assert len(_checkins(sqlite_workspace)) == 3
