"""A workspace's life over the years: the daily backups across a month and a clock set back, old and newer schemas,
restores, odd files and folders (the workspace-life probe). Every day here is the tests' own (`own_today`)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.services.backup import auto_backup
from desktop.services.operators import Actor

TODAY = date(2026, 12, 6)
OWNER = Actor(1, "群主", "owner")


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _group_names(path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM community_group ORDER BY name")]
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------- daily backups


def test_a_month_of_daily_backups_keeps_the_newest_and_prunes_the_rest(sqlite_workspace, tmp_path):
    folder = tmp_path / "backups"
    start = TODAY - timedelta(days=30)
    taken = [auto_backup(sqlite_workspace, keep=7, today=start + timedelta(days=i), folder=folder) for i in range(31)]
    assert all(p is not None for p in taken)
    names = sorted(p.name for p in folder.glob("auto-*.sqlite"))
    assert names == [f"auto-{start + timedelta(days=i):%Y%m%d}-workspace.sqlite" for i in range(24, 31)]


@pytest.mark.parametrize("keep", [1, 3])
def test_the_backup_just_taken_is_never_pruned_when_the_clock_was_set_back(sqlite_workspace, tmp_path, keep):
    """The computer's clock set back (a flat CMOS battery, a date typed wrong): the backups of the "future" days
    sorted above the one just taken, which was deleted as soon as it was written — every day — while its path was
    returned as taken."""
    from desktop.services.groups import create_group

    folder = tmp_path / "backups"
    for i in range(3):
        assert auto_backup(sqlite_workspace, keep=keep, today=TODAY - timedelta(days=2 - i), folder=folder)
    with sqlite_workspace.session() as s:
        create_group(s, OWNER, "晨读营")
        s.commit()
    back = TODAY - timedelta(days=35)
    path = auto_backup(sqlite_workspace, keep=keep, today=back, folder=folder)
    assert path is not None and path.exists(), "the backup reported as taken is gone"
    assert "晨读营" in _group_names(path)
    autos = sorted(p.name for p in folder.glob("auto-*-workspace.sqlite"))
    assert len(autos) == keep and path.name in autos


# ---------------------------------------------------------------------------------------------- odd folders and files


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, encoding="utf-8", timeout=300
    )


def test_a_workspace_in_a_chinese_and_emoji_folder_is_named_by_its_path_not_a_percent_encoded_url(tmp_path):
    folder = tmp_path / "社群 📚 资料"
    path = folder / "工作区 🎉 100%.sqlite"
    done = _cli("--db", str(path), "demo", "--groups", "1", "--members", "8", "--months", "1")
    assert done.returncode == 0, done.stderr
    assert str(path) in done.stdout, done.stdout
    assert "%E" not in done.stdout and "sqlite:///" not in done.stdout
    upgraded = _cli("--db", str(path), "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"(database): {path}\n" in upgraded.stdout


def test_a_folder_given_as_the_workspace_is_refused_saying_it_is_a_folder(tmp_path):
    from desktop.workspace import open_workspace
    from models.db import NotAWorkspaceError

    folder = tmp_path / "群 📚 folder"
    folder.mkdir()
    with pytest.raises(NotAWorkspaceError) as caught:
        open_workspace(folder)
    assert "文件夹" in str(caught.value) and str(folder) in str(caught.value)
    for command in (["groups"], ["demo", "--members", "5"]):
        done = _cli("--db", str(folder), *command)
        assert done.returncode == 3
        assert "folder" in done.stderr and str(folder) in done.stderr, done.stderr
        assert "unable to open" not in done.stderr and "Traceback" not in done.stderr
    assert list(folder.iterdir()) == []


_WINDOW = """
import sys
from PySide6.QtWidgets import QMessageBox

def show(parent, title, text, *args, **kwargs):
    print("MESSAGE:", text, flush=True)
    return QMessageBox.StandardButton.Ok

QMessageBox.critical = QMessageBox.warning = show
from ui.app import run_app

print("EXIT", run_app(None, "en"), flush=True)
"""


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_a_data_folder_that_cannot_be_made_is_said_by_name_not_a_traceback(tmp_path, monkeypatch, where):
    blocker = tmp_path / "QunDesk"
    blocker.write_bytes(b"not a folder")
    home = blocker if where == "a file" else blocker / "data"
    monkeypatch.setenv("QUNDESK_HOME", str(home))
    for command in (["groups"], ["demo", "--members", "5"], ["backup", "-o", str(tmp_path / "b.sqlite")]):
        done = _cli(*command)
        assert done.returncode == 3, done.stderr
        assert "data folder" in done.stderr and str(home) in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    window = subprocess.run(
        [sys.executable, "-c", _WINDOW],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    messages = [line for line in window.stdout.splitlines() if line.startswith("MESSAGE:")]
    assert len(messages) == 1, window.stdout + window.stderr
    assert "data folder" in messages[0] and str(home) in messages[0]
    assert "Traceback" not in window.stdout + window.stderr
    assert window.stdout.strip().endswith("EXIT 3")
    assert blocker.read_bytes() == b"not a folder"


# ---------------------------------------------------------------------------------------------- damaged workspaces


def _damage(path, table: str = "checkin") -> None:
    """Overwrite the root page of one table's rows (the schema stays readable: the file still opens, and
    quick_check fails)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8 : start + page_size] = b"\xa5" * (page_size - 8)
    path.write_bytes(bytes(data))


