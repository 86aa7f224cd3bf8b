"""The day of every record: a corpus of the ways a day or a time is written where QunDesk reads one, each with the
day (or time) it must land on or the named refusal it must give. "A record must never name the wrong day."

Today is pinned in every case: JAN2 (Saturday 2027-01-02, just after the year end: a 12月31日 chain is last year's)
or DEC3 (Thursday 2026-12-03). The readers are the shared ones: paste.title_day / parse_day for chain titles and
chat stamps (desktop/services/paste.py, desktop/chat_parse.py), fields.parse_datetime for every table cell
(desktop/io/fields.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.chat_parse import parse_chat
from desktop.io.fields import ImportProblem, parse_datetime
from desktop.services.paste import title_day

JAN2 = date(2027, 1, 2)  # a Saturday
DEC3 = date(2026, 12, 3)  # a Thursday


# ---------------------------------------------------------------- chain titles

TITLES = [
    # (today, title, the chain's day or None for "names no day")
    (JAN2, "#接龙 12月31日早起打卡", date(2026, 12, 31)),  # last year's, pasted two days later
    (JAN2, "#接龙\n12.31 早起打卡", date(2026, 12, 31)),
    (JAN2, "#接龙 12/31", date(2026, 12, 31)),
    (JAN2, "#接龙 12-31 打卡", date(2026, 12, 31)),
    (JAN2, "#接龙 1231早起打卡", date(2026, 12, 31)),  # four digits, month and day: the usual 接龙 title
    (JAN2, "#接龙\n1231 早起打卡", date(2026, 12, 31)),
    (JAN2, "#接龙 1231", date(2026, 12, 31)),
    (JAN2, "#接龙 0101 元旦打卡", date(2027, 1, 1)),
    (DEC3, "#接龙 1201早起打卡", date(2026, 12, 1)),
    (DEC3, "#接龙 1202 读书打卡", date(2026, 12, 2)),
    (JAN2, "#接龙 2026年12月31日", date(2026, 12, 31)),
    (JAN2, "#接龙 2026.12.31 早起", date(2026, 12, 31)),
    (JAN2, "#接龙 20261231 早起", date(2026, 12, 31)),
    (JAN2, "#接龙 十二月三十一日 早起", date(2026, 12, 31)),
    (JAN2, "#接龙 31号打卡", date(2026, 12, 31)),
    (JAN2, "#接龙 2025年12月31日 打卡", date(2025, 12, 31)),  # another year, as written
    (JAN2, "#接龙 12月31日（周四）打卡", date(2026, 12, 31)),
    (JAN2, "#接龙 周四 12月31日", date(2026, 12, 31)),  # a written date wins over a weekday
    (JAN2, "#接龙 周四早起", date(2026, 12, 31)),  # the latest Thursday on or before today
    (JAN2, "#接龙 星期三", date(2026, 12, 30)),
    (JAN2, "#接龙 昨天的打卡", date(2027, 1, 1)),
    (JAN2, "#接龙 前天打卡", date(2026, 12, 31)),
    (JAN2, "#接龙 12月31日 1月1日", date(2026, 12, 31)),  # two dates: the first one
    (DEC3, "#接龙 12月1日-12月7日 第一周", None),  # a range names no single day
    (DEC3, "#接龙 截止12月10日", None),  # a deadline
    (JAN2, "#接龙 今天早起打卡", None),  # 今天 is the day chosen
    (JAN2, "#接龙 Day 23 打卡", None),  # a programme's day: no date without its start
    (JAN2, "#接龙 第23天 打卡", None),
    (DEC3, "#接龙 已写1203字", None),  # four digits that are a count, not 12-03
    (DEC3, "#接龙 0630起床打卡", None),  # a clock (06:30), not June 30
    (DEC3, "#接龙 1130前完成", None),  # a deadline time
    (DEC3, "#接龙 2026早起计划", None),  # a year
    (DEC3, "#接龙 1200人大群", None),
    (DEC3, "#接龙 周三 1201会议室 读书会", date(2026, 12, 2)),  # a room, not 12-01: the weekday names the day
    (DEC3, "#接龙 周三读书会 0830开始", date(2026, 12, 2)),  # a clock (08:30), not 08-30
    (DEC3, "#接龙 5.2公里 跑步打卡", None),
]


@pytest.mark.parametrize(("today", "title", "day"), TITLES)
def test_a_chain_title_names_its_day(monkeypatch, today, title, day):
    monkeypatch.setenv("QUNDESK_TODAY", today.isoformat())
    assert title_day(parse_chat(title + "\n1. 张三\n2. 李四\n"), today) == day


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("3. 王五 补昨天", date(2027, 1, 1)),
        ("3. 王五 补12.31", date(2026, 12, 31)),
        ("3. 王五 31号补卡", date(2026, 12, 31)),
        ("3. 王五 补周四", date(2026, 12, 31)),
        ("3. 王五 补打卡（昨天）", date(2027, 1, 1)),  # the day in brackets after the 补卡
        ("3. 王五 前天的补卡", date(2026, 12, 31)),
        ("3. 王五 补卡-昨天", date(2027, 1, 1)),
        ("3. 王五 昨天忘了 补", date(2027, 1, 1)),
        ("3. 王五（补）", JAN2),  # a 补卡 naming no day makes up the day being logged
    ],
)
def test_a_make_up_line_is_for_the_day_it_names(monkeypatch, line, day):
    """A 补卡 line of today's chain is logged on the day it names; before, 补打卡（昨天） and 前天的补卡 were logged as
    today's 补卡 (today's check-in given, yesterday's left missing)."""
    from desktop.services.paste import made_up_day

    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    text = line.split(". ", 1)[1]
    assert (made_up_day(text, JAN2) or JAN2) == day


