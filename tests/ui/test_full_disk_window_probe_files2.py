"""A laptop's disk fills up while the window is open (a real, tiny file system: tmpfs, root on Linux; skipped
elsewhere): a pasted chain is refused in words naming the workspace, nothing logged, the chain still in the paste
box; "Back up now" says the disk is full, naming the file, and leaves no partial backup looking like a good one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings, make_workspace

from desktop.services.checkins import checkins_on
from tests.fixed_day import TEST_TODAY
from ui.pages import checkins_page as checkins_module
from ui.pages.checkins_page import CheckinsPage

pytestmark = OFFSCREEN_QUIRKS

CHAIN = f"#接龙\n早起打卡 {TEST_TODAY.month}月{TEST_TODAY.day}日\n1. 李四\n"


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a tiny file system needs root on Linux")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"x" * 4096)
        except OSError:
            pass


def test_a_full_disk_keeps_the_pasted_chain_and_names_what_was_not_saved(qtbot, small_disk, tmp_path, monkeypatch):
    isolate_settings(tmp_path)
    monkeypatch.setenv("QUNDESK_HOME", str(small_disk / "home"))
    ws = make_workspace(small_disk)
    try:
        shown: list[str] = []
        monkeypatch.setattr(checkins_module, "show_error", lambda parent, exc: shown.append(str(exc)))
        page = CheckinsPage(ws.database, ws.owner)
        qtbot.addWidget(page)
        page.show()
        page.set_group(ws.group_id)
        page.set_paste_text(CHAIN)
        qtbot.waitUntil(lambda: page.confirm_button.isEnabled(), timeout=5_000)
        ws.database.fold_wal()
        _fill(small_disk)
        page.confirm_paste()
        assert len(shown) == 1 and "disk is full" in shown[0] and str(ws.path) in shown[0]
        assert page.paste_edit.toPlainText() == CHAIN
        with ws.database.session() as s:
            assert checkins_on(s, ws.group_id, TEST_TODAY) == []

        from ui.pages.settings_page import SettingsPage

        settings = SettingsPage(ws.database, ws.owner)
        qtbot.addWidget(settings)
        errors: list[str] = []
        settings.notify_error = errors.append
        with qtbot.waitSignal(settings.runner.failed, timeout=60_000):
            settings.back_up_now()
        # said as the window shows it: before, "Nothing was written" — no full disk, no file
        assert len(errors) == 1 and errors[0].startswith("The disk is full: nothing was written"), errors
        assert str(small_disk / "home" / "backups") in errors[0]
        backups = small_disk / "home" / "backups"
        assert not backups.exists() or [p.name for p in backups.iterdir()] == []  # no partial file left

        (small_disk / "filler").unlink()  # room again: the same chain goes in, once
        page.confirm_paste()
        with ws.database.session() as s:
            assert [c.membership_id for c in checkins_on(s, ws.group_id, TEST_TODAY)] == [ws.memberships["李四"]]
    finally:
        ws.database.dispose()


def test_an_export_onto_a_full_disk_names_the_file_as_the_window_shows_it(small_disk, tmp_path, monkeypatch):
    """The roster export onto a full USB stick: the old workbook stays, no half-written .xlsx is left, and the window's
    words say the disk is full and which file (before: "Disk full", without the file)."""
    from desktop.errors import QunDeskError
    from desktop.services.roster_export import export_roster
    from ui.messages import localise_message

    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path)
    try:
        path = small_disk / "名册.xlsx"
        path.write_bytes(b"the organiser's annotated copy")
        _fill(small_disk)
        with pytest.raises(QunDeskError) as err:
            export_roster(ws.database, ws.owner, group_ids=[ws.group_id], path=path)
        assert localise_message(str(err.value), "en") == (
            f"The disk is full: nothing was written; free some space and try again: {path}"
        )
        assert localise_message(str(err.value), "zh_CN").startswith("磁盘空间不足, 未写入任何内容")
        assert path.read_bytes() == b"the organiser's annotated copy"
        assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "名册.xlsx"]
    finally:
        ws.database.dispose()
