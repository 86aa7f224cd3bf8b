"""The community's time zone (Settings → 社群时区, models.clock): a record never names the wrong day because the
laptop is set to another zone. An organiser of a Chinese group on a laptop set to Berlin (or on a trip, or a Windows
machine left on UTC) imports a ChatLab export (epoch stamps) or a form export with zoned times: every fact lands on
the community's day, and the import says which zone it read the times in."""

from __future__ import annotations

import json
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from desktop.cli import main
from desktop.errors import ValidationError
from desktop.io import fields
from desktop.services.chat_import import plan_chat_import, run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.settings import get_setting, update_settings
from desktop.workspace import actor_for, open_workspace
from models import AuditEntry, CheckIn, EntryStep, Group, Member, Membership, clock

GROUP = "晨跑俱乐部"
CHINA = timezone(timedelta(hours=8))


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their messages are of 3–4 December 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")


@pytest.fixture
def machine_zone(monkeypatch):
    """Set this computer's zone (TZ, as a laptop's system setting would) for the test; restored after."""

    def set_machine(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_machine
    monkeypatch.undo()
    time.tzset()


def _workspace(tmp_path, set_machine, monkeypatch):
    """A workspace created on a computer in China on 1 November, with one member."""
    set_machine("Asia/Shanghai")
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-01")
    database = open_workspace(tmp_path / "w.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP)
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        add_member(s, owner, gid, MemberInput(display_name="王芳", wechat_id="wxid_wangfang"))
        s.commit()
    database.dispose()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")
    return tmp_path / "w.sqlite"


def _chatlab(tmp_path, *messages: tuple[datetime, str]):
    data = {
        "chatlab": {"version": "0.0.2", "exportedAt": 0, "generator": "WeFlow"},
        "meta": {"name": GROUP, "platform": "wechat", "type": "group"},
        "members": [{"platformId": "wxid_wangfang", "accountName": "王芳"}],
        "messages": [
            {
                "sender": "wxid_wangfang",
                "accountName": "王芳",
                "timestamp": int(at.timestamp()),
                "type": 0,
                "content": text,
            }
            for at, text in messages
        ],
    }
    path = tmp_path / "chat.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _checkins(database) -> list[tuple[str, date, str]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.checked_at)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .order_by(CheckIn.day)
        ).all()
    return [(name, day, at.strftime("%H:%M")) for name, day, at in rows]


def test_a_new_workspace_keeps_the_zone_of_the_computer_it_was_created_on(tmp_path, machine_zone, monkeypatch):
    path = _workspace(tmp_path, machine_zone, monkeypatch)
    machine_zone("Europe/Berlin")  # the organiser flies to Berlin with the laptop
    database = open_workspace(path)
    with database.session() as s:
        assert get_setting(s, "time_zone") == "Asia/Shanghai"
    assert clock.zone_name() == "Asia/Shanghai"
    database.dispose()


def test_a_chatlab_export_read_on_a_berlin_laptop_dates_each_message_on_the_communitys_day(
    tmp_path, machine_zone, monkeypatch, capsys
):
    """06:30 in Shanghai on 4 December is 23:30 of the 3rd in Berlin: the check-in is the 4th's, at 06:30."""
    path = _workspace(tmp_path, machine_zone, monkeypatch)
    machine_zone("Europe/Berlin")
    export = _chatlab(tmp_path, (datetime(2026, 12, 4, 6, 30, tzinfo=CHINA), "晨跑打卡 5公里"))
    database = open_workspace(path)
    with database.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
        plan = plan_chat_import(s, gid, export)
    assert plan.zone == "Asia/Shanghai"  # the preview says which zone's days the messages were put on
    run_chat_import(database, actor_for(database), export, GROUP)
    assert _checkins(database) == [("王芳", date(2026, 12, 4), "06:30")]
    database.dispose()
    # the command says it too
    export2 = _chatlab(tmp_path, (datetime(2026, 12, 5, 6, 40, tzinfo=CHINA), "晨跑打卡 6公里"))
    assert main(["--db", str(path), "import", "chat", str(export2), "--group", GROUP]) == 0
    assert "Asia/Shanghai" in capsys.readouterr().out


def test_zoned_times_in_a_table_are_read_in_the_communitys_zone(tmp_path, machine_zone, monkeypatch):
    """A 飞书 time with its offset and a Typeform "Submit Date (UTC)" cell, read on a Berlin laptop for a group in
    China: the community's wall-clock time, so the community's day."""
    machine_zone("Europe/Berlin")
    clock.set_zone("Asia/Shanghai")
    read = fields.parse_datetime
    assert read("2026-12-04T07:00:00+08:00", file="f", row=2, column="c") == datetime(2026, 12, 4, 7, 0)
    assert read("2026/12/04 7:00:00 AM GMT+8", file="f", row=2, column="c") == datetime(2026, 12, 4, 7, 0)
    utc = fields.zone_offset("Submit Date (UTC)")
    assert read("2026-11-30 23:59:59", file="f", row=2, column="c", zone=utc) == datetime(2026, 12, 1, 7, 59, 59)


def test_the_zone_is_a_setting_the_owner_can_change_and_an_unknown_one_is_refused(tmp_path, machine_zone, monkeypatch):
    path = _workspace(tmp_path, machine_zone, monkeypatch)
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        update_settings(s, owner, {"time_zone": "Europe/Berlin"})
        s.commit()
    assert clock.zone_name() == "Europe/Berlin"  # today and every import of this process follow it at once
    with database.session() as s:
        with pytest.raises(ValidationError):
            update_settings(s, owner, {"time_zone": "Mars/Olympus"})
        s.rollback()
        assert get_setting(s, "time_zone") == "Europe/Berlin"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "settings.update")).all()
        assert [json.loads(a.summary) for a in audit] == [
            {"before": {"time_zone": "Asia/Shanghai"}, "after": {"time_zone": "Europe/Berlin"}}
        ]
        update_settings(s, owner, {"time_zone": "UTC+8"})  # a fixed offset, where the zone database is missing
        s.commit()
    assert clock.zone().utcoffset(None) == timedelta(hours=8)
    database.dispose()


