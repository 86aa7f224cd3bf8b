"""An English-speaking community's chains (probe-english2): the day each title, make-up line and leave line names,
read on a fixed day of several weekdays — the right day, or asked naming the words; never another day in silence.

Before: `#Check-in last Friday`, `the 5th`, `7th`, `Fri check-in`, `last night`, `2 days ago` named no day, so a chain
pasted late was logged for the day chosen; `Check-in 11/12` pasted on 13 December was read as 12 November although 11
December (day first, as London and Singapore write it) is as near."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.chat_parse import parse_chat
from desktop.cli import main
from desktop.leave_words import leave_span
from desktop.services.groups import create_group
from desktop.services.paste import made_up_day, match_paste, preview_paste, title_day, title_doubt
from desktop.services.points_queries import read_adjustment_names
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Leave, Member, Membership

MON7 = date(2026, 12, 7)  # a Monday
SAT12 = date(2026, 12, 12)  # a Saturday
SUN13 = date(2026, 12, 13)  # a Sunday
THU10 = date(2026, 12, 10)  # a Thursday


def _chain(title: str):
    return parse_chat(f"#接龙 {title}\n1. Amy Wang\n2. Tony Huang\n")


TITLES = [
    # (title, the day it is read on, the chain's day or None: no day named — the day chosen)
    ("#Check-in last Friday", MON7, date(2026, 12, 4)),
    ("Last Sunday check-in", MON7, date(2026, 12, 6)),  # yesterday, and the Sunday of last week: one day
    ("last Sun", SUN13, date(2026, 12, 6)),  # said on a Sunday: a week ago
    ("this Friday", MON7, date(2026, 12, 11)),  # still to come: the paste says so
    ("the 7th", MON7, date(2026, 12, 7)),
    ("7th", SAT12, date(2026, 12, 7)),
    ("Check-in on the 5th", MON7, date(2026, 12, 5)),
    ("Fri 4th", MON7, date(2026, 12, 4)),
    ("Dec 7th", SAT12, date(2026, 12, 7)),
    ("Fri check-in", MON7, date(2026, 12, 4)),
    ("Tues check-in", SAT12, date(2026, 12, 8)),
    ("Weds check-in", THU10, date(2026, 12, 9)),
    ("Thurs", THU10, date(2026, 12, 10)),
    ("Sat reading", MON7, date(2026, 12, 5)),
    ("FRI check-in", MON7, date(2026, 12, 4)),
    ("Sunday's check-in", MON7, date(2026, 12, 6)),
    ("yesterday's", THU10, date(2026, 12, 9)),
    ("last night", MON7, date(2026, 12, 6)),  # a night owls' chain, pasted in the morning
    ("2 days ago", MON7, date(2026, 12, 5)),
    ("two days ago", THU10, date(2026, 12, 8)),
    ("Check-in 7/12", SAT12, date(2026, 12, 7)),  # 12 July is months away: 7 December
    ("Check-in 12/7", SAT12, date(2026, 12, 7)),
    ("#接龙 11/12 早起打卡", SUN13, date(2026, 11, 12)),  # a Chinese title writes the month first, as before
    # a holiday that is one day: that day (it was no day, and the chain logged on the day it was pasted)
    ("Christmas Eve check-in", date(2026, 12, 26), date(2026, 12, 24)),
    ("Christmas Day run", date(2026, 12, 28), date(2026, 12, 25)),
    ("New Year's Eve run", date(2027, 1, 2), date(2026, 12, 31)),
    ("New Year's Day", date(2027, 1, 2), date(2027, 1, 1)),
    # no day named: logged on the day chosen
    ("New Year resolutions challenge", MON7, None),
    ("the 5th check-in", MON7, None),  # a count: the fifth check-in
    ("3rd week reading", MON7, None),
    ("Sun salutation challenge", MON7, None),
    ("we sat down to read", MON7, None),
    ("SAT vocab check-in", MON7, None),  # the exam, in an international school's parents group
    ("Today's check-in", MON7, None),
    ("tonight", MON7, None),
    ("Day 15", MON7, None),  # a camp's day: the group keeps no start day (see the report)
    ("Week 3 Day 2", MON7, None),
]


@pytest.mark.parametrize(("title", "today", "day"), TITLES)
def test_an_english_title_names_its_day(monkeypatch, title, today, day):
    monkeypatch.setenv("QUNDESK_TODAY", today.isoformat())
    lines = _chain(title)
    assert title_day(lines, today) == day
    assert title_doubt(lines, today) is None


DOUBTS = [
    # (title, the day it is read on, the kind asked, the words named)
    ("last Friday", SAT12, "which_week", "last Friday"),  # yesterday, or eight days ago?
    ("#Check-in last Friday", SUN13, "which_week", "last Friday"),
    ("last Mon", THU10, "which_week", "last Mon"),  # three days ago, or ten?
    ("this Friday", SUN13, "which_week", "this Friday"),  # the one gone, or the one to come?
    ("Check-in 11/12", SUN13, "order", "11/12"),  # 11 December or 12 November: both recent
    ("Check-in 12/11", SUN13, "order", "12/11"),
    ("Check-in 11/12/2026", SUN13, "order", "11/12/2026"),
    ("Morning run 12.11", SUN13, "order", "12.11"),
    # holidays by their English names, named as written: Christmas (the 24th or the 25th?) unless logged on one of them
    ("Christmas check-in", date(2026, 12, 26), "holiday", "Christmas"),
    ("Xmas reading", date(2026, 12, 28), "holiday", "Xmas"),
    ("Lunar New Year check-in", MON7, "lunar", "Lunar New Year"),  # no lunar calendar kept
    ("Thanksgiving check-in", MON7, "moving_holiday", "Thanksgiving"),  # the US's Thursday, or Canada's Monday?
    ("Easter run", MON7, "moving_holiday", "Easter"),
]


@pytest.mark.parametrize(("title", "today", "kind", "words"), DOUBTS)
def test_an_english_title_that_names_two_days_is_asked(monkeypatch, title, today, kind, words):
    """Not one of the two days in silence: title_day names none, and title_doubt says why, with the words."""
    monkeypatch.setenv("QUNDESK_TODAY", today.isoformat())
    lines = _chain(title)
    assert title_day(lines, today) is None
    assert title_doubt(lines, today) == (kind, words)


# ---------------------------------------------------------------- lines: make-ups, leave, not done, sign-ups

PEOPLE = ["Amy Wang", "Tony Huang", "Bob Smith", "Carol Jones", "Dan Lee", "Eve Park", "Frank Wu", "Grace Li"]
PEOPLE += ["Helen Zhou", "Jack Chen", "Kate Sun", "Leo Xu", "Mia He"]


@pytest.fixture
def club(tmp_path):
    database = open_workspace(tmp_path / "club.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "Run Club")
        for name in PEOPLE:
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
    yield database, gid
    database.dispose()


CHAIN = """#Check-in Morning run
1. Bob Smith (late for Fri)
2. Carol Jones make-up for Monday
3. Dan Lee sick today
4. Eve Park on leave till Wed
5. Frank Wu skip
6. Grace Li away this week
7. Helen Zhou OOO
8. Jack Chen late check-in for the 5th
9. Kate Sun catching up Saturday
10. Leo Xu on holiday until 12/12
11. Mia He - not today
12. Amy Wang ✅ done
13. Tony Huang - make-up for last Friday
"""


def test_an_english_chains_lines_end_in_their_own_outcomes(monkeypatch, club):
    """Pasted on Saturday 12 December. Before, `Bob Smith (late for Fri)`, `Jack Chen late check-in for the 5th` and
    `Kate Sun catching up Saturday` were check-ins of the 12th; `Frank Wu skip`, `Mia He - not today`, `Grace Li away
    this week`, `Helen Zhou OOO` and `Leo Xu on holiday until 12/12` were check-ins too; `Eve Park on leave till Wed`
    offered one day of leave. Each line now says what it is: a make-up of its day, leave for the days it says, not
    done — or, `make-up for last Friday` said on a Saturday (yesterday, or eight days ago?), not logged: day unknown."""
    database, gid = club
    monkeypatch.setenv("QUNDESK_TODAY", SAT12.isoformat())
    with database.session() as s:
        preview = preview_paste(s, gid, SAT12, CHAIN)
    got = {}
    for m in preview.matches:
        who = m.candidates[0].display_name if m.candidates else m.line.name
        got[who] = (m.status, m.reason, m.day, m.late, m.leave_days)
    assert got["Bob Smith"][0] == "matched" and got["Bob Smith"][2:4] == (date(2026, 12, 11), True)
    assert got["Carol Jones"][0] == "matched" and got["Carol Jones"][2:4] == (date(2026, 12, 7), True)
    assert got["Jack Chen"][2:4] == (date(2026, 12, 5), True)
    assert got["Kate Sun"][2:4] == (date(2026, 12, 5), True)
    assert got["Amy Wang"][0] == "matched" and got["Amy Wang"][2:4] == (SAT12, False)
    assert got["Frank Wu"][:2] == ("ignored", "not_done")
    assert got["Mia He"][:2] == ("ignored", "not_done")
    assert got["Tony Huang"][:2] == ("ignored", "day_unknown")
    assert got["Dan Lee"][0] == "leave" and got["Dan Lee"][4] == (SAT12, SAT12)
    assert got["Eve Park"][0] == "leave" and got["Eve Park"][4] == (SAT12, date(2026, 12, 16))
    assert got["Grace Li"][0] == "leave" and got["Grace Li"][4] == (SAT12, SUN13)
    assert got["Helen Zhou"][0] == "leave"
    assert got["Leo Xu"][0] == "leave" and got["Leo Xu"][4] == (SAT12, SAT12)


@pytest.mark.parametrize(
    ("text", "posted", "day"),
    [
        ("late for Fri", MON7, date(2026, 12, 4)),
        ("make-up for Monday", THU10, date(2026, 12, 7)),
        ("Friday's make-up", MON7, date(2026, 12, 4)),
        ("make-up for yesterday", THU10, date(2026, 12, 9)),
        ("late check-in for the 5th", MON7, date(2026, 12, 5)),
        ("make-up Dec 5", MON7, date(2026, 12, 5)),
        ("makeup 5 Dec", MON7, date(2026, 12, 5)),
        ("make-up for 5/12", MON7, date(2026, 12, 5)),  # 12 May is no recent day: 5 December
        ("make-up for last Friday", MON7, date(2026, 12, 4)),
        ("make-up for last Friday", SAT12, None),  # yesterday, or the 4th? — not known
        ("make-up for 11/12", SUN13, None),  # 11 December or 12 November? — not known
        ("done late", MON7, None),  # late alone is no make-up
        ("late night run", MON7, None),
    ],
)
def test_an_english_make_up_names_its_day(text, posted, day):
    """The chat import's reading of a message (made_up_day), as the paste's."""
    assert made_up_day(text, posted) == day


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("on leave till Wed", MON7, date(2026, 12, 9)),
        ("away this week", MON7, date(2026, 12, 13)),
        ("off next Mon", date(2026, 12, 14), date(2026, 12, 14)),
        ("sick for 3 days", MON7, date(2026, 12, 9)),
        ("away for a week", MON7, date(2026, 12, 13)),
        ("OOO until Dec 10", MON7, date(2026, 12, 10)),
        ("on leave 10 Dec - 12 Dec", date(2026, 12, 10), date(2026, 12, 12)),
        ("on leave 10/12-12/12", date(2026, 12, 10), date(2026, 12, 12)),
        ("leave till 10/12", MON7, date(2026, 12, 10)),  # never 12 October next year
        ("away till the 10th", MON7, date(2026, 12, 10)),
        ("away tomorrow", date(2026, 12, 8), date(2026, 12, 8)),
        ("away next week", date(2026, 12, 14), date(2026, 12, 20)),
        ("away this weekend", SAT12, SUN13),
        ("on leave Wed to Fri", date(2026, 12, 9), date(2026, 12, 11)),
        ("on vacation for 2 weeks", MON7, date(2026, 12, 20)),
        ("on leave until 3/1", MON7, MON7),  # 3 January or 1 March: both could be — no days offered beyond the day
        ("请假到周三", MON7, date(2026, 12, 9)),  # the Chinese too: it was Wednesday alone
    ],
)
def test_an_english_leave_line_gives_the_days_it_says(text, first, last):
    assert leave_span(text, MON7) == (first, last)


def test_an_english_sign_up_chain_keeps_only_those_coming(club):
    """`Bob Smith can't make it`, `I'm out, sorry` were sign-ups, `not sure yet` too; `+1 (Bob Smith)` was read as a
    person `(Bob` (ambiguous) and Bob Smith besides."""
    database, gid = club
    chain = """#Sign-up Saturday picnic
