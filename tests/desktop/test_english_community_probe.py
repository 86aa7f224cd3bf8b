"""An English-speaking community (probe-english): what its organiser pastes and imports — English check-in words,
questions, reminders and replies in a chat, chain titles that write their day in words or as 3/12/2026, import cells
such as `Thu, 5 Nov 2026` — and the day and person every line must land on, or its named outcome.

The corpus is tests/data/english_corpus/ (its README says what each file holds) and the cases below. Every fact is
dated against this file's own day, SAT5 (Saturday 2026-12-05), never the suite's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.chat_parse import parse_chat
from desktop.io.fields import ImportProblem, parse_datetime
from desktop.services.groups import create_group
from desktop.services.paste import certain_plan, commit_paste, preview_paste, title_day
from desktop.services.roster import MemberInput, add_member
from desktop.tasks import Progress
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Member, Membership

SAT5 = date(2026, 12, 5)  # a Saturday
CORPUS = Path(__file__).resolve().parents[1] / "data" / "english_corpus"
ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ["Amy Wang", "Amy Chen", "Amy Lee", "Bob Smith", "Carol Jones", "Dan O'Brien", "Eve Park"]


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """This file's own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", SAT5.isoformat())


@pytest.fixture
def club(tmp_path):
    """A workspace with the Book Club: three Amys and four others, all members since November."""
    path = tmp_path / "club.sqlite"
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "Book Club")
        for name in PEOPLE:
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1, 9, 0)))
        s.commit()
    database.dispose()
    return path, gid


def _log(path: Path, gid: int, text: str, day: date) -> dict[str, date]:
    """Preview and commit a paste the headless way (certain people only); the check-ins read back: name -> day."""
    database = open_workspace(path)
    try:
        owner = actor_for(database)
        with database.session() as s:
            preview = preview_paste(s, gid, day, text)
        commit_paste(
            Progress(), database=database, actor=owner, group_id=gid, day=day, planned=certain_plan(preview.matches)
        )
        with database.session() as s:
            rows = s.execute(
                select(Member.display_name, CheckIn.day)
                .join(Membership, Membership.member_id == Member.id)
                .join(CheckIn, CheckIn.membership_id == Membership.id)
            ).all()
    finally:
        database.dispose()
    return dict(rows)


# ---------------------------------------------------------------- a chat in English

CHAT_LINES = [
    # (message, a check-in of the writer's?)
    ("did everyone check in?", False),
    ("anyone done yet", False),
    ("who hasn't checked in yet?", False),
    ("has everyone checked in", False),
    ("Don't forget to check in guys!", False),
    ("Please check in by 10pm", False),
    ("Reminder: check in before 9", False),
    ("Thanks!", False),
    ("thank you so much", False),
    ("good job everyone", False),
    ("well done all 👏", False),
    ("Great job team!!", False),
    ("lol", False),
    ("not done yet, will check in later", False),
    ("I will do it tonight", False),
    ("can't make it today, sorry", False),
    ("haven't done it yet", False),
    ("Done! missed yesterday though", True),
    ("haha", False),
    ("ok thanks", False),
    ("done", True),
    ("Done ✅", True),
    ("checked in", True),
    ("Day 5 done", True),
    ("Day 5 done, anyone up for a run tomorrow?", True),
    ("Checked in ✅ did everyone else?", True),
    ("Thanks, done!", True),
    ("Reading done 📚 great job everyone", True),
    ("finished chapter 3", True),
    ("Morning run 5km", True),
    ("present", True),
]


@pytest.mark.parametrize(("message", "checks_in"), CHAT_LINES)
def test_an_english_chat_message_is_a_check_in_only_when_it_says_one(message, checks_in):
    """`Bob: did everyone check in?`, `Dan: anyone done yet`, `Bob: Thanks!`, `Carol: good job everyone` were each
    the writer's check-in, logged for certain: the chat's Chinese rules (今天打卡了吗？, 谢谢, 加油) knew no English."""
    [line] = parse_chat(f"Bob Smith: {message}\nAmy Wang: 打卡\n")[:1]
    assert (line.kind == "entry") is checks_in, (line.kind, line.ignored)
    if not checks_in:
        assert line.ignored in ("question", "about", "chatter", "not_done")