def test_now_is_the_communitys_wall_clock_time(machine_zone):
    """A laptop on Berlin time for a group in China: "now" (every stored time) is China's wall-clock time."""
    machine_zone("Europe/Berlin")
    clock.set_zone("Asia/Shanghai")
    china_now = datetime.now(CHINA).replace(tzinfo=None)
    assert abs((datetime.combine(china_now.date(), clock.now().time()) - china_now).total_seconds()) < 5


def _set_zone(path, name: str) -> None:
    database = open_workspace(path)
    with database.session() as s:
        update_settings(s, actor_for(database), {"time_zone": name})
        s.commit()
    database.dispose()


def _memberships(path) -> dict[str, tuple[datetime | None, datetime | None]]:
    database = open_workspace(path)
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Membership.applied_at, Membership.joined_at).join(
                Member, Member.id == Membership.member_id
            )
        ).all()
    database.dispose()
    return {name: (applied, joined) for name, applied, joined in rows}


def test_a_typeform_utc_time_moved_to_another_day_is_said_on_its_row(tmp_path, capsys):
    """Typeform's "Submit Date (UTC)" for a group in China: 23:59:59 UTC on the 30th is 1 December there — read so,
    and the row says the day it was written on moved (a warning, shown), instead of changing it without a word."""
    path = tmp_path / "w.sqlite"
    _set_zone(path, "Asia/Shanghai")
    csv = tmp_path / "typeform.csv"
    csv.write_text(
        "Name,WeChat,Submit Date (UTC)\n张三,zhangsan01,2026-11-30 23:59:59\n王五,wangwu03,2026-11-29 10:00:00\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--db", str(path), "import", "applications", str(csv), "--group", "训练营"]) == 0
    err = capsys.readouterr().err
    assert _memberships(path) == {
        "张三": (datetime(2026, 12, 1, 7, 59, 59), None),
        "王五": (datetime(2026, 11, 29, 18, 0), None),
    }
    assert "第2行" in err and "2026-12-01 07:59" in err and "Asia/Shanghai" in err
    assert "第3行" not in err  # the 29th stayed the 29th: nothing to say


