"""Settings › Restore… › Replace the workspace: the backup takes the open workspace's place, the workspace as it was
is kept beside it, and the window reopens on the restored one — the same file the next start opens. Before, every
restore went into a new file and the organiser was told to restart with `qundesk --db FILE`."""

from __future__ import annotations

import sqlite3

from helpers import OFFSCREEN_QUIRKS
from PySide6.QtWidgets import QMessageBox

from desktop.services.backup import backup_workspace
from desktop.services.groups import create_group
from ui.main_window import MainWindow

pytestmark = OFFSCREEN_QUIRKS


def _group_names(path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM community_group")}
    finally:
        conn.close()


def _window_with_a_backup(qtbot, ws, monkeypatch):
    """The window on `ws`, a backup of it taken through the page's own list, then a group added after it."""
    from desktop.paths import backups_dir

    backup = backups_dir() / "manual-20261118-090000-workspace.sqlite"
    backup_workspace(ws.database, backup, actor=ws.owner)
    with ws.database.session() as session:
        create_group(session, ws.owner, "备份之后建的群")
        session.commit()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda p, t, text, *a: said.append(text)))
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    page = window.settings_page
    page.reload_backups()
    page.select_backup(backup.name)
    return window, page, said


def test_replace_the_workspace_puts_the_backup_in_its_place_and_reopens_the_window(
    qtbot, ws, isolated_home, monkeypatch
):
    window, page, said = _window_with_a_backup(qtbot, ws, monkeypatch)
    asked: list[str] = []
    page.choose_restore = lambda text: asked.append(text) or "replace"
    reopened: list[object] = []
    window.reopened.connect(lambda w, db: reopened.append((w, db)))
    with qtbot.waitSignal(window.reopened, timeout=60_000):
        assert page.restore_selected()
    assert asked and "workspace.before-restore-" in asked[0]
    new_window, new_db = reopened[0]
    qtbot.addWidget(new_window)
    try:
        assert new_window.isVisible() and not window.isVisible()
        assert new_db.engine.url.database == str(ws.path)  # the same file: the next start opens it too
        assert "备份之后建的群" not in _group_names(ws.path)
        kept = sorted(ws.path.parent.glob("workspace.before-restore-*.sqlite"))
        assert len(kept) == 1 and "备份之后建的群" in _group_names(kept[0])  # the workspace as it was, whole
        assert said and str(ws.path) in said[-1] and str(kept[0]) in said[-1]
        assert not [p for p in ws.path.parent.iterdir() if p.name.startswith(".")]  # no temp file left
    finally:
        new_window.close()
        new_db.dispose()


def test_a_restore_cancelled_at_the_question_changes_nothing(qtbot, ws, isolated_home, monkeypatch):
    window, page, _said = _window_with_a_backup(qtbot, ws, monkeypatch)
    page.choose_restore = lambda text: None
    assert page.restore_selected() is False
    assert "备份之后建的群" in _group_names(ws.path)
    assert not list(ws.path.parent.glob("workspace.before-restore-*"))


def test_keep_working_at_the_close_leaves_the_workspace_as_it_was(qtbot, ws, isolated_home, monkeypatch):
    """The window still works (an export): asked whether to stop it, the user keeps working — nothing is put in place,
    the restored copy goes, and the page says so (it said 'reopened on it…' and nothing came)."""
    from ui import task_runner

    window, page, _said = _window_with_a_backup(qtbot, ws, monkeypatch)
    page.choose_restore = lambda text: "replace"
    monkeypatch.setattr(task_runner, "running_tasks", lambda within=None, quiet=False: ["Exporting"])
    window.confirm_close_while_working = lambda working: False  # "Keep working"
    with qtbot.waitSignal(page.runner.finished, timeout=60_000):
        assert page.restore_selected()
    qtbot.waitUntil(lambda: page.backup_status.text() == "Not restored: the workspace is as it was.", timeout=5_000)
    assert window.isVisible() and "备份之后建的群" in _group_names(ws.path)
    assert not list(ws.path.parent.glob("workspace.before-restore-*"))
    assert not [p for p in ws.path.parent.iterdir() if p.name.startswith(".")]


def test_a_backup_whose_owner_has_another_name_reopens_for_its_owner(qtbot, ws, isolated_home, monkeypatch):
    """The other computer's copy, where the owner renamed themself 王老师: the window reopened for '群主', no such
    operator there — a bug report; it reopens for the backup's owner (the sign-in asks when it has passwords)."""
    window, page, _said = _window_with_a_backup(qtbot, ws, monkeypatch)
    backup = page._selected_backup().path
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE operator SET name = '王老师' WHERE role = 'owner'")
    conn.commit()
    conn.close()
    page.reload_backups()
    page.select_backup(backup.name)
    page.choose_restore = lambda text: "replace"
    reopened: list[object] = []
    window.reopened.connect(lambda w, db: reopened.append((w, db)))
    with qtbot.waitSignal(window.reopened, timeout=60_000):
        assert page.restore_selected()
    new_window, new_db = reopened[0]
    qtbot.addWidget(new_window)
    try:
        assert new_window._actor.name == "王老师" and new_window._actor.role == "owner"
    finally:
        new_window.close()
        new_db.dispose()
