"""Which day a paste and its lines are for, and which time a line's check-in has (PRODUCT §3.3).

Rules checked here (chosen day `NEAR` = Thursday 2026-12-03):
* A chain title names its day with a written date (11月20日, 11.20, 20261120, 十二月二日, 2日 on the title) or
  a relative word counted from the day being logged (昨天/昨日/前天/周X/星期X: the latest such weekday on or
  before it). Relative words and a day of the month alone count on the title line only; 今天 names no day.
* A bare m.d is a date only when nothing says it is a quantity (5.2公里) or a time (6.30前完成, 早上6.30).
* 补 + a day (补1号, 补周二, 补 2号的卡) is a 补卡 for that day; a bare 补 in brackets or at the end of the line
  (张三丰（补）) is a 补卡 for the chosen day; 补 inside other words (补充, 补习, 弥补, 候补) is not.
* A line's check-in time is the time it got up (6点起) rather than when it went to bed (10点睡, 昨晚11点).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.chat_parse import _find_time, parse_chat
from desktop.services.groups import create_group
from desktop.services.paste import _late_day, match_paste, parse_day, title_day
from desktop.services.roster import MemberInput, add_member

NEAR = date(2026, 12, 3)  # a Thursday
WEDNESDAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def pasted_on_near(monkeypatch):
    """The day of the paste is NEAR: a title's relative words (昨日, 周三) count back from today."""
    monkeypatch.setenv("QUNDESK_TODAY", NEAR.isoformat())


# ---------------------------------------------------------------- chain titles


@pytest.mark.parametrize(
    "title",
    [
        "#接龙 周三早起打卡",
        "#接龙 星期三 早起打卡",
        "#接龙 昨天的打卡补录",
        "#接龙\n昨日打卡",
        "#接龙 十二月二日 早起打卡",
        "#接龙 二〇二六年十二月二日",
        "#接龙 2日早起打卡",
        "#接龙 2号 早起打卡",
        "#接龙 20261202 早起打卡",
        "\ufeff#接龙\n昨天 早起打卡",
        "#接龙 今天周三 早起",  # 今天 names no day, the weekday next to it does
    ],
)
def test_a_title_naming_the_day_before_is_found(title):
    """Written dates in Chinese numerals or as 8 digits, a day of the month alone and relative words on the
    title all name Wednesday 12-02 when Thursday 12-03 is being logged."""
    assert title_day(parse_chat(title + "\n1. 高峰\n"), NEAR) == WEDNESDAY


def test_relative_words_and_a_bare_day_count_on_the_title_only():
    """A description line under the title (规则：…) does not date the chain with 周日 or 1号, and 今天 in a title
    gives no title day; a written date still counts on any header line, and the title's own word wins."""
    assert title_day(parse_chat("#接龙\n昨日打卡\n规则：周日休息，1号到7号为第一周\n1. 高峰\n"), NEAR) == WEDNESDAY
    assert title_day(parse_chat("#接龙 早起打卡\n规则：周日休息，1号到7号为第一周\n1. 高峰\n"), NEAR) is None
    assert title_day(parse_chat("#接龙 今天早起打卡\n1. 高峰\n"), NEAR) is None
    assert title_day(parse_chat("今天早起的小伙伴👇\n高峰 5:40\n罗斌 5:43\n"), NEAR) is None
    assert title_day(parse_chat("#接龙 早起打卡\n说明：12月1日开营\n1. 高峰\n"), NEAR) == date(2026, 12, 1)


@pytest.mark.parametrize("title", ["#接龙 早起打卡 6.30前完成", "#接龙\n今日跑量 5.2公里 打卡"])
def test_a_time_or_a_quantity_in_a_title_is_no_date(title):
    """6.30前 is a deadline time and 5.2公里 a distance: the title names no day (and 今日 names none)."""
    assert title_day(parse_chat(title + "\n1. 高峰\n"), NEAR) is None


