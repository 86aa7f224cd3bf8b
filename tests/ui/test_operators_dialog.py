"""Operators: the owner adds an assistant with a password, switches the window to it (wrong password refused),
and the whole window follows the new role: status bar, menus, the roster's Delete button, rebuilt pages.
Also the Tools menu and the group list's context menu."""

from __future__ import annotations

import importlib.util
import sys
import types

import pytest
from helpers import OFFSCREEN_QUIRKS, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.services.operators import list_operators
from ui.dialogs.operators_dialog import OperatorsDialog, SwitchOperatorDialog
from ui.main_window import GROUP_PROFILE_MODULE, PAGE_KEYS, MainWindow

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def window(qtbot, ws):
    w = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(w)
    w.show()
    return w


def test_add_an_assistant_switch_to_it_and_delete_is_disabled(qtbot, ws, window):
    roster = window.roster_page
    assert roster.select_membership(ws.memberships["张三"])
    assert roster.delete_button.isEnabled()  # the owner may delete

    dialog = window.open_operators()
    assert isinstance(dialog, OperatorsDialog)
    assert dialog.operator_names() == ["群主", "小助理"]
    type_text(qtbot, dialog.name_edit, "小王")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("assistant"))
    assert "cannot" in dialog.role_hint.text()
    # the owner has no password yet: giving one to an assistant first would lock the owner out for good
    type_text(qtbot, dialog.password_edit, "secret")
    type_text(qtbot, dialog.confirm_edit, "secret")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text().startswith("Give an owner a password first")
    assert dialog.operator_names() == ["群主", "小助理"]
    qtbot.mouseClick(dialog.password_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Choose an operator in the list first."
    dialog.select_operator("群主")
    qtbot.mouseClick(dialog.password_button, Qt.MouseButton.LeftButton)
    assert dialog.model.item(0, 2).text() == "Yes"  # the owner's password, from the same fields
    assert dialog.error_label.isHidden() and dialog.password_edit.text() == ""
    type_text(qtbot, dialog.password_edit, "secret")
    type_text(qtbot, dialog.confirm_edit, "secrex")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "The two passwords differ."
    dialog.confirm_edit.clear()
    type_text(qtbot, dialog.confirm_edit, "secret")
    with qtbot.waitSignal(dialog.operator_added) as added:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert added.args[0].name == "小王" and added.args[0].role == "assistant"
    assert dialog.operator_names() == ["群主", "小助理", "小王"]
    assert dialog.model.item(2, 2).text() == "Yes"  # has a password
    with ws.database.session() as s:
        assert [(a.name, a.role) for a in list_operators(s)][-1] == ("小王", "assistant")

    # the same name again is refused with the service's message
    type_text(qtbot, dialog.name_edit, "小王")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Already exists"

    switch = dialog.open_switch_dialog()
    switch.choose("小王")
    assert switch.password_edit.isEnabled()
    type_text(qtbot, switch.password_edit, "wrong")
    qtbot.mouseClick(switch.ok_button, Qt.MouseButton.LeftButton)
    assert switch.error_label.text() == "Wrong password."
    assert window.actor.name == "群主"
    switch.password_edit.clear()
    type_text(qtbot, switch.password_edit, "secret")
    with qtbot.waitSignal(window.actor_changed) as changed:
        qtbot.mouseClick(switch.ok_button, Qt.MouseButton.LeftButton)
    assert changed.args[0].name == "小王"

    assert window.actor.name == "小王" and window.actor.role == "assistant"
    assert window.operator_label.text() == "Operator: 小王 (Assistant)"
    assert not window.new_group_action.isEnabled() and not window.new_group_button.isEnabled()
    assert window.roster_page is roster  # told, not rebuilt
    assert roster.select_membership(ws.memberships["张三"])
    assert not roster.delete_button.isEnabled()
    assert "owner or an admin" in roster.delete_button.toolTip()
    assert roster.edit_button.isEnabled()  # assistants edit members
    # pages without set_actor are built again for the new operator
    assert not window.settings_page.save_button.isEnabled()
    assert window.stack.indexOf(window.settings_page) == PAGE_KEYS.index("settings")


def test_switch_to_an_operator_without_password_and_back(qtbot, ws, window):
    dialog = window.switch_operator()
    assert isinstance(dialog, SwitchOperatorDialog)
    dialog.choose("小助理")
    assert not dialog.password_edit.isEnabled()
    assert dialog.password_note.text() == "This operator has no password."
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.actor == ws.assistant
    assert not window.roster_page.delete_button.isEnabled() or not window.roster_page.selected_rows()
    dialog = window.switch_operator()
    dialog.choose("群主")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.actor == ws.owner
    assert window.new_group_action.isEnabled()


def test_only_the_owner_adds_operators(qtbot, ws):
    dialog = OperatorsDialog(ws.database, ws.assistant)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled() and not dialog.name_edit.isEnabled()
    assert dialog.role_hint.text() == "Only the owner may add operators."
    assert dialog.add() is None
    assert dialog.current_label.text() == "Working as 小助理 (Assistant)"


def test_tools_menu(window):
    texts = [a.text() for a in window.tools_menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Import…",
        "Import a &chat history…",
        "&Undo the last import…",  # probe importundo: the group's (or the workspace's) last import taken back
        "&Audit log…",
        "&Operators…",
        "&Switch operator…",
        "&Tiers, roles and tags…",
    ]


def test_tools_open_audit_log_and_import(qtbot, window, ws):
    audit = window.open_audit_log()
    assert audit.model.rowCount() > 0
    audit.reject()
    window.select_group(ws.group_id)
    dialog = window.open_import()
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_group_context_menu_hides_the_profile_until_the_dialog_exists(window, ws):
    menu = window.group_context_menu(ws.group_id)
    profile = menu.findChild(type(window.import_action), "groupProfileAction")
    exists = importlib.util.find_spec(GROUP_PROFILE_MODULE) is not None
    assert profile.isVisible() == exists
    menu.deleteLater()
    menu = window.group_context_menu(None)  # "All groups" has no profile
    assert not menu.findChild(type(window.import_action), "groupProfileAction").isVisible()
    menu.deleteLater()


def test_open_group_profile_loads_the_dialog_lazily(qtbot, window, ws, monkeypatch):
    opened = []

    class FakeProfileDialog(QDialog):
        def __init__(self, database, actor, group_id, parent=None):
            super().__init__(parent)
            opened.append((actor.name, group_id))

    fake = types.ModuleType(GROUP_PROFILE_MODULE)
    fake.GroupProfileDialog = FakeProfileDialog
    monkeypatch.setitem(sys.modules, GROUP_PROFILE_MODULE, fake)
    monkeypatch.setattr(MainWindow, "group_profile_available", staticmethod(lambda: True))
    menu = window.group_context_menu(ws.group_id)
    action = menu.findChild(type(window.import_action), "groupProfileAction")
    assert action.isVisible()
    action.trigger()
    assert opened == [("群主", ws.group_id)]
    window.group_profile_dialog.reject()
    menu.deleteLater()


def test_group_profile_from_the_context_menu_opens_the_real_dialog(qtbot, window, ws):
    if importlib.util.find_spec(GROUP_PROFILE_MODULE) is None:
        pytest.skip("the group profile dialog is not there yet")
    from ui.dialogs.group_profile_dialog import GroupProfileDialog

    menu = window.group_context_menu(ws.group_id)
    menu.findChild(type(window.import_action), "groupProfileAction").trigger()
    assert isinstance(window.group_profile_dialog, GroupProfileDialog)
    window.group_profile_dialog.reject()
    menu.deleteLater()


def test_the_window_asks_who_signs_in_once_an_operator_has_a_password(qtbot, ws, monkeypatch):
    """ui.app._sign_in: no password anywhere -> the owner at once; a password set -> the sign-in dialog, where
    a wrong password is refused and the right one signs in; cancelling it starts nothing."""
    from desktop.services.operators import set_password
    from ui import app as app_module

    assert app_module._sign_in(ws.database, None).role == "owner"
    with ws.database.session() as s:
        set_password(s, ws.owner, "群主", "owner-pass-1")
        set_password(s, ws.owner, "小助理", "assist-pass-2")
        s.commit()
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        assert dialog.windowTitle() == "Sign in" and dialog.objectName() == "signInDialog"
        dialog.choose("小助理")
        type_text(qtbot, dialog.password_edit, "nope-nope")
        dialog.switch()
        assert dialog.error_label.text() == "Wrong password." and dialog.actor is None
        dialog.password_edit.clear()
        type_text(qtbot, dialog.password_edit, "assist-pass-2")
        dialog.switch()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SwitchOperatorDialog, "exec", fake_exec)
    actor = app_module._sign_in(ws.database, None)
    assert shown and (actor.name, actor.role) == ("小助理", "assistant")
    monkeypatch.setattr(SwitchOperatorDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert app_module._sign_in(ws.database, None) is None
    monkeypatch.setenv("QUNDESK_PASSWORD", "owner-pass-1")  # the operator named with their password: no dialog
    assert app_module._sign_in(ws.database, "群主").role == "owner"


def test_sign_in_by_keyboard_starts_on_someone_who_can_and_arrows_walk_the_list(qtbot, ws):
    """The sign-in dialog opened on 群主, who has no password and so cannot sign in once others have one; and
    each arrow key in the operator list took the focus to the password field, so Down, Down stopped at the
    second operator. Now: it opens on the first operator with a password, the password field focused; the
    arrows walk the list, Tab goes to the password, Enter signs in."""
    from desktop.services.operators import add_operator, set_password

    with ws.database.session() as s:
        add_operator(s, ws.owner, "老板", "owner", "owner-pass-1")
        set_password(s, ws.owner, "小助理", "assist-pass-2")
        s.commit()
    dialog = SwitchOperatorDialog(ws.database, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.operator_combo.currentData().name == "小助理"
    assert dialog.password_edit.isEnabled()
    qtbot.waitUntil(dialog.password_edit.hasFocus)

    dialog.operator_combo.setFocus()
    qtbot.waitUntil(dialog.operator_combo.hasFocus)
    qtbot.keyClick(dialog.operator_combo, Qt.Key.Key_Up)
    assert dialog.operator_combo.currentData().name == "群主"
    for _ in range(2):
        qtbot.keyClick(dialog.operator_combo, Qt.Key.Key_Down)
    assert dialog.operator_combo.currentData().name == "老板"
    assert dialog.operator_combo.hasFocus()
    qtbot.keyClick(dialog.operator_combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.password_edit.hasFocus)
    type_text(qtbot, dialog.password_edit, "owner-pass-1")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.actor is not None and (dialog.actor.name, dialog.actor.role) == ("老板", "owner")


def test_an_assistant_changes_their_own_password_in_the_window(qtbot, ws):
    """The service lets every operator change their own password (the CLI's `operator passwd` does), but the
    window greyed the password fields out for anyone but the owner: an assistant had to ask the owner. Now
    they change their own (whatever row is selected), and nobody else's; an empty password is refused."""
    from desktop.services.operators import add_operator, get_actor, set_password

    with ws.database.session() as s:
        set_password(s, ws.owner, "群主", "owner-pass-1")
        set_password(s, ws.owner, "小助理", "assist-pass-2")
        add_operator(s, ws.owner, "小王", "assistant", "wang-pass-3")
        s.commit()
    dialog = OperatorsDialog(ws.database, ws.assistant)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.add_button.isEnabled()
    assert dialog.password_button.isEnabled() and dialog.password_button.text() == "Change my password"
    assert not dialog.set_selected_password()  # nothing typed: refused, with a message
    assert dialog.error_label.text() == "Type the new password twice."
    dialog.select_operator("小王")  # another row selected: still only their own password changes
    type_text(qtbot, dialog.password_edit, "new-assist-4")
    type_text(qtbot, dialog.confirm_edit, "new-assist-4")
    qtbot.mouseClick(dialog.password_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert get_actor(s, "小助理", "new-assist-4").name == "小助理"
        assert get_actor(s, "小王", "wang-pass-3").name == "小王"