def test_a_pasted_english_chat_logs_only_those_who_checked_in(club):
    """The corpus's chat log: only Amy Wang's `done` and Eve Park's `Done ✅` are check-ins; the asker, the reminders
    and the replies (Bob, Carol, Dan, Amy Lee) were logged as checked in."""
    path, gid = club
    text = (CORPUS / "chat_log.txt").read_text(encoding="utf-8")
    assert _log(path, gid, text, SAT5) == {"Amy Wang": SAT5, "Eve Park": SAT5}


def test_an_english_line_that_says_not_done_or_on_leave_is_no_check_in(club):
    """The corpus's chain: `Bob Smith - not done`, `Carol Jones (on leave)`, `Dan O'Brien - sick today, skipping`,
    `Amy Chen - will do later` and `Amy Lee - excused` were each logged as checked in (the not-done and 请假 words
    were Chinese only). Only Amy Wang's `done` is a check-in; the leave lines are 请假, the others not done."""
    path, gid = club
    text = (CORPUS / "not_done_chain.txt").read_text(encoding="utf-8")
    database = open_workspace(path)
    try:
        with database.session() as s:
            preview = preview_paste(s, gid, SAT5, text)
    finally:
        database.dispose()
    said = {m.line.line_no: (m.status, m.reason) for m in preview.matches}
    assert said == {
        4: ("matched", None),
        5: ("ignored", "not_done"),
        6: ("leave", None),
        7: ("leave", None),
        8: ("ignored", "not_done"),
        9: ("ignored", "not_done"),
        10: ("leave", None),
    }
    assert _log(path, gid, text, SAT5) == {"Amy Wang": SAT5}


def test_an_english_question_is_not_a_check_in_in_the_chat_history_import():
    """The chat-history import reads every message through talks_about_checking_in: an English question or reminder
    is talk about checking in, a plain `done` is not."""
    from desktop.chat_parse import talks_about_checking_in

    assert talks_about_checking_in("did everyone check in?")
    assert talks_about_checking_in("don't forget to check in!")
    assert not talks_about_checking_in("done")
    assert not talks_about_checking_in("Checked in ✅ did everyone else?")


CHAIN_TIMES = [
    # (a chain line, the time it keeps)
    ("1. Amy Wang 7.05pm", "19:05"),  # was no time: the British dot
    ("1. Amy Wang 7.05 am", "07:05"),
    ("1. Amy Wang 12.30 am", "00:30"),  # after midnight, never half past noon
    ("1. Amy Wang 7:05pm", "19:05"),
    ("1. Amy Wang 12:03 AM", "00:03"),
    ("1. Amy Wang 11:58 PM", "23:58"),
    ("1. Amy Wang 7.05", None),  # a number without am/pm is no time
    ("1. Amy Wang 5.2km", None),
    ("1. Amy Wang ran 7.5 pm", None),
]


@pytest.mark.parametrize(("text", "time"), CHAIN_TIMES)
def test_a_chain_lines_english_time_is_kept(text, time):
    """`4. Carol Jones 7.05pm` kept no time (7:05pm did): the time the member wrote is the check-in's time."""
    line = parse_chat(f"#接龙 Reading\n{text}\n")[1]
    assert (line.name, line.time) == ("Amy Wang", time)


# ---------------------------------------------------------------- chain titles in English

