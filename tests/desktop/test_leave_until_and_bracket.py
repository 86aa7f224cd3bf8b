"""Leave days found by hand on the demo workspace (7 December): `请假到周三` was Wednesday alone (today and tomorrow
were missing from the leave the window and the CLI offered), and `周敏（请假明天）` was on leave today — the bracket
went with the name, and the leave's day was read from nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.leave_words import leave_span
from desktop.services.groups import create_group
from desktop.services.paste import preview_paste
from desktop.services.roster import MemberInput, add_member

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("请假到周三", MONDAY, date(2026, 12, 9)),
        ("请假至周三", MONDAY, date(2026, 12, 9)),
        ("明天请假到周五", date(2026, 12, 8), date(2026, 12, 11)),
        ("请假到下周二", MONDAY, date(2026, 12, 15)),
        # unchanged: a range, a day alone, a date until
        ("周三到周五请假", date(2026, 12, 9), date(2026, 12, 11)),
        ("周五请假", date(2026, 12, 11), date(2026, 12, 11)),
        ("请假到12月9日", MONDAY, date(2026, 12, 9)),
    ],
)
def test_leave_until_a_weekday_runs_from_today(text, first, last):
    assert leave_span(text, MONDAY) == (first, last)


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        for n in ("周敏", "小美"):
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2024, 3, 10)))
        s.commit()
    return gid


@pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("周敏（请假明天）", (date(2026, 12, 8), date(2026, 12, 8))),
        ("周敏(明天请假)", (date(2026, 12, 8), date(2026, 12, 8))),
        ("周敏【请假到周三】", (MONDAY, date(2026, 12, 9))),
        ("小美（12号）请假", (MONDAY, MONDAY)),  # a bracket of anything else goes with the name: not the 12th
    ],
)
def test_a_leave_in_the_names_bracket_is_read_for_its_days(workspace, grp, line, days):
    with workspace.session() as s:
        preview = preview_paste(s, grp, MONDAY, f"#接龙 12月7日打卡\n1. {line}\n")
    (m,) = preview.matches
    assert m.status == "leave" and m.leave_days == days
