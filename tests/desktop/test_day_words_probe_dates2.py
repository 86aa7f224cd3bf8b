"""Which day: the day words Chinese communities really write on a chain's title and on a 补卡 line, each against a pinned
"today" on several weekdays. Every case lands on the day it names, or is asked about / refused naming the words — never
logged on another day without a word (PRODUCT §3.3: a record must never name the wrong day).

Decisions (desktop/services/paste.py `title_doubt`, `makeup_day_unsure`, `month_words`; docs/cli.md):
* a date and the weekday written beside it that are different days (12月7日（周二） when 12-07 is a Monday) — which one
  is the typo is not known: asked (a title), refused (a 补卡 line);
* lunar dates and holidays (腊月初八, 正月初一, 春节, 中秋) — QunDesk keeps no lunar calendar: asked / refused; a holiday of
  several days (国庆) is asked unless the day being logged is in it;
* 周末 / 上周末 (Saturday or Sunday?) — asked unless the day being logged is one of the two; refused on a 补卡 line;
* 昨晚 / 昨夜 are yesterday's (a night owls' chain), 前晚 the day before's; 今早 / 今晨 / 今晚 are today, as 今天;
* 本月5号 / 上个月30号 are that month's day (not the nearest 5th or 30th); 26.12.7 is 2026-12-07.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.chat_parse import parse_chat
from desktop.services.paste import made_up_day, makeup_day_unsure, title_day, title_doubt

MON = date(2026, 12, 7)  # a Monday
THU = date(2026, 12, 3)
SUN = date(2026, 12, 6)
WED16 = date(2026, 12, 16)
MON28 = date(2026, 12, 28)
JAN1 = date(2027, 1, 1)  # a Friday, just after the year end
SAT12 = date(2026, 12, 12)

TITLES = [
    # (today, title, the chain's day, or the kind of question asked)
    (MON, "12月7日（周二）打卡", "weekday"),  # 12-07 is a Monday: the date or the weekday is a typo
    (MON, "12.7 周二 早起", "weekday"),
    (MON, "12/07(二)", "weekday"),
    (MON, "7号 周二", "weekday"),
    (MON, "Tue 7 Dec check-in", "weekday"),
    (MON, "7 Dec (Tue)", "weekday"),
    (THU, "2026-12-06 周一", "weekday"),
    (THU, "周五 12.5", "weekday"),
    (MON, "12月7日(周一)打卡", MON),  # the weekday agrees
    (MON, "12.7周一", MON),
    (MON, "12/07(一)", MON),
    (MON, "星期一，12.7", MON),
    (MON, "十二月七号", MON),
    (MON, "Mon 7 Dec", MON),
    (MON, "26.12.7 早起", MON),  # a two-digit year: was no date, logged for the day chosen
    (THU, "26/12/07", MON),
    (THU, "26年12月7日", MON),
    (MON, "腊月初八", "lunar"),
    (MON, "农历十月廿八打卡", "lunar"),
    (MON, "正月初一", "lunar"),
    (MON, "大年初一打卡", "lunar"),
    (MON, "春节打卡", "lunar"),
    (MON, "中秋打卡", "lunar"),
    (MON, "国庆打卡", "holiday"),
    (date(2026, 10, 3), "国庆打卡", None),  # logged during the holiday: that day's chain
    (MON, "周末打卡", "weekend"),  # Saturday or Sunday?
    (SAT12, "周末打卡", None),  # logged on the Saturday: that day
    (MON, "上周末打卡", "weekend"),
    (SUN, "上周末打卡", "weekend"),  # on Sunday 12-06 last weekend is 11-28/29
    (MON, "昨晚打卡", SUN),  # a night owls' chain: yesterday evening's
    (MON, "昨夜打卡", SUN),
    (MON, "前晚打卡", date(2026, 12, 5)),
    (
        MON,
        "早起打卡（格式：姓名 昨晚几点睡 今早几点起）",
        None,
    ),  # a bedtime asked for: a morning chain's, not the night's
    (MON, "早起打卡 昨晚11点前睡", None),
    (MON, "今早打卡", None),  # today, as 今天: the day chosen
    (MON, "今晨打卡", None),
    (MON, "睡前晚安打卡", None),  # 前晚 inside 睡前晚安 is no day
    (MON28, "本月5号打卡", date(2026, 12, 5)),  # was next month's 5th (the nearest)
    (WED16, "上个月30号", date(2026, 11, 30)),  # was this month's 30th (the nearest)
    (WED16, "上月30号打卡", date(2026, 11, 30)),
    (JAN1, "上个月30号", date(2026, 12, 30)),
    (JAN1, "12月31日", date(2026, 12, 31)),
    (MON, "12月24日 平安夜打卡", date(2026, 12, 24)),  # a written date settles it: 平安夜 is the theme
    (MON, "周六打卡", date(2026, 12, 5)),
    (MON, "Day 15", None),  # a camp's day: no date without its start
]


@pytest.mark.parametrize(("today", "title", "expected"), TITLES)
def test_a_title_s_day_words_name_the_day_or_ask(monkeypatch, today, title, expected):
    monkeypatch.setenv("QUNDESK_TODAY", today.isoformat())
    lines = parse_chat(f"#接龙 {title}\n1. 张三\n2. 李四\n")
    found = title_day(lines, today)
    if isinstance(expected, str):
        assert found is None
        doubt = title_doubt(lines, today)
        assert doubt is not None and doubt[0] == expected
        assert doubt[1]  # the words, as the question names them
    else:
        assert found == expected
        if expected is None:
            assert title_doubt(lines, today) is None


MAKEUPS = [
    # (day posted, 补卡 text, the day it makes up, or None: refused, naming the words)
    (WED16, "补昨晚", date(2026, 12, 15)),  # was a check-in of the 16th (补昨晚 was no 补卡)
    (WED16, "补昨晚的卡", date(2026, 12, 15)),
    (WED16, "补前晚", date(2026, 12, 14)),
    (WED16, "补上个月30号", date(2026, 11, 30)),  # was a check-in of the 16th
    (WED16, "补卡 上个月30号", date(2026, 11, 30)),  # was a make-up of the 16th
    (MON28, "补本月5号", date(2026, 12, 5)),
    (MON, "补26.12.6", SUN),  # was a make-up of the day being logged
    (MON, "补2026.12.6", SUN),  # was a check-in of the day being logged
    (MON, "补12月6日（周日）", SUN),
    (MON, "补周末的", None),  # Saturday or Sunday?
    (MON, "补上周末", None),
    (MON, "周末补卡", None),
    (MON, "补腊月初八", None),
    (MON, "补春节", None),
    (MON, "国庆补卡", None),
    (MON, "补12月6日（周一）", None),  # 12-06 is a Sunday
]


@pytest.mark.parametrize(("posted", "text", "day"), MAKEUPS)
def test_a_make_up_names_its_day_or_is_refused(monkeypatch, posted, text, day):
    monkeypatch.setenv("QUNDESK_TODAY", posted.isoformat())
    assert made_up_day(text, posted) == day
    assert makeup_day_unsure(text, posted) == (day is None)


@pytest.fixture
def roster(sqlite_workspace, monkeypatch):
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for

    monkeypatch.setenv("QUNDESK_TODAY", MON.isoformat())
    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, actor, "早起打卡营")
        for name in ("侯俊", "骆霞", "潘悦", "高峰", "罗斌", "李四", "张三"):
            add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 10, 1, 9, 0)))
        s.commit()
    return gid


def test_make_up_lines_of_a_chain_end_to_end(sqlite_workspace, roster):
    """A chain of Monday 12-07: 补昨晚 is Sunday's 补卡 (it was a check-in of Monday), 补卡 上个月30号 November 30th's
    (it was Monday's 补卡), 补26.12.6 Sunday's; 补周末的, 补腊月初八 and 补12月6日（周一） are not logged, the reason named
    (they were Monday's check-ins or 补卡)."""
    from desktop.services.paste import ignored_reason, match_paste

    text = (
        "#接龙 12月7日打卡\n1. 侯俊 补昨晚\n2. 骆霞 补周末的\n3. 潘悦 补卡 上个月30号\n4. 高峰 补腊月初八\n"
        "5. 罗斌 补12月6日（周一）\n6. 李四 补26.12.6\n7. 张三 6:01\n"
    )
    with sqlite_workspace.session() as s:
        got = {m.line.name: m for m in match_paste(s, roster, text, MON)}
    assert {n: (m.status, m.day, m.late) for n, m in got.items() if m.status == "matched"} == {
        "侯俊": ("matched", SUN, True),
        "潘悦": ("matched", date(2026, 11, 30), True),
        "李四": ("matched", SUN, True),
        "张三": ("matched", MON, False),
    }
    for name in ("骆霞", "高峰", "罗斌"):
        assert got[name].status == "ignored" and got[name].reason == "day_unknown", name
        assert "未记录" in ignored_reason(got[name])


def _cli_workspace(tmp_path):
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace

    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    actor = actor_for(database)
    with database.session() as s:
        gid = create_group(s, actor, "早起打卡营")
        for name in ("张三", "李四"):
            add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
    database.dispose()
    return db


def _days(db):
    from sqlalchemy import select

    from desktop.workspace import open_workspace
    from models import CheckIn

    database = open_workspace(db)
    try:
        with database.session() as s:
            return sorted(s.execute(select(CheckIn.day)).scalars().all())
    finally:
        database.dispose()


@pytest.mark.parametrize(
    ("title", "words", "why"),
    [
        ("#接龙 12月7日（周二）打卡", "12月7日(周二)", "different days"),
        ("#接龙 腊月初八 早起打卡", "腊月", "lunar"),
        ("#接龙 上周末打卡", "上周末", "Saturday and a Sunday"),
    ],
)
def test_the_cli_refuses_a_title_whose_day_it_cannot_tell(tmp_path, capsys, monkeypatch, title, words, why):
    """checkin --paste of such a chain logs nothing without --date and names the words and why; with --date it logs
    there and says so (a day the words name, 上周末's Saturday, needs no note). Before, each was logged for today
    without a word."""
    from desktop.cli import main

    monkeypatch.setenv("QUNDESK_TODAY", MON.isoformat())
    db = _cli_workspace(tmp_path)
    paste = tmp_path / "chain.txt"
    paste.write_text(f"{title}\n1. 张三 5:58\n2. 李四 6:01\n", encoding="utf-8")
    code = main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(paste)])
    _out, err = capsys.readouterr()
    assert code == 1 and words in err and why in err and "nothing logged" in err
    assert _days(db) == []
    code = main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(paste), "--date", "2026-12-05"])
    out, err = capsys.readouterr()
    assert code == 0 and "logged 2" in out
    # the note, unless the day given is one the words name (上周末 logged for Saturday 12-05: nothing to note)
    assert (words in err) == (why != "Saturday and a Sunday")
    assert _days(db) == [date(2026, 12, 5), date(2026, 12, 5)]


