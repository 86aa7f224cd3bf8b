"""No data lost on a hostile disk (the upgrade probe, PRODUCT §5): an old workspace's upgrade on a full disk, a
workspace of a newer QunDesk only looked at, a workspace locked by another program, paths given with `~`.

Real files and real child processes: a full disk is a process whose files may not grow (RLIMIT_FSIZE), or a real
tiny tmpfs where the tests run as root on Linux."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
V1 = REPO / "tests" / "data" / "workspace_v1.sqlite"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _read(path: Path, sql: str):
    from models.db import read_only_uri

    conn = sqlite3.connect(read_only_uri(path), uri=True)  # no -wal, -shm left beside it
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _counts(path: Path) -> dict[str, int]:
    return {
        t: _read(path, f"SELECT count(*) FROM {t}")[0][0] for t in ("member", "membership", "checkin", "points_entry")
    }


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "QUNDESK_HOME": str(home)}


# ====================================================================================== db status only looks


def test_db_status_leaves_a_newer_qundesk_s_workspace_and_an_old_one_byte_for_byte(tmp_path, capsys):
    """`db status` connected through an engine, and every connection switches the file to WAL: a workspace of a newer
    QunDesk, which every other command refuses without a byte changed, had its header rewritten by looking at its
    version (and an old one, behind, likewise)."""
    newer = tmp_path / "新版 工作区.sqlite"
    shutil.copyfile(V1, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.commit()
    conn.close()
    older = tmp_path / "旧版.sqlite"
    shutil.copyfile(V1, older)
    before = {p: p.read_bytes() for p in (newer, older)}

    code, out, err = run(capsys, "--db", str(newer), "db", "status")
    assert code == 0, err
    assert "0099_future" in out and "由更新版本的 QunDesk 创建" in out
    code, out, err = run(capsys, "--db", str(older), "db", "status")
    assert code == 0, err
    assert "0001_initial" in out and "需要升级" in out

    for path, data in before.items():
        assert path.read_bytes() == data, f"{path.name} was changed by db status"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in before)  # no -wal, -shm


# ====================================================================================== a full disk and the upgrade

_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_an_upgrade_whose_backup_cannot_be_written_says_so_and_leaves_the_workspace_as_it_was(tmp_path):
    """The backup taken before upgrading an old workspace failed writing (no room): the command line said
    "数据库错误 (database error): disk I/O error" (or "database or disk is full") — no file, not that the workspace
    was left as it was, nothing to do. Now the message says the backup could not be written, the workspace was not
    upgraded and is unchanged (its revision), and names it; no partial backup is left."""
    workspace = tmp_path / "社群 旧版.sqlite"
    shutil.copyfile(V1, workspace)
    before = _counts(workspace)
    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-c", _LIMITED, "300000", "--db", str(workspace), "db", "upgrade"],
        cwd=REPO,
        env=_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("qundesk: 升级前的备份没有写成"), done.stderr
    assert str(workspace) in done.stderr and "0001_initial" in done.stderr and "db upgrade" in done.stderr
    assert _read(workspace, "SELECT version_num FROM alembic_version") == [("0001_initial",)]
    assert _read(workspace, "PRAGMA integrity_check") == [("ok",)]
    assert _counts(workspace) == before
    backups = home / "backups"
    assert not backups.exists() or list(backups.iterdir()) == []  # no partial copy, no journal beside it

    # with room again, the same command upgrades it whole
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(workspace), "db", "upgrade"],
        cwd=REPO,
        env=_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert _counts(workspace) == before


def _tiny_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def test_an_upgrade_that_fills_a_real_disk_is_rolled_back_and_says_where_its_backup_is(tmp_path):
    """A real small file system (a tmpfs; root on Linux, skipped elsewhere) with room for the workspace and its
    backup from before the upgrade, not for the upgrade: the upgrade is rolled back whole, and the message says so,
    names the workspace and the backup, and says what to do. The next attempt, the disk still full, cannot write
    its backup: said as such (it was "数据库错误 (database error): database or disk is full")."""
    disk = tmp_path / "disk"
    if not _tiny_tmpfs(disk, "900k"):
        pytest.skip("needs root on Linux to mount a tiny tmpfs")
    try:
        workspace = disk / "社群.sqlite"
        shutil.copyfile(V1, workspace)
        before = _counts(workspace)
        home = disk / "home"

        def upgrade() -> subprocess.CompletedProcess:
            return subprocess.run(
                [sys.executable, "-m", "desktop.cli", "--db", str(workspace), "db", "upgrade"],
                cwd=REPO,
                env=_env(home),
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=300,
            )

        first = upgrade()
        assert first.returncode == 3, first.stderr
        assert first.stderr.startswith("qundesk: 升级没有完成, 磁盘空间不足"), first.stderr
        taken = sorted((home / "backups").glob("before-upgrade-*.sqlite"))
        assert len(taken) == 1 and str(taken[0]) in first.stderr and str(workspace) in first.stderr
        assert _counts(taken[0]) == before

        second = upgrade()
        assert second.returncode == 3, second.stderr
        assert second.stderr.startswith("qundesk: 升级前的备份没有写成, 磁盘空间不足"), second.stderr
        assert str(workspace) in second.stderr and "0001_initial" in second.stderr
        assert sorted((home / "backups").iterdir()) == taken  # no second copy, no partial one

        with (disk / "filler").open(
            "wb", buffering=0
        ) as filler:  # the disk full to the last byte: no room for a lock file
            with pytest.raises(OSError):
                while True:
                    filler.write(b"\0" * 4096)
        third = upgrade()
        assert third.returncode == 3, third.stderr
        assert third.stderr.startswith("qundesk: 读写工作区时磁盘出错"), third.stderr
        assert str(workspace) in third.stderr and "Traceback" not in third.stderr
        (disk / "filler").unlink()

        assert _read(workspace, "SELECT version_num FROM alembic_version") == [("0001_initial",)]
        assert _read(workspace, "PRAGMA integrity_check") == [("ok",)]
        assert _counts(workspace) == before
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


# ====================================================================================== locked by another program


def test_a_workspace_another_program_keeps_locked_is_named_with_what_to_do_and_nothing_is_written(
    tmp_path, capsys, monkeypatch
):
    """Another process (another QunDesk window saving, a script) holds a write transaction past the busy timeout:
    an import and a check-in ended in "数据库错误 (database error): database is locked" — which file, what to do? —
    and in the window's import dialog a bug report with a traceback. Now a known error naming the file."""
    import models.db as mdb

    monkeypatch.setattr(mdb, "SQLITE_BUSY_TIMEOUT_MS", 200)  # the 10 s wait, times every retry, made short
    workspace = tmp_path / "社群 工作区.sqlite"
    roster = tmp_path / "名册.csv"
    roster.write_text("姓名,微信号\n张三,wx_zhang\n李四,wx_li\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(workspace), "import", "roster", str(roster), "--group", "早起打卡营")
    assert code == 0, err
    before = _counts(workspace)
    roster.write_text("姓名,微信号\n王五,wx_wang\n", encoding="utf-8")

    holder = sqlite3.connect(workspace, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE community_group SET name = name")
        for argv in (
            ("import", "roster", str(roster), "--group", "早起打卡营"),
            ("checkin", "--group", "早起打卡营", "--date", "2026-11-02", "张三"),
        ):
            code, out, err = run(capsys, "--db", str(workspace), *argv)
            assert code == 3, (argv, out, err)
            assert err.startswith("qundesk: 工作区正被另一个程序使用"), err
            assert str(workspace) in err and "database is locked" not in err
    finally:
        holder.rollback()
        holder.close()
    assert _counts(workspace) == before


def test_a_lock_outlasting_every_retry_is_a_known_database_error_that_is_still_retried():
    """The error is a DatabaseError (the window shows it as a message, not a bug report) and still the driver's
    OperationalError that with_retry and is_retryable know."""
    from sqlalchemy.exc import OperationalError

    from models.db import DatabaseError, WorkspaceBusyError, busy_file_message, is_retryable, with_retry

    calls = []

    def locked():
        calls.append(1)
        raise WorkspaceBusyError(
            busy_file_message("/x/w.sqlite"), "INSERT", {}, sqlite3.OperationalError("database is locked")
        )

    with pytest.raises(WorkspaceBusyError) as caught:
        with_retry(locked, attempts=3, base_delay=0)
    assert len(calls) == 3
    assert isinstance(caught.value, DatabaseError) and isinstance(caught.value, OperationalError)
    assert is_retryable(caught.value) and str(caught.value).endswith(": /x/w.sqlite")


# ====================================================================================== ~ in a path


def test_files_given_with_a_tilde_are_in_the_home_folder(tmp_path, capsys, monkeypatch):
    """`import roster "~/名册.csv"` (quoted in a cron line or a script: no shell expands it) said 找不到文件 for a file
    that is there, and `checkin --paste "~/接龙.txt"` could not read it, while --db "~/…", `backup -o "~/…"` and
    `restore "~/…"` took the home folder's."""
    home = tmp_path / "家"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    (home / "名册.csv").write_text("姓名,微信号\n张三,wx_zhang\n", encoding="utf-8")
    (home / "接龙.txt").write_text("#接龙\n1. 张三\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", "~/w.sqlite", "import", "roster", "~/名册.csv", "--group", "早起打卡营")
    assert code == 0, err
    code, out, err = run(
        capsys,
        "--db",
        "~/w.sqlite",
        "checkin",
        "--group",
        "早起打卡营",
        "--date",
        "2026-11-02",
        "--paste",
        "~/接龙.txt",
    )
    assert code == 0, err
    assert "新记录 logged 1" in out
    assert _counts(home / "w.sqlite")["checkin"] == 1


# ====================================================================================== a read-only folder


def test_a_workspace_in_a_read_only_folder_says_what_to_do(tmp_path, capsys):
    """A workspace on a read-only share or a write-protected stick: every command said "the workspace's folder is
    read-only" and stopped there — true, but not what to do about it. The message now says to copy it to a folder
    that can be written and open the copy (exit 3, the file named, nothing written)."""
    folder = tmp_path / "只读 共享"
    folder.mkdir()
    workspace = folder / "社群.sqlite"
    shutil.copyfile(V1, workspace)
    code, _, err = run(capsys, "--db", str(workspace), "db", "upgrade")
    assert code == 0, err
    for side in folder.glob("社群.sqlite-*"):
        side.unlink()
    data = workspace.read_bytes()
    root = os.geteuid() == 0
    if root:  # permissions do not stop root: a read-only bind mount does
        mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode == 0
        if not mounted or subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)]).returncode != 0:
            if mounted:
                subprocess.run(["umount", str(folder)])
            pytest.skip("no read-only bind mount here")
    else:
        folder.chmod(0o555)
    try:
        for argv in (("groups",), ("checkin", "--group", "早起打卡营", "--date", "2026-11-02", "张三")):
            code, out, err = run(capsys, "--db", str(workspace), *argv)
            assert code == 3, (argv, out, err)
            assert "只读" in err and str(workspace) in err
            assert "复制到可以写入的文件夹" in err and "copy it to a folder you can write to" in err
    finally:
        if root:
            subprocess.run(["umount", str(folder)])
        else:
            folder.chmod(0o755)
    assert workspace.read_bytes() == data and sorted(p.name for p in folder.iterdir()) == ["社群.sqlite"]


