"""A big workspace paints first and is checked afterwards (issue 13): until the background check has passed,
every write is refused with a clear message (a damaged file gets its warning before anything is written to
it); then writes go through and the status bar says the workspace was checked."""

from __future__ import annotations

import threading

import pytest
from helpers import OFFSCREEN_QUIRKS

from desktop.services.groups import create_group
from models.db import Interrupted, WritesHeld
from ui import app as app_module
from ui.main_window import MainWindow

pytestmark = OFFSCREEN_QUIRKS


def test_writes_wait_for_the_background_check_then_go_through(qtbot, ws, monkeypatch):
    gate = threading.Event()

    def slow_check(database, stop=None, checked=None):
        gate.wait(10)
        return None, None

    monkeypatch.setattr("desktop.workspace.startup_maintenance", slow_check)
    monkeypatch.setattr(app_module, "BACKGROUND_CHECK_BYTES", 0)
    assert app_module._checks_in_background(ws.database)
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    state = {"database": ws.database}
    app_module._start_background_checks(None, window, state, ws.owner)
    assert "Checking the workspace" in window.statusBar().currentMessage()
    with pytest.raises(WritesHeld, match="being checked"):
        with ws.database.session() as s:
            create_group(s, ws.owner, "检查中新建")
            s.commit()
    gate.set()
    qtbot.waitUntil(lambda: not ws.database.writes_held, timeout=10_000)
    assert window.statusBar().currentMessage().startswith("Workspace checked")
    with ws.database.session() as s:
        create_group(s, ws.owner, "检查后新建")
        s.commit()
    state["startup_runner"].wait()


def test_saving_goes_on_while_the_days_backup_is_taken(qtbot, ws, monkeypatch, tmp_path):
    """The integrity check passes, then the day's backup of a big workspace takes a minute: writes are not held
    for it (the backup copies one snapshot while others write, models/db.backup_sqlite_file); the status bar
    says the backup is being taken, then that it was saved."""
    from desktop.services import backup

    gate, backing_up = threading.Event(), threading.Event()
    real_auto_backup = backup.auto_backup

    def slow_backup(database, **kw):
        backing_up.set()
        gate.wait(10)
        return real_auto_backup(database, folder=tmp_path / "backups", **kw)

    monkeypatch.setattr(backup, "auto_backup", slow_backup)
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    state = {"database": ws.database}
    app_module._start_background_checks(None, window, state, ws.owner)
    qtbot.waitUntil(backing_up.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: not ws.database.writes_held, timeout=10_000)
    assert "taking today's backup" in window.statusBar().currentMessage()
    with ws.database.session() as s:  # while the backup is still being taken
        create_group(s, ws.owner, "备份中新建")
        s.commit()
    assert state["startup_runner"].running
    gate.set()
    qtbot.waitUntil(lambda: "today's backup saved" in window.statusBar().currentMessage(), timeout=10_000)
    assert [p.name.startswith("auto-") for p in (tmp_path / "backups").iterdir()] == [True]
    state["startup_runner"].wait()


def test_a_small_workspace_is_checked_before_the_window(ws):
    assert not app_module._checks_in_background(ws.database)  # a few hundred KB: checked at once, as before


def test_closing_the_window_during_the_check_stops_it_and_no_thread_outlives_it(qtbot, ws, monkeypatch):
    """Quitting while the check runs (the window closed at once): the check is asked to stop, its thread ends
    before the application does (Qt aborts a process whose running QThread is destroyed) — found by the cold
    start benchmark, which quits right after the first paint."""
    asked = threading.Event()

    def endless_check(database, stop=None, checked=None):
        for _ in range(1000):  # 10 s at most
            if stop is not None and stop():
                asked.set()
                raise Interrupted("stopped on request")
            threading.Event().wait(0.01)
        return None, None

    monkeypatch.setattr("desktop.workspace.startup_maintenance", endless_check)
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    state = {"database": ws.database}
    app_module._start_background_checks(None, window, state, ws.owner)
    runner = state["startup_runner"]
    assert runner.running
    app_module._stop_background_checks(state)  # what run_app does once app.exec() has returned
    assert asked.is_set() and not runner.running


def test_a_stopped_check_or_backup_decides_nothing_and_leaves_no_file(tmp_path, ws):
    import sqlite3

    from sqlalchemy import create_engine

    from desktop.services.backup import auto_backup
    from models.db import check_integrity

    big = tmp_path / "big.sqlite"
    conn = sqlite3.connect(big)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 200,) for _ in range(50_000)])
    conn.commit()
    conn.close()
    engine = create_engine(f"sqlite:///{big}")
    assert check_integrity(engine) is None
    with pytest.raises(Interrupted):
        check_integrity(engine, stop=lambda: True)  # not "damaged": stopped
    engine.dispose()
    folder = tmp_path / "backups"
    with pytest.raises(Interrupted):
        auto_backup(ws.database, folder=folder, stop=lambda: True)
    assert list(folder.iterdir()) == []  # no backup, no half-written copy
    assert auto_backup(ws.database, folder=folder) is not None  # the next start takes it


