"""Year-end probe: 31 December → 1 January and the month's edges, lived day by day on a small group built through
the services (a real SQLite workspace). Every fact is dated against the days these tests pin themselves
(QUNDESK_TODAY set per step), never the suite's day."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.services.chat_import import run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, EntryStep, Group, Member, Membership

GROUP = "跨年营"
NAMES = ("张伟", "李娜", "王芳", "刘洋", "陈红")


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day (each test moves it on as it lives the days): the group is set up on 1 November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-01")


@pytest.fixture
def ws(tmp_path):
    database = open_workspace(tmp_path / "w.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP)
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        for name in NAMES:
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1)))
        s.commit()
    yield database
    database.dispose()


def _checkins(ws) -> dict[tuple[str, str], tuple[str, bool]]:
    """(name, day) -> (time posted, late) of the group's check-ins."""
    with ws.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.checked_at, CheckIn.late)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .join(Group, Group.id == Membership.group_id)
            .where(Group.name == GROUP)
        ).all()
    return {(n, d.isoformat()): (at.strftime("%m-%d %H:%M") if at else "", bool(late)) for n, d, at, late in rows}


def _liuhen_txt(tmp_path: Path, blocks: list[tuple[str, str, str]]) -> Path:
    """A 留痕 TXT export (docs/chat_formats.md §2): `stamp name` then the text, each block ending in a blank line."""
    path = tmp_path / f"{GROUP}.txt"
    path.write_text("".join(f"{stamp} {name}\n{text}\n\n" for stamp, name, text in blocks), encoding="utf-8")
    return path


def test_a_chain_of_the_31st_reposted_after_midnight_keeps_each_signers_own_time(ws, tmp_path, monkeypatch):
    """A 接龙 of 12月31日 signed by 张伟 at 06:01 and 李娜 at 06:30 on the 31st, then by 刘洋 at 00:20 on New Year's
    Day (each copy reposts the whole chain plus one line). The import read the last copy only and timed every entry
    at it: 张伟 and 李娜 were logged as 补卡 posted at 00:20 on 1 January — late, which breaks their streaks where
    补卡 do not count (the default), and not the time they posted (§3.3). Each entry is timed at the first copy that
    has its line: only 刘洋, who signed after midnight, is late."""
    chain = "#接龙\n12月31日早起打卡\n\n"
    export = _liuhen_txt(
        tmp_path,
        [
            ("2026-12-31 06:01:00", "张伟", chain + "1. 张伟"),
            ("2026-12-31 06:30:00", "李娜", chain + "1. 张伟\n2. 李娜"),
            ("2027-01-01 00:20:00", "刘洋", chain + "1. 张伟\n2. 李娜\n3. 刘洋"),
        ],
    )
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-02")
    run_chat_import(ws, actor_for(ws), export, GROUP)
    assert _checkins(ws) == {
        ("张伟", "2026-12-31"): ("12-31 06:01", False),
        ("李娜", "2026-12-31"): ("12-31 06:30", False),
        ("刘洋", "2026-12-31"): ("01-01 00:20", True),
    }
    # importing the same export again changes nothing
    run_chat_import(ws, actor_for(ws), export, GROUP)
    assert len(_checkins(ws)) == 3


def test_a_chain_copy_posted_out_of_order_still_times_each_entry_at_its_earliest_copy(ws, tmp_path, monkeypatch):
    """Exports are in time order, but two exports of one chain merged by hand are not: the earliest copy of a line
    wins whatever order the copies come in."""
    chain = "#接龙\n1月1日 元旦打卡\n\n"
    export = _liuhen_txt(
        tmp_path,
        [
            ("2027-01-01 21:00:00", "王芳", chain + "1. 张伟\n2. 王芳"),
            ("2027-01-01 07:15:00", "张伟", chain + "1. 张伟"),
        ],
    )
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-02")
    run_chat_import(ws, actor_for(ws), export, GROUP)
    assert _checkins(ws) == {
        ("张伟", "2027-01-01"): ("01-01 07:15", False),
        ("王芳", "2027-01-01"): ("01-01 21:00", False),
    }


