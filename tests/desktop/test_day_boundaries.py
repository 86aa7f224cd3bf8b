"""The day of a fact at midnight (6 December probe): `24:00` / `24点` as written is the midnight that ends its day —
as `晚上12点` already was — in a pasted chain and in an imported table's date-and-time cell; before, a pasted
`24:00` gave the line no time at all and a cell `2026-12-03 24:00` refused the whole row as "not a real date"."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.chat_parse import parse_chat
from desktop.cli import main
from desktop.io import fields
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Member, Membership

TODAY = date(2026, 12, 6)
DAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.mark.parametrize("written", ["24:00", "24点", "24:00:00"])
def test_24_00_as_written_is_the_end_of_the_day(written):
    [_, entry] = parse_chat(f"#接龙 晚睡打卡\n1. 陈红 {written}\n")
    assert (entry.name, entry.time, entry.remark) == ("陈红", "24:00", None)


def test_a_pasted_24_00_is_logged_at_the_midnight_after_its_day(tmp_path, capsys):
    path = str(tmp_path / "w.sqlite")
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晚睡打卡营")
        for name in ("陈红", "张伟"):
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 6, 1)))
        s.commit()
    database.dispose()
    paste = tmp_path / "p.txt"
    paste.write_text("#接龙 晚睡打卡\n1. 陈红 24:00\n2. 张伟 23:40\n", encoding="utf-8")
    assert (
        main(["--db", path, "checkin", "--group", "晚睡打卡营", "--date", DAY.isoformat(), "--paste", str(paste)]) == 0
    )
    database = open_workspace(path)
    with database.session() as s:
        got = dict(
            (name, (day, at))
            for name, day, at in s.execute(
                select(Member.display_name, CheckIn.day, CheckIn.checked_at)
                .join(Membership, Membership.id == CheckIn.membership_id)
                .join(Member, Member.id == Membership.member_id)
            )
        )
    database.dispose()
    assert got == {
        "陈红": (DAY, datetime(2026, 12, 4, 0, 0)),  # the 3rd's check-in, posted at the midnight ending it
        "张伟": (DAY, datetime(2026, 12, 3, 23, 40)),
    }


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        ("2026-12-03 24:00", datetime(2026, 12, 4, 0, 0)),
        ("2026/12/3 24:00:00", datetime(2026, 12, 4, 0, 0)),
        ("2026-12-31 24:00", datetime(2027, 1, 1, 0, 0)),  # the year's last midnight
        ("2026-12-03 23:59:59", datetime(2026, 12, 3, 23, 59, 59)),
    ],
)
def test_a_table_cell_at_24_00_is_the_midnight_after_its_day(cell, moment):
    assert fields.parse_datetime(cell, file="f.xlsx", row=2, column="入群时间") == moment


def test_24_30_in_a_cell_is_still_no_time(tmp_path):
    with pytest.raises(fields.ImportProblem):
        fields.parse_datetime("2026-12-03 24:30", file="f.xlsx", row=2, column="入群时间")
    assert fields.parse_datetime("2026-12-03 24:00", file="f.xlsx", row=2, column="入群时间") == datetime(
        2026, 12, 3
    ) + timedelta(days=1)


def _camp(tmp_path) -> str:
    path = str(tmp_path / "camp.sqlite")
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晚睡打卡营")
        for name in ("张伟", "李娜", "王芳", "刘洋"):
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 6, 1)))
        s.commit()
    database.dispose()
    return path


def _logged(path) -> list[tuple[str, date]]:
    database = open_workspace(path)
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .order_by(Member.display_name)
        ).all()
    database.dispose()
    return [tuple(r) for r in rows]


def test_an_undated_evening_chain_finished_after_midnight_is_not_logged_for_the_new_day(tmp_path, monkeypatch, capsys):
    """A 晚睡打卡 chain of the 3rd, signed 23:50 … 00:20 and pasted at 00:30 on the 4th without a date: before, all
    four were logged for the 4th (two of them at 23:50 and 23:55 of a day only half an hour old), exit 0. Now nothing
    is logged and the message names the 3rd; with --date the user's day is used."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-04")
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "00:30")
    path = _camp(tmp_path)
    paste = tmp_path / "chain.txt"
    paste.write_text(
        "#接龙\n晚睡打卡\n\n1. 张伟 23:50\n2. 李娜 23:55\n3. 王芳 00:10\n4. 刘洋 00:20\n", encoding="utf-8"
    )
    assert main(["--db", path, "checkin", "--group", "晚睡打卡营", "--paste", str(paste)]) == 1
    assert "--date 2026-12-03" in capsys.readouterr().err
    assert _logged(path) == []
    assert main(["--db", path, "checkin", "--group", "晚睡打卡营", "--date", "2026-12-03", "--paste", str(paste)]) == 0
    assert {day for _name, day in _logged(path)} == {date(2026, 12, 3)}


def test_a_small_hours_chain_of_the_new_day_is_still_logged_for_it(tmp_path, monkeypatch, capsys):
    """A 午夜打卡 of the new day (00:05, 00:12, pasted at 00:30): its times have all come — today's, as before."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-04")
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "00:30")
    path = _camp(tmp_path)
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙\n午夜打卡\n\n1. 张伟 00:05\n2. 李娜 00:12\n", encoding="utf-8")
    assert main(["--db", path, "checkin", "--group", "晚睡打卡营", "--paste", str(paste)]) == 0
    assert _logged(path) == [("张伟", date(2026, 12, 4)), ("李娜", date(2026, 12, 4))]


@pytest.mark.parametrize(
    ("header", "cells", "day"),
    [
        ("打卡人,打卡时间", "张伟,2026-12-03 24:00", date(2026, 12, 3)),  # the 3rd's midnight: the 3rd's check-in
        ("打卡人,打卡日期,打卡时间", "张伟,2026-12-03,2026-12-03 24:00", date(2026, 12, 3)),  # on time, not 补卡
        ("打卡人,打卡时间", "张伟,2026-12-04 00:00", date(2026, 12, 4)),  # written as the 4th: the 4th's, as before
    ],
)
def test_a_check_in_export_at_24_00_is_its_days_check_in_on_time(tmp_path, header, cells, day):
    from desktop.io.tabular import read_table
    from desktop.services.checkin_import import plan_checkin_import

    database = open_workspace(_camp(tmp_path))
    csv = tmp_path / "ci.csv"
    csv.write_text(f"{header}\n{cells}\n", encoding="utf-8")
    with database.session() as s:
        plan = plan_checkin_import(s, 1, read_table(csv))
    database.dispose()
    assert [(c.day, c.at, c.late) for c in plan.checkins] == [(day, datetime(2026, 12, 4, 0, 0), False)]