# ---------------------------------------------------------------- chat separators and stamps


@pytest.mark.parametrize(
    "separator",
    ["12月6日 星期日 06:10", "2026年12月6日 星期日 06:10", "—— 12月6日 周日 ——", "昨天 23:58", "星期日 06:10"],
)
def test_a_separator_with_a_weekday_dates_the_log_and_names_nobody(monkeypatch, separator):
    """`12月6日 星期日 06:10` above `张三：打卡` / `李四：打卡` was read as a stamp: a speaker 「12月6日」 whose message was
    both lines (张三 and 李四 lost to a person nobody is). It is a separator: the log is Sunday's, the speakers theirs."""
    monkeypatch.setenv("QUNDESK_TODAY", MON.isoformat())
    lines = parse_chat(f"{separator}\n张三：打卡\n李四：打卡\n")
    assert [line.name for line in lines if line.kind == "entry"] == ["张三", "李四"]
    assert title_day(lines, MON) == SUN
    assert title_doubt(lines, MON) is None


@pytest.mark.parametrize(
    "log",
    [
        "—— 12月6日 星期一 ——\n张三：打卡\n李四：打卡\n",
        "12月6日 星期一 06:10\n张三：打卡\n李四：打卡\n",
        "张三 12月6日 星期一 07:05\n打卡\n李四 12月6日 星期一 07:15\n打卡\n",
    ],
)
def test_a_typed_separator_or_stamp_whose_weekday_is_another_day_asks(monkeypatch, log):
    """12-06 is a Sunday: 12月6日 星期一 (WeChat never writes it; someone typed it) was the 6th without a word."""
    monkeypatch.setenv("QUNDESK_TODAY", MON.isoformat())
    lines = parse_chat(log)
    assert title_day(lines, MON) is None
    assert title_doubt(lines, MON) == ("weekday", "12月6日 星期一")