def test_a_day_without_a_time_in_a_utc_column_stays_that_day(tmp_path, machine_zone, monkeypatch):
    """A "(UTC)" column holding a bare date (reformatted in Excel): a calendar day, no moment — read as UTC midnight
    it became the 29th for a group in New York."""
    path = tmp_path / "w.sqlite"
    _set_zone(path, "America/New_York")
    csv = tmp_path / "typeform.csv"
    csv.write_text("Name,WeChat,Submit Date (UTC)\n李四,lisi0202,2026-11-30\n", encoding="utf-8")
    assert main(["--db", str(path), "import", "applications", str(csv), "--group", "训练营"]) == 0
    [(applied, _joined)] = _memberships(path).values()
    assert applied.date() == date(2026, 11, 30)
    clock.set_zone("America/New_York")
    utc = fields.zone_offset("Submit Date (UTC)")
    assert fields.parse_datetime(date(2026, 11, 30), file="f", row=2, column="c", zone=utc) == datetime(2026, 11, 30)


def test_a_roster_join_time_with_its_offset_moved_to_another_day_is_said_on_its_row(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    _set_zone(path, "America/New_York")
    csv = tmp_path / "roster.csv"
    csv.write_text(
        "姓名,微信号,入群时间\n赵六,zhaoliu01,2026-12-04T07:00:00+08:00\n钱七,qianqi02,2026-11-20 08:00\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--db", str(path), "import", "roster", str(csv), "--group", "训练营"]) == 0
    err = capsys.readouterr().err
    assert _memberships(path) == {
        "赵六": (None, datetime(2026, 12, 3, 18, 0)),
        "钱七": (None, datetime(2026, 11, 20, 8, 0)),
    }
    assert "入群时间" in err and "2026-12-03 18:00" in err and "America/New_York" in err
    assert "第3行" not in err


def test_a_checkin_export_time_moved_to_another_day_is_said_on_its_row(tmp_path, capsys):
    """A 飞书 check-in export with ISO times for a group living in New York: 07:00 in China on the 4th is 18:00 on
    the 3rd there — logged on the 3rd, and the row says so (CLI note, the window's preview line)."""
    from desktop.io.tabular import read_table
    from desktop.services.checkin_import import plan_checkin_import
    from ui.dialogs.import_dialog import checkin_lines

    path = tmp_path / "w.sqlite"
    _set_zone(path, "America/New_York")
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起营")
        for name in ("张三", "李四"):
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 6, 1)))
        s.commit()
        csv = tmp_path / "ci.csv"
        csv.write_text("打卡人,打卡时间\n张三,2026-12-04T07:00:00+08:00\n李四,2026-12-04 07:10\n", encoding="utf-8")
        plan = plan_checkin_import(s, gid, read_table(csv))
        shown = {line.row: line.details for line in checkin_lines(plan)}
    database.dispose()
    assert "2026-12-03 18:00" in shown[2] and "America/New_York" in shown[2]
    assert "America/New_York" not in shown[3]
    capsys.readouterr()
    assert main(["--db", str(path), "import", "checkins", str(csv), "--group", "早起营"]) == 0
    err = capsys.readouterr().err
    assert "第2行 张三" in err and "2026-12-03 18:00" in err and "第3行" not in err
    database = open_workspace(path)
    with database.session() as s:
        got = sorted((d, at) for d, at in s.execute(select(CheckIn.day, CheckIn.checked_at)))
    database.dispose()
    assert got == [(date(2026, 12, 3), datetime(2026, 12, 3, 18, 0)), (date(2026, 12, 4), datetime(2026, 12, 4, 7, 10))]


