"""The group profile dialog: editing the seven essentials, capacity and settings saves them; editing the rules
adds a version while the old one stays readable; an assistant sees everything disabled; archiving asks first
and keeps the group's history."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace, type_text
from PySide6.QtCore import Qt

from desktop.services.group_profile import get_group_profile, list_rules_versions
from desktop.services.groups import list_groups
from desktop.services.onboarding import update_rules
from desktop.services.roster import RosterQuery, count_roster
from ui.dialogs.group_profile_dialog import TAB_ESSENTIALS, TAB_RULES, GroupProfileDialog
from ui.pages.roster_page import RosterPage

pytestmark = OFFSCREEN_QUIRKS

RULES_V1 = "1. 每天早上 7 点前打卡\n2. 禁止发广告"
RULES_V2 = "1. 每天早上 7 点前打卡\n2. 禁止发广告\n3. 请假需提前说明"


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        update_rules(s, workspace.owner, workspace.group_id, RULES_V1)
        s.commit()
    yield workspace
    close_workspace(workspace)


def open_dialog(qtbot, ws, actor=None) -> GroupProfileDialog:
    dialog = GroupProfileDialog(ws.database, actor or ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def replace_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def test_edit_essentials_then_saved(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    assert dialog.name_edit.text() == "早起打卡营"
    assert dialog.capacity_spin.value() == 500
    assert "90%" in dialog.capacity_note.text() and "450" in dialog.capacity_note.text()
    dialog.tabs.setCurrentIndex(TAB_ESSENTIALS)
    type_text(qtbot, dialog.goal_edit, "21 天养成早起习惯")
    type_text(qtbot, dialog.threshold_edit, "回答进群目的并缴费")
    dialog.fee_spin.setValue(99)
    type_text(qtbot, dialog.value_edit, "每日打卡监督")
    type_text(qtbot, dialog.rituals_edit, "新人自我介绍")
    type_text(qtbot, dialog.sharing_edit, "每周五分享")
    type_text(qtbot, dialog.operators_edit, "群主 + 小助理")
    dialog.tabs.setCurrentIndex(0)
    dialog.capacity_spin.setValue(300)
    assert "270" in dialog.capacity_note.text()
    type_text(qtbot, dialog.notice_edit, "入群请改群昵称")
    dialog.late_check.setChecked(True)
    with qtbot.waitSignal(dialog.profile_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with ws.database.session() as s:
        p = get_group_profile(s, ws.group_id)
        assert p.goal == "21 天养成早起习惯"
        assert p.threshold_text == "回答进群目的并缴费" and p.fee_cents == 9900
        assert (p.value_text, p.rituals_text, p.sharing_text) == ("每日打卡监督", "新人自我介绍", "每周五分享")
        assert p.operators_text == "群主 + 小助理"
        assert (p.capacity, p.joining_notice, p.late_checkins_count_for_streak) == (300, "入群请改群昵称", True)
        assert [v.version for v in list_rules_versions(s, ws.group_id)] == [1]  # rules untouched: no version


def test_bad_value_shows_the_error_and_keeps_the_dialog(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    replace_text(qtbot, dialog.name_edit, "读书会")  # the other group's name
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible() and dialog.error_label.text() == "Group already exists"
    with ws.database.session() as s:
        assert get_group_profile(s, ws.group_id).name == "早起打卡营"


def test_rules_edit_adds_version_2_and_version_1_stays_readable(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentIndex(TAB_RULES)
    assert dialog.shown_rules_text() == RULES_V1
    assert not dialog.save_rules_button.isEnabled()  # nothing changed yet
    dialog.rules_edit.moveCursor(dialog.rules_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.rules_edit, Qt.Key.Key_Return)
    type_text(qtbot, dialog.rules_edit, "3. 请假需提前说明")
    assert dialog.save_rules_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        versions = list_rules_versions(s, ws.group_id)
    assert [(v.version, v.text) for v in versions] == [(2, RULES_V2), (1, RULES_V1)]

    again = open_dialog(qtbot, ws)
    again.tabs.setCurrentIndex(TAB_RULES)
    labels = again.version_labels()
    assert len(labels) == 2 and labels[0].startswith("Version 2") and "(current)" in labels[0]
    assert again.shown_rules_text() == RULES_V2
    again.version_list.setCurrentRow(1)
    assert again.shown_rules_text() == RULES_V1
    assert again.rules_stack.currentWidget().isReadOnly()
    assert "read only" in again.rules_caption.text()
    assert not again.save_rules_button.isEnabled()
    again.version_list.setCurrentRow(0)
    assert again.shown_rules_text() == RULES_V2 and not again.rules_stack.currentWidget().isReadOnly()
    assert "Version 2" in again.rules_summary.text()


def test_save_as_new_version_keeps_the_dialog_open(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentIndex(TAB_RULES)
    replace_text(qtbot, dialog.rules_edit, "全新群规")
    qtbot.mouseClick(dialog.save_rules_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert len(dialog.version_labels()) == 2
    assert not dialog.save_rules_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no second version for the same text
    with ws.database.session() as s:
        assert [v.version for v in list_rules_versions(s, ws.group_id)] == [2, 1]


def test_empty_rules_are_refused(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentIndex(0)
    dialog.rules_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == TAB_RULES
    assert dialog.error_label.isVisible()


def test_assistant_sees_fields_disabled_but_can_read_old_rules(qtbot, ws):
    with ws.database.session() as s:
        update_rules(s, ws.owner, ws.group_id, RULES_V2)
        s.commit()
    dialog = open_dialog(qtbot, ws, ws.assistant)
    for widget in (
        dialog.name_edit,
        dialog.kind_combo,
        dialog.capacity_spin,
        dialog.notice_edit,
        dialog.late_check,
        dialog.goal_edit,
        dialog.threshold_edit,
        dialog.fee_spin,
        dialog.value_edit,
        dialog.rituals_edit,
        dialog.sharing_edit,
        dialog.operators_edit,
        dialog.rules_edit,
        dialog.save_button,
        dialog.archive_button,
        dialog.save_rules_button,
    ):
        assert not widget.isEnabled(), widget
    assert dialog.version_list.isEnabled()
    dialog.tabs.setCurrentIndex(TAB_RULES)
    dialog.version_list.setCurrentRow(1)
    assert dialog.shown_rules_text() == RULES_V1
    dialog.save()  # the keyboard path is refused as well
    with ws.database.session() as s:
        assert [v.version for v in list_rules_versions(s, ws.group_id)] == [2, 1]


def test_archive_asks_and_keeps_history(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.confirm_archive = lambda: False
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    dialog.confirm_archive = lambda: True
    with qtbot.waitSignal(dialog.group_archived):
        qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert ws.group_id not in {g.id for g in list_groups(s)}
        assert ws.group_id in {g.id for g in list_groups(s, include_archived=True)}
        assert count_roster(s, RosterQuery(group_id=ws.group_id)) == 4  # members kept
        assert [v.version for v in list_rules_versions(s, ws.group_id)] == [1]
    archived = open_dialog(qtbot, ws)
    assert not archived.archive_button.isEnabled()
    assert archived.archived_label.isVisible()


def test_group_profile_button_on_the_roster_page(qtbot, ws):
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    qtbot.mouseClick(page.profile_button, Qt.MouseButton.LeftButton)
    dialog = page.active_profile_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name_edit.text() == "早起打卡营"
    type_text(qtbot, dialog.goal_edit, "早起")
    with qtbot.waitSignal(page.members_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_late_check_in_setting_says_a_change_settles_past_bonuses(qtbot, ws):
    """补卡 made to count in December: each member's November runs with a 补卡 in them were paid their 7-day bonus
    at the member's next check-in, dated in November — November's points changed days later, with nothing said
    beside the box. Its tooltip says so."""
    dlg = open_dialog(qtbot, ws)
    tip = dlg.late_check.toolTip()
    assert "keeps the streak going" in tip and "past months' points change" in tip
