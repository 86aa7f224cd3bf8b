"""Issue 14's fault edges as the window shows them: a read-only workspace at start says so (naming the file),
and the team database's address is kept and shown without its password (also one given as ?password=)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from desktop.workspace import open_workspace
from ui.pages.settings_page import TEAM_URL_KEY, SettingsPage, database_display

pytestmark = OFFSCREEN_QUIRKS
REPO = Path(__file__).resolve().parents[2]

# The window's start (ui.app.run_app) with its message boxes printed instead of shown.
_START = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QMessageBox

    def show(parent, title, text, *args, **kwargs):
        print("MESSAGE:", text, flush=True)
        return QMessageBox.StandardButton.Ok

    QMessageBox.critical = QMessageBox.warning = show
    from ui.app import run_app

    print("EXIT", run_app(sys.argv[1], sys.argv[2]), flush=True)
    """
)


def _without_privileges() -> list[str] | None:
    """How to start a process to which file permissions apply (root: without the capabilities that bypass
    them); None when that cannot be done here."""
    if sys.platform == "win32":
        return None
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


@pytest.mark.parametrize("what", ["file", "folder"])
def test_the_window_says_a_read_only_workspace_is_read_only(what, tmp_path):
    prefix = _without_privileges()
    if prefix is None:
        pytest.skip("cannot start a process to which file permissions apply here")
    folder = tmp_path / "ws"
    folder.mkdir()
    path = folder / "workspace.sqlite"
    open_workspace(path).dispose()
    for side in folder.glob("workspace.sqlite-*"):
        side.unlink()
    env = {k: v for k, v in os.environ.items() if k != "QUNDESK_DB"}
    env.update(QUNDESK_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    try:
        if what == "file":
            path.chmod(0o444)
        else:
            folder.chmod(0o555)
        for lang, words in (("en", "read-only"), ("zh_CN", "只读")):
            done = subprocess.run(
                [*prefix, sys.executable, "-c", _START, str(path), lang],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            messages = [line for line in done.stdout.splitlines() if line.startswith("MESSAGE:")]
            assert len(messages) == 1, done.stdout + done.stderr
            assert words in messages[0] and str(path) in messages[0]
            assert "unable to open database file" not in done.stdout
            assert done.stdout.strip().endswith("EXIT 3")
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_the_team_address_is_kept_and_shown_without_any_password(qtbot, tmp_path, pg_url):
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path)
    try:
        page = SettingsPage(ws.database, ws.owner)
        qtbot.addWidget(page)
        base = make_url(pg_url)
        typed = base.set(password="S3cretPw4x9").update_query_dict({"password": "QueryPw7y2", "sslmode": "disable"})
        page.team_url_edit.setText(typed.render_as_string(hide_password=False))
        assert page.save_team()
        stored = str(QSettings().value(TEAM_URL_KEY))
        assert "S3cretPw4x9" not in stored and "QueryPw7y2" not in stored and "sslmode=disable" in stored
        assert page.team_url_edit.text() == stored
        QSettings().sync()
        for ini in (tmp_path / "qsettings").rglob("*"):
            if ini.is_file():
                data = ini.read_text(encoding="utf-8", errors="replace")
                assert "S3cretPw4x9" not in data and "QueryPw7y2" not in data
    finally:
        close_workspace(ws)
    team = open_workspace(typed.render_as_string(hide_password=False))
    try:
        shown = database_display(team)
        assert f"{base.username}:***@" in shown and "S3cretPw4x9" not in shown and "QueryPw7y2" not in shown
    finally:
        team.dispose()


def test_a_second_window_leaves_a_workspace_another_window_has_open_as_it_was(tmp_path):
    """Another window holds the workspace (its lock), and the workspace is of an older QunDesk: the second window
    says the workspace is open elsewhere and quits before touching it — before, it upgraded the schema under the
    first window (with a backup), signed in, and only then said so."""
    from PySide6.QtCore import QLockFile

    path = tmp_path / "旧版 工作区.sqlite"
    shutil.copyfile(REPO / "tests" / "data" / "workspace_v1.sqlite", path)
    before = path.read_bytes()
    held = QLockFile(str(path) + ".lock")
    assert held.tryLock(0)  # the first window (this process, alive)
    env = {k: v for k, v in os.environ.items() if k != "QUNDESK_DB"}
    env.update(QUNDESK_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run(
            [sys.executable, "-c", _START, str(path), "en"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        held.unlock()
    assert "EXIT 3" in done.stdout, (done.stdout, done.stderr)
    assert "already open in another window" in done.stdout and str(os.getpid()) in done.stdout
    assert f"delete the lock file {path}.lock" in done.stdout  # the way back in, were that window gone
    assert path.read_bytes() == before  # not upgraded, not written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["旧版 工作区.sqlite"]  # no backup, no side file


def test_a_lock_left_on_another_computer_says_how_to_get_back_in(tmp_path, monkeypatch):
    """A workspace in a synced or network folder whose window stopped on another computer: its lock file stays,
    and no pid check can tell it is stale here. The message names that computer and the lock file to delete."""
    import ui.app

    shown: list[str] = []
    monkeypatch.setattr(ui.app.QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    path = tmp_path / "同步盘" / "社群.sqlite"
    path.parent.mkdir()
    open_workspace(path).dispose()
    lock_file = Path(f"{path}.lock")
    lock_file.write_text("4242\nqundesk\nlaptop-of-the-owner\n", encoding="utf-8")
    assert ui.app._lock_workspace(str(path)) is False
    [said] = shown
    assert "already open in another window" in said and "laptop-of-the-owner" in said
    assert f"delete the lock file {lock_file}" in said
    lock_file.unlink()  # as the message says: then it opens
    lock = ui.app._lock_workspace(str(path))
    try:
        assert lock not in (None, False)
    finally:
        lock.unlock()
        ui.app._locks.remove(lock)
