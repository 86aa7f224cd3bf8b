"""No data is ever lost, and nothing is written where it was not asked for (PRODUCT §5): probed with real files.

- a workspace path with `?`, `%`, `#` and spaces is the file named — not a shorter or decoded name beside it;
- a SQLite file of another program is refused whole: no QunDesk table and no WAL switch is written into it;
- the day's automatic backup belongs to its workspace: two workspaces never share (or prune) one file;
- an export killed while it saves leaves no temporary file beside the target once the next export ran."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace

GROUP = "早起打卡营"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _seed(path: Path, group: str = GROUP, names: tuple[str, ...] = ("张三", "李四")) -> None:
    database = open_workspace(path)
    owner = actor_for(database)
    try:
        with database.session() as s:
            gid = create_group(s, owner, group)
            for name in names:
                add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 1, 5, 9, 0)))
            s.commit()
    finally:
        database.dispose()


def _groups(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM community_group ORDER BY name")]
    finally:
        conn.close()


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# ====================================================================================== paths


@pytest.mark.parametrize("name", ["群 助手#1?.sqlite", "打卡 100%25.sqlite", "a%20b.sqlite", "100%打卡.sqlite"])
def test_a_workspace_path_is_the_file_named_whatever_its_characters(name, tmp_path, capsys):
    folder = tmp_path / "我的 社群"
    folder.mkdir()
    workspace = folder / name
    _seed(workspace)
    assert _files(folder) >= {name} and _groups(workspace) == [GROUP]

    code, out, err = run(capsys, "--db", str(workspace), "groups", "--json")
    assert code == 0, err
    assert [g["name"] for g in json.loads(out)] == [GROUP]
    code, out, err = run(capsys, "--db", str(workspace), "checkin", "--group", GROUP, "张三")
    assert code == 0, err
    conn = sqlite3.connect(workspace)
    assert conn.execute("SELECT count(*) FROM checkin").fetchone() == (1,)
    conn.close()
    # no other workspace appeared beside it (only its side files and the day's backups folder)
    assert {f for f in _files(folder) if not f.startswith(name)} == {"backups"}

    backup = folder / f"备份 {name}"
    code, out, err = run(capsys, "--db", str(workspace), "backup", "-o", str(backup))
    assert code == 0, err
    assert backup.is_file() and _groups(backup) == [GROUP]

    restored = tmp_path / f"恢复 {name}"
    code, out, err = run(capsys, "--db", str(restored), "restore", str(backup))
    assert code == 0, err
    assert _files(tmp_path) == {"我的 社群", restored.name}
    assert _groups(restored) == [GROUP]


# ====================================================================================== not a workspace


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_another_program_s_database_is_refused_and_left_as_it_was(tmp_path, capsys):
    """--db pointed at some other program's SQLite file (a chat tool's database, a mistyped path): every
    command — a reading one too — refuses it by name with exit 3, and not a byte of it changes (before, every
    QunDesk table was created in it and it was switched to WAL)."""
    other = tmp_path / "wechat_msg.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, talker TEXT, body TEXT)")
    conn.execute("CREATE TABLE member (id INTEGER PRIMARY KEY, nick TEXT)")  # a name QunDesk uses too
    conn.execute("INSERT INTO message (talker, body) VALUES ('张三', '打卡')")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    roster = tmp_path.parent / f"{tmp_path.name}-名单.csv"
    roster.write_text("姓名\n王五\n", encoding="utf-8")
    for argv in (
        ("groups",),
        ("stats", "--group", GROUP, "--month", "2026-11"),
        ("import", "roster", str(roster), "--group", GROUP),
        ("checkin", "--group", GROUP, "张三"),
        ("db", "upgrade"),
    ):
        code, out, err = run(capsys, "--db", str(other), *argv)
        assert code == 3, (argv, out, err)
        assert "not a QunDesk workspace" in err and str(other) in err and "message" in err, err
        assert _snapshot(tmp_path) == before, argv


def test_a_file_that_is_no_database_is_named_as_such(tmp_path, capsys):
    renamed = tmp_path / "qundesk.sqlite"
    renamed.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)  # an .xlsx renamed
    before = _snapshot(tmp_path)
    code, _out, err = run(capsys, "--db", str(renamed), "checkin", "--group", GROUP, "张三")
    assert code == 3 and "not a database file" in err and str(renamed) in err, err
    assert _snapshot(tmp_path) == before


def test_a_workspace_killed_while_it_was_first_created_still_opens(tmp_path, capsys):
    """Only tables of another program make a file foreign: QunDesk tables without a revision yet (the first
    creation cut short) are not refused for that."""
    half = tmp_path / "new.sqlite"
    conn = sqlite3.connect(half)
    conn.execute("CREATE TABLE community_group (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    from models.db import foreign_file_problem

    assert foreign_file_problem(half) is None


# ====================================================================================== automatic backups


def test_two_workspaces_in_one_folder_each_get_their_own_daily_backup(tmp_path, capsys):
    """客户A.sqlite and 客户B.sqlite side by side: the first write of the day on each takes a backup of that
    workspace (before, B found A's `auto-YYYYMMDD.sqlite` and took none), and pruning one never removes the
    other's."""
    a, b = tmp_path / "客户A.sqlite", tmp_path / "客户B.sqlite"
    _seed(a, "A群")
    _seed(b, "B群")
    folder = tmp_path / "backups"
    old_b = folder / "auto-20200101-客户B.sqlite"  # B's own backup of long ago: A's pruning leaves it
    folder.mkdir()
    conn = sqlite3.connect(b)
    conn.execute(f"VACUUM INTO '{old_b}'")
    conn.close()
    conn = sqlite3.connect(a)
    conn.execute("UPDATE workspace_setting SET value = '1' WHERE key = 'backups_keep'")
    conn.commit()
    conn.close()
    assert run(capsys, "--db", str(a), "checkin", "--group", "A群", "张三")[0] == 0
    assert run(capsys, "--db", str(b), "checkin", "--group", "B群", "张三")[0] == 0
    taken = {p.name: _groups(p) for p in folder.glob("auto-*.sqlite")}
    from tests.fixed_day import TEST_TODAY

    day = f"{TEST_TODAY:%Y%m%d}"
    assert taken == {f"auto-{day}-客户A.sqlite": ["A群"], f"auto-{day}-客户B.sqlite": ["B群"], old_b.name: ["B群"]}


def test_a_damaged_workspace_is_restored_from_its_own_newest_sound_backup(tmp_path, isolated_home):
    """The window's damaged-workspace restore: the backups folder holds the days of two workspaces (the default
    one and a --db file) and the newest backup of the damaged one is truncated. It restores the damaged
    workspace's own newest sound backup — not the other workspace's newer one, and not nothing."""
    from datetime import date

    from desktop.paths import backups_dir, default_db_path
    from desktop.services.backup import auto_backup
    from desktop.workspace import restore_latest_backup

    club = tmp_path / "读书会.sqlite"
    _seed(club, "读书会")
    _seed(default_db_path(), "跑团")
    club_db, main_db = open_workspace(club), open_workspace(default_db_path())
    try:
        auto_backup(club_db, today=date(2026, 11, 16))
        newest = auto_backup(club_db, today=date(2026, 11, 17))
        other = auto_backup(main_db, today=date(2026, 11, 18))
        assert newest is not None and other is not None
        from desktop.services.backup import auto_tag

        tag = auto_tag(club_db)  # 读书会~ and its folder's mark, in the data folder's backups
        assert tag.startswith("读书会~")
        assert {p.name for p in backups_dir().iterdir()} == {
            f"auto-20261116-{tag}.sqlite",
            f"auto-20261117-{tag}.sqlite",
            "auto-20261118.sqlite",
        }
        data = newest.read_bytes()
        newest.write_bytes(data[: len(data) // 2])  # cut short: its revision still reads
        from datetime import datetime as moment

        from desktop.services.backup import backup_workspace, manual_name

        backup_workspace(main_db, backups_dir() / manual_name(main_db, moment(2026, 11, 18, 20, 0)))  # the newest
        assert manual_name(club_db, moment(2026, 11, 18, 20, 0)) == f"manual-20261118-200000-{tag}.sqlite"

        restored = restore_latest_backup(club_db)
        assert restored is not None and _groups(restored) == ["读书会"]
    finally:
        club_db.dispose()
        main_db.dispose()


# ====================================================================================== killed exports

KILLER = Path(__file__).resolve().parent / "export_killer.py"


def _start_stalled_export(target: Path):
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, str(KILLER), str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.strip() == "saving", (line, proc.stderr.read() if proc.stderr else "")
    return proc


def _parts(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.endswith(".xlsx.part")}


def test_an_export_killed_while_saving_leaves_the_old_file_and_no_temporary_file_after_the_next(tmp_path, capsys):
    import signal

    from openpyxl import load_workbook

    workspace = tmp_path / "w.sqlite"
    _seed(workspace)
    out = tmp_path / "导出"
    out.mkdir()
    target = out / "名册.xlsx"
    code, _o, err = run(capsys, "--db", str(workspace), "export", "roster", "--group", GROUP, "-o", str(target))
    assert code == 0, err
    good = target.read_bytes()

    killed = _start_stalled_export(target)
    [left] = _parts(out)
    assert left.startswith(".名册.") and (out / left).stat().st_size > 0
    killed.send_signal(signal.SIGKILL)
    killed.wait(10)
    assert target.read_bytes() == good and _parts(out) == {left}  # the old file stands; the half file stays

    running = _start_stalled_export(target)  # another export of the same file, still saving
    try:
        running_parts = _parts(out) - {left}
        assert len(running_parts) == 1
        code, _o, err = run(
            capsys, "--db", str(workspace), "export", "roster", "--group", GROUP, "-o", str(target), "--force"
        )
        assert code == 0, err
        assert _parts(out) == running_parts  # the dead one's is gone, the running one's is not touched
        rows = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
        assert {"张三", "李四"} <= {c for row in rows for c in row}
    finally:
        running.kill()
        running.wait(10)


# ====================================================================================== full disk


def _cap_pages(monkeypatch, workspace: Path, spare: int) -> None:
    """Every connection of the app to a workspace may grow it by `spare` pages only (SQLite's max_page_count):
    the disk is full for it, as on a real full disk (SQLITE_FULL, "database or disk is full")."""
    import models.db

    conn = sqlite3.connect(workspace)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    real = models.db._on_sqlite_connect

    def capped(dbapi_conn, record) -> None:
        real(dbapi_conn, record)
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + spare}")

    monkeypatch.setattr(models.db, "_on_sqlite_connect", capped)


def test_a_full_disk_during_an_import_refuses_it_whole_and_says_so(tmp_path, capsys, monkeypatch):
    workspace = tmp_path / "w.sqlite"
    _seed(workspace)
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,微信号\n" + "".join(f"成员{i:05d},wx_{i:05d}\n" for i in range(5000)), encoding="utf-8")
    _cap_pages(monkeypatch, workspace, spare=20)
    code, out, err = run(capsys, "--db", str(workspace), "import", "roster", str(roster), "--group", GROUP)
    assert code == 3, (out, err)
    assert err.startswith("qundesk: 磁盘空间不足") and "nothing was written" in err and str(workspace) in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    conn = sqlite3.connect(workspace)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM member").fetchone() == (2,)  # all or nothing: nothing
    finally:
        conn.close()
    monkeypatch.undo()
    code, out, err = run(capsys, "--db", str(workspace), "import", "roster", str(roster), "--group", GROUP)
    assert code == 0, err  # space again: the same import goes through whole
    conn = sqlite3.connect(workspace)
    assert conn.execute("SELECT count(*) FROM member").fetchone() == (5002,)
    conn.close()


def test_a_full_disk_during_a_write_is_a_known_error(tmp_path, monkeypatch):
    """What the window's writes catch as a known error (ui/operations: a message box, not the bug report)."""
    from models.db import DatabaseError, DiskFullError

    workspace = tmp_path / "w.sqlite"
    _seed(workspace)
    _cap_pages(monkeypatch, workspace, spare=0)
    database = open_workspace(workspace)
    try:
        owner = actor_for(database)
        with pytest.raises(DiskFullError) as caught, database.session() as s:
            for i in range(400):
                add_member(s, owner, 1, MemberInput(display_name=f"新人{i}"))
            s.commit()
        assert isinstance(caught.value, DatabaseError) and "disk is full" in str(caught.value)
    finally:
        database.dispose()


# ====================================================================================== killed backups

CRASH_WRITER = Path(__file__).resolve().parent / "crash_writer.py"


def _start_stalled_backup(workspace: Path, target: Path):
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, str(CRASH_WRITER), "backup", str(workspace), str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.strip() == "copying", (line, proc.stderr.read() if proc.stderr else "")
    return proc


def test_a_backup_killed_midway_leaves_nothing_once_the_next_backup_is_taken_in_that_folder(tmp_path, capsys):
    """`backup -o 备份/1101.sqlite` killed while it copies left `.1101.sqlite.backup.tmp…` (a whole workspace's
    size) for good: only a backup to that very name cleared it, and backups are named by their day. The next
    backup written into the folder removes it; a backup still running there keeps its own."""
    import signal

    workspace = tmp_path / "w.sqlite"
    _seed(workspace)
    folder = tmp_path / "备份"
    folder.mkdir()
    killed = _start_stalled_backup(workspace, folder / "1101.sqlite")
    killed.send_signal(signal.SIGKILL)
    killed.wait(10)
    left = {p.name for p in folder.iterdir()}
    assert left and all(name.startswith(".1101.sqlite.backup") for name in left), left

    running = _start_stalled_backup(workspace, folder / "1102.sqlite")
    try:
        own = {p.name for p in folder.iterdir()} - left
        assert own and all(name.startswith(".1102.sqlite.backup") for name in own), own
        code, _out, err = run(capsys, "--db", str(workspace), "backup", "-o", str(folder / "1103.sqlite"))
        assert code == 0, err
        assert {p.name for p in folder.iterdir()} == own | {"1103.sqlite"}  # the dead one's gone, the live one's not
        assert _groups(folder / "1103.sqlite") == [GROUP]
    finally:
        running.kill()
        running.wait(10)


_SHEET_WRITER = """
import sys, time
from openpyxl import Workbook
import desktop.io.xlsx_util  # noqa: F401  (where the app's sheets keep their rows)
wb = Workbook(write_only=True)
ws = wb.create_sheet("名册")
for i in range(20_000):
    ws.append([f"成员{i:05d}", f"wx_{i:05d}", i])
print("writing", flush=True)
time.sleep(600)
"""


def test_an_export_killed_midway_leaves_no_sheet_files_in_the_temp_folder_after_the_next(tmp_path, capsys, monkeypatch):
    """A write-only sheet keeps its rows in a temporary file until the save (openpyxl's `openpyxl.xxxx`, removed
    at exit only): an export killed midway left it in the system's temp folder for good — 24 MB for a 50,000-row
    roster, never cleaned on Windows. They are in a folder of their process now, removed by the next export once
    that process is gone."""
    import os
    import signal
    import subprocess
    import sys
    import tempfile

    from desktop.io import xlsx_util

    temp = tmp_path / "tmp"
    temp.mkdir()
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp), "PYTHONPATH": str(repo)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _SHEET_WRITER],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.strip() == "writing", (line, proc.stderr.read() if proc.stderr else "")
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    left = [p for p in temp.rglob("openpyxl.*") if p.stat().st_size > 0]
    assert left and all(p.parent.name.startswith(f"qundesk-work-{proc.pid}-") for p in left), list(temp.rglob("*"))

    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(xlsx_util, "_work", None)
    workspace = tmp_path / "w.sqlite"
    _seed(workspace)
    target = tmp_path / "名册.xlsx"
    code, _out, err = run(capsys, "--db", str(workspace), "export", "roster", "--group", GROUP, "-o", str(target))
    assert code == 0, err
    assert not any(p.name.startswith(f"qundesk-work-{proc.pid}-") for p in temp.iterdir())
    assert list(temp.rglob("openpyxl.*")) == []  # this export's own were removed when it saved


