"""A workspace left with saves in its -wal (the window or a script stopped without folding them into the file, a
power cut) and then found read-only (copied onto a USB stick or a CD with its folder, a permissions mistake): it is
refused, naming the file — and the message asks to copy it together with its -wal. It asked to copy the file alone,
and the copy lacked the saves the -wal held, without a word."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

STOPPED_WRITER = """
import os, sys
from desktop.services.groups import create_group
from desktop.workspace import actor_for, open_workspace
database = open_workspace(sys.argv[1])
with database.session() as s:
    create_group(s, actor_for(database), "最后一次保存的群")
    s.commit()
os._exit(0)  # stopped: no connection closed, the last saves stay in the -wal
"""


def _drop_privileges() -> list[str] | None:
    if sys.platform == "win32":
        return None
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "print(1)"], capture_output=True, text=True)
    return prefix if probe.returncode == 0 else None


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QUNDESK_DB", "QUNDESK_PASSWORD", "QUNDESK_OPERATOR")}
    env.update(QUNDESK_HOME=str(home), PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    return env


def test_a_read_only_workspace_with_saves_in_its_wal_asks_to_copy_both(tmp_path):
    prefix = _drop_privileges()
    if prefix is None:
        pytest.skip("cannot run without the privileges that ignore file permissions here")
    folder = tmp_path / "U盘"
    folder.mkdir()
    path = folder / "社群.sqlite"
    env = _env(tmp_path / "home")
    done = subprocess.run([sys.executable, "-c", STOPPED_WRITER, str(path)], cwd=REPO, env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    alone = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:  # the file alone lacks the last save: a copy of it alone would too
        tables = {r[0] for r in alone.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert (
            "community_group" not in tables
            or not alone.execute("SELECT 1 FROM community_group WHERE name = '最后一次保存的群'").fetchall()
        )
    finally:
        alone.close()
    try:
        folder.chmod(0o555)
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "desktop.cli", "--db", str(path), "groups"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        folder.chmod(0o755)
    assert done.returncode == 3, done.stderr
    assert "只读" in done.stderr and str(path) in done.stderr
    assert f"连同旁边的 {wal.name} 文件一起" in done.stderr and f"together with {wal.name}" in done.stderr
    assert wal.stat().st_size > 0  # left as it was