def test_a_damaged_workspace_written_from_the_command_line_is_restored_from_the_backups_beside_it(tmp_path):
    """A workspace kept up to date by scheduled imports (`--db 读书会.sqlite import …`): the command line keeps its
    daily backups in a backups folder beside the file. Opened in the window damaged, the offer to restore its
    latest backup looked in the data folder only and said there was none."""
    from desktop.workspace import open_workspace as open_ws
    from desktop.workspace import restore_latest_backup, startup_maintenance

    club = tmp_path / "社群 资料" / "读书会.sqlite"
    done = _cli("--db", str(club), "demo", "--groups", "2", "--members", "30", "--months", "1")
    assert done.returncode == 0, done.stderr
    names = _group_names(club)
    # a check-in from the command line: its first write of the day takes the day's backup, beside the file
    ran = _cli("--db", str(club), "checkin", "--group", names[0], "--date", TODAY.isoformat(), "不存在的人")
    assert ran.returncode in (0, 1), ran.stderr
    beside = club.parent / "backups" / f"auto-{TODAY:%Y%m%d}-读书会.sqlite"
    assert beside.exists()
    _damage(club)
    database = open_ws(club)
    try:
        problem, _ = startup_maintenance(database)
        assert problem is not None
        restored = restore_latest_backup(database)
    finally:
        database.dispose()
    assert restored is not None, "its own backup beside it was not found"
    assert _group_names(restored) == names


_DAMAGED_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

answer = QMessageBox.StandardButton.Yes if sys.argv[2] == "yes" else QMessageBox.StandardButton.No

def show(parent, title, text, *args, **kwargs):
    print("MESSAGE:", text.replace(chr(10), " "), flush=True)
    return answer

QMessageBox.critical = QMessageBox.warning = QMessageBox.information = show
app = QApplication(sys.argv[:1])

def report():
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w.objectName() == "mainWindow":
            print("WINDOW", flush=True)
    app.quit()

QTimer.singleShot(1500, report)
from ui.app import run_app

