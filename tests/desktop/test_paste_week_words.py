"""A chain titled with a week's weekday: `#接龙 上周五打卡`, pasted on a Monday by an assistant catching up, was
logged for that Monday without a word (上周五 was passed over as no day). Its day is last week's Friday now, and
`本周三` / `这个星期三` this week's Wednesday, so the title's day is offered as any other; a range names none."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.chat_parse import parse_chat
from desktop.services.paste import made_up_day, title_day


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("上周五打卡", date(2026, 12, 4)),  # on Monday 12-07
        ("上星期日 早起", date(2026, 12, 6)),
        ("上个礼拜五", date(2026, 12, 4)),
        ("上个周三", date(2026, 12, 2)),  # not yesterday's 周三 counted back
        ("本周三打卡", date(2026, 12, 9)),  # this week's, still to come (the paste says so)
        ("这个星期一", date(2026, 12, 7)),
        ("本周五打卡", date(2026, 12, 11)),  # never last Friday
        ("周五打卡", date(2026, 12, 4)),  # a weekday alone: the latest one (as before)
        ("上周五到本周日", None),  # a range: no one day
        ("上周五、本周日", None),
        ("每周三", None),
    ],
)
def test_a_titles_week_weekday_dates_the_chain(monkeypatch, title, day):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-07")  # a Monday
    assert title_day(parse_chat(f"#接龙 {title}\n1. 张三\n2. 李四\n"), date(2026, 12, 7)) == day


def test_last_weeks_weekday_on_a_saturday(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-12")  # a Saturday: 上周五 is 12-04, not yesterday 12-11
    assert title_day(parse_chat("#接龙 上周五打卡\n1. 张三\n"), date(2026, 12, 12)) == date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "posted", "day"),
    [
        # `万超亮 补上周五` was logged as a check-in of the day it was posted (上 before 周五 made it no make-up line)
        ("补上周五", date(2026, 12, 7), date(2026, 12, 4)),
        ("补上周五", date(2026, 12, 10), date(2026, 12, 4)),  # on Thursday too: never this week's Friday
        ("上周五的补卡", date(2026, 12, 10), date(2026, 12, 4)),
        ("补卡 上周三的", date(2026, 12, 10), date(2026, 12, 2)),  # not yesterday, this week's Wednesday
        ("补上个礼拜日", date(2026, 12, 7), date(2026, 12, 6)),
        ("补上上周一", date(2026, 12, 7), date(2026, 11, 23)),
        ("补周二", date(2026, 12, 10), date(2026, 12, 8)),  # a weekday alone: the latest one before (as before)
        ("补本周五", date(2026, 12, 7), None),  # a day still to come: no make-up
    ],
)
def test_a_make_up_of_a_weeks_weekday(text, posted, day):
    assert made_up_day(text, posted) == day
