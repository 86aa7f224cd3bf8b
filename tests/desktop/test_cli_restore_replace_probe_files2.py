"""`qundesk restore --replace FILE`: the backup takes the place of the --db workspace file, the file as it was kept
beside it; refused while a QunDesk window has the workspace open (it would go on saving into the kept file, out of
sight); a plain restore onto a workspace with data says --replace is the way."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.backup import backup_workspace
from desktop.services.groups import create_group
from desktop.workspace import actor_for, open_workspace


def _seed(path: Path, *groups: str) -> None:
    database = open_workspace(path)
    try:
        with database.session() as s:
            for g in groups:
                create_group(s, actor_for(database), g)
            s.commit()
    finally:
        database.dispose()


def _groups(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM community_group")}
    finally:
        conn.close()


@pytest.fixture
def backed_up(tmp_path, isolated_home):
    ws = tmp_path / "社群.sqlite"
    _seed(ws, "跑团")
    database = open_workspace(ws)
    try:
        backup_workspace(database, tmp_path / "备份.sqlite")
    finally:
        database.dispose()
    _seed(ws, "备份之后的群")
    return ws, tmp_path / "备份.sqlite"


def test_replace_puts_the_backup_in_the_workspaces_place_and_keeps_the_old_file(backed_up, capsys):
    ws, backup = backed_up
    assert main(["--db", str(ws), "restore", str(backup)]) == 1  # a workspace with data: not a target
    err = capsys.readouterr().err
    assert "不是空的" in err and "--replace" in err and _groups(ws) == {"跑团", "备份之后的群"}

    assert main(["--db", str(ws), "restore", "--replace", str(backup)]) == 0
    out = capsys.readouterr().out
    kept = sorted(ws.parent.glob("社群.before-restore-*.sqlite"))
    assert len(kept) == 1 and str(kept[0]) in out and str(ws) in out
    assert _groups(ws) == {"跑团"} and _groups(kept[0]) == {"跑团", "备份之后的群"}
    assert main(["--db", str(ws), "groups"]) == 0 and "跑团" in capsys.readouterr().out


def test_replace_is_refused_while_a_window_has_the_workspace_open(backed_up, capsys):
    from PySide6.QtCore import QLockFile

    ws, backup = backed_up
    lock = QLockFile(f"{ws}.lock")  # as the window holds it (ui/app.py _lock_workspace)
    assert lock.tryLock(200)
    try:
        assert main(["--db", str(ws), "restore", "--replace", str(backup)]) == 3
        err = capsys.readouterr().err
        assert "QunDesk window" in err and "close it first" in err and str(ws) in err
        assert _groups(ws) == {"跑团", "备份之后的群"} and not list(ws.parent.glob("社群.before-restore-*"))
    finally:
        lock.unlock()


def test_a_lock_left_by_a_window_that_is_gone_does_not_stop_it(backed_up, capsys):
    import socket

    ws, backup = backed_up
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    Path(f"{ws}.lock").write_text(f"{gone.stdout.strip()}\nqundesk\n{socket.gethostname()}\n")
    assert main(["--db", str(ws), "restore", "--replace", str(backup)]) == 0
    assert _groups(ws) == {"跑团"}


def test_a_lock_from_another_computer_is_named_with_what_to_do(backed_up, capsys):
    ws, backup = backed_up
    Path(f"{ws}.lock").write_text("4242\nqundesk\nLAPTOP-AT-HOME\n")  # synced from the other computer
    assert main(["--db", str(ws), "restore", "--replace", str(backup)]) == 3
    err = capsys.readouterr().err
    assert "LAPTOP-AT-HOME" in err and f"{ws}.lock" in err and _groups(ws) == {"跑团", "备份之后的群"}


def test_replace_refuses_a_newer_qundesks_backup_by_its_revision_and_moves_nothing(backed_up, capsys):
    ws, backup = backed_up
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    before = sorted(p.name for p in ws.parent.iterdir())
    assert main(["--db", str(ws), "restore", "--replace", str(backup)]) == 1
    assert "0099_from_the_future" in capsys.readouterr().err
    assert sorted(p.name for p in ws.parent.iterdir()) == before


def test_replace_needs_a_workspace_file(tmp_path, isolated_home, capsys):
    assert main(["--db", str(tmp_path / "无.sqlite"), "restore", "--replace", str(tmp_path / "b.sqlite")]) == 1
    assert "--replace" in capsys.readouterr().err and not (tmp_path / "无.sqlite").exists()


def test_a_damaged_workspace_names_its_latest_backup_and_the_command_that_puts_it_back(tmp_path, isolated_home, capsys):
    """`qundesk groups` on a workspace damaged where its schema lives said "cannot open the database: database disk
    image is malformed" and no more; it now names its newest backup and the restore --replace that puts it back."""
    from desktop.services.backup import auto_backup
    from tests.fixed_day import TEST_TODAY

    ws = tmp_path / "社群.sqlite"
    _seed(ws, "跑团")
    database = open_workspace(ws)
    try:
        backup = auto_backup(database, today=TEST_TODAY)
    finally:
        database.dispose()
    assert backup is not None
    data = bytearray(ws.read_bytes())
    data[4096 : 4096 * 4] = b"\xa5" * (4096 * 3)  # the pages after the first: the schema's own
    ws.write_bytes(bytes(data))
    assert main(["--db", str(ws), "groups"]) == 3
    err = capsys.readouterr().err
    command = f'qundesk --db "{ws}" restore --replace "{backup}"'
    assert "malformed" in err and command in err, err
    assert main(["--db", str(ws), "restore", "--replace", str(backup)]) == 0  # as it says
    capsys.readouterr()
    assert _groups(ws) == {"跑团"}
    kept = sorted(tmp_path.glob("社群.before-restore-*.sqlite"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)  # the damaged file, kept as it was