1. Amy Wang +2 kids
2. Tony Huang - count me in
3. +1 (Carol Jones)
4. Dan Lee - maybe
5. Bob Smith can't make it, sorry
6. Eve Park - not sure yet
"""
    chat = "Amy Wang: Count me in!\nTony Huang: +1\nBob Smith: I'm out, sorry\nCarol Jones: not sure yet\n"
    with database.session() as s:
        lines = [
            (m.candidates[0].display_name if m.candidates else m.line.name, m.status, m.reason)
            for m in match_paste(s, gid, chain, MON7, signups=True)
        ]
        said = [(m.line.name, m.status, m.reason) for m in match_paste(s, gid, chat, MON7, signups=True)]
    assert lines == [
        ("Amy Wang", "matched", None),
        ("Tony Huang", "matched", None),
        ("Carol Jones", "matched", None),
        ("Dan Lee", "ignored", "tentative"),
        ("Bob Smith", "ignored", "withdrawn"),
        ("Eve Park", "ignored", "tentative"),
    ]
    assert said == [
        ("Amy Wang", "matched", None),
        ("Tony Huang", "matched", None),
        ("Bob Smith", "ignored", "withdrawn"),
        ("Carol Jones", "ignored", "tentative"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Star of the month: Amy Wang, Tony Huang\nBob Smith\n",  # the label was too long to be one: one unknown name
        "Top runners this month: Amy Wang & Tony Huang; Best newcomer: Bob Smith",
        "Congrats @Amy Wang @Tony Huang @Bob Smith!",  # each mention was its first word: Amy, Tony (ambiguous)
    ],
)
def test_an_english_points_list_names_its_people(club, text):
    database, gid = club
    with database.session() as s:
        read = read_adjustment_names(s, gid, text)
    assert [(m.candidates[0].display_name, m.status) for m in read.matches] == [
        ("Amy Wang", "matched"),
        ("Tony Huang", "matched"),
        ("Bob Smith", "matched"),
    ]
    assert read.unread == ()


def test_the_cli_asks_which_day_an_english_title_of_two_readings_is(monkeypatch, club, tmp_path, capsys):
    """`qundesk checkin --paste` of `#Check-in 11/12` on Sunday 13 December logged the chain for 12 November (month
    first); it is refused now, naming the words and why, and `--date` logs it."""
    database, _gid = club
    path = str(database.engine.url.database)
    monkeypatch.setenv("QUNDESK_TODAY", SUN13.isoformat())
    chain = tmp_path / "chain.txt"
    chain.write_text("#Check-in 11/12\n1. Amy Wang ✅\n2. Tony Huang done\n", encoding="utf-8")
    cli = ["--db", path, "checkin", "--group", "Run Club", "--paste", str(chain)]
    assert main(cli) == 1
    err = capsys.readouterr().err
    assert "11/12" in err and "day first or month first" in err and "nothing logged" in err
    assert main([*cli, "--date", "2026-12-11"]) == 0
    capsys.readouterr()
    chain.write_text("#Thanksgiving check-in\n1. Amy Wang ✅\n", encoding="utf-8")
    assert main(cli) == 1
    err = capsys.readouterr().err
    assert "Thanksgiving" in err and "moves from year to year" in err and "nothing logged" in err
    with database.session() as s:
        assert sorted({d for (d,) in s.execute(select(CheckIn.day))}) == [date(2026, 12, 11)]


def test_the_cli_says_the_day_a_make_up_line_was_logged_on(monkeypatch, club, tmp_path, capsys):
    """`checkin --paste` printed `Run Club 2026-12-07: 新记录 logged 2` for a chain whose `Bob Smith (late for Fri)` went
    to the 4th — which day it was logged on, nothing said. Each such line says it now."""
    database, _gid = club
    path = str(database.engine.url.database)
    monkeypatch.setenv("QUNDESK_TODAY", MON7.isoformat())
    chain = tmp_path / "chain.txt"
    chain.write_text("#Check-in Morning run\n1. Amy Wang ✅ done\n2. Bob Smith (late for Fri)\n", encoding="utf-8")
    assert main(["--db", path, "checkin", "--group", "Run Club", "--paste", str(chain)]) == 0
    out, err = capsys.readouterr()
    assert "第3行 新记录 logged: Bob Smith 补卡 记在 2026-12-04 (a make-up, logged for 2026-12-04)" in err
    assert "Amy Wang" not in err  # logged on the day of the paste: the summary says it
    assert "logged 2" in out


def test_an_english_chat_exports_leave_messages_are_read_with_their_days(monkeypatch, club, tmp_path, capsys):
    """`import chat --record-leave` of a WhatsApp export: `Bob Smith: OOO till Monday, sorry guys` and `Grace Li: away
    next week` were passed over without a word (the import's first look sought 请假 / leave / off / sick / excused
    only), `Dan Lee: sick, skipping` was no leave either. They are recorded now, for the days they say."""
    database, _gid = club
    monkeypatch.setenv("QUNDESK_TODAY", MON7.isoformat())
    export = tmp_path / "WhatsApp Chat with Run Club.txt"
    export.write_text(
        "11/30/26, 6:00 AM - Leo Xu: checked in\n"
        "12/4/26, 7:00 AM - Bob Smith: OOO till Monday, sorry guys\n"
        "12/5/26, 9:00 AM - Grace Li: away next week\n"
        "12/6/26, 6:45 AM - Eve Park: that was a sick run!\n"
        "12/6/26, 7:00 AM - Dan Lee: sick, skipping\n",
        encoding="utf-8",
    )
    path = str(database.engine.url.database)
    assert main(["--db", path, "import", "chat", str(export), "--group", "Run Club", "--record-leave"]) == 0
    capsys.readouterr()
    with database.session() as s:
        leaves = {
            name: (first, last)
            for name, first, last in s.execute(
                select(Member.display_name, Leave.start_day, Leave.end_day)
                .join(Membership, Membership.member_id == Member.id)
                .join(Leave, Leave.membership_id == Membership.id)
            )
        }
    assert leaves == {
        "Bob Smith": (date(2026, 12, 4), MON7),
        "Grace Li": (MON7, SUN13),
        "Dan Lee": (date(2026, 12, 6), date(2026, 12, 6)),
    }
