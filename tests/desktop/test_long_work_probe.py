"""Long work cancelled at its last moments (the long-work probe): a Cancel that came while the backup was being
checked, or while a chat history was being written, must end in Cancelled with nothing written — not in a
backup file or an import the user had cancelled, reported as done."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services.backup import backup_workspace
from desktop.services.chat_import import run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.tasks import Cancelled, Progress
from desktop.workspace import actor_for, open_workspace
from models import ChatActivity, ChatImport, CheckIn
from models.kept import drift

TODAY = date(2026, 12, 2)
CHAT = Path(__file__).resolve().parents[1] / "data" / "chat"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day: the chat export's messages are of November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def ws(tmp_path):
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨跑俱乐部")
        for i in range(40):
            add_member(s, owner, gid, MemberInput(display_name=f"跑友{i}", wechat_id=f"runner_{i:02d}"))
        s.commit()
    yield database, owner, gid
    database.dispose()


class CancelWhenReached(Progress):
    """The user's Cancel, clicked once the progress reached `share` of its total (as it is shown)."""

    def __init__(self, share: float):
        self.seen: list[tuple[int, int]] = []

        def shown(done: int, total: int) -> None:
            self.seen.append((done, total))
            if total and done / total >= share:
                self.cancel()

        super().__init__(on_progress=shown)


def test_a_cancel_while_the_backup_is_checked_leaves_the_old_file_and_no_other(ws, tmp_path):
    database, owner, _gid = ws
    out = tmp_path / "backups"
    out.mkdir()
    target = out / "qundesk-backup.sqlite"
    target.write_bytes(b"last week's backup")
    progress = CancelWhenReached(0.9)  # the copy is done: its integrity check runs next
    with pytest.raises(Cancelled):
        backup_workspace(database, target, progress=progress, actor=owner)
    assert target.read_bytes() == b"last week's backup"
    assert sorted(p.name for p in out.iterdir()) == ["qundesk-backup.sqlite"]  # no temp file, no .part
    assert progress.seen[0][0] == 0 and progress.seen[-1][0] < progress.seen[-1][1]  # it never reached the end


def test_the_backup_moves_its_progress_to_the_end_and_is_a_sound_copy(ws, tmp_path):
    database, owner, _gid = ws
    seen: list[tuple[int, int]] = []
    path = backup_workspace(database, tmp_path / "b.sqlite", progress=Progress(lambda d, t: seen.append((d, t))))
    assert seen[0] == (0, seen[0][1]) and seen[-1] == (seen[-1][1], seen[-1][1])
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)  # it only moves forward
    with sqlite3.connect(path) as c:
        assert c.execute("select count(*) from membership").fetchone()[0] == 40


def test_a_cancel_while_the_chat_history_is_written_rolls_it_all_back(ws):
    database, owner, _gid = ws
    progress = Progress()
    progress.cancel()  # clicked while the plan was being written: a small export reads without a progress step
    with pytest.raises(Cancelled):
        # none of the 40 runners speaks in it: perhaps another group's chat, confirmed (other_group) as the window asks
        run_chat_import(
            database,
            owner,
            CHAT / "晨跑俱乐部_utf8.csv",
            "晨跑俱乐部",
            add_unknown=True,
            other_group=True,
            progress=progress,
        )
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(ChatActivity)) == 0
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 0
        assert s.scalar(select(func.count()).select_from(ChatImport)) == 0
        assert drift(s.connection()) == []
    # and the same export imports as usual afterwards
    _plan, summary, _created = run_chat_import(
        database, owner, CHAT / "晨跑俱乐部_utf8.csv", "晨跑俱乐部", add_unknown=True, other_group=True
    )
    assert summary.messages > 0
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(ChatActivity)) > 0