# ---------------------------------------------------------------- chat-log stamps

STAMPS = [
    # (chat log, name, day of the stamp as written, time)
    ("2026-12-31 23:59:58 张三\n打卡\n", "张三", "2026-12-31", "23:59"),
    ("2027-01-01 00:00:05 张三\n打卡\n", "张三", "2027-01-01", "00:00"),  # after midnight: the new day
    ("2026/12/31 7:05:03 张三(12345)\n打卡\n", "张三", "2026/12/31", "07:05"),  # QQ, hour not padded
    ("2026/12/31 下午 3:05:03 张三(12345)\n打卡\n", "张三", "2026/12/31", "15:05"),
    # an English-locale PC's QQ export: the time is 12-hour, and AM/PM is no part of the name
    ("2026-12-31 3:05:03 PM 张三(12345)\n打卡\n", "张三", "2026-12-31", "15:05"),
    ("2026-12-31 12:05:03 AM 张三(12345)\n打卡\n", "张三", "2026-12-31", "00:05"),
    ("2026-12-31 12:30:00 PM 张三(12345)\n打卡\n", "张三", "2026-12-31", "12:30"),
    ("张三 2026/12/31 3:05 PM\n打卡\n", "张三", "2026/12/31", "15:05"),
    ("张三 2026-12-31 凌晨 0:05\n打卡\n", "张三", "2026-12-31", "00:05"),
    ("[2026-12-31 23:59:58] 张三: 打卡\n", "张三", "2026-12-31", "23:59"),
    ("张三 12月31日 07:05\n打卡\n", "张三", "12月31日", "07:05"),
    # a date with its weekday: the sender is 张三 (not 张三 2026年12月31日), the day the date's
    ("张三 2026年12月31日 星期四 07:05\n打卡\n", "张三", "2026年12月31日 星期四", "07:05"),
    ("[2026-12-31 (周四) 07:05] 张三: 打卡\n", "张三", "2026-12-31 (周四)", "07:05"),
]