def test_a_long_statement_is_interrupted_soon_after_the_stop_request():
    """models.db.stoppable interrupts the connection from another thread (SQLite 3.40 runs a whole integrity
    check in one VM step, so a progress handler would never be asked during it)."""
    import sqlite3
    import time

    from models.db import raise_if_stopped, stoppable

    conn = sqlite3.connect(":memory:")
    began = time.perf_counter()
    stop = lambda: time.perf_counter() - began > 0.2  # noqa: E731
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    with pytest.raises(Interrupted):
        try:
            with stoppable(conn, stop):
                conn.execute(endless).fetchall()
        except sqlite3.OperationalError as exc:
            raise_if_stopped(exc, stop)
            raise
    assert time.perf_counter() - began < 5  # stopped, not run to the end (it has none)
    conn.close()


def _answers(monkeypatch, answer):
    """Message boxes answered without showing them; what they said is returned."""
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []

    def critical(parent, title, text, *buttons):
        said.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda p, t, text, *a: said.append(text)))
    return said


def _backed_up_then_changed(ws) -> str:
    """The workspace's real daily backup, then a group added after it (only the kept-aside file holds it)."""
    from desktop.services.backup import auto_backup
    from tests.fixed_day import TEST_TODAY

    assert auto_backup(ws.database, today=TEST_TODAY) is not None
    with ws.database.session() as session:
        create_group(session, ws.owner, "备份之后建的群")
        session.commit()
    return "备份之后建的群"


def _group_names(path) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM community_group")}
    finally:
        conn.close()


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_a_workspace_found_damaged_before_the_window_offers_the_restore(qtbot, ws, isolated_home, monkeypatch, answer):
    """Yes puts the workspace's latest backup in its place — the same file the window (and its next start, from the
    icon) opens — and keeps the damaged file beside it under a new name, which the message names. Before, the backup
    went into a new file in the data folder: the next start opened the damaged workspace again and offered the restore
    again, without the work done meanwhile in the first restored file."""
    from PySide6.QtWidgets import QMessageBox

    later = _backed_up_then_changed(ws)
    button = QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No
    said = _answers(monkeypatch, button)
    monkeypatch.setattr("desktop.workspace.startup_maintenance", lambda database, stop=None: ("page 3 is bad", None))
    database = app_module._startup_checks(ws.database)
    assert "page 3 is bad" in said[0]
    kept = sorted(ws.path.parent.glob("workspace.damaged-*.sqlite"))
    if answer == "no":
        assert database is None and kept == [] and later in _group_names(ws.path)
        return
    try:
        assert database is not None and database.engine.url.database == str(ws.path)  # the same file, restored
        assert len(kept) == 1 and later in _group_names(kept[0])  # the damaged file, whole, beside it
        assert later not in _group_names(ws.path)
        assert str(ws.path) in said[-1] and str(kept[0]) in said[-1]  # "Restored … into …; kept as …"
    finally:
        database.dispose()


def test_a_workspace_found_damaged_after_the_window_opens_the_restored_one(qtbot, ws, isolated_home, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    later = _backed_up_then_changed(ws)
    said = _answers(monkeypatch, QMessageBox.StandardButton.Yes)
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    state = {"database": ws.database}
    app_module._damaged_after_start(None, window, state, ws.owner, "page 3 is bad")
    kept = sorted(ws.path.parent.glob("workspace.damaged-*.sqlite"))
    assert "page 3 is bad" in said[0] and len(kept) == 1 and str(kept[0]) in said[-1]
    assert state["database"].engine.url.database == str(ws.path)
    assert later not in _group_names(ws.path) and later in _group_names(kept[0])
    replacement = window._replacement
    qtbot.addWidget(replacement)
    assert replacement.isVisible() and not window.isVisible()
    state["database"].dispose()


@pytest.mark.parametrize("blocked", ["a file where the folder goes", "a read-only folder"])
def test_a_failed_daily_backup_before_the_window_is_said_in_the_window(qtbot, ws, isolated_home, blocked):
    """A workspace checked before the window opens (most of them: under 64 MB) whose day's backup cannot be
    written: the window opens (the organiser is not kept out) and its status bar says the backup failed and why.
    Before, the failure was dropped without a word — every day — and a backups folder that could not be made
    ended the start with the bug report."""
    import os
    import stat
    import subprocess

    mounted: list = []
    folder = isolated_home / "backups"
    if blocked.startswith("a file"):
        if folder.is_dir():
            folder.rmdir()
        folder.write_text("not a folder")
    else:
        folder.mkdir(exist_ok=True)
        if os.name == "nt":
            pytest.skip("no read-only folder here")
        if os.geteuid() == 0:  # root writes through permissions: a read-only file system (a tmpfs mounted ro)
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=16k", "tmpfs", str(folder)], check=False)
            if done.returncode != 0:
                pytest.skip("cannot mount a read-only file system here")
            mounted.append(folder)
        else:
            folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        failures: list[str] = []
        database = app_module._startup_checks(ws.database, failures)
        assert database is ws.database
        [failure] = failures
        assert str(folder) in failure
        window = MainWindow(ws.database, ws.owner)
        qtbot.addWidget(window)
        window.show()
        app_module._say_backup_failed(window, failure)
        said = window.statusBar().currentMessage()
        assert said.startswith("Automatic backup failed:") and str(folder) in said
    finally:
        for m in mounted:
            subprocess.run(["umount", str(m)], check=False)
        if folder.is_dir():
            folder.chmod(stat.S_IRWXU)
