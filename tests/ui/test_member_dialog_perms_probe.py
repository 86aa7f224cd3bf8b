"""The member dialog as an assistant opens it on one laptop (second permissions probe): the roster, the exports and
a team server's view show an assistant phones masked (138****8000) — the dialog showed the whole number."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, type_text
from PySide6.QtCore import Qt

from desktop.services.roster import get_member_input
from ui.dialogs.member_dialog import MemberDialog

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (nothing here is dated, but saving checks join dates)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-18")


def _open(qtbot, ws, actor) -> MemberDialog:
    dialog = MemberDialog(ws.database, actor, ws.group_id, ws.memberships["张三"])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_assistant_sees_the_phone_masked_and_saving_keeps_the_stored_number(qtbot, ws):
    dialog = _open(qtbot, ws, ws.assistant)
    assert dialog.phone_edit.text() == "138****8000"
    dialog.city_edit.clear()
    type_text(qtbot, dialog.city_edit, "深圳")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        data = get_member_input(s, ws.memberships["张三"])
    assert (data.city, data.phone) == ("深圳", "13800138000")


def test_an_assistant_types_a_new_phone_over_the_masked_one(qtbot, ws):
    dialog = _open(qtbot, ws, ws.assistant)
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "13600136000")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert get_member_input(s, ws.memberships["张三"]).phone == "13600136000"


def test_the_owner_still_sees_and_edits_the_whole_number(qtbot, ws):
    dialog = _open(qtbot, ws, ws.owner)
    assert dialog.phone_edit.text() == "13800138000"