# ====================================================================================== killed upgrade

_STALLED_UPGRADE = """
import sys, time
from sqlalchemy import event
import models.db as mdb

real = mdb.make_engine


def make(url, **kwargs):
    engine = real(url, **kwargs)

    @event.listens_for(engine, "after_cursor_execute")
    def stall(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("CREATE TABLE") and "chat_alias" in statement:
            print("migrating", flush=True)  # half-way: migrations 0002 and 0003 done, 0004 begun
            time.sleep(600)

    return engine


mdb.make_engine = make
from desktop.cli import main
sys.exit(main(["--db", sys.argv[1], "db", "upgrade"]))
"""


def test_an_upgrade_killed_half_way_leaves_the_workspace_as_it_was_and_it_upgrades_next_time(tmp_path, capsys):
    """An older workspace whose upgrade is cut short (the window closed while it started, a power cut): SQLite's
    driver committed every CREATE/ALTER on its own, so the file stayed at the old revision with half the new
    tables, and every later start failed ("table chat_alias already exists"). The upgrade is one transaction now:
    after the kill the file is the old workspace, and the next start upgrades it whole."""
    import os
    import signal
    import subprocess
    import sys

    from models import kept
    from models.db import head_revision, make_engine

    repo = Path(__file__).resolve().parents[2]
    workspace = tmp_path / "旧版.sqlite"
    workspace.write_bytes((repo / "tests" / "data" / "workspace_v1.sqlite").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(repo), "QUNDESK_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen(
        [sys.executable, "-c", _STALLED_UPGRADE, str(workspace)],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.strip() == "migrating", (line, proc.stderr.read() if proc.stderr else "")
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)

    conn = sqlite3.connect(workspace)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_initial",)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "chat_alias" not in tables and "membership_spell" not in tables  # nothing of the upgrade
    finally:
        conn.close()

    code, out, err = run(capsys, "--db", str(workspace), "groups", "--json")
    assert code == 0, err
    assert sorted(g["name"] for g in json.loads(out)) == ["早起打卡营", "每月一本书读书会"]
    engine = make_engine(workspace)
    try:
        with engine.connect() as c:
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert kept.drift(c) == []
    finally:
        engine.dispose()


