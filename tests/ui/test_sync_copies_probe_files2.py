"""A workspace in a synced folder changed on two computers: the sync tool keeps both, the other one as a copy beside
it (`workspace (DESKTOP's conflicted copy 2026-12-07).sqlite`, `workspace-DESKTOP-1.sqlite`, `workspace 2.sqlite`).
The window said nothing: the check-ins saved on the other computer were simply not there. Now the status bar names the
copies at start, and Settings › Backups lists them, to restore one in the workspace's place."""

from __future__ import annotations

import shutil
import sqlite3

from helpers import OFFSCREEN_QUIRKS
from PySide6.QtWidgets import QMessageBox

from desktop.services.backup import sync_copies
from desktop.services.groups import create_group
from desktop.workspace import actor_for, open_workspace
from ui import app as app_module
from ui.main_window import MainWindow

pytestmark = OFFSCREEN_QUIRKS

CONFLICT = "workspace (DESKTOP-AB's conflicted copy 2026-12-07).sqlite"


def _group_names(path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM community_group")}
    finally:
        conn.close()


def _other_computers_copy(ws, name: str, group: str):
    """The workspace as the other computer saved it: a copy with a group this one lacks."""
    ws.database.fold_wal()
    copy = ws.path.with_name(name)
    shutil.copyfile(ws.path, copy)
    database = open_workspace(copy)
    try:
        with database.session() as s:
            create_group(s, actor_for(database), group)
            s.commit()
    finally:
        database.dispose()
    return copy


def test_the_copies_a_sync_tool_leaves_are_told_from_other_files(ws):
    folder = ws.path.parent
    ws.database.fold_wal()
    for name in (CONFLICT, "workspace-DESKTOP-1.sqlite", "workspace 2.sqlite", "workspace (1).sqlite"):
        shutil.copyfile(ws.path, folder / name)
    for name in ("workspace-test.sqlite", "workspace-2026.sqlite", "workspace.damaged-20261207-043000.sqlite"):
        shutil.copyfile(ws.path, folder / name)  # a workspace of its own, a year's, QunDesk's own kept file
    (folder / "workspace (2).sqlite").write_text("not a database")
    (folder / "workspace (3).txt").write_text("notes")
    assert {c.path.name for c in sync_copies(ws.path)} == {
        CONFLICT,
        "workspace-DESKTOP-1.sqlite",
        "workspace 2.sqlite",
        "workspace (1).sqlite",
    }


def test_the_window_names_them_and_the_right_one_is_restored_in_the_workspaces_place(
    qtbot, ws, isolated_home, monkeypatch
):
    copy = _other_computers_copy(ws, CONFLICT, "另一台电脑上建的群")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda p, t, text, *a: said.append(text)))
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    app_module._say_sync_copies(window, ws.database)
    message = window.statusBar().currentMessage()
    assert CONFLICT in message and "Settings" in message

    page = window.settings_page
    page.reload_backups()
    assert CONFLICT in page.backup_names()
    row = page.backup_names().index(CONFLICT)
    assert page.backup_list.topLevelItem(row).text(3) == "Sync copy"
    page.select_backup(CONFLICT)
    page.choose_restore = lambda text: "replace"
    reopened: list[object] = []
    window.reopened.connect(lambda w, db: reopened.append((w, db)))
    with qtbot.waitSignal(window.reopened, timeout=60_000):
        assert page.restore_selected()
    new_window, new_db = reopened[0]
    qtbot.addWidget(new_window)
    try:
        assert "另一台电脑上建的群" in _group_names(ws.path)  # the other computer's saves, in the workspace's place
        kept = sorted(ws.path.parent.glob("workspace.before-restore-*.sqlite"))
        assert len(kept) == 1 and "另一台电脑上建的群" not in _group_names(kept[0])  # this computer's, kept
        assert copy.is_file()  # the copy is only read
    finally:
        new_window.close()
        new_db.dispose()