print("EXIT", run_app(sys.argv[1], "en"), flush=True)
"""


def test_a_workspace_too_damaged_to_open_gets_the_offer_to_restore_its_latest_backup(tmp_path):
    """Damage where the schema lives: the open itself fails ("database disk image is malformed"). The window said
    "cannot open the database" and closed, with no word of the backups the start-up check would have offered."""
    import sqlite3

    from desktop.paths import backups_dir

    club = tmp_path / "读书会.sqlite"
    done = _cli("--db", str(club), "demo", "--groups", "2", "--members", "30", "--months", "1")
    assert done.returncode == 0, done.stderr
    names = _group_names(club)
    backup = backups_dir() / f"auto-{TODAY:%Y%m%d}-读书会.sqlite"  # the window's daily backup of it
    conn = sqlite3.connect(club)
    conn.execute("VACUUM INTO ?", (str(backup),))
    conn.close()
    data = bytearray(club.read_bytes())
    data[4096 : 4096 * 4] = b"\xa5" * (4096 * 3)  # the pages after the first: the schema's own
    club.write_bytes(bytes(data))
    damaged = bytes(data)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def window(answer: str) -> list[str]:
        ran = subprocess.run(
            [sys.executable, "-c", _DAMAGED_WINDOW, str(club), answer],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            env=env,
        )
        assert "Traceback" not in ran.stderr, ran.stderr
        return ran.stdout.splitlines()

    declined = window("no")
    assert any(line.startswith("MESSAGE: The workspace is damaged:") and str(club) in line for line in declined)
    assert declined[-1] == "EXIT 3" and "WINDOW" not in declined
    assert sorted(p.name for p in backups_dir().glob("restored-*")) == []

    accepted = window("yes")
    kept = sorted(club.parent.glob("读书会.damaged-*.sqlite"))
    assert len(kept) == 1 and any(
        "Restored the latest backup into" in line and str(kept[0]) in line for line in accepted
    )
    assert "WINDOW" in accepted and accepted[-1] == "EXIT 0"
    assert _group_names(club) == names  # the backup, in the workspace's place: the file every start opens
    assert kept[0].read_bytes() == damaged  # the damaged file, kept as it was beside it, for inspection
    assert sorted(backups_dir().parent.glob("restored-*.sqlite")) == []
    again = window("no")  # the next start opens the restored workspace, with no question
    assert "WINDOW" in again and again[-1] == "EXIT 0" and not any("damaged" in line for line in again), again


# ---------------------------------------------------------------------------------------------- an emptied file


def test_a_reading_command_on_an_empty_file_makes_no_workspace_of_it(tmp_path):
    empty = tmp_path / "空的.sqlite"
    empty.write_bytes(b"")
    for command in (
        ["groups"],
        ["members", "--group", "晨读营", "--json"],
        ["backup", "-o", str(tmp_path / "b.sqlite")],
    ):
        done = _cli("--db", str(empty), *command)
        assert done.returncode == 3, done.stderr
        assert "0 bytes" in done.stderr and str(empty) in done.stderr
    assert empty.stat().st_size == 0 and not (tmp_path / "b.sqlite").exists()
    made = _cli(
        "--db", str(empty), "demo", "--groups", "1", "--members", "5", "--months", "1"
    )  # a writer may start one
    assert made.returncode == 0, made.stderr and _group_names(empty)


def test_a_workspace_file_emptied_while_it_has_backups_is_refused_not_started_again(tmp_path):
    """A workspace copied to a full USB disk, or a sync gone wrong, left 0 bytes: every command filled it with a
    fresh, empty workspace — a scheduled import started a new one in it, and its daily backups, named as the real
    one's, pruned the real one's away within a fortnight."""
    club = tmp_path / "读书会.sqlite"
    assert _cli("--db", str(club), "demo", "--groups", "2", "--members", "20", "--months", "1").returncode == 0
    names = _group_names(club)
    ran = _cli("--db", str(club), "checkin", "--group", names[0], "--date", TODAY.isoformat(), "不存在的人")
    assert ran.returncode in (0, 1), ran.stderr
    backups = sorted((tmp_path / "backups").glob("auto-*-读书会.sqlite"))
    assert len(backups) == 1
    club.write_bytes(b"")
    for side in tmp_path.glob("读书会.sqlite-*"):
        side.unlink()
    for command in (
        ["checkin", "--group", names[0], "--date", TODAY.isoformat(), "张三"],
        ["demo", "--members", "5"],
        ["groups"],
    ):
        done = _cli("--db", str(club), *command)
        assert done.returncode == 3, (command, done.stdout, done.stderr)
        assert "0 bytes" in done.stderr and str(club) in done.stderr
    assert str(backups[0]) in done.stderr  # says which backup to restore
    assert club.stat().st_size == 0
    assert sorted((tmp_path / "backups").glob("auto-*-读书会.sqlite")) == backups
    restored = _cli("--db", str(club), "restore", str(backups[0]))
    assert restored.returncode == 0, restored.stderr
    assert _group_names(club) == names


def test_the_window_offers_to_restore_an_emptied_default_workspace(tmp_path):
    import sqlite3

    from desktop.paths import backups_dir, default_db_path

    main = default_db_path()
    assert _cli("demo", "--groups", "2", "--members", "20", "--months", "1").returncode == 0
    names = _group_names(main)
    conn = sqlite3.connect(main)
    conn.execute("VACUUM INTO ?", (str(backups_dir() / f"auto-{TODAY - timedelta(days=1):%Y%m%d}.sqlite"),))
    conn.close()
    main.write_bytes(b"")
    for side in main.parent.glob("qundesk.sqlite-*"):
        side.unlink()
    ran = subprocess.run(
        [sys.executable, "-c", _DAMAGED_WINDOW.replace("run_app(sys.argv[1]", "run_app(None"), "-", "yes"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = ran.stdout.splitlines()
    assert any(line.startswith("MESSAGE: The workspace is damaged:") and "0 bytes" in line for line in lines), lines
    assert "WINDOW" in lines and lines[-1] == "EXIT 0", ran.stdout + ran.stderr
    assert _group_names(main) == names  # the backup, in the default workspace's place: the next start opens it
    kept = sorted(main.parent.glob("qundesk.damaged-*.sqlite"))
    assert len(kept) == 1 and kept[0].stat().st_size == 0  # the emptied file, kept beside it
    assert sorted(main.parent.glob("restored-*.sqlite")) == []


# ---------------------------------------------------------------------------------------------- a newer schema


def test_a_workspace_of_a_newer_qundesk_is_refused_by_name_and_left_byte_for_byte(tmp_path):
    """Upgraded on another computer, then opened by an older install: refused — naming the file — and never
    changed: before, the refusing open had already switched its journal mode (every connection asks for WAL)."""
    import sqlite3

    from desktop.workspace import open_workspace
    from models.db import NewerSchemaError

    path = tmp_path / "读书会 🎉.sqlite"
    open_workspace(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.execute("CREATE TABLE future_thing (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError) as caught:
        open_workspace(path)
    assert str(path) in str(caught.value) and "newer QunDesk" in str(caught.value)
    for command in (["groups"], ["db", "upgrade"], ["checkin", "--group", "晨读营", "张三"], ["demo"]):
        done = _cli("--db", str(path), *command)
        assert done.returncode == 3, (command, done.stderr)
        assert "newer QunDesk" in done.stderr and str(path) in done.stderr, done.stderr
        assert path.read_bytes() == before, command
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


# ---------------------------------------------------------------------------------------------- old versions


V1 = Path(__file__).resolve().parents[1] / "data" / "workspace_v1.sqlite"


def test_two_old_workspaces_upgraded_in_one_second_each_keep_their_own_backup_from_before(tmp_path, monkeypatch):
    import shutil
    import sqlite3
    from datetime import datetime

    from desktop.paths import backups_dir
    from desktop.workspace import open_workspace
    from models import clock

    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 6, 9, 30, 0))
    shutil.copy(V1, tmp_path / "客户A.sqlite")
    shutil.copy(V1, tmp_path / "客户B.sqlite")
    conn = sqlite3.connect(tmp_path / "客户B.sqlite")
    conn.execute("UPDATE community_group SET name = name || '-B'")
    conn.commit()
    conn.close()
    originals = {name: _group_names(tmp_path / name) for name in ("客户A.sqlite", "客户B.sqlite")}
    taken = {}
    for name in ("客户A.sqlite", "客户B.sqlite", "客户A.sqlite"):
        database = open_workspace(tmp_path / name)
        if database.backup_path is not None:
            taken[name] = database.backup_path
        database.dispose()
    assert len(taken) == 2 and taken["客户A.sqlite"] != taken["客户B.sqlite"]
    assert {name: _group_names(path) for name, path in taken.items()} == originals
    assert len(list(backups_dir().glob("before-upgrade-*.sqlite"))) == 2


# ---------------------------------------------------------------------------------------------- same name, two folders


def test_two_workspaces_of_one_name_in_two_folders_each_get_their_own_daily_backup_and_restore(tmp_path):
    """客户A/qundesk.sqlite and 客户B/qundesk.sqlite, both opened in the window: their daily backups in the data
    folder shared one name, so B found "today's backup" (A's) and took none, and B restored when damaged came back
    with A's groups and people."""
    from desktop.workspace import open_workspace, restore_latest_backup, startup_maintenance

    a, b = tmp_path / "客户A" / "qundesk.sqlite", tmp_path / "客户B" / "qundesk.sqlite"
    for path, groups in ((a, "1"), (b, "2")):
        done = _cli("--db", str(path), "demo", "--groups", groups, "--members", "10", "--months", "1")
        assert done.returncode == 0, done.stderr
    names = {path: _group_names(path) for path in (a, b)}
    assert names[a] != names[b]
    taken = {}
    for path in (a, b):
        database = open_workspace(path)
        try:
            problem, taken[path] = startup_maintenance(database)
            assert problem is None
        finally:
            database.dispose()
    assert taken[a] is not None and taken[b] is not None and taken[a] != taken[b]
    assert {path: _group_names(taken[path]) for path in (a, b)} == names
    _damage(b)
    database = open_workspace(b)
    try:
        restored = restore_latest_backup(database)
    finally:
        database.dispose()
    assert restored is not None and _group_names(restored) == names[b]


def test_a_file_where_the_backups_folder_should_be_stops_only_what_needs_a_backup(tmp_path, isolated_home):
    """`backups` in the data folder is a file (a sync client's conflict copy, a stray download): every command
    and the window's start ended in a FileExistsError traceback, reads included. Now only what needs the folder
    is stopped, saying so by name: an upgrade (never without its backup first), the day's backup (a warning)."""
    import shutil
    import sqlite3

    (isolated_home / "backups").write_bytes(b"not a folder")
    made = _cli("demo", "--groups", "1", "--members", "6", "--months", "1")
    assert made.returncode == 0, made.stderr
    listed = _cli("groups")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    group = _group_names(isolated_home / "qundesk.sqlite")[0]
    logged = _cli("checkin", "--group", group, "--date", TODAY.isoformat(), "不存在的人")
    assert logged.returncode == 1 and "Traceback" not in logged.stderr
    assert "backups folder" in logged.stderr and str(isolated_home / "backups") in logged.stderr
    old = tmp_path / "v1.sqlite"
    shutil.copy(V1, old)
    upgraded = _cli("--db", str(old), "db", "upgrade")
    assert upgraded.returncode == 3, upgraded.stderr
    assert "backups folder" in upgraded.stderr and "Traceback" not in upgraded.stderr
    conn = sqlite3.connect(old)
    try:  # not upgraded without its backup
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
    finally:
        conn.close()
