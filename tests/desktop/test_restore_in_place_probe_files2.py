"""A restore that takes the workspace's place (desktop.services.backup.restore_in_place): the workspace file is kept
aside beside it with its -wal (nothing of it deleted), the backup is checked before anything moves, and nothing of the
old file is left beside the restored one. Real files, real backups, real second connections."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services.backup import BackupError, backup_workspace, kept_aside_name, restore_in_place
from desktop.services.groups import create_group
from desktop.services.operators import Actor
from desktop.workspace import actor_for, open_workspace

OWNER = Actor(0, "群主", "owner")


def _seed(path: Path, *groups: str) -> None:
    database = open_workspace(path)
    owner = actor_for(database)
    try:
        with database.session() as s:
            for g in groups:
                create_group(s, owner, g)
            s.commit()
    finally:
        database.dispose()


def _groups(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM community_group")}
    finally:
        conn.close()


def _backup(workspace: Path, target: Path) -> Path:
    database = open_workspace(workspace)
    try:
        backup_workspace(database, target)
    finally:
        database.dispose()
    return target


def test_the_backup_takes_the_workspaces_place_and_the_old_file_is_kept_beside_it(tmp_path):
    ws = tmp_path / "社群.sqlite"
    _seed(ws, "跑团")
    backup = _backup(ws, tmp_path / "b.sqlite")
    _seed(ws, "后来的群")  # written after the backup: only in the file kept aside
    done = restore_in_place(OWNER, backup, ws)
    assert done.workspace == ws and _groups(ws) == {"跑团"}
    assert done.kept.parent == ws.parent and done.kept.name.startswith("社群.before-restore-")
    assert _groups(done.kept) == {"跑团", "后来的群"}
    assert done.counts["community_group"] == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left
    database = open_workspace(ws)  # opens as any workspace: the restore is in its audit log
    try:
        with database.session() as s:
            assert "backup.restore" in set(s.scalars(text("SELECT action FROM audit_log")))
    finally:
        database.dispose()


def test_rows_still_in_the_old_files_wal_go_with_it_and_none_are_replayed_into_the_restored_one(tmp_path):
    """A workspace copied while another program had it open: its newest rows are in NAME-wal only. Kept aside
    without its -wal they were lost; left beside the restored file, SQLite would replay them into it."""
    ws = tmp_path / "qundesk.sqlite"
    _seed(ws, "跑团")
    backup = _backup(ws, tmp_path / "b.sqlite")
    holder = sqlite3.connect(ws)  # another program, writing and never checkpointing
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("SELECT 1 FROM community_group").fetchall()
    copy = tmp_path / "copy"
    copy.mkdir()
    _seed(ws, "只在日志里的群")
    for side in ("", "-wal"):  # copied while open, as a sync tool or Explorer does
        Path(f"{copy / ws.name}{side}").write_bytes(Path(f"{ws}{side}").read_bytes())
    holder.close()
    moved = copy / ws.name
    alone = sqlite3.connect(f"file:{moved}?immutable=1", uri=True)  # the main file without its -wal
    assert {r[0] for r in alone.execute("SELECT name FROM community_group")} == {"跑团"}
    alone.close()
    done = restore_in_place(OWNER, backup, moved)
    assert _groups(moved) == {"跑团"}
    assert Path(f"{done.kept}-wal").is_file()
    assert _groups(done.kept) == {"跑团", "只在日志里的群"}


def test_a_backup_of_a_newer_qundesk_is_refused_naming_its_version_and_nothing_moves(tmp_path):
    ws = tmp_path / "qundesk.sqlite"
    _seed(ws, "跑团")
    backup = _backup(ws, tmp_path / "newer.sqlite")
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(BackupError, match="0099_from_the_future"):
        restore_in_place(OWNER, backup, ws)
    assert sorted(p.name for p in tmp_path.iterdir()) == before and _groups(ws) == {"跑团"}


def test_a_damaged_backup_is_refused_and_nothing_moves(tmp_path):
    ws = tmp_path / "qundesk.sqlite"
    _seed(ws, "跑团")
    backup = _backup(ws, tmp_path / "b.sqlite")
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 2])
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(BackupError):
        restore_in_place(OWNER, backup, ws)
    assert sorted(p.name for p in tmp_path.iterdir()) == before and _groups(ws) == {"跑团"}


def test_only_the_owner_restores_in_place(tmp_path):
    from desktop.errors import QunDeskError

    ws = tmp_path / "qundesk.sqlite"
    _seed(ws, "跑团")
    backup = _backup(ws, tmp_path / "b.sqlite")
    with pytest.raises(QunDeskError):
        restore_in_place(Actor(2, "小助理", "assistant"), backup, ws)
    assert _groups(ws) == {"跑团"} and not list(tmp_path.glob("qundesk.before-restore-*"))


def test_the_kept_name_never_takes_an_existing_file(tmp_path):
    ws = tmp_path / "qundesk.sqlite"
    moment = datetime(2026, 12, 7, 4, 30, 0)
    first = kept_aside_name(ws, "damaged", moment)
    assert first.name == "qundesk.damaged-20261207-043000.sqlite"
    Path(f"{first}-wal").write_bytes(b"x")  # even its -wal alone
    assert kept_aside_name(ws, "damaged", moment).name == "qundesk.damaged-20261207-043000-2.sqlite"