@pytest.mark.parametrize(("log", "name", "date_text", "clock"), STAMPS)
def test_a_chat_stamp_gives_its_sender_day_and_time(monkeypatch, log, name, date_text, clock):
    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    entries = [line for line in parse_chat(log) if line.kind == "entry"]
    assert [(e.name, e.date_text, e.time) for e in entries] == [(name, date_text, clock)]


@pytest.mark.parametrize(
    ("log", "day"),
    [
        ("万成俊 昨天 07:05\n打卡\nRyan 昨天 07:10\n早起打卡\n", date(2027, 1, 1)),
        ("张三 星期四 07:05\n打卡\n李四 星期四 07:10\n打卡\n", date(2026, 12, 31)),
        ("张三 12/31 07:05\n打卡\n李四 12/31 07:10\n打卡\n", date(2026, 12, 31)),
        ("张三 昨天 07:05\n打卡\n", date(2027, 1, 1)),  # one message copied alone (it was the title, skipped)
        ("张三 星期四 07:05\n今天起晚了\n", date(2026, 12, 31)),
    ],
)
def test_stamps_with_a_relative_day_date_the_log_and_name_only_the_sender(monkeypatch, log, day):
    """`张三 昨天 07:05` / `打卡` is a stamp: the sender is 张三 at 07:05 and the log is yesterday's. Before, two such
    messages read as a `name` / `打卡` copy whose speakers were `张三 昨天 07:05` (the whole line, no time, no day):
    picked by hand, the check-in landed on the day of the paste."""
    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    lines = parse_chat(log)
    entries = [line for line in lines if line.kind == "entry"]
    senders = [part.split(" ")[0] for part in log.split("\n")[0::2] if part]
    assert [(e.mode, e.name) for e in entries] == [("stamped", sender) for sender in senders]
    assert [e.time for e in entries] == ["07:05", "07:10"][: len(senders)]
    assert title_day(lines, JAN2) == day


def test_a_stamp_s_written_date_wins_over_its_weekday(monkeypatch):
    """`2026年12月31日 星期四 07:05` pasted a week later (Saturday 2027-01-09) is still 12-31, not the latest Thursday."""
    later = date(2027, 1, 9)
    monkeypatch.setenv("QUNDESK_TODAY", later.isoformat())
    log = "张三 2026年12月31日 星期四 07:05\n打卡\n李四 2026年12月31日 星期四 07:15\n打卡\n"
    assert title_day(parse_chat(log), later) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("log", "day"),
    [
        ("Yesterday 23:58\n张三：打卡\n李四：打卡\n", date(2027, 1, 1)),
        ("Thursday 07:05\n张三：打卡\n李四：打卡\n", date(2026, 12, 31)),
        ("Dec 31, 2026 07:05\n张三：打卡\n李四：打卡\n", date(2026, 12, 31)),
        ("Dec 31 07:05\n张三：打卡\n李四：打卡\n", date(2026, 12, 31)),
        ("张三 Yesterday 07:05\n打卡\n李四 Yesterday 07:15\n打卡\n", date(2027, 1, 1)),
    ],
)
def test_wechat_s_english_separators_and_stamps_date_the_log(monkeypatch, log, day):
    """WeChat in English writes Yesterday 23:58, Thursday 07:05, Dec 31, 2026 07:05 where the Chinese one writes
    昨天/星期四/2026年12月31日: before, those lines dated nothing and the messages were logged on the day of the paste."""
    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    lines = parse_chat(log)
    assert title_day(lines, JAN2) == day
    assert [line.name for line in lines if line.kind == "entry"] == ["张三", "李四"]


def test_english_words_that_only_look_like_dates_date_nothing(monkeypatch):
    """Mayer 3, maybe 5, Mar 12:05 are no dates: a plain list of English names stays a list of names."""
    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    lines = parse_chat("Amy Mayer 3\nTom maybe 5\nMarch Li\n")
    assert [line.kind for line in lines] == ["entry", "entry", "entry"]
    assert [line.name.split()[0] for line in lines] == ["Amy", "Tom", "March"]
    assert title_day(lines, JAN2) is None