def test_without_a_zone_database_a_chinese_groups_zone_is_still_its_own(monkeypatch):
    """Windows without tzdata has no zone database: a workspace of Asia/Shanghai (made on a Mac, or chosen in
    Settings) was refused / fell back to the Windows machine's own zone. Zones without summer time are their offset."""
    import zoneinfo

    def no_database(name):
        raise zoneinfo.ZoneInfoNotFoundError(name)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", no_database)
    clock.parse_zone.cache_clear()
    try:
        assert clock.parse_zone("Asia/Shanghai").utcoffset(None) == timedelta(hours=8)
        assert clock.parse_zone("Asia/Kolkata").utcoffset(None) == timedelta(hours=5, minutes=30)
        with pytest.raises(clock.ZoneError):
            clock.parse_zone("Europe/Berlin")  # summer time: no offset stands for it (the tzdata package does)
    finally:
        clock.parse_zone.cache_clear()


def test_pyproject_brings_the_zone_database_to_windows():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(
        dep.replace(" ", "").startswith("tzdata;") and "win32" in dep for dep in project["project"]["dependencies"]
    )


def test_a_computer_without_zone_names_gives_its_offset_when_it_has_no_summer_time(monkeypatch, machine_zone):
    """Windows names its zone "China Standard Time", no IANA name: a new workspace there states UTC+8 (and keeps it
    when the laptop travels); a zone with summer time is left to the computer ("")."""
    import os

    real_realpath = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda p: "C:/Windows" if p == "/etc/localtime" else real_realpath(p))

    class NoFile:  # no /etc/timezone either
        def __init__(self, _path):
            pass

        def read_text(self, **_kwargs):
            raise OSError("no such file")

    monkeypatch.setattr(clock, "Path", NoFile)
    machine_zone("CST-8")  # POSIX: eight hours east of UTC, no summer time — and no IANA name
    assert clock.machine_zone_name() == "UTC+8"
    machine_zone("CET-1CEST,M3.5.0,M10.5.0/3")  # summer time
    assert clock.machine_zone_name() == ""


def test_a_text_chat_export_read_on_a_laptop_in_another_zone_is_flagged(tmp_path, machine_zone, monkeypatch, capsys):
    """WeFlow TXT writes the exporting computer's wall-clock times: on a laptop set to Berlin for a group in China,
    its days are Berlin's — QunDesk cannot know where it was exported, so it says so instead of staying silent."""
    path = _workspace(tmp_path, machine_zone, monkeypatch)
    machine_zone("Europe/Berlin")
    txt = tmp_path / "weflow.txt"
    txt.write_text("2026-12-04 06:30:00 '王芳'\n晨跑打卡 5公里\n\n", encoding="utf-8")
    database = open_workspace(path)
    with database.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
        plan = plan_chat_import(s, gid, txt)
        chatlab = plan_chat_import(s, gid, _chatlab(tmp_path, (datetime(2026, 12, 4, 6, 30, tzinfo=CHINA), "打卡")))
    database.dispose()
    assert plan.zone_differs == ("Europe/Berlin", "Asia/Shanghai") and plan.zone is None
    assert chatlab.zone_differs is None and chatlab.zone == "Asia/Shanghai"  # converted: nothing to doubt
    capsys.readouterr()
    assert main(["--db", str(path), "import", "chat", str(txt), "--group", GROUP, "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "Europe/Berlin" in err and "Asia/Shanghai" in err
    machine_zone("Asia/Shanghai")  # back home: the laptop and the community agree — nothing to say
    database = open_workspace(path)
    with database.session() as s:
        assert plan_chat_import(s, gid, txt).zone_differs is None
    database.dispose()


def test_a_group_in_a_zone_with_summer_time_keeps_its_days_across_the_change(tmp_path, machine_zone, monkeypatch):
    """A group in Berlin, the laptop left on UTC: the hour that repeats on 25 October (02:30 summer time, then 02:30
    winter time) is two messages of the 25th, and 00:30 on the 26th (23:30 UTC on the 25th) is the 26th's."""
    from datetime import UTC

    from models import ChatActivity

    path = _workspace(tmp_path, machine_zone, monkeypatch)
    machine_zone("UTC")
    _set_zone(path, "Europe/Berlin")
    export = _chatlab(
        tmp_path,
        (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), "早"),  # 02:30 CEST
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), "早"),  # 02:30 CET, the same wall-clock hour again
        (datetime(2026, 10, 25, 23, 30, tzinfo=UTC), "晚安"),  # 00:30 CET on the 26th
    )
    database = open_workspace(path)
    run_chat_import(database, actor_for(database), export, GROUP)
    with database.session() as s:
        days = dict(s.execute(select(ChatActivity.day, ChatActivity.messages)).all())
    database.dispose()
    assert days == {date(2026, 10, 25): 2, date(2026, 10, 26): 1}


