"""The window's file dialogs list a folder without opening its files: on Linux, closing any descriptor of the open
workspace drops SQLite's POSIX locks on it, and the next `qundesk` command then deletes the WAL the window is
still writing to (the window's later writes seen by no one else). Seen when the Import dialog's Browse… showed
the folder holding demo.sqlite next to the 打卡表 to import."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog

from ui import file_dialogs

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def posix_locks_on(path: Path) -> list[str]:
    """This process's POSIX locks on `path` (from /proc/locks)."""
    inode = os.stat(path).st_ino
    pid = os.getpid()
    return [
        line
        for line in Path("/proc/locks").read_text().splitlines()
        if "POSIX" in line and f" {pid} " in line and line.split()[5].endswith(f":{inode}")
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not Path("/proc/locks").exists(), reason="Linux locks")
def test_a_dialog_showing_the_workspace_folder_keeps_sqlites_locks(qtbot, tmp_path):
    workspace = tmp_path / "demo.sqlite"
    (tmp_path / "12月打卡表.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    conn = sqlite3.connect(workspace)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM t").fetchall()  # a reader, as the window is: a shared lock on the file
        assert posix_locks_on(workspace), "SQLite holds a lock on the workspace"

        dialog = file_dialogs.file_dialog(None, "Choose a file to import", str(tmp_path), "Spreadsheets (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog, as on a bare Linux
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(1500)  # the folder is listed (and its icons and types named) in a background thread
        assert dialog.directory().absolutePath() == str(tmp_path)
        assert posix_locks_on(workspace), "listing the folder dropped SQLite's lock on the open workspace"
        dialog.close()
    finally:
        conn.close()


def test_types_are_named_from_the_file_name():
    provider = file_dialogs.NameOnlyIconProvider()
    assert provider.type(QFileInfo(str(ROOT / "ui"))) == "Folder"
    assert provider.type(QFileInfo("/nowhere/12月打卡表.xlsx")) == "XLSX file"
    assert provider.type(QFileInfo("/nowhere/README")) == "File"
    assert not provider.icon(QFileInfo("/nowhere/demo.sqlite")).isNull()


def test_no_window_code_uses_qts_static_file_dialogs():
    """Every Open / Save dialog of the window goes through ui/file_dialogs (QFileDialog.getOpenFileName and
    friends build a dialog whose icon provider reads each file)."""
    static = re.compile(r"QFileDialog\.get\w+")
    found = [
        f"{p.relative_to(ROOT)}: {m.group(0)}"
        for p in sorted((ROOT / "ui").rglob("*.py"))
        for m in static.finditer(p.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_an_open_dialog_starts_where_exports_are_and_then_where_the_last_file_was(qtbot, tmp_path, monkeypatch):
    """The Import and chat-import dialogs' Browse… started in the process's working directory (the source tree
    here; the install folder or C:\\Windows\\System32 for a packaged app). They start in Downloads now, then in the
    folder a file was last opened from."""
    from helpers import isolate_settings

    isolate_settings(tmp_path)
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DOWNLOAD_DIR", "XDG_DOCUMENTS_DIR"):
        monkeypatch.delenv(var, raising=False)
    chosen = tmp_path / "微信文件" / "名单.xlsx"
    chosen.parent.mkdir()
    started: list[str] = []

    def run(dialog):
        started.append(dialog.directory().absolutePath())
        return str(chosen), ""

    monkeypatch.setattr(file_dialogs, "_run", run)
    assert file_dialogs.get_open_file_name(None, "Choose a file to import", "", "")[0] == str(chosen)
    assert started == [str(home / "Downloads")]
    file_dialogs.get_open_file_name(None, "Choose a chat export", "", "")
    assert started[-1] == str(chosen.parent)
    file_dialogs.get_open_file_name(None, "Choose a file to import", str(tmp_path), "")  # a folder given: that one
    assert started[-1] == str(tmp_path)
