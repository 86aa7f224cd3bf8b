"""The turn of the month and the year (probe "yearend"): days written without their month or year, read on the
first day of a month whose month before is short (1 March 2027: February had 28 days) or at the turn of the year
(30 December 2026, 1 January 2027). Each day is the one the words name, or a named "no such day" — never a day of
another month or of the leap year after. Today is pinned in every test (QUNDESK_TODAY), never the suite's."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.chat_parse import parse_chat
from desktop.services.paste import impossible_title_date, made_up_day, names_no_day, title_day

MAR1 = date(2027, 3, 1)  # a Monday; February 2027 has 28 days


@pytest.mark.parametrize(
    ("title", "day", "impossible"),
    [
        # before: 2028-02-29 (the only year near with a 29 February), then 29 and 30 March (the nearest 29th/30th)
        ("#接龙 2月29日打卡", None, "2月29日"),
        ("#接龙 29号打卡", None, "29号"),
        ("#接龙 30号早起打卡", None, "30号"),
        ("#接龙 二月二十九日 打卡", None, "二月二十九日"),
        ("#接龙 2月30日打卡", None, "2月30日"),
        ("#接龙 28号打卡", date(2027, 2, 28), None),
        ("#接龙 2月28日打卡", date(2027, 2, 28), None),
        ("#接龙 1号打卡", MAR1, None),
        ("#接龙 2028年2月29日 打卡", date(2028, 2, 29), None),  # with its year, as written
    ],
)
def test_a_title_on_1_march_names_february_s_day_or_none(monkeypatch, title, day, impossible):
    monkeypatch.setenv("QUNDESK_TODAY", MAR1.isoformat())
    lines = parse_chat(title + "\n1. 张三\n2. 李四\n")
    assert title_day(lines, MAR1) == day
    assert impossible_title_date(lines, MAR1) == impossible


def test_a_leap_day_title_in_a_leap_year_is_that_day(monkeypatch):
    """The leap year's own 29 February and 29号 still name it (pasted on 1 March 2028)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2028-03-01")
    for title in ("#接龙 2月29日打卡", "#接龙 29号打卡"):
        assert title_day(parse_chat(title + "\n1. 张三\n"), date(2028, 3, 1)) == date(2028, 2, 29), title


@pytest.mark.parametrize("text", ["补2月29日", "2月29日补卡", "补29号", "补30号", "补2月30日"])
def test_a_make_up_of_a_day_february_lacks_names_no_day(monkeypatch, text):
    """补2月29日 pasted on 1 March 2027 made up 2028-02-29 — a day a year ahead, shown as another day's 补卡."""
    monkeypatch.setenv("QUNDESK_TODAY", MAR1.isoformat())
    assert made_up_day(text, MAR1) is None
    assert names_no_day(text, MAR1)


def test_the_cli_logs_no_leap_day_of_next_year(tmp_path, capsys, monkeypatch):
    """`checkin --paste` on 1 March 2027: the 补2月29日 line is reported as a day that does not exist and nothing of it
    is written; a chain titled 2月29日 is refused (nothing logged) naming the words."""
    from sqlalchemy import select

    from desktop.cli import main
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import CheckIn

    monkeypatch.setenv("QUNDESK_TODAY", MAR1.isoformat())
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    actor = actor_for(database)
    with database.session() as s:
        gid = create_group(s, actor, "早起打卡营")
        for name in ("张三", "李四", "王五"):
            add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
    database.dispose()

    titled = tmp_path / "titled.txt"
    titled.write_text("#接龙 2月29日打卡\n1. 张三\n2. 李四\n", encoding="utf-8")
    assert main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(titled)]) == 1
    _out, err = capsys.readouterr()
    assert "2月29日" in err and "does not exist" in err and "nothing logged" in err

    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 打卡\n1. 张三 补2月29日\n2. 李四 补29号\n3. 王五\n", encoding="utf-8")
    assert main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(chain)]) == 0
    out, err = capsys.readouterr()
    assert "logged 1" in out
    assert err.count("does not exist") == 2 and "张三" in err and "李四" in err
    database = open_workspace(db)
    try:
        with database.session() as s:
            rows = s.execute(select(CheckIn.day, CheckIn.late)).all()
    finally:
        database.dispose()
    assert [tuple(r) for r in rows] == [(MAR1, False)]


# ---------------------------------------------------------------- leave told at the turn of the year