# ====================================================================================== reading backups


def test_reading_a_backup_in_wal_mode_leaves_no_file_beside_it(tmp_path, capsys):
    """A before-upgrade backup, or a workspace file copied as a backup, is in WAL mode: listing the backups folder
    (the Settings page, the damaged-workspace restore) and restoring it left a -wal and a -shm file beside every
    such backup. It is only read now; a write-ahead log that does lie beside it (copied with it) is still read."""
    import shutil

    from desktop.services.backup import list_backups
    from models.db import head_revision

    workspace = tmp_path / "w.sqlite"
    _seed(workspace)
    folder = tmp_path / "备份"
    folder.mkdir()
    copy = folder / "复制的工作区.sqlite"
    shutil.copyfile(workspace, copy)
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # WAL mode

    [info] = list_backups(folder)
    assert info.revision == head_revision()
    code, _out, err = run(capsys, "--db", str(tmp_path / "恢复.sqlite"), "restore", str(copy))
    assert code == 0, err
    assert _groups(tmp_path / "恢复.sqlite") == [GROUP]
    assert sorted(p.name for p in folder.iterdir()) == [copy.name]  # nothing beside it

    # a copy taken with its write-ahead log: what the log holds is restored too
    live = sqlite3.connect(workspace)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    live.execute("UPDATE community_group SET name = '日志里的新名字'")
    live.commit()
    snap = folder / "带日志.sqlite"
    shutil.copyfile(workspace, snap)
    shutil.copyfile(f"{workspace}-wal", f"{snap}-wal")
    live.close()
    code, _out, err = run(capsys, "--db", str(tmp_path / "恢复2.sqlite"), "restore", str(snap))
    assert code == 0, err
    assert _groups(tmp_path / "恢复2.sqlite") == ["日志里的新名字"]