TITLES = [
    # (title, the chain's day or None for "names no day"), pasted on SAT5
    ("Reading check-in Thursday, 3 December", date(2026, 12, 3)),
    ("Check-in 3 Dec", date(2026, 12, 3)),
    ("3rd Dec check-in", date(2026, 12, 3)),
    ("Dec 3 check-in", date(2026, 12, 3)),
    ("December 3rd, 2026", date(2026, 12, 3)),
    ("3rd of December", date(2026, 12, 3)),
    ("Thu 3 Dec", date(2026, 12, 3)),
    ("Nov 30, 2026 reading", date(2026, 11, 30)),
    ("Thursday check-in", date(2026, 12, 3)),  # the latest Thursday on or before the paste
    ("yesterday's check-in", date(2026, 12, 4)),
    ("the day before yesterday", date(2026, 12, 3)),
    ("Check-in 3/12/2026", date(2026, 12, 3)),  # 3 December: 12 March is months away
    ("Check-in 12/3/2026", date(2026, 12, 3)),
    ("Check-in 03/12", date(2026, 12, 3)),  # was 2027-03-12: a day to come
    ("Check-in 12/03", date(2026, 12, 3)),  # a Chinese title's month first, as before
    ("Check-in 11/12", date(2026, 11, 12)),  # both near: month first, as before
    ("Week 1: 1-7 Dec", None),  # a range names no single day
    ("Dec 1 - Dec 7", None),
    ("Dec 1 to Dec 7", None),
    ("check in by Dec 10", None),  # a deadline
    ("every Thursday", None),
    ("Monday to Friday", None),
    ("May challenge day 3", None),  # a month's name with no day of it
    ("May 2026 challenge", None),
    ("Mayer 3 reading", None),
    ("Day 5", None),
    ("Today's check-in", None),  # today is the day chosen
]


@pytest.mark.parametrize(("title", "day"), TITLES)
def test_an_english_chain_title_names_its_day(title, day):
    """`#接龙 Reading check-in Thursday, 3 December` pasted on the 5th named no day: the chain was logged for the 5th,
    without a word. A title's day in words is its day, as 12月3日 is."""
    lines = parse_chat(f"#接龙 {title}\n1. Amy Wang\n")
    assert title_day(lines, SAT5) == day