DEC30 = date(2026, 12, 30)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("元旦请假", date(2027, 1, 1), date(2027, 1, 1)),  # was 12-30, the day posted
        ("元旦那天请假", date(2027, 1, 1), date(2027, 1, 1)),
        ("明天到元旦请假", date(2026, 12, 31), date(2027, 1, 1)),
        ("请假到3号", DEC30, date(2027, 1, 3)),  # was 12-30 alone (read as to 2027-12-03, too long)
        ("30号到2号请假", DEC30, date(2027, 1, 2)),  # was 12-30 alone
        ("31号-3号请假", date(2026, 12, 31), date(2027, 1, 3)),
        ("1号请假", date(2027, 1, 1), date(2027, 1, 1)),  # was 12-01, four weeks gone
        ("1号到3号请假", date(2027, 1, 1), date(2027, 1, 3)),  # was 12-01…12-03
        ("请假至明年1月3日", DEC30, date(2027, 1, 3)),  # was 01-03 alone
        ("请假到1月3日", DEC30, date(2027, 1, 3)),
        ("15号请假了", date(2026, 12, 15), date(2026, 12, 15)),  # the nearest 15th: told after it
    ],
)
def test_a_leave_told_on_30_december_is_for_the_days_it_names(text, first, last):
    from desktop.leave_words import leave_span

    assert leave_span(text, DEC30) == (first, last)


def test_a_leave_for_the_new_year_holiday_offers_no_days(sqlite_workspace):
    """元旦假期请假 / 元旦三天请假: the holiday of several days, whose dates the words do not give — no days are offered
    (as 国庆请假), never the day posted; 元旦请假 is 1 January. Through the paste, as the CLI and the window read it."""
    from sqlalchemy import update

    from desktop.services.groups import create_group
    from desktop.services.paste import match_paste
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for
    from models import EntryStep

    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, actor, "跨年营")
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        for name in ("张三", "李四", "王五"):
            add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
        text = "#接龙 12月30日打卡\n1. 张三 元旦假期请假\n2. 李四 元旦三天请假\n3. 王五 元旦请假\n"
        got = {m.line.name: (m.status, m.leave_days) for m in match_paste(s, gid, text, DEC30)}
    assert got == {
        "张三": ("leave", None),
        "李四": ("leave", None),
        "王五": ("leave", (date(2027, 1, 1), date(2027, 1, 1))),
    }


# ---------------------------------------------------------------- make-ups of 31 December in Chinese numerals

JAN1 = date(2027, 1, 1)  # a Friday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("补十二月三十一日", date(2026, 12, 31)),
        ("补三十一号的卡", date(2026, 12, 31)),
        ("十二月三十日补卡", date(2026, 12, 30)),
        ("补打卡十二月三十一日", date(2026, 12, 31)),
        ("补卡十二月三十号", date(2026, 12, 30)),
    ],
)
def test_a_make_up_in_chinese_numerals_on_1_january_is_for_the_day_it_names(monkeypatch, text, day):
    """The chat import's reading (made_up_day): before, none of these was a make-up — the message was an on-time
    check-in of 1 January."""
    monkeypatch.setenv("QUNDESK_TODAY", JAN1.isoformat())
    assert made_up_day(text, JAN1) == day


def test_the_cli_logs_a_chinese_numeral_make_up_on_31_december(tmp_path, capsys, monkeypatch):
    """`checkin --paste` of today's chain on 1 January: 补十二月三十一日 is 31 December's 补卡, not 1 January's check-in."""
    from sqlalchemy import select

    from desktop.cli import main
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import CheckIn, Member, Membership

    monkeypatch.setenv("QUNDESK_TODAY", JAN1.isoformat())
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    actor = actor_for(database)
    with database.session() as s:
        gid = create_group(s, actor, "早起打卡营")
        for name in ("张三", "李四", "王五"):
            add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
    database.dispose()
    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 元旦打卡\n1. 张三 补十二月三十一日\n2. 李四 补一下三十一号的\n3. 王五\n", encoding="utf-8")
    assert main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(chain)]) == 0
    capsys.readouterr()
    database = open_workspace(db)
    try:
        with database.session() as s:
            rows = s.execute(
                select(Member.display_name, CheckIn.day, CheckIn.late)
                .join(Membership, Membership.id == CheckIn.membership_id)
                .join(Member, Member.id == Membership.member_id)
            ).all()
    finally:
        database.dispose()
    assert sorted(tuple(r) for r in rows) == [
        ("张三", date(2026, 12, 31), True),
        ("李四", date(2026, 12, 31), True),
        ("王五", JAN1, False),
    ]


# ---------------------------------------------------------------- a chain that crossed midnight, pasted the morning after