# ====================================================================================== killed while backing up


_KILLED_WHILE_COPYING = """
import sys, time
import models.db as mdb

real = mdb.backup_sqlite_file


def slow(engine, target, stop=None, **kwargs):
    def copied(done, total):
        if done < total:
            print("copying", flush=True)  # a page or more is in the partial copy
            time.sleep(600)

    return real(engine, target, stop, pages=1, copied=copied)


mdb.backup_sqlite_file = slow
from desktop.cli import main
sys.exit(main(["--db", sys.argv[1], "db", "upgrade"]))
"""


def test_an_upgrade_killed_while_it_backs_up_leaves_no_partial_copy_once_it_runs_again(tmp_path):
    """SIGKILL (a power cut, the Task Manager) while the backup before an upgrade is copied: the partial copy
    `before-upgrade-….sqlite.part` — a whole workspace's size — stayed in the backups folder for good, since no
    clean-up knew its name. It is built under a temp name of its process now, and the next upgrade (the one cut
    short, run again) removes it; the workspace is as it was and then upgraded whole."""
    import signal

    workspace = tmp_path / "旧版 社群.sqlite"
    shutil.copyfile(V1, workspace)
    before = _counts(workspace)
    home = tmp_path / "home"
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WHILE_COPYING, str(workspace)],
        cwd=REPO,
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.strip() == "copying", (line, proc.stderr.read() if proc.stderr else "")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    backups = home / "backups"
    assert [p for p in backups.iterdir() if not p.name.startswith(".")] == []  # no backup of that name, whole or not
    assert _read(workspace, "SELECT version_num FROM alembic_version") == [("0001_initial",)]

    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(workspace), "db", "upgrade"],
        cwd=REPO,
        env=_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    left = sorted(p.name for p in backups.iterdir())
    assert len(left) == 1 and left[0].startswith("before-upgrade-0001_initial-") and left[0].endswith(".sqlite"), left
    assert _counts(backups / left[0]) == before and _counts(workspace) == before


# ====================================================================================== the day's backup cut short


@pytest.mark.parametrize("kept", [0, 8192, "half"])
def test_today_s_automatic_backup_cut_short_is_taken_again(sqlite_workspace, tmp_path, kept):
    """Today's automatic backup truncated after it was written (a sync tool, a copy back from a full stick): it
    counted as the day's backup, so none was taken all day — the newest sound copy was yesterday's. It is taken
    again now; a whole one still is not."""
    from datetime import date

    from desktop.services.backup import auto_backup

    folder = tmp_path / "backups"
    day = date(2026, 11, 18)
    first = auto_backup(sqlite_workspace, keep=3, today=day, folder=folder)
    assert first is not None
    assert auto_backup(sqlite_workspace, keep=3, today=day, folder=folder) is None  # whole: not taken twice
    data = first.read_bytes()
    first.write_bytes(data[: len(data) // 2] if kept == "half" else data[:kept])
    again = auto_backup(sqlite_workspace, keep=3, today=day, folder=folder)
    assert again == first and first.read_bytes() != b""
    assert _read(first, "PRAGMA integrity_check") == [("ok",)]
