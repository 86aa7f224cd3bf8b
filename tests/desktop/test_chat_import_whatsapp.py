"""WhatsApp "Export chat" (Android, without media) for English-speaking communities (docs/chat_formats.md §12):
recognised by its stamp lines, dates read in the order the file itself proves (never a guessed day), notices read
as joins, removals and leavings, deleted messages and WhatsApp's own lines never anyone's message. Uses the roster
and helpers of test_chat_import_rules and test_chat_import_probe8 (a real SQLite workspace)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import update

from desktop.io.chat_exports import ImportProblem, open_chat_export, system_events
from models import Group
from tests.desktop import test_chat_import_probe8 as probe8
from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import GROUP, _import, _membership, _plan, _write

in_china = rules.in_china
ws_roster = rules.ws
ws = probe8.ws  # the rules' roster plus Alice Wong (Alice) and the applicants Bob, Carol, Dave

US = (
    "11/5/26, 6:02 AM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp,"
    " can read or listen to them. Tap to learn more.\n"
    "11/5/26, 6:10 AM - Alice: checked in 5k\n"
    "11/5/26, 6:11 AM - 王芳: checked in\nsecond line of the same message\n"
    "11/5/26, 9:15 PM - Alice: <Media omitted>\n"
    "11/5/26, 11:59\u202fPM - 周晓晨: This message was deleted\n"
    "11/6/26, 12:00\u202fAM - Alice added Bob, Carol and Dave\n"
    "11/6/26, 12:01 AM - Bob joined using this group's invite link\n"
    "11/13/26, 8:00 AM - Dave left\n"
    '11/13/26, 8:05 AM - 周晓晨 changed the subject from "Runners: old" to "Morning Runners"\n'
    "11/13/26, 8:06 AM - Carol: checked in: 3k\n"
)


@pytest.fixture
def english(ws):
    with ws.session() as s:
        s.execute(update(Group).where(Group.name == GROUP).values(checkin_keywords="checked in"))
        s.commit()
    return ws


def test_a_us_export_is_read_with_its_days_notices_and_messages(english, tmp_path):
    path = _write(tmp_path, "WhatsApp Chat with Morning Runners.txt", US)
    source = open_chat_export(path)
    assert source.format == "whatsapp_txt"
    rows = list(source.rows())
    assert [r.at for r in rows][:3] == [
        datetime(2026, 11, 5, 6, 2),
        datetime(2026, 11, 5, 6, 10),
        datetime(2026, 11, 5, 6, 11),
    ]
    assert rows[2].text == "checked in\nsecond line of the same message"
    assert rows[4].at == datetime(2026, 11, 5, 23, 59) and rows[4].system  # deleted: no one's message
    assert rows[5].at == datetime(2026, 11, 6, 0, 0) and rows[5].system
    assert rows[8].system  # a subject quoting "Runners: old" is no message of "周晓晨 changed the subject …"
    plan = _plan(english, path)
    assert sorted((c.display_name, c.at.strftime("%m-%d %H:%M")) for c in plan.checkins) == [
        ("Alice Wong", "11-05 06:10"),
        ("Carol", "11-13 08:06"),
        ("王芳", "11-05 06:11"),
    ]
    assert sorted((j.display_name, j.referrer_name or "", f"{j.at:%m-%d %H:%M}") for j in plan.joins) == [
        ("Bob", "", "11-06 00:01"),  # the invite link a minute later: the same join, its referrer kept
        ("Bob", "Alice Wong", "11-06 00:00"),  # after midnight: the 6th
        ("Carol", "Alice Wong", "11-06 00:00"),
        ("Dave", "Alice Wong", "11-06 00:00"),
    ]
    assert [(r.display_name, r.how) for r in plan.removals] == [("Dave", "leave")]
    _import(english, path)
    assert _membership(english, "Dave").status == "left"
    bob = _membership(english, "Bob")
    assert bob.referrer_id is not None and bob.joined_at.date().isoformat() == "2026-11-06"
    assert rules._messages(english)[("Alice Wong", "2026-11-05")] == 2  # the text and the media
    assert ("周晓晨", "2026-11-05") not in rules._messages(english)  # the deleted message


def test_a_day_first_export_is_read_day_first(ws, tmp_path):
    path = _write(
        tmp_path,
        "uk.txt",
        "05/11/2026, 06:10 - Alice: hello\n13/11/2026, 07:00 - Alice: hello again\n",
    )
    assert [r.at for r in open_chat_export(path).rows()] == [datetime(2026, 11, 5, 6, 10), datetime(2026, 11, 13, 7, 0)]


def test_dates_that_read_both_ways_are_ordered_by_time_running_forward(ws, tmp_path):
    """No part over 12, but read month-first the days would run backwards (11/5 then 10/6): day-first."""
    path = _write(tmp_path, "x.txt", "11/5/26, 06:10 - Alice: hi\n10/6/26, 07:00 - Alice: hi\n")
    assert [r.at.date().isoformat() for r in open_chat_export(path).rows()] == ["2026-05-11", "2026-06-10"]


def test_dates_that_read_both_ways_and_run_forward_both_ways_are_refused(ws, tmp_path):
    path = _write(tmp_path, "x.txt", "1/2/26, 06:10 - Alice: hi\n1/3/26, 07:00 - Alice: hi\n")
    with pytest.raises(ImportProblem, match="1/2/26"):
        list(open_chat_export(path).rows())


@pytest.mark.parametrize(
    ("text", "who", "by", "kind", "how"),
    [
        ("Alice added Bob", ("Bob",), "Alice", "join", "invite"),
        ("You added Bob", ("Bob",), "\x00self", "join", "invite"),
        ("Bob joined using this group's invite link", ("Bob",), None, "join", "join"),
        ("Alice removed Bob", ("Bob",), "Alice", "remove", "remove"),
        ("You removed Bob", ("Bob",), "\x00self", "remove", "remove"),
        ("Bob left", ("Bob",), None, "remove", "leave"),
    ],
)
def test_whatsapp_notices(text, who, by, kind, how):
    [event] = system_events(text)
    assert (event.who, event.by, event.kind, event.how) == (who, by, kind, how)


@pytest.mark.parametrize("text", ["You left", "Alice added you", 'You created group "Morning Runners"'])
def test_the_exporters_own_whatsapp_notices_are_no_event(text):
    assert system_events(text) == []