def _paste(ws, tmp_path: Path, text: str, *args: str) -> int:
    from desktop.cli import main

    path = tmp_path / "paste.txt"
    path.write_text(text, encoding="utf-8")
    return main(["--db", str(ws.engine.url.database), "checkin", "--group", GROUP, "--paste", str(path), *args])


def test_a_makeup_of_new_years_day_by_name_is_logged_on_1_january(ws, tmp_path, monkeypatch):
    """On 3 January the chain has `李娜 补元旦` and `王芳 元旦补卡`: 补元旦 was not read as a 补卡 at all — 李娜 was logged
    on time on the 3rd — and 元旦补卡 was a 补卡 of the 3rd: a record on the wrong day, and her 1 January still empty.
    元旦 names 1 January, as 补1月1日 does."""
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-03")
    chain = "#接龙\n1月3日早起打卡\n\n1. 张伟\n2. 李娜 补元旦\n3. 王芳 元旦补卡\n4. 刘洋 补卡（元旦）\n"
    assert _paste(ws, tmp_path, chain) == 0
    got = {k: late for k, (_at, late) in _checkins(ws).items()}
    assert got == {
        ("张伟", "2027-01-03"): False,
        ("李娜", "2027-01-01"): True,
        ("王芳", "2027-01-01"): True,
        ("刘洋", "2027-01-01"): True,
    }


def test_a_chain_titled_new_years_day_is_for_1_january(ws, tmp_path, monkeypatch, capsys):
    """A chain titled 元旦早起打卡 pasted on 2 January was logged on the 2nd without a word (the title named no day
    QunDesk could read). It names 1 January: the CLI refuses to log it on another day unless --date says so, as
    for 1月1日早起打卡. The holiday around it (元旦假期第二天) and the greeting (元旦快乐) name no one day."""
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-02")
    assert _paste(ws, tmp_path, "#接龙\n元旦早起打卡\n\n1. 张伟\n") == 1
    assert "2027-01-01" in capsys.readouterr().err
    assert _checkins(ws) == {}
    assert _paste(ws, tmp_path, "#接龙\n元旦早起打卡\n\n1. 张伟\n", "--date", "2027-01-01") == 0
    assert _paste(ws, tmp_path, "#接龙\n元旦假期第二天 早起打卡\n\n1. 李娜\n") == 0
    assert _paste(ws, tmp_path, "#接龙\n元旦快乐 早起打卡\n\n1. 王芳\n") == 0
    assert {k: late for k, (_at, late) in _checkins(ws).items()} == {
        ("张伟", "2027-01-01"): False,
        ("李娜", "2027-01-02"): False,
        ("王芳", "2027-01-02"): False,
    }


def test_a_chat_message_making_up_new_years_day_is_a_late_checkin_of_1_january(ws, tmp_path, monkeypatch):
    """`补打卡 元旦` posted on 2 January was counted as 陈红's on-time check-in of the 2nd."""
    export = _liuhen_txt(
        tmp_path,
        [("2027-01-02 09:00:00", "陈红", "补打卡 元旦"), ("2027-01-02 09:05:00", "张伟", "打卡")],
    )
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-02")
    run_chat_import(ws, actor_for(ws), export, GROUP)
    assert _checkins(ws) == {
        ("陈红", "2027-01-01"): ("01-02 09:00", True),
        ("张伟", "2027-01-02"): ("01-02 09:05", False),
    }


