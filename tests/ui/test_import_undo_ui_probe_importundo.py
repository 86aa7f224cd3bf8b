"""The window's undo of an import (probe importundo; the window's text in English here, tests/ui/test_translations.py
checks the Chinese): the import dialog offers "撤销这次导入" once it imported, and
Tools → "撤销上一次导入…" (and the group's context menu) takes back the group's last import later — a roster imported
into the wrong group leaves that group as it was, the outcome said in the window."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services.operators import add_operator
from desktop.workspace import actor_for, open_workspace
from tests.desktop.test_import_undo_probe_importundo import TODAY, roster_xlsx, setup, snapshot
from ui.dialogs.import_dialog import ImportDialog
from ui.main_window import MainWindow

pytestmark = OFFSCREEN_QUIRKS
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def on_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@dataclass
class Ws:
    database: object
    owner: object
    assistant: object
    other_group_id: int  # 读书会: the wrong group


@pytest.fixture
def ws(tmp_path):
    """早起营 and 读书会 (the probe's workspace: 王芳 and 赵磊 in 读书会 with check-ins, 李雷 in 早起营)."""
    isolate_settings(tmp_path)
    database = open_workspace(tmp_path / "ws.sqlite")
    ids = setup(database)
    owner = actor_for(database)
    with database.session() as s:
        assistant = add_operator(s, owner, "小助理", "assistant")
        s.commit()
    yield Ws(database, owner, assistant, ids["wrong"])
    database.dispose()


def test_the_import_dialog_undoes_the_import_it_just_made(qtbot, ws, tmp_path):
    before = snapshot(ws.database)
    dialog = ImportDialog(ws.database, ws.owner, ws.other_group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.undo_button.isVisible()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.set_file(roster_xlsx(tmp_path / "名册.xlsx"))
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.undo_button.isVisible() and dialog.undo_button.text() == "Undo this import"
    assert snapshot(ws.database) != before
    with qtbot.waitSignal(dialog.import_undone, timeout=WAIT_MS) as undone:
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert not dialog.undo_button.isVisible()
    text = dialog.summary_label.text()
    assert text.startswith("The import of 名册.xlsx was undone."), text
    assert "新人甲" in text and "新人乙" in text
    assert sorted(undone.args[0].removed_memberships) == ["新人乙", "新人甲", "李雷"]
    after = snapshot(ws.database)
    for name in before:
        assert after[name] == before[name], name


def test_tools_menu_undoes_the_groups_last_import_after_asking(qtbot, ws, tmp_path, monkeypatch):
    from desktop.services.imports import run_import

    before = snapshot(ws.database)
    run_import(ws.database, ws.owner, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster")
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    assert window.undo_import_action.text() == "&Undo the last import…"
    with ws.database.session() as s:
        from models import Group

        gid = s.query(Group.id).filter(Group.name == "读书会").scalar()
    runner = window.undo_last_import(gid)
    assert runner is not None
    assert "名册.xlsx" in asked[0] and "读书会" in asked[0]
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert told[0].startswith("The import of 名册.xlsx was undone.")
    after = snapshot(ws.database)
    for name in before:
        assert after[name] == before[name], name
    # nothing more to undo: said, nothing asked
    assert window.undo_last_import(gid) is None
    assert "has no import that can be undone" in told[-1]
    assert len(asked) == 1


def test_an_assistant_is_told_whose_import_it_was(qtbot, ws, tmp_path, monkeypatch):
    from desktop.services.imports import run_import

    run_import(ws.database, ws.owner, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    window = MainWindow(ws.database, ws.assistant)
    qtbot.addWidget(window)
    with ws.database.session() as s:
        from models import Group

        gid = s.query(Group.id).filter(Group.name == "读书会").scalar()
    assert window.undo_last_import(gid) is None
    assert "an assistant may undo only their own imports" in told[0]


def test_with_all_groups_selected_the_workspace_s_last_import_is_offered_naming_its_group(
    qtbot, ws, tmp_path, monkeypatch
):
    """Tools → "Undo the last import…" with 全部社群 selected said "choose a group first": the assistant who imported
    into the wrong group had to know which group that was. The workspace's last import is offered now, its group
    named in the question; its time is the community's local time, as stored (it was labelled UTC)."""
    from desktop.services.imports import run_import

    before = snapshot(ws.database)
    run_import(ws.database, ws.owner, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster")
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    assert window.current_group_id() is None  # 全部社群
    runner = window.undo_last_import()
    assert runner is not None
    assert "名册.xlsx" in asked[0] and "“读书会”" in asked[0] and "UTC" not in asked[0]
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    after = snapshot(ws.database)
    for name in before:
        assert after[name] == before[name], name
    assert window.undo_last_import() is None
    assert told[-1] == "No import in this workspace can be undone."


def test_the_dialog_s_undo_button_goes_when_another_file_is_previewed(qtbot, ws, tmp_path):
    """After an import, choosing the next file left "Undo this import" beside that file's preview — read as undoing
    the file shown. It goes with the new preview; the import made stays undoable from the Tools menu."""
    dialog = ImportDialog(ws.database, ws.owner, ws.other_group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.set_file(roster_xlsx(tmp_path / "名册.xlsx"))
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.undo_button.isVisible()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.set_file(roster_xlsx(tmp_path / "另一个名册.xlsx"))
    assert not dialog.undo_button.isVisible()
    from desktop.services.import_undo import last_import

    with ws.database.session() as s:
        assert last_import(s, ws.other_group_id) is not None  # still there to undo
