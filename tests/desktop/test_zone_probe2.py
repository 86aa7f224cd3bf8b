"""The community's zone changed after facts were recorded (probe-zones2): an import already made is still
recognised when its file comes again, and a midnight datetime cell of a "(UTC)" column is still a moment."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, update

from desktop.services.chat_import import plan_chat_import, run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.settings import update_settings
from desktop.workspace import actor_for, open_workspace
from models import ChatActivity, CheckIn, EntryStep, Member, Membership, clock
from tests.desktop.test_community_zone import _chatlab

GROUP = "晨跑俱乐部"  # the group test_community_zone._chatlab's exports name
CHINA = timezone(timedelta(hours=8))


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their messages are of 3–4 December 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")
    yield
    clock.set_zone("")


def _workspace(tmp_path, zone: str, url=None):
    database = open_workspace(url or tmp_path / "w.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        update_settings(s, owner, {"time_zone": zone})
        gid = create_group(s, owner, GROUP)
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        add_member(s, owner, gid, MemberInput(display_name="王芳", wechat_id="wxid_wangfang"))
        s.commit()
    return database, owner, gid


def test_a_chatlab_file_imported_again_after_the_zone_changed_counts_nothing_twice(tmp_path):
    """Imported in Shanghai (its span 3 Dec 09:00 – 4 Dec 21:00 Shanghai time), the zone then set to Berlin: the
    same file read again gives 02:00 – 14:00 Berlin time; before, the span kept Shanghai's wall-clock and its late
    messages fell outside it and were counted a second time."""
    database, owner, gid = _workspace(tmp_path, "Asia/Shanghai")
    export = _chatlab(
        tmp_path,
        (datetime(2026, 12, 3, 9, 0, tzinfo=CHINA), "早上好"),
        (datetime(2026, 12, 4, 6, 30, tzinfo=CHINA), "晨跑打卡 5公里"),
        (datetime(2026, 12, 4, 21, 0, tzinfo=CHINA), "晚安"),
    )
    run_chat_import(database, owner, export, GROUP)
    with database.session() as s:
        first = s.scalar(select(func.sum(ChatActivity.messages)))
        checkins = s.scalar(select(func.count()).select_from(CheckIn))
        update_settings(s, owner, {"time_zone": "Europe/Berlin"})
        s.commit()
    assert first == 3, checkins
    with database.session() as s:
        plan = plan_chat_import(s, gid, export)
    assert plan.messages_known == 0 and plan.covered_rows == 3  # all of it was imported before
    run_chat_import(database, owner, export, GROUP)
    with database.session() as s:
        assert s.scalar(select(func.sum(ChatActivity.messages))) == 3
        assert s.scalar(select(func.count()).select_from(CheckIn)) == checkins
    database.dispose()


def test_a_later_export_after_the_zone_changed_counts_only_its_new_messages(tmp_path):
    """The next export overlaps the first by a day: the overlap is recognised in the new zone, the new day counted."""
    database, owner, gid = _workspace(tmp_path, "Asia/Shanghai")
    run_chat_import(database, owner, _chatlab(tmp_path, (datetime(2026, 12, 4, 21, 0, tzinfo=CHINA), "晚安")), GROUP)
    with database.session() as s:
        update_settings(s, owner, {"time_zone": "America/Los_Angeles"})
        s.commit()
    export = _chatlab(
        tmp_path,
        (datetime(2026, 12, 4, 21, 0, tzinfo=CHINA), "晚安"),  # 05:00 on the 4th in Los Angeles: imported before
        (datetime(2026, 12, 5, 21, 0, tzinfo=CHINA), "晚安"),  # 05:00 on the 5th in Los Angeles: new
    )
    with database.session() as s:
        plan = plan_chat_import(s, gid, export)
    assert (plan.messages_known, plan.covered_rows) == (1, 1)
    database.dispose()


def test_the_upgrade_gives_existing_chatlab_spans_the_workspaces_zone(tmp_path, any_db_url):
    """A span imported before the upgrade was read in the workspace's zone: it is named so, and the same file read
    after a change of zone is still recognised; a text export's span keeps no zone (times as written)."""
    from alembic import command
    from sqlalchemy import text

    from models.db import alembic_config, make_engine

    database, owner, gid = _workspace(tmp_path, "Asia/Shanghai", any_db_url)
    export = _chatlab(tmp_path, (datetime(2026, 12, 4, 21, 0, tzinfo=CHINA), "晚安"))
    run_chat_import(database, owner, export, GROUP)
    database.dispose()
    engine = make_engine(any_db_url)
    command.downgrade(alembic_config(engine), "0023_tierhist")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO chat_import (group_id, format, file_name, first_at, last_at, messages, checkins, joins,"
                " removals, imported_at) VALUES (:g, 'wechat_txt', 't.txt', '2026-11-01 08:00:00',"
                " '2026-11-01 09:00:00', 1, 0, 0, 0, '2026-11-01 09:00:00')"
            ),
            {"g": gid},
        )
    engine.dispose()
    database = open_workspace(any_db_url)  # upgrades
    with database.session() as s:
        zones = dict(s.execute(text("SELECT format, time_zone FROM chat_import")).all())
        assert zones == {"chatlab_json": "Asia/Shanghai", "wechat_txt": None}
        update_settings(s, owner, {"time_zone": "America/Los_Angeles"})
        s.commit()
    with database.session() as s:
        plan = plan_chat_import(s, gid, export)
    assert (plan.messages_known, plan.covered_rows) == (0, 1)
    database.dispose()