def test_a_chain_titled_in_english_is_not_logged_for_another_day(club):
    """`qundesk checkin --paste` of the corpus's chain titled `Thursday, 3 December` on Saturday the 5th logged Amy
    and Bob for the 5th (exit 0). It is refused now, naming the day to pass; with --date 2026-12-03 it is logged on
    the 3rd."""
    path, _gid = club
    chain = CORPUS / "titled_chain.txt"
    env = {**os.environ, "QUNDESK_TODAY": SAT5.isoformat(), "PYTHONPATH": str(ROOT)}
    cli = [sys.executable, "-m", "desktop.cli", "--db", str(path), "checkin", "--group", "Book Club"]
    refused = subprocess.run([*cli, "--paste", str(chain)], capture_output=True, text=True, env=env, cwd=ROOT)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "--date 2026-12-03" in refused.stderr
    logged = subprocess.run(
        [*cli, "--date", "2026-12-03", "--paste", str(chain)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert logged.returncode == 0, logged.stdout + logged.stderr
    database = open_workspace(path)
    try:
        with database.session() as s:
            rows = set(
                s.execute(
                    select(Member.display_name, CheckIn.day)
                    .join(Membership, Membership.member_id == Member.id)
                    .join(CheckIn, CheckIn.membership_id == Membership.id)
                ).all()
            )
    finally:
        database.dispose()
    assert rows == {("Amy Wang", date(2026, 12, 3)), ("Bob Smith", date(2026, 12, 3))}


# ---------------------------------------------------------------- dates in imported files

CELLS = [
    # (a cell as Outlook, Microsoft Forms, Typeform or an English Excel writes it, what it must read as)
    ("Thursday, November 5, 2026", datetime(2026, 11, 5)),
    ("Thu, 5 Nov 2026", datetime(2026, 11, 5)),
    ("Thu 5 Nov 2026 7:05 PM", datetime(2026, 11, 5, 19, 5)),
    ("5th November 2026", datetime(2026, 11, 5)),
    ("5th of November 2026", datetime(2026, 11, 5)),
    ("November 5th, 2026", datetime(2026, 11, 5)),
    ("5 Nov 2026", datetime(2026, 11, 5)),
]


@pytest.mark.parametrize(("cell", "moment"), CELLS)
def test_an_english_date_cell_with_its_weekday_or_ordinal_is_read(cell, moment):
    """`Thursday, November 5, 2026` (Outlook, Microsoft Forms) and `5th November 2026` were refused as 'not a date
    QunDesk can read' while `November 5th, 2026` was read."""
    assert parse_datetime(cell, file="f.csv", row=2, column="Date") == moment


def test_an_english_date_whose_weekday_is_not_its_own_is_refused():
    """5 November 2026 is a Thursday: `Friday, November 5, 2026` is wrong in one of the two — a named problem."""
    with pytest.raises(ImportProblem):
        parse_datetime("Friday, November 5, 2026", file="f.csv", row=2, column="Date")


def test_a_roster_column_of_ambiguous_dates_is_read_in_the_order_the_files_other_dates_tell(tmp_path):
    """A UK roster: Joined 05/11/2026, 06/11/2026, 07/11/2026 (every one could be either way) and Date left
    20/11/2026 (day first). Every Joined cell was refused as ambiguous; one program wrote the file, so the Joined
    column is day first too: 5, 6 and 7 November. A file whose columns tell nothing is still refused, naming the cell."""
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Name,WeChat ID,Joined,Date left\n"
        "Amy Wang,amyw,05/11/2026,\n"
        "Amy Chen,amyc,06/11/2026,20/11/2026\n"
        "Bob Smith,bobs,07/11/2026,\n",
        encoding="utf-8",
    )
    db = tmp_path / "uk.sqlite"
    env = {**os.environ, "QUNDESK_TODAY": SAT5.isoformat(), "PYTHONPATH": str(ROOT)}
    cli = [sys.executable, "-m", "desktop.cli", "--db", str(db), "import", "roster"]
    done = subprocess.run(
        [*cli, str(roster), "--group", "Book Club"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr
    database = open_workspace(db)
    try:
        with database.session() as s:
            rows = {
                name: (joined.date(), left.date() if left else None)
                for name, joined, left in s.execute(
                    select(Member.display_name, Membership.joined_at, Membership.left_at).join(
                        Membership, Membership.member_id == Member.id
                    )
                )
            }
    finally:
        database.dispose()
    assert rows == {
        "Amy Wang": (date(2026, 11, 5), None),
        "Amy Chen": (date(2026, 11, 6), date(2026, 11, 20)),
        "Bob Smith": (date(2026, 11, 7), None),
    }
    silent = tmp_path / "silent.csv"
    silent.write_text("Name,WeChat ID,Joined\nAmy Wang,amyw,05/11/2026\n", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(tmp_path / "s.sqlite"), "import", "roster", str(silent)]
        + ["--group", "Book Club"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert refused.returncode == 1
    assert "05/11/2026" in refused.stderr and "row 2" in refused.stderr


# ---------------------------------------------------------------- the English workbook


def test_the_english_workbook_names_an_activitys_day_with_its_month(tmp_path):
    """The attendance matrix of `export report --headers en` headed each activity `11/12 Book talk`: read as
    11 December by a UK or Australian owner. In English it is `Nov 12 …` (the Chinese workbook keeps 11/12)."""
    from openpyxl import load_workbook

    db = tmp_path / "demo.sqlite"
    env = {**os.environ, "QUNDESK_TODAY": SAT5.isoformat(), "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-m", "desktop.cli", "--db", str(db)]
    made = subprocess.run(
        [*run, "demo", "--groups", "2", "--members", "40", "--months", "2", "--seed", "7", "--today", "2026-12-05"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert made.returncode == 0, made.stderr
    heads = {}
    for lang in ("en", "zh_CN"):
        out = tmp_path / f"{lang}.xlsx"
        done = subprocess.run(
            [*run, "export", "report", "--month", "2026-11", "--all", "-o", str(out), "--headers", lang],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        rows = list(load_workbook(out)["活动"].iter_rows(values_only=True))
        at = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith(("Attendance", "出勤")))
        heads[lang] = [h for h in rows[at + 1] if h and re.match(r"(?:\d{1,2}/\d{1,2}|[A-Z][a-z]{2} \d{1,2}) ", h)]
    assert heads["en"] and all(h.startswith("Nov ") for h in heads["en"]), heads["en"]
    assert len(heads["zh_CN"]) == len(heads["en"]) and all(h.startswith("11/") for h in heads["zh_CN"])