def _camp_in_china(tmp_path) -> tuple[object, int]:
    path = tmp_path / "w.sqlite"
    _set_zone(path, "Asia/Shanghai")
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起营")
        add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 6, 1)))
        s.commit()
    return database, gid


@pytest.mark.parametrize(
    ("header", "cell", "day", "moment"),
    [
        # Google Forms: its Timestamp column, the zone in the cell
        ("Timestamp", "2026/12/03 11:30:00 PM GMT+8", date(2026, 12, 3), datetime(2026, 12, 3, 23, 30)),
        # Typeform and a form whose 提交时间 is in UTC: 23:30 UTC is 07:30 of the 4th in China
        ("Submit Date (UTC)", "2026-12-03 23:30:00", date(2026, 12, 4), datetime(2026, 12, 4, 7, 30)),
        ("提交时间 (UTC)", "2026-12-03 23:30:00", date(2026, 12, 4), datetime(2026, 12, 4, 7, 30)),
    ],
)
def test_a_form_export_of_check_ins_is_read_with_its_zone(tmp_path, header, cell, day, moment):
    """Check-in forms exported by English tools were refused ("not a check-in file": Timestamp, Submit Date (UTC)
    were no time column), and a 提交时间 (UTC) column was too; now they are read, and a header's zone is the zone of
    its times."""
    from desktop.io.tabular import read_table
    from desktop.services.checkin_import import plan_checkin_import

    database, gid = _camp_in_china(tmp_path)
    csv = tmp_path / "form.csv"
    csv.write_text(f"{header},姓名\n{cell},张三\n", encoding="utf-8")
    with database.session() as s:
        plan = plan_checkin_import(s, gid, read_table(csv))
    database.dispose()
    assert [(c.day, c.at) for c in plan.checkins] == [(day, moment)]


def test_a_roster_join_column_in_utc_is_read_in_utc(tmp_path, capsys):
    """入群时间(UTC) in a roster: its times are UTC — 23:59:59 on 30 November is 1 December in China (before, the
    header's zone was ignored on a roster, as read by applications it was not)."""
    path = tmp_path / "w.sqlite"
    _set_zone(path, "Asia/Shanghai")
    csv = tmp_path / "roster.csv"
    csv.write_text("姓名,微信号,入群时间(UTC)\n李四,lisi0202,2026-11-30 23:59:59\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(path), "import", "roster", str(csv), "--group", "训练营"]) == 0
    assert _memberships(path) == {"李四": (None, datetime(2026, 12, 1, 7, 59, 59))}
    assert "2026-12-01 07:59" in capsys.readouterr().err