def test_a_chat_log_dated_by_its_stamps_names_the_last_years_day(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    log = "2026-12-31 3:05:03 PM 张三(12345)\n打卡\n\n2026-12-31 11:59:00 PM 李四(23456)\n打卡\n"
    assert title_day(parse_chat(log), JAN2) == date(2026, 12, 31)


# ---------------------------------------------------------------- table cells (roster and check-in imports)

CELLS = [
    # (cell value, datetime it is, or the code of the problem it must raise)
    (datetime(2026, 12, 1, 8, 30), datetime(2026, 12, 1, 8, 30)),
    (date(2026, 12, 1), datetime(2026, 12, 1)),
    (46357, datetime(2026, 12, 1)),  # an Excel serial number (1900 date system)
    (46357.75, datetime(2026, 12, 1, 18, 0)),
    ("46357", datetime(2026, 12, 1)),  # the same as text
    (20261201, datetime(2026, 12, 1)),
    ("2026/12/1", datetime(2026, 12, 1)),
    ("2026.12.01", datetime(2026, 12, 1)),
    ("2026-12-01 23:59:58", datetime(2026, 12, 1, 23, 59, 58)),
    ("2026年12月1日", datetime(2026, 12, 1)),
    ("2026年12月1号", datetime(2026, 12, 1)),  # 号 is as common as 日
    ("2026年12月1号 7:05", datetime(2026, 12, 1, 7, 5)),
    ("２０２６年１２月１日", datetime(2026, 12, 1)),
    ("2026/12/1 7:05:03", datetime(2026, 12, 1, 7, 5, 3)),
    ("2026/12/1 下午 3:05", datetime(2026, 12, 1, 15, 5)),
    ("2026/12/1 3:05 PM", datetime(2026, 12, 1, 15, 5)),
    ("2026/12/1 12:30 AM", datetime(2026, 12, 1, 0, 30)),
    ("2026/12/1 凌晨 0:30", datetime(2026, 12, 1, 0, 30)),  # half past midnight, as WeChat writes it
    ("2026/12/1 凌晨 12:30", datetime(2026, 12, 1, 0, 30)),
    ("Dec 1, 2026", datetime(2026, 12, 1)),
    ("1-Dec-26", datetime(2026, 12, 1)),
    ("2026-12-01 周二", datetime(2026, 12, 1)),  # WPS's date-and-weekday format, as text
    ("2026年12月1日 星期二 08:30", datetime(2026, 12, 1, 8, 30)),
    ("2026/12/1（周二）", datetime(2026, 12, 1)),
    ("2026-12-06 星期天", datetime(2026, 12, 6)),
    ("2026-12-01 周三", "date_invalid"),  # the weekday says another day: which is right is not known
    ("12/1/2026", "date_not_a_date"),  # US or EU order: ambiguous, never guessed
    ("1/12/2026", "date_not_a_date"),
    ("12月1日", "date_not_a_date"),  # no year in a roster cell
    ("2026-2-30", "date_invalid"),
    ("2026/02/29", "date_invalid"),
    ("2026/12/1 下午 0:30", "date_invalid"),
    ("2026/12/1 下午 13:05", "date_invalid"),
    (1, "date_invalid"),  # a serial before 1970: a typo
]


@pytest.mark.parametrize(("value", "expected"), CELLS)
def test_a_table_cell_is_its_day_or_a_named_problem(value, expected):
    if isinstance(expected, str):
        with pytest.raises(ImportProblem) as caught:
            parse_datetime(value, file="名册.xlsx", row=7, column="入群时间")
        assert caught.value.code == expected
        assert "第7行" in str(caught.value) and "入群时间" in str(caught.value)
    else:
        assert parse_datetime(value, file="名册.xlsx", row=7, column="入群时间") == expected


# ---------------------------------------------------------------- a check-in export with a day and a time column


def test_a_checkin_export_s_12_hour_times_are_read_with_their_day(sqlite_workspace, tmp_path, monkeypatch):
    """打卡日期 | 打卡时间 where the time is written 12-hour (下午 3:05, 7:05 PM, 凌晨 0:30, as WPS and 问卷 tools
    write it) is logged on its day at that time; before, such a row was refused as "不是可识别的日期"."""
    from datetime import time

    from openpyxl import Workbook
    from sqlalchemy import select

    from desktop.services.checkin_import import run_checkin_import
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for
    from models import CheckIn

    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, actor, "晨光早起营")
        add_member(s, actor, gid, MemberInput("张伟", joined_at=datetime(2026, 11, 1, 12, 0)))
        s.commit()
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "打卡日期", "打卡时间"])
    ws.append(["张伟", "2026-12-28", "下午 3:05"])
    ws.append(["张伟", datetime(2026, 12, 29), "7:05 PM"])
    ws.append(["张伟", "2026/12/30", "凌晨 0:30"])
    ws.append(["张伟", "2026年12月31号", "12:10 AM"])
    ws.append(["张伟", "2027-01-01", time(6, 5)])
    path = tmp_path / "打卡导出.xlsx"
    wb.save(path)
    run_checkin_import(sqlite_workspace, actor, path, "晨光早起营", today=JAN2)
    with sqlite_workspace.session() as s:
        rows = s.execute(select(CheckIn.day, CheckIn.checked_at).order_by(CheckIn.day)).all()
    assert [tuple(r) for r in rows] == [
        (date(2026, 12, 28), datetime(2026, 12, 28, 15, 5)),
        (date(2026, 12, 29), datetime(2026, 12, 29, 19, 5)),
        (date(2026, 12, 30), datetime(2026, 12, 30, 0, 30)),
        (date(2026, 12, 31), datetime(2026, 12, 31, 0, 10)),
        (date(2027, 1, 1), datetime(2027, 1, 1, 6, 5)),
    ]