def _typeform_xlsx(path, rows):
    """An .xlsx like Typeform's: "Submit Date (UTC)" as real date cells, each with its own number format."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "WeChat", "Submit Date (UTC)"])
    for name, wechat, value, number_format in rows:
        sheet.append([name, wechat, value])
        sheet.cell(sheet.max_row, 3).number_format = number_format
    book.save(path)
    return path


def _applied(tmp_path, db) -> dict[str, datetime]:
    database = open_workspace(db)
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Membership.applied_at).join(Member, Member.id == Membership.member_id)
        ).all()
    database.dispose()
    return dict(rows)


@pytest.mark.parametrize("big", [False, True], ids=["calamine", "streamed"])
def test_a_datetime_cell_at_midnight_in_a_utc_column_is_a_moment_and_a_date_cell_a_day(tmp_path, big, monkeypatch):
    """Zone America/Los_Angeles: a Typeform submission at 00:00:00 UTC on 30 November was 16:00 on the 29th there;
    a date-only cell (yyyy-mm-dd) and a text date stay the 30th. Before, the midnight datetime cell was taken for
    a bare day and kept on the 30th."""
    from desktop.cli import main
    from desktop.io import tabular

    if big:  # a sheet past STREAM_XML_BYTES is streamed with openpyxl instead of calamine
        monkeypatch.setattr(tabular, "STREAM_XML_BYTES", 100)
    db = tmp_path / "w.sqlite"
    database, _owner, _gid = _workspace(tmp_path, "America/Los_Angeles")
    database.dispose()
    at = datetime(2026, 11, 30, 0, 0, 0)
    xlsx = _typeform_xlsx(
        tmp_path / "typeform.xlsx",
        [
            ("张三", "zhangsan01", at, "yyyy-mm-dd hh:mm:ss"),
            ("李四", "lisi0202", at, "yyyy-mm-dd"),
            ("王五", "wangwu03", "2026-11-30", "General"),
            ("赵六", "zhaoliu04", at, "m/d/yy h:mm"),  # Excel's built-in date-and-time format (22)
            ("孙七", "sunqi05", datetime(2026, 11, 30, 1, 0), "yyyy-mm-dd hh:mm:ss"),
        ],
    )
    assert main(["--db", str(db), "import", "applications", str(xlsx), "--group", GROUP]) == 0
    applied = _applied(tmp_path, db)
    assert applied["张三"] == datetime(2026, 11, 29, 16, 0)
    assert applied["赵六"] == datetime(2026, 11, 29, 16, 0)
    assert applied["孙七"] == datetime(2026, 11, 29, 17, 0)
    assert applied["李四"].date() == date(2026, 11, 30)
    assert applied["王五"].date() == date(2026, 11, 30)


def test_a_midnight_datetime_cell_in_a_column_without_a_zone_is_stored_as_that_midnight(tmp_path):
    """Without a zone on its column the marked cell is read as written, and stored on its day."""
    from desktop.cli import main

    db = tmp_path / "w.sqlite"
    database, _owner, _gid = _workspace(tmp_path, "America/Los_Angeles")
    database.dispose()
    book = _typeform_xlsx(tmp_path / "t.xlsx", [("张三", "zhangsan01", datetime(2026, 11, 30), "yyyy-mm-dd hh:mm")])
    from openpyxl import load_workbook

    wb = load_workbook(book)
    wb.active["C1"] = "提交时间"  # no zone said
    wb.save(book)
    assert main(["--db", str(db), "import", "applications", str(book), "--group", GROUP]) == 0
    assert _applied(tmp_path, db)["张三"].date() == date(2026, 11, 30)


def test_a_zone_changed_by_another_operator_reaches_an_open_window_within_a_minute(tmp_path, monkeypatch, any_db_url):
    """Two windows on one workspace (a team's): the other changes the zone. This window re-reads the setting at its
    first transaction after ZONE_RECHECK_SECONDS — before, only when it reopened the workspace, logging facts on
    its old "today" meanwhile. Within the interval a transaction reads nothing more (a run of check-ins gains no
    query)."""
    from sqlalchemy import event, text

    from desktop import workspace

    moment = [1000.0]
    monkeypatch.setattr(workspace, "_monotonic", lambda: moment[0], raising=False)
    database, _owner, _gid = _workspace(tmp_path, "Asia/Shanghai", any_db_url)
    assert clock.zone_name() == "Asia/Shanghai"
    statements: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    # the other operator's window (another process: its own connection) stores another zone
    from models.db import make_engine

    other = make_engine(any_db_url)
    with other.begin() as conn:
        conn.execute(
            text("UPDATE workspace_setting SET value = :v WHERE key = 'time_zone'"), {"v": '"America/Los_Angeles"'}
        )
    other.dispose()
    moment[0] += 30  # half a minute later: this window's transactions read nothing more
    with database.session() as s:
        s.execute(select(func.count()).select_from(CheckIn))
    assert clock.zone_name() == "Asia/Shanghai"
    assert not any("workspace_setting" in sql for sql in statements)
    moment[0] += 31  # past the minute: the next transaction adopts the new zone before it records anything
    with database.session() as s:
        s.execute(select(func.count()).select_from(CheckIn))
    assert clock.zone_name() == "America/Los_Angeles"
    assert sum("workspace_setting" in sql for sql in statements) == 1
    database.dispose()


def test_the_backups_list_gives_each_backups_time_in_the_communitys_zone(tmp_path, monkeypatch):
    """auto-20261207 taken at 01:00 in Shanghai, listed on a laptop set to Berlin: created 2026-12-07 01:00 (the
    community's wall-clock time, as its name's day), not the laptop's 2026-12-06 18:00."""
    import os
    import time as systime

    from desktop.services.backup import list_backups

    monkeypatch.setenv("TZ", "Europe/Berlin")
    systime.tzset()
    try:
        clock.set_zone("Asia/Shanghai")
        folder = tmp_path / "backups"
        folder.mkdir()
        backup = folder / "auto-20261207.sqlite"
        backup.write_bytes(b"")
        taken = datetime(2026, 12, 7, 1, 0, tzinfo=CHINA).timestamp()
        os.utime(backup, (taken, taken))
        [info] = list_backups(folder)
        assert info.created == datetime(2026, 12, 7, 1, 0)
    finally:
        monkeypatch.undo()
        systime.tzset()


def test_a_midnight_moment_cell_shows_its_time_and_a_date_cell_its_day(tmp_path):
    """What a preview or a row's problem shows of the cells: the moment keeps its 00:00, the day is a day."""
    from desktop.io.fields import clean_text
    from desktop.io.tabular import read_table

    book = _typeform_xlsx(
        tmp_path / "t.xlsx",
        [
            ("张三", "zhangsan01", datetime(2026, 11, 30), "yyyy-mm-dd hh:mm:ss"),
            ("李四", "lisi0202", datetime(2026, 11, 30), 'yyyy"年"m"月"d"日"'),
        ],
    )
    rows = {cells[0]: clean_text(cells[2]) for _no, cells in read_table(book).rows}
    assert rows == {"张三": "2026-11-30 00:00", "李四": "2026-11-30"}