def test_an_undated_chain_across_midnight_pasted_next_morning_is_the_evening_before_s(tmp_path, capsys, monkeypatch):
    """`#接龙 跨年打卡` signed 23:58, 00:02, 00:05 and pasted at 09:00 on 1 January: before, all three were logged for
    1 January — 张三 at 23:58 of a day nine hours old (only one time in three was still to come, pasted after 06:00:
    neither rule caught it). Now nothing is logged without --date and the message names 2026-12-31; with it, the
    chain's day is the one given."""
    from sqlalchemy import select

    from desktop.cli import main
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import CheckIn

    monkeypatch.setenv("QUNDESK_TODAY", JAN1.isoformat())
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "09:00")
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    actor = actor_for(database)
    with database.session() as s:
        gid = create_group(s, actor, "跨年打卡群")
        for name in ("张三", "李四", "王五"):
            add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
    database.dispose()
    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 跨年打卡\n1. 张三 23:58\n2. 李四 00:02\n3. 王五 00:05\n", encoding="utf-8")
    assert main(["--db", db, "checkin", "--group", "跨年打卡群", "--paste", str(chain)]) == 1
    err = capsys.readouterr().err
    assert "--date 2026-12-31" in err and "nothing logged" in err

    def days():
        database = open_workspace(db)
        try:
            with database.session() as s:
                return sorted(s.execute(select(CheckIn.day)).scalars().all())
        finally:
            database.dispose()

    assert days() == []
    assert main(["--db", db, "checkin", "--group", "跨年打卡群", "--paste", str(chain), "--date", "2026-12-31"]) == 0
    capsys.readouterr()
    assert days() == [date(2026, 12, 31)] * 3
    # each was posted when its line says: 李四 and 王五 after midnight, on 1 January (before, 00:02 and 00:05 of
    # 31 December — earlier than 张三's 23:58)
    database = open_workspace(db)
    try:
        with database.session() as s:
            posted = sorted(s.execute(select(CheckIn.checked_at)).scalars().all())
    finally:
        database.dispose()
    assert posted == [datetime(2026, 12, 31, 23, 58), datetime(2027, 1, 1, 0, 2), datetime(2027, 1, 1, 0, 5)]


def test_a_morning_chain_with_one_evening_plan_is_still_today_s(tmp_path, monkeypatch):
    """The rule above wants a time just after midnight (before 03:00): a morning chain (05:40, 06:10) where one line
    writes an evening time is today's, as before."""
    from sqlalchemy import update

    from desktop.services.groups import create_group
    from desktop.services.paste import later_than_now_day, match_paste
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import EntryStep

    monkeypatch.setenv("QUNDESK_TODAY", JAN1.isoformat())
    database = open_workspace(tmp_path / "w.sqlite")
    actor = actor_for(database)
    try:
        with database.session() as s:
            gid = create_group(s, actor, "早起群")
            s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
            for name in ("张三", "李四", "王五"):
                add_member(s, actor, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
            s.commit()
            text = "#接龙 早起打卡\n1. 张三 05:40\n2. 李四 06:10\n3. 王五 21:30\n"
            matches = match_paste(s, gid, text, JAN1)
            lines = parse_chat(text)
            assert later_than_now_day(lines, matches, JAN1, datetime(2027, 1, 1, 9, 0)) is None
            text = "#接龙 跨年打卡\n1. 张三 23:58\n2. 李四 00:02\n3. 王五 00:05\n"
            matches = match_paste(s, gid, text, JAN1)
            lines = parse_chat(text)
            assert later_than_now_day(lines, matches, JAN1, datetime(2027, 1, 1, 9, 0)) == date(2026, 12, 31)
    finally:
        database.dispose()


# ---------------------------------------------------------------- a typed chat stamp of a day that does not exist


@pytest.mark.parametrize(
    ("log", "words"),
    [
        ("张三 2/29 23:58\n打卡\n李四 3/1 00:02\n打卡\n", "2/29"),  # was 张三's check-in of 1 March at 23:58
        ("张三 2/29 23:58\n打卡\n李四 00:02\n打卡\n", "2/29"),  # was 2028-02-29 (a year ahead)
        ("张三 2/30 07:58\n打卡\n李四 08:02\n打卡\n", "2/30"),
        ("2027-02-29 07:58:00 张三\n打卡\n\n2027-03-01 08:02:00 李四\n打卡\n", "2027-02-29"),
        ("张三 2月29日 07:58\n打卡\n", "2月29日"),
    ],
)
def test_a_chat_stamp_of_a_day_that_does_not_exist_is_asked_about(monkeypatch, log, words):
    """Pasted on 1 March 2027: the log is asked about (the CLI logs nothing without --date), never logged on 1 March."""
    monkeypatch.setenv("QUNDESK_TODAY", MAR1.isoformat())
    lines = parse_chat(log)
    assert title_day(lines, MAR1) is None
    assert impossible_title_date(lines, MAR1) == words


def test_a_chat_stamp_of_a_day_that_exists_still_dates_its_message(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", MAR1.isoformat())
    lines = parse_chat("张三 2/28 23:58\n打卡\n李四 00:02\n打卡\n")
    assert title_day(lines, MAR1) == MAR1 and impossible_title_date(lines, MAR1) is None