# ---------------------------------------------------------------- Mac Excel's 1904 date system


def test_a_1904_workbook_s_dates_typed_as_numbers_count_from_1904(sqlite_workspace, tmp_path, monkeypatch):
    """A Mac Excel workbook of the 1904 date system: its date cells arrive as dates already, and a date left as a plain
    number (44895: 2026-12-01 counted from 1904-01-01) is that day too, not four years and a day earlier (2022-11-30,
    the 1900 reading). The same number in a 1900 workbook keeps its 1900 reading."""
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    from sqlalchemy import select

    from desktop.io.tabular import read_table
    from desktop.services.imports import run_import
    from desktop.workspace import actor_for
    from models import Member, Membership

    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())

    def book(path, epoch):
        wb = Workbook()
        if epoch is not None:
            wb.epoch = epoch
        ws = wb.active
        ws.append(["姓名", "微信号", "入群时间"])
        ws.append(["张伟", "zhangwei01", datetime(2026, 12, 1, 8, 30)])
        ws.append(["李娜", "lina02", 44895])  # a plain number
        ws.append(["王芳", "wangfang03", "44895.5"])  # the same as text, noon
        wb.save(path)
        return path

    mac = book(tmp_path / "mac.xlsx", CALENDAR_MAC_1904)
    assert read_table(mac).date1904 and not read_table(book(tmp_path / "pc.xlsx", None)).date1904
    run_import(sqlite_workspace, actor_for(sqlite_workspace), mac, "晨光早起营", "roster")
    with sqlite_workspace.session() as s:
        joined = dict(
            s.execute(
                select(Member.display_name, Membership.joined_at).join(Membership, Membership.member_id == Member.id)
            ).all()
        )
    assert {name: at.date() for name, at in joined.items()} == {
        "张伟": date(2026, 12, 1),
        "李娜": date(2026, 12, 1),
        "王芳": date(2026, 12, 1),
    }
    assert parse_datetime(44895, file="pc.xlsx", row=2, column="入群时间") == datetime(2022, 11, 30)
    assert parse_datetime(44895.5, file="mac.xlsx", row=2, column="入群时间", date1904=True) == datetime(
        2026, 12, 1, 12, 0
    )


