"""The tiers/roles/tags dialog edits the workspace's lists through the services."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, make_workspace
from PySide6.QtCore import Qt

from desktop.services.taxonomy import list_roles, list_tag_rows, list_tier_rows
from ui.dialogs.taxonomy_dialog import TaxonomyDialog

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path)
    yield w
    close_workspace(w)


def test_rename_and_reorder_tiers(qtbot, ws):
    dlg = TaxonomyDialog(ws.database, ws.owner)
    qtbot.addWidget(dlg)
    assert [t.name for t in dlg.tier_rows()] == ["核心", "大咖", "中咖", "普通"]
    dlg.tier_table.item(1, 0).setText("KOL")
    dlg.tier_table.setCurrentCell(1, 0)
    qtbot.mouseClick(dlg.tier_up, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.tier_save, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert [t.name for t in list_tier_rows(s)] == ["KOL", "核心", "中咖", "普通"]


def test_roles_and_tag_colours(qtbot, ws):
    dlg = TaxonomyDialog(ws.database, ws.owner)
    qtbot.addWidget(dlg)
    dlg.ask_text = lambda *_: "社群讲师"
    assert dlg.add_role()
    assert dlg.role_list.count() == 6
    dlg.tag_list.setCurrentRow(0)
    dlg.ask_color = lambda _current: "#FF0000"
    assert dlg.recolor_tag()
    with ws.database.session() as s:
        assert "社群讲师" in [r[1] for r in list_roles(s)]
        assert list_tag_rows(s)[0][2] == "#FF0000"


def test_an_assistant_cannot_edit_tiers_or_roles(qtbot, ws):
    dlg = TaxonomyDialog(ws.database, ws.assistant)
    qtbot.addWidget(dlg)
    assert not dlg.tier_save.isEnabled() and not dlg.role_add.isEnabled()
