"""Crash safety (PRODUCT §5 "nothing is half written", issue 6 item 6): a process doing a large write is
killed with SIGKILL in the middle — once its uncommitted rows are on disk (the SQLite WAL has grown) or it
reported progress — and afterwards the database is sound (`PRAGMA integrity_check`), holds nothing of the
killed write, and the same command then succeeds.

Cases: `qundesk demo` (8 groups, 5,000 people, ~70,000 rows in one transaction) on a SQLite file; a restore
into a new SQLite file (built in a temp file, renamed into place) and into a PostgreSQL database (one
transaction).
Import and export SIGKILL tests live with those features."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services.backup import backup_workspace
from models import Base, search
from models.db import make_engine

REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("crash_writer.py")
GROUPS, PEOPLE = 8, 5_000
# A fixed end of history (late in a month): the demo's size must not depend on the day the tests run.
DEMO_ARGS = ["demo", "--groups", str(GROUPS), "--members", str(PEOPLE), "--months", "1", "--seed", "5"]
DEMO_ARGS += ["--today", "2026-11-28"]
WAL_AT_KILL = 3_000_000  # the schema is ~0.7 MB of WAL; beyond this the demo's uncommitted pages are on disk


def _env(home: Path) -> dict[str, str]:
    # TMPDIR: what a killed writer leaves in its temp folder stays inside the test's folder
    return {**os.environ, "PYTHONPATH": str(REPO), "QUNDESK_HOME": str(home), "TMPDIR": str(home)}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _kill_when(proc: subprocess.Popen, ready: Callable[[], bool], timeout: float = 120) -> None:
    """SIGKILL the process as soon as `ready()` is true; fail if it finished first."""
    deadline = time.monotonic() + timeout
    try:
        while not ready():
            if proc.poll() is not None:
                out, err = proc.communicate()
                pytest.fail(f"the writer finished (exit {proc.returncode}) before it could be killed:\n{out}\n{err}")
            assert time.monotonic() < deadline, "the writer never reached the point to kill it at"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def _counts(url) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


class _Progress:
    """Reads the writer's `progress DONE TOTAL` lines without blocking the test."""

    def __init__(self, proc: subprocess.Popen):
        import threading

        self.done = self.total = 0
        self.lines: list[str] = []

        def read() -> None:
            for line in proc.stdout:
                self.lines.append(line)
                parts = line.split()
                if len(parts) == 3 and parts[0] == "progress":
                    self.done, self.total = int(parts[1]), int(parts[2])

        self.thread = threading.Thread(target=read, daemon=True)
        self.thread.start()

    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


@pytest.fixture(scope="module")
def killed_demo(tmp_path_factory) -> dict:
    """`qundesk demo` killed midway on a SQLite file, then run again (built once for the module)."""
    folder = tmp_path_factory.mktemp("crash-demo")
    db = folder / "big.sqlite"
    wal = Path(f"{db}-wal")
    cmd = [sys.executable, "-m", "desktop.cli", "--db", str(db), *DEMO_ARGS]
    proc = subprocess.Popen(
        cmd, cwd=REPO, env=_env(folder / "home"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    _kill_when(proc, lambda: _size(wal) > WAL_AT_KILL)
    facts = {"wal_at_kill": _size(wal), "integrity_after_kill": _integrity(db), "after_kill": _counts(db)}
    rerun = subprocess.run(cmd, cwd=REPO, env=_env(folder / "home"), capture_output=True, text=True, timeout=300)
    facts.update(
        db=db,
        rerun=rerun,
        integrity_after_rerun=_integrity(db),
        after_rerun=_counts(db),
        home=folder / "home",
    )
    return facts


def test_demo_killed_midway_leaves_nothing_half_written_and_runs_again(killed_demo):
    assert killed_demo["wal_at_kill"] > WAL_AT_KILL
    assert killed_demo["integrity_after_kill"] == "ok"
    after = killed_demo["after_kill"]
    # all or nothing: either no group at all or the whole demo (the kill came before the commit here)
    assert after["community_group"] in (0, GROUPS)
    if after["community_group"] == 0:
        assert after["member"] == after["membership"] == after["checkin"] == after["points_entry"] == 0
    else:
        assert after["member"] == PEOPLE

    rerun = killed_demo["rerun"]
    assert rerun.returncode == 0, rerun.stderr
    assert "demo workspace created" in rerun.stdout
    assert killed_demo["integrity_after_rerun"] == "ok"
    final = killed_demo["after_rerun"]
    assert final["community_group"] == GROUPS and final["member"] == PEOPLE
    assert final["checkin"] > 10_000 and final["points_entry"] >= final["checkin"]


def _restore_proc(backup: Path, target: str, home: Path) -> tuple[subprocess.Popen, _Progress]:
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), "restore", str(backup), target],
        cwd=REPO,
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, _Progress(proc)


@pytest.fixture(scope="module")
def big_backup(killed_demo, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = backup_workspace(make_engine(killed_demo["db"]), tmp_path_factory.mktemp("big-backup") / "big.sqlite")
    return path, killed_demo["after_rerun"]


def test_restore_killed_midway_into_a_new_sqlite_file(big_backup, tmp_path):
    backup, expected = big_backup
    target = tmp_path / "restored.sqlite"
    proc, progress = _restore_proc(backup, str(target), tmp_path)
    building = tmp_path / f".restored.sqlite.restore-{proc.pid}.tmp-wal"  # named after its process
    _kill_when(proc, lambda: progress.share() > 0.4 and _size(building) > 1_000_000)

    assert not target.exists()  # built aside and renamed only when complete
    again = subprocess.run(
        [sys.executable, str(WRITER), "restore", str(backup), str(target)],
        cwd=REPO,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert _integrity(target) == "ok"
    assert _counts(target) == {**expected, "audit_log": expected["audit_log"] + 1}  # + the restore's own audit row
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".restored")) == []  # leftovers cleared


def test_restore_killed_midway_into_postgresql(big_backup, pg_url, tmp_path):
    backup, expected = big_backup
    proc, progress = _restore_proc(backup, pg_url, tmp_path)
    _kill_when(proc, lambda: progress.share() > 0.4)

    after = _counts(pg_url)
    span = after.pop("search_gram_span")  # the schema's own rows (models/search.py), made by the migration
    assert span == len(search.span_rows())
    assert set(after.values()) == {0}  # the schema was made, but no row of the killed copy is there
    again = subprocess.run(
        [sys.executable, str(WRITER), "restore", str(backup), pg_url],
        cwd=REPO,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert _counts(pg_url) == {**expected, "audit_log": expected["audit_log"] + 1}  # + the restore's own audit row