def test_weekday_titles_are_the_latest_such_day_on_or_before_the_chosen_day():
    """周X is within the last 7 days, the chosen day included: on Thursday 12-03, 周四 is that day, 周五 the
    Friday before; 周日/周天/星期天/礼拜天 are Sunday. 每周三, 上周三, 周一到周五, 周三、周五 name no day."""
    assert parse_day("#接龙 周四早起", NEAR) == NEAR
    assert parse_day("#接龙 周五早起", NEAR) == date(2026, 11, 27)
    for sunday in ("周日", "周天", "星期天", "礼拜天"):
        assert parse_day(sunday, NEAR) == date(2026, 11, 29)
    assert parse_day("前天", NEAR) == date(2026, 12, 1)
    assert parse_day("大前天", NEAR) == date(2026, 11, 30)
    for not_a_day in ("每周三打卡", "上周三", "一周三次", "周一到周五", "周三、周五", "明天早起"):
        assert parse_day(not_a_day, NEAR) is None, not_a_day


# ---------------------------------------------------------------- written dates


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("十二月二日", WEDNESDAY),
        ("十一月三十日", date(2026, 11, 30)),
        ("二〇二六年十二月二日", WEDNESDAY),
        ("20261202", WEDNESDAY),
        ("2日早起打卡", WEDNESDAY),
        ("28号", date(2026, 11, 28)),  # the nearest 28th: last month's
        ("昨天", WEDNESDAY),
        ("今天", NEAR),
    ],
)
def test_parse_day_reads_more_ways_of_writing_a_day(text, day):
    assert parse_day(text, NEAR) == day


def test_parse_day_keeps_what_it_read_before():
    """The titles of the corpus still give their dates (a weekday next to a date never overrides it), and a
    day of the month is not 3号楼, 2号线, 7日游, 30日挑战, 第3日; 农历 dates and 20261332 are no dates."""
    assert parse_day("#接龙 12月3日打卡", NEAR) == NEAR
    assert parse_day("晨光早起营 11月20日（周五）早起打卡", NEAR) == date(2026, 11, 20)
    assert parse_day("【晨光读书】11.22 周日 读书打卡📖", NEAR) == date(2026, 11, 22)
    assert parse_day("English Morning Reading 英语晨读 Day 23（11.24）", NEAR) == date(2026, 11, 24)
    assert parse_day("晨光早起营　１１月２６日（周四）", NEAR) == date(2026, 11, 26)
    for text in ("3号楼集合", "2号线", "7日游", "30日挑战", "第3日", "农历十一月二十日", "20261332"):
        assert parse_day(text, NEAR, relative=False) is None, text
    assert parse_day("十二月二日", NEAR, relative=False) == WEDNESDAY


@pytest.mark.parametrize(
    "text",
    [
        "6.30前完成",
        "6.30之前",
        "6.30截止",
        "早上6.30",
        "截止 6.30",
        "6.30左右",
        "5.2公里",
        "5.2km",
        "5.2 K",
        "3.5千米",
        "1.5小时",
        "2.5h",
        "12.5%",
        "3.2元",
        "5.5页",
        "跑量 5.2",
        "v1.2 更新",
    ],
)
def test_a_dotted_number_that_is_a_time_or_a_quantity_is_no_date(text):
    assert parse_day(text, NEAR) is None


def test_a_dotted_date_next_to_a_word_that_only_starts_like_a_unit_is_a_date():
    """11.24分享会, 11.22 本周, 11.22点名 are dates (分享, 本周, 点名 are no units), while 6.30分 is a time."""
    assert parse_day("11.24分享会", NEAR) == date(2026, 11, 24)
    assert parse_day("#接龙 11.22点名", NEAR) == date(2026, 11, 22)
    assert parse_day("Detox 11.24", NEAR) == date(2026, 11, 24)
    assert parse_day("11.22 本周第一次", NEAR) == date(2026, 11, 22)
    assert parse_day("6.30分", NEAR) is None