# the CLI in a child whose files may not grow past LIMIT bytes (RLIMIT_FSIZE), as on a full disk
FULL_DISK_CLI = """
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
sys.argv = ["qundesk", *sys.argv[2:]]
runpy.run_module("desktop.cli", run_name="__main__")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_backup_that_runs_out_of_disk_leaves_no_file_behind_and_keeps_the_old_one(tmp_path):
    from desktop.demo import build_demo

    workspace = tmp_path / "ws.sqlite"
    database = open_workspace(workspace)
    build_demo(database.engine, groups=2, members=600, months=2, today=TODAY)
    database.dispose()
    assert workspace.stat().st_size > 1_000_000
    out = tmp_path / "backups"
    out.mkdir()
    (out / "b.sqlite").write_bytes(b"last week's backup")
    env = {**os.environ, "QUNDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    env.pop("QUNDESK_DB", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            FULL_DISK_CLI,
            "300000",
            "--db",
            str(workspace),
            "backup",
            "--force",
            "-o",
            str(out / "b.sqlite"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr.decode()
    assert "备份失败 (backup failed)" in result.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["b.sqlite"]  # no .part, no -journal left in the folder
    assert (out / "b.sqlite").read_bytes() == b"last week's backup"


def test_the_next_backup_clears_a_journal_an_earlier_failed_one_left(ws, tmp_path):
    database, owner, _gid = ws
    out = tmp_path / "backups"
    out.mkdir()
    left = out / ".b.sqlite.backup-999999999.tmp.part-journal"  # of a process that is gone
    left.write_bytes(b"\0" * 1024)
    backup_workspace(database, out / "other.sqlite", actor=owner)
    assert sorted(p.name for p in out.iterdir()) == ["other.sqlite"]


def _qq_export(path: Path, messages: int) -> Path:
    lines = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", "=" * 64, "消息分组:我的群聊", "=" * 64]
    lines += ["消息对象:晨跑俱乐部", "=" * 64, ""]
    for i in range(messages):
        minute = i % (24 * 60)
        lines += [f"2026-11-{1 + i // (24 * 60):02d} {minute // 60}:{minute % 60:02d}:00 跑友{i % 40}(1000{i % 40})"]
        lines += ["打卡 5公里" if i % 3 == 0 else "大家早", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_reading_a_long_chat_export_shows_how_far_it_got(ws, tmp_path):
    from desktop.services.chat_import import PROGRESS_EVERY, plan_chat_import

    database, _owner, gid = ws
    rows = 3 * PROGRESS_EVERY + 100
    export = _qq_export(tmp_path / "qq.txt", rows)
    seen: list[tuple[int, int]] = []
    with database.session() as s:
        plan_chat_import(s, gid, export, progress=Progress(lambda d, t: seen.append((d, t))))
    assert [d for d, _t in seen] == [PROGRESS_EVERY, 2 * PROGRESS_EVERY, 3 * PROGRESS_EVERY]
    # a total, estimated from the share of the file read, within a few per cent of the rows there are: not a
    # busy bar that says nothing for the minutes a year of a big group takes
    assert all(t >= d and abs(t - rows) < rows * 0.05 for d, t in seen), seen


def test_a_cancel_while_the_restored_workspace_is_checked_leaves_no_workspace(ws, tmp_path):
    from desktop.services.backup import restore_workspace

    database, owner, _gid = ws
    backup = backup_workspace(database, tmp_path / "b.sqlite", actor=owner)
    folder = tmp_path / "restored"
    folder.mkdir()
    progress = CancelWhenReached(1.0)  # every row copied: the check of the result runs next
    with pytest.raises(Cancelled):
        restore_workspace(owner, backup, folder / "ws.sqlite", progress=progress)
    assert list(folder.iterdir()) == []  # no workspace, no temp file
    assert progress.seen and progress.seen[-1][0] == progress.seen[-1][1]
    counts = restore_workspace(owner, backup, folder / "ws.sqlite")  # and the restore works afterwards
    assert counts["membership"] == 40


def test_a_cancel_while_the_backup_to_restore_is_checked_stops_there(ws, tmp_path, monkeypatch):
    import desktop.services.backup as backups

    database, owner, _gid = ws
    backup = backup_workspace(database, tmp_path / "b.sqlite", actor=owner)
    checked: list[str] = []  # the integrity checks that ran to their end
    check = backups._sqlite_check

    def counted(path, *args, **kwargs):
        result = check(path, *args, **kwargs)
        checked.append(path.name)
        return result

    monkeypatch.setattr(backups, "_sqlite_check", counted)
    progress = Progress()
    progress.cancel()  # clicked while the backup was copied aside (minutes for a big one, no progress step there)
    with pytest.raises(Cancelled):
        backups.restore_workspace(owner, backup, tmp_path / "restored.sqlite", progress=progress)
    assert not (tmp_path / "restored.sqlite").exists()
    assert checked == []  # it stopped there: the whole integrity check of the copy did not run first
    assert not any(p.name.startswith(".restored") for p in tmp_path.iterdir())
