"""A phone written into a member's name, nickname or note (王五 13800138002): the roster's exports, `members --json`
and a team server's view show it to an assistant masked (王五 138****), the member dialog showed it whole. Now it
shows it masked, and the field is read-only to them: saving what they saw would have written 「王五 138****」 over the
stored name, the phone lost. The service refuses such a change too; the other fields save as before."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import OFFSCREEN_QUIRKS, type_text
from PySide6.QtCore import Qt

from desktop.errors import ValidationError
from desktop.services.roster import get_member_input, member_input_hidden, update_member
from ui.dialogs.member_dialog import MemberDialog

pytestmark = OFFSCREEN_QUIRKS

NAME, NOTE = "张三 13912345678", "备用电话 139-1234-5678"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (nothing here is dated, but saving checks join dates)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-18")


@pytest.fixture
def zhang(ws):
    ms = ws.memberships["张三"]
    with ws.database.session() as s:
        loaded = get_member_input(s, ms)
        update_member(s, ws.owner, ms, replace(loaded, display_name=NAME, note=NOTE), loaded=loaded)
        s.commit()
    return ms


def test_an_assistant_sees_a_phone_in_the_name_masked_and_cannot_edit_that_field(qtbot, ws, zhang):
    dialog = MemberDialog(ws.database, ws.assistant, ws.group_id, zhang)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_edit.text() == "张三 139****"
    assert dialog.note_edit.toPlainText() == "备用电话 139****"
    assert dialog.name_edit.isReadOnly() and dialog.note_edit.isReadOnly()
    assert not dialog.city_edit.isReadOnly()
    dialog.city_edit.clear()
    type_text(qtbot, dialog.city_edit, "深圳")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        data = get_member_input(s, zhang)
    assert (data.display_name, data.note, data.city) == (NAME, NOTE, "深圳")


def test_the_service_refuses_an_assistants_change_of_a_field_shown_masked(ws, zhang):
    with ws.database.session() as s:
        loaded, hidden = member_input_hidden(s, ws.assistant, zhang)
        assert hidden == {"display_name", "note"}
        with pytest.raises(ValidationError) as refused:
            update_member(s, ws.assistant, zhang, replace(loaded, display_name="张三 139**** 老会员"), loaded=loaded)
        assert refused.value.field == "display_name"
        s.rollback()
    with ws.database.session() as s:
        assert get_member_input(s, zhang).display_name == NAME


def test_the_owner_sees_and_edits_the_whole_name(qtbot, ws, zhang):
    dialog = MemberDialog(ws.database, ws.owner, ws.group_id, zhang)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_edit.text() == NAME and not dialog.name_edit.isReadOnly()
