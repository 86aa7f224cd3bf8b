"""An English-speaking community (probe-english): what its organiser pastes and imports — English check-in words,
questions, reminders and replies in a chat, chain titles that write their day in words or as 3/12/2026, import cells
such as `Thu, 5 Nov 2026` — and the day and person every line must land on, or its named outcome.

The corpus is tests/data/english_corpus/ (its README says what each file holds) and the cases below. Every fact is
dated against this file's own day, SAT5 (Saturday 2026-12-05), never the suite's."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.chat_parse import parse_chat
from desktop.services.groups import create_group
from desktop.services.paste import certain_plan, commit_paste, preview_paste
from desktop.services.roster import MemberInput, add_member
from desktop.tasks import Progress
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Member, Membership

SAT5 = date(2026, 12, 5)  # a Saturday
CORPUS = Path(__file__).resolve().parents[1] / "data" / "english_corpus"
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
        assert line.ignored in ("question", "about", "chatter")


def test_a_pasted_english_chat_logs_only_those_who_checked_in(club):
    """The corpus's chat log: only Amy Wang's `done` and Eve Park's `Done ✅` are check-ins; the asker, the reminders
    and the replies (Bob, Carol, Dan, Amy Lee) were logged as checked in."""
    path, gid = club
    text = (CORPUS / "chat_log.txt").read_text(encoding="utf-8")
    assert _log(path, gid, text, SAT5) == {"Amy Wang": SAT5, "Eve Park": SAT5}


def test_an_english_question_is_not_a_check_in_in_the_chat_history_import():
    """The chat-history import reads every message through talks_about_checking_in: an English question or reminder
    is talk about checking in, a plain `done` is not."""
    from desktop.chat_parse import talks_about_checking_in

    assert talks_about_checking_in("did everyone check in?")
    assert talks_about_checking_in("don't forget to check in!")
    assert not talks_about_checking_in("done")
    assert not talks_about_checking_in("Checked in ✅ did everyone else?")