def test_an_export_s_leave_for_a_coming_day_is_that_day_not_a_year_ago(sqlite_workspace, tmp_path, monkeypatch):
    """A check-in export (one row per day) with 打卡日期 as month/day and no year, read on 2 January: 请假 1月4日 is
    a leave announced ahead for 2027-01-04 — before, the most recent 1月4日 not after today was taken, a leave of a year
    ago (2026-01-04) recorded without a word for a member who was there then; 12月31日 is still last year's."""
    from openpyxl import Workbook
    from sqlalchemy import select

    from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for
    from models import CheckIn, Leave

    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, actor, "晨光早起营")
        add_member(s, actor, gid, MemberInput("张伟", joined_at=datetime(2025, 6, 1, 12, 0)))
        s.commit()

    def export(rows):
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", "打卡日期", "打卡状态"])
        for row in rows:
            ws.append(row)
        path = tmp_path / "打卡导出.xlsx"
        wb.save(path)
        return path

    path = export([["张伟", "12月31日", "已打卡"], ["张伟", "1月1日", "已打卡"], ["张伟", "1月4日", "请假"]])
    run_checkin_import(sqlite_workspace, actor, path, "晨光早起营", today=JAN2)
    with sqlite_workspace.session() as s:
        days = s.execute(select(CheckIn.day).order_by(CheckIn.day)).scalars().all()
        leaves = s.execute(select(Leave.start_day, Leave.end_day)).all()
    assert days == [date(2026, 12, 31), date(2027, 1, 1)]
    assert [tuple(r) for r in leaves] == [(date(2027, 1, 4), date(2027, 1, 4))]
    with pytest.raises(CheckinImportFailed) as failed:  # a check-in of a coming day: refused, not logged a year back
        run_checkin_import(sqlite_workspace, actor, export([["张伟", "1月3日", "已打卡"]]), "晨光早起营", today=JAN2)
    assert [p.code for p in failed.value.problems] == ["future_day"]


# ---------------------------------------------------------------- the CLI, end to end


def test_the_cli_asks_for_the_day_of_last_year_s_chain_and_logs_it_there(tmp_path, capsys, monkeypatch):
    """`#接龙 1231早起打卡` pasted on 2 January: nothing is logged without --date (the message names 2026-12-31);
    with it the check-ins are 2026-12-31's. Before, the title named no day and both landed on 2 January."""
    from sqlalchemy import select

    from desktop.cli import main
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import CheckIn

    monkeypatch.setenv("QUNDESK_TODAY", JAN2.isoformat())
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    actor = actor_for(database)
    with database.session() as s:
        gid = create_group(s, actor, "早起打卡营")
        for name in ("张三", "李四"):
            add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
    database.dispose()
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙 1231早起打卡\n1. 张三 5:58\n2. 李四 6:01\n", encoding="utf-8")
    code = main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(paste)])
    _out, err = capsys.readouterr()
    assert code == 1 and "--date 2026-12-31" in err
    code = main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(paste), "--date", "2026-12-31"])
    out, _err = capsys.readouterr()
    assert code == 0 and "logged 2" in out
    database = open_workspace(db)
    try:
        with database.session() as s:
            rows = s.execute(select(CheckIn.day, CheckIn.checked_at).order_by(CheckIn.checked_at)).all()
    finally:
        database.dispose()
    assert [tuple(r) for r in rows] == [
        (date(2026, 12, 31), datetime(2026, 12, 31, 5, 58)),
        (date(2026, 12, 31), datetime(2026, 12, 31, 6, 1)),
    ]