@pytest.mark.parametrize(
    ("today", "line", "logged"),
    [
        ("2027-03-01", "张伟 补29号", None),  # February 2027 has 28 days: not 29 January
        ("2027-03-01", "张伟 补31号", None),  # nor 31 January
        ("2027-05-01", "张伟 31号补卡", None),  # April has 30 days: not 31 March
        ("2028-03-01", "张伟 补29号", "2028-02-29"),  # a leap year's 29 February
        ("2027-05-01", "张伟 补30号", "2027-04-30"),
        ("2027-03-01", "张伟 补卡 13.5公里", "2027-03-01"),  # a distance, no date: a 补卡 of the day logged
    ],
)
def test_a_makeup_of_a_day_the_month_before_lacks_is_reported_not_logged_a_month_back(
    ws, tmp_path, monkeypatch, capsys, today, line, logged
):
    """`补29号` pasted on 1 March 2027 was logged as a 补卡 of 29 January — the latest 29th on or before the day,
    two months back, since February has no 29th (补31号 on 1 May: 31 March). A record on a day the member never
    meant. The day of the month is this month's or the month before's; when that month lacks it, the line is
    reported (a named outcome) and nothing is logged. The line beside it is logged as usual."""
    monkeypatch.setenv("QUNDESK_TODAY", today)
    assert _paste(ws, tmp_path, f"#接龙\n早起打卡\n\n1. {line}\n2. 李娜\n") == 0
    got = {k: late for k, (_at, late) in _checkins(ws).items()}
    want = {("李娜", today): False} | ({("张伟", logged): True} if logged else {})
    assert got == want
    if logged is None:
        assert "补卡的日期不存在" in capsys.readouterr().err


def test_an_undated_chain_reposted_after_midnight_checks_nobody_in_on_new_years_day(ws, tmp_path, monkeypatch):
    """A chain titled 早起打卡 (no date) signed by 张伟 and 李娜 on the 31st, then by 刘洋 at 00:10 on 1 January: the
    00:10 copy was read as a new chain of 1 January, and 张伟 and 李娜 — who posted nothing that day — were checked
    in on New Year's Day. A copy that reposts the day before's chain of the title with more lines, before any chain
    of the title was started that day, is that chain's (刘洋: a 补卡 of the 31st, as for a dated title). The real
    chain of 1 January, started afresh in the morning by the same people in the same order, is 1 January's."""
    chain = "#接龙\n早起打卡\n\n"
    export = _liuhen_txt(
        tmp_path,
        [
            ("2026-12-31 06:01:00", "张伟", chain + "1. 张伟"),
            ("2026-12-31 06:30:00", "李娜", chain + "1. 张伟\n2. 李娜"),
            ("2027-01-01 00:10:00", "刘洋", chain + "1. 张伟\n2. 李娜\n3. 刘洋"),
            ("2027-01-01 06:05:00", "张伟", chain + "1. 张伟"),
            ("2027-01-01 06:40:00", "李娜", chain + "1. 张伟\n2. 李娜"),
            ("2027-01-01 07:00:00", "刘洋", chain + "1. 张伟\n2. 李娜\n3. 刘洋\n4. 王芳"),
        ],
    )
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-02")
    run_chat_import(ws, actor_for(ws), export, GROUP)
    assert _checkins(ws) == {
        ("张伟", "2026-12-31"): ("12-31 06:01", False),
        ("李娜", "2026-12-31"): ("12-31 06:30", False),
        ("刘洋", "2026-12-31"): ("01-01 00:10", True),
        ("张伟", "2027-01-01"): ("01-01 06:05", False),
        ("李娜", "2027-01-01"): ("01-01 06:40", False),
        ("刘洋", "2027-01-01"): ("01-01 07:00", False),
        ("王芳", "2027-01-01"): ("01-01 07:00", False),
    }


def test_a_chat_makeup_of_a_day_the_month_before_lacks_is_no_checkin_of_the_day_posted(ws, tmp_path, monkeypatch):
    """`补打卡29号` posted on 1 March 2027 (February had 28 days) was 陈红's on-time check-in of 1 March; it makes up
    no day there is: no check-in (her message still counts as her speaking). 补打卡28号 is a 补卡 of 28 February."""
    export = _liuhen_txt(
        tmp_path,
        [("2027-03-01 09:00:00", "陈红", "补打卡29号"), ("2027-03-01 09:05:00", "张伟", "补打卡28号")],
    )
    monkeypatch.setenv("QUNDESK_TODAY", "2027-03-02")
    run_chat_import(ws, actor_for(ws), export, GROUP)
    assert _checkins(ws) == {("张伟", "2027-02-28"): ("03-01 09:05", True)}
