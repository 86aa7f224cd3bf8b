"""A window open all day on a workspace in a synced folder: a moment after each save the write-ahead log is folded
into the workspace file and emptied (models.db.Database.fold_wal), so the file alone — copied while the window is
open, or carried by OneDrive / 坚果云 / iCloud / Dropbox without its -wal — holds every save. Before, SQLite folded
the log only at 1,000 pages or when the window closed: the day's saves were in NAME-wal alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers import OFFSCREEN_QUIRKS

from desktop.services.groups import create_group
from ui import main_window as main_window_module
from ui.main_window import MainWindow
from ui.operations import run_write

pytestmark = OFFSCREEN_QUIRKS


def _groups_in_the_file_alone(path: Path) -> set[str]:
    """What a copy of the workspace file without its -wal holds (before, in the window's first minutes: not even its
    tables — the file was its 4 KB header, the whole workspace in its -wal)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM community_group")}
    except sqlite3.DatabaseError:  # no such table; or read while the fold writes its pages (immutable: no lock)
        return set()
    finally:
        conn.close()


def test_a_save_reaches_the_workspace_file_itself_a_moment_later(qtbot, ws, monkeypatch):
    monkeypatch.setattr(main_window_module, "FOLD_WAL_AFTER_MS", 50)
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    done = run_write(window, ws.database, lambda s: create_group(s, ws.owner, "今天新建的群"), changes=("groups",))
    assert done
    wal = Path(f"{ws.path}-wal")
    qtbot.waitUntil(lambda: "今天新建的群" in _groups_in_the_file_alone(ws.path), timeout=5_000)
    # and the log emptied (a moment later when the first try found a reader): no older log to carry beside the file
    qtbot.waitUntil(lambda: not wal.exists() or wal.stat().st_size == 0, timeout=5_000)


def test_folding_never_waits_for_a_reader_and_never_makes_a_file(tmp_path, ws):
    reader = sqlite3.connect(ws.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM community_group").fetchall()  # a read in progress (another window)
    with ws.database.session() as s:
        create_group(s, ws.owner, "读的时候建的群")
        s.commit()
    assert ws.database.fold_wal() is False  # busy: tried again after the next save, no wait
    reader.execute("COMMIT")
    reader.close()
    assert ws.database.fold_wal() is True and "读的时候建的群" in _groups_in_the_file_alone(ws.path)
    from models.db import open_database

    gone = open_database(tmp_path / "gone.sqlite")
    (tmp_path / "gone.sqlite").rename(tmp_path / "moved.sqlite")
    gone.engine.dispose()
    assert gone.fold_wal() is False and not (tmp_path / "gone.sqlite").exists()