# ---------------------------------------------------------------- 补卡 days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("侯俊 补1号", date(2026, 12, 1)),
        ("骆霞 补周二", date(2026, 12, 1)),
        ("潘悦 补 2号的卡", WEDNESDAY),
        ("潘悦 2号补卡", WEDNESDAY),
        ("潘悦 周二的补卡", date(2026, 12, 1)),
        ("高峰 补周四", date(2026, 11, 26)),  # on a Thursday: last week's
        ("高峰 补28号", date(2026, 11, 28)),  # a day that has been: last month's
        ("高峰 补大前天", date(2026, 11, 30)),
    ],
)
def test_a_makeup_names_its_day_with_a_day_of_the_month_or_a_weekday(text, day):
    """补 + 1号 is the latest 1st on or before the chosen day; 补 + 周X the latest such weekday before it."""
    assert _late_day(text, NEAR) == day


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("高峰 10点睡 6点起", "06:00"),
        ("罗斌 昨晚11点睡", None),
        ("骆霞 23:30睡 6:10起", "06:10"),
        ("张三 昨天晚上11点 今天5:50", "05:50"),
        ("李四 打卡 晚上10点半睡觉", None),
        ("王五 5:40 打卡 6点醒的", "06:00"),  # a wake time is preferred
    ],
)
def test_a_bedtime_is_not_the_checkin_time(text, time):
    """A time followed by 睡/睡觉/入睡/就寝 or after 昨晚/昨天/前晚 is passed over; one followed by 起/起床/醒
    wins; otherwise the first time."""
    found, span = _find_time(text)
    assert found == time
    assert (span is None) == (time is None)


def test_the_wake_time_is_the_entry_time_and_the_bedtime_stays_in_the_remark():
    (entry,) = [x for x in parse_chat("#接龙 12月3日早起打卡\n1. 高峰 10点睡 6点起\n") if x.kind == "entry"]
    assert (entry.name, entry.time) == ("高峰", "06:00")
    assert "10点睡" in (entry.remark or "")


# ---------------------------------------------------------------- end to end


@pytest.fixture
def roster(workspace, owner):
    joined = datetime(2020, 1, 6, 9, 0)
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        ids = {
            name: add_member(s, owner, gid, MemberInput(display_name=name, joined_at=joined))[1]
            for name in ("侯俊", "骆霞", "潘悦", "张三丰", "高峰", "罗斌", "李四", "王五", "赵六", "钱七", "孙八")
        }
        s.commit()
    return gid, ids


def test_makeup_lines_are_late_for_the_day_they_name(workspace, roster):
    """r06: 补1号 / 补周二 / 补 2号的卡 / 补昨日 are 补卡 for 12-01 / 12-01 / 12-02 / 12-02; 张三丰（补） and a
    last word 补 are 补卡 for the chosen day; 补充/补习/弥补/候补 and a promised 明天补 are not 补卡."""
    gid, ids = roster
    text = (
        "#接龙 12月3日打卡\n1. 侯俊 补1号\n2. 骆霞 补周二\n3. 潘悦 补 2号的卡\n4. 张三丰（补）\n5. 高峰 补\n"
        "6. 罗斌 补充：今天读了10页\n7. 李四 补习1号\n8. 王五 弥补昨天的遗憾\n9. 赵六 候补1号\n10. 钱七 明天补\n"
        "11. 孙八 补昨日\n"
    )
    with workspace.session() as s:
        got = {m.line.name: (m.status, m.day, m.late) for m in match_paste(s, gid, text, NEAR)}
    assert got == {
        "侯俊": ("matched", date(2026, 12, 1), True),
        "骆霞": ("matched", date(2026, 12, 1), True),
        "潘悦": ("matched", WEDNESDAY, True),
        "张三丰（补）": ("matched", NEAR, True),
        "高峰": ("matched", NEAR, True),
        "罗斌": ("matched", NEAR, False),
        "李四": ("matched", NEAR, False),
        "王五": ("matched", NEAR, False),
        "赵六": ("matched", NEAR, False),
        "钱七": ("matched", NEAR, False),
        "孙八": ("matched", WEDNESDAY, True),
    }


def test_remark_times_end_to_end(workspace, roster):
    """r14: the check-in time is the wake time, never last night's bedtime."""
    gid, ids = roster
    text = "#接龙 12月3日早起打卡\n1. 高峰 10点睡 6点起\n2. 罗斌 昨晚11点睡\n3. 骆霞 23:30睡 6:10起\n"
    with workspace.session() as s:
        got = [(m.line.name, m.status, m.time) for m in match_paste(s, gid, text, NEAR)]
    assert got == [("高峰", "matched", "06:00"), ("罗斌", "matched", None), ("骆霞", "matched", "06:10")]