# ---------------------------------------------------------------- leave lines


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("下周一到周三请假", date(2026, 12, 14), date(2026, 12, 16)),
        ("上周三请假了", date(2026, 12, 2), date(2026, 12, 2)),  # was the coming Wednesday, 12-09
        ("上上周一请假", date(2026, 11, 23), date(2026, 11, 23)),
        ("上周末请假", date(2026, 12, 5), date(2026, 12, 6)),  # was the coming weekend, 12-12/13
        ("上周请假了", date(2026, 11, 30), date(2026, 12, 6)),
        ("周末请假", date(2026, 12, 12), date(2026, 12, 13)),
        ("下个月1号请假", date(2027, 1, 1), date(2027, 1, 1)),  # was 12-01, gone by
        ("本月10号到12号请假", date(2026, 12, 10), date(2026, 12, 12)),
        ("明晚请假", date(2026, 12, 8), date(2026, 12, 8)),  # was the day posted
        ("明早请假", date(2026, 12, 8), date(2026, 12, 8)),
        ("今晚请假", MON, MON),
    ],
)
def test_a_leave_line_s_day_words(text, first, last):
    """The days the leave dialog starts from and `checkin --paste` prints a `qundesk leave add` for."""
    from desktop.leave_words import leave_span

    assert leave_span(text, MON) == (first, last)


def test_a_leave_named_by_a_lunar_date_or_a_holiday_offers_no_days(sqlite_workspace, roster):
    """`春节请假一周` pasted on 7 December was 12-07…12-13 (the CLI printed `qundesk leave add --from 2026-12-07 --to
    2026-12-13`, the leave dialog started there); `腊月初八请假` the day posted. Which days, the words do not say: no days
    are offered (the assistant sets them); a holiday with its dates written keeps them."""
    from desktop.services.paste import match_paste

    text = "#接龙 12月7日打卡\n1. 侯俊 春节请假一周\n2. 骆霞 腊月初八请假\n3. 潘悦 国庆请假\n4. 高峰 圣诞请假 12.24-12.25\n"
    with sqlite_workspace.session() as s:
        got = {m.line.name: (m.status, m.leave_days) for m in match_paste(s, roster, text, MON)}
    assert got == {
        "侯俊": ("leave", None),
        "骆霞": ("leave", None),
        "潘悦": ("leave", None),
        "高峰": ("leave", (date(2026, 12, 24), date(2026, 12, 25))),
    }
