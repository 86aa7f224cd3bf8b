"""Merging two records of one person through the dialog: find the other 张三, compare them side by side, keep
one, confirm; one check-in per day survives and the kept person is in both groups. The member dialog's
duplicate warning offers the same merge."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from desktop.services.checkins import record_checkins
from desktop.services.members import bulk_copy_to_group
from desktop.services.roster import MemberInput, add_member
from models import CheckIn, Member, Membership
from tests.fixed_day import TEST_TODAY
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.merge_dialog import MergeDialog

pytestmark = OFFSCREEN_QUIRKS

DAY = TEST_TODAY - timedelta(days=2)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        # a second record of 张三, in the first group and in the other group, who checked in on the same day
        data = MemberInput(display_name="张三", phone="13600136000", joined_at=datetime(2024, 3, 10, 4, 0))
        dup_id, dup_ms = add_member(s, workspace.owner, workspace.group_id, data)
        bulk_copy_to_group(s, workspace.owner, [dup_ms], workspace.other_group_id)
        record_checkins(s, workspace.owner, workspace.group_id, DAY, [workspace.memberships["张三"], dup_ms])
        record_checkins(s, workspace.owner, workspace.group_id, DAY + timedelta(days=1), [dup_ms])
        s.commit()
    workspace.members["张三#2"] = dup_id
    workspace.memberships["张三#2"] = dup_ms
    yield workspace
    close_workspace(workspace)


def open_dialog(qtbot, ws, actor=None, **kwargs) -> MergeDialog:
    dialog = MergeDialog(ws.database, actor or ws.owner, ws.members["张三"], **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_merge_two_zhang_san_with_checkins_on_the_same_day(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    assert not dialog.merge_button.isEnabled()  # nothing to merge with yet
    type_text(qtbot, dialog.search_edit, "张三")
    qtbot.waitUntil(lambda: dialog.results.count() > 0 and "张三" in dialog.results.item(0).text())
    assert len(dialog.result_names()) == 1  # the record we started from is not offered
    item = dialog.results.item(0)
    qtbot.mouseClick(
        dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=dialog.results.visualItemRect(item).center()
    )
    assert dialog.second is not None and dialog.second.member_id == ws.members["张三#2"]
    # side by side: groups and check-in counts
    assert dialog.compared_cell("Check-ins", 1) == "1"
    assert dialog.compared_cell("Check-ins", 2) == "2"
    assert "读书会" in dialog.compared_cell("Groups", 2)
    assert "读书会" not in dialog.compared_cell("Groups", 1)
    assert dialog.compared_cell("WeChat ID", 1) == "zhangsan_wx"
    asked = []
    dialog.confirm_merge = lambda keep, drop: asked.append((keep.member_id, drop.member_id)) or True
    assert dialog.keep_first.isChecked()
    with qtbot.waitSignal(dialog.merged) as merged:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    keep = ws.members["张三"]
    assert merged.args == [keep]
    assert asked == [(keep, ws.members["张三#2"])]
    assert dialog.summary.checkins_dropped_as_duplicates == 1
    assert dialog.result_label.isVisible() and "1" in dialog.result_label.text()
    assert not dialog.merge_button.isEnabled()
    assert dialog.close_button.text() == "Close"
    with ws.database.session() as s:
        groups = set(s.scalars(select(Membership.group_id).where(Membership.member_id == keep)))
        assert groups == {ws.group_id, ws.other_group_id}
        on_day = s.scalar(
            select(func.count())
            .select_from(CheckIn)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .where(Membership.member_id == keep, CheckIn.day == DAY, CheckIn.group_id == ws.group_id)
        )
        assert on_day == 1
        total = s.scalar(
            select(func.count())
            .select_from(CheckIn)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .where(Membership.member_id == keep)
        )
        assert total == 2  # the other day moved over
        dropped = s.get(Member, ws.members["张三#2"])
        assert dropped.deleted_at is not None and dropped.merged_into_id == keep
        assert s.get(Member, keep).phone == "13800138000"  # the kept record's own values win
    # the comparison now shows the kept person with both groups
    assert "读书会" in dialog.compared_cell("Groups", 1)


def test_keep_the_other_record(qtbot, ws):
    dialog = open_dialog(qtbot, ws, other_member_id=ws.members["张三#2"])
    assert dialog.second is not None
    dialog.keep_second.setChecked(True)
    dialog.confirm_merge = lambda keep, drop: True
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert s.get(Member, ws.members["张三"]).merged_into_id == ws.members["张三#2"]
        assert s.get(Member, ws.members["张三#2"]).wechat_id == "zhangsan_wx"  # blank filled from the other


def test_declining_the_confirmation_merges_nothing(qtbot, ws):
    dialog = open_dialog(qtbot, ws, other_member_id=ws.members["张三#2"])
    dialog.confirm_merge = lambda keep, drop: False
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.summary is None
    with ws.database.session() as s:
        assert s.get(Member, ws.members["张三#2"]).deleted_at is None


def test_assistant_cannot_merge(qtbot, ws):
    dialog = open_dialog(qtbot, ws, actor=ws.assistant, other_member_id=ws.members["张三#2"])
    assert not dialog.merge_button.isEnabled()


def test_no_match_says_so(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    qtbot.keyClicks(dialog.search_edit, "nobody")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.result_names() == ["No other record matches."]


def test_member_dialog_duplicate_warning_offers_merge(qtbot, ws, monkeypatch):
    """Editing the second 张三: the similar-name warning has a Merge… button that opens the merge dialog with
    both records; after merging, the edit form closes."""
    dialog = MemberDialog(ws.database, ws.owner, ws.group_id, ws.memberships["张三#2"])
    qtbot.addWidget(dialog)
    dialog.show()
    seen = {}

    def click_merge(box: QMessageBox) -> int:
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["info"] = box.informativeText()
        merge = next(b for b in box.buttons() if b.text() == "Merge…")
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda _self: merge)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_merge)
    dialog.city_edit.setText("成都")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Merge…" in seen["buttons"] and "Save anyway" in seen["buttons"]
    # the form's unsaved edit (成都) is not kept by a merge: said before the choice, not lost without a word
    assert "what you typed in this form is not saved" in seen["info"]
    merge = dialog.merge_dialog
    assert merge.first.member_id == ws.members["张三"]
    assert merge.second.member_id == ws.members["张三#2"]
    merge.confirm_merge = lambda keep, drop: True
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(merge.close_button, Qt.MouseButton.LeftButton)
    assert dialog.merged_member_id == ws.members["张三"]
    with ws.database.session() as s:
        assert s.get(Member, ws.members["张三#2"]).merged_into_id == ws.members["张三"]
        assert s.get(Member, ws.members["张三"]).city == "上海"  # the form's edit was not saved after the merge
        assert s.get(Member, ws.members["张三#2"]).city is None


def test_assistant_gets_no_merge_button(qtbot, ws, monkeypatch):
    dialog = MemberDialog(ws.database, ws.assistant, ws.group_id, ws.memberships["张三#2"])
    qtbot.addWidget(dialog)
    seen = {}

    def cancel(box: QMessageBox) -> int:
        seen["buttons"] = [b.text() for b in box.buttons()]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Merge…" not in seen["buttons"]


def _confirmation(qtbot, dialog) -> tuple[bool, str, str, QMessageBox.Icon]:
    """Open the real confirmation of the chosen merge, read it and press its default button."""
    seen: dict = {}

    def answer() -> None:
        box = dialog.confirm_box
        seen.update(text=box.informativeText(), default=box.defaultButton().text(), icon=box.icon())
        box.defaultButton().click()

    QTimer.singleShot(0, answer)
    keep, drop = dialog.keep_and_drop()
    merged = dialog.ask_to_confirm(keep, drop)
    return merged, seen["text"], seen["default"], seen["icon"]


def test_a_merge_of_records_with_other_phones_warns_and_defaults_to_cancel(qtbot, ws):
    """Two 张三 with different phones may be two people: the confirmation said "nothing
    is lost" and Merge was the default. It names the differing phones (masked) and Enter cancels."""
    dialog = open_dialog(qtbot, ws, other_member_id=ws.members["张三#2"])
    merged, text, default, icon = _confirmation(qtbot, dialog)
    assert not merged and default == "Cancel" and icon == QMessageBox.Icon.Warning
    assert "Their phones differ: 138****8000 and 136****6000." in text
    assert "may be two different people" in text and "nothing is lost" not in text
    assert "can be undone" in text and "until either record changes" in text
    assert "WeChat" not in text  # the second record has no WeChat ID: nothing differs there
    with ws.database.session() as s:
        assert s.get(Member, ws.members["张三#2"]).merged_into_id is None


def test_a_merge_of_records_that_do_not_disagree_defaults_to_merge(qtbot, ws):
    with ws.database.session() as s:
        s.get(Member, ws.members["张三#2"]).phone = None
        s.commit()
    dialog = open_dialog(qtbot, ws, other_member_id=ws.members["张三#2"])
    merged, text, default, icon = _confirmation(qtbot, dialog)
    assert merged and default == "Merge" and icon == QMessageBox.Icon.Question
    assert "differ" not in text and "can be undone" in text


def test_a_merge_made_in_the_dialog_is_undone_there(qtbot, ws):
    """Merged by mistake: Undo merge in the same window puts both 张三 back, each with their own check-ins."""
    dialog = open_dialog(qtbot, ws, other_member_id=ws.members["张三#2"])
    dialog.confirm_merge = lambda keep, drop: True
    assert not dialog.undo_button.isVisible()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.summary is not None and dialog.undo_button.isVisible()
    with ws.database.session() as s:
        assert s.get(Member, ws.members["张三#2"]).merged_into_id == ws.members["张三"]
    with qtbot.waitSignal(dialog.merged):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert not dialog.undo_button.isVisible() and "undone" in dialog.result_label.text()
    with ws.database.session() as s:
        dup = s.get(Member, ws.members["张三#2"])
        assert dup.merged_into_id is None and dup.deleted_at is None
        days = s.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.membership_id == ws.memberships["张三#2"])
        )
        assert days == 2


def test_the_kept_persons_details_offer_to_undo_the_merge_until_a_record_changes(qtbot, ws):
    """Found out a day later: the kept 张三's details offer Undo merge… while nothing changed since; once either
    record changes (a check-in), they no longer offer it."""
    from desktop.services.members import merge_members
    from ui.widgets.member_panel import MemberPanel

    with ws.database.session() as s:
        merge_members(s, ws.owner, ws.members["张三"], ws.members["张三#2"])
        s.commit()
    panel = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    panel.set_membership(ws.memberships["张三"])
    assert panel.unmerge_button.isVisible()
    panel.confirm_unmerge = lambda name: True
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.unmerge_button, Qt.MouseButton.LeftButton)
    assert not panel.unmerge_button.isVisible()
    with ws.database.session() as s:
        assert s.get(Member, ws.members["张三#2"]).merged_into_id is None
        merge_members(s, ws.owner, ws.members["张三"], ws.members["张三#2"])
        s.commit()
    panel.reload()
    assert panel.unmerge_button.isVisible()
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TEST_TODAY, [ws.memberships["张三"]])
        s.commit()
    panel.reload()
    assert not panel.unmerge_button.isVisible()
    assistant_panel = MemberPanel(ws.database, ws.assistant)
    qtbot.addWidget(assistant_panel)
    assistant_panel.set_membership(ws.memberships["张三"])
    assert not assistant_panel.unmerge_button.isVisibleTo(assistant_panel)


def test_a_merge_that_can_no_longer_be_undone_says_so_and_what_to_do_instead(qtbot, ws):
    """Merged by mistake, found out after a check-in was logged for the kept 张三: the details' Undo merge… simply
    went away — nothing said the merge could not be undone any more, nor how to separate the two. The panel says
    why, and what to do instead; while it can still be undone it says nothing of the kind."""
    from desktop.services.members import merge_members
    from ui.widgets.member_panel import MemberPanel

    with ws.database.session() as s:
        merge_members(s, ws.owner, ws.members["张三"], ws.members["张三#2"])
        s.commit()
    panel = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    panel.set_membership(ws.memberships["张三"])
    assert panel.unmerge_button.isVisible() and not panel.merge_note.isVisible()
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TEST_TODAY, [ws.memberships["张三"]])
        s.commit()
    panel.reload()
    assert not panel.unmerge_button.isVisible()
    assert panel.merge_note.isVisible()
    note = panel.merge_note.text()
    assert "cannot be undone" in note and "add the other person again" in note
    assert "合并" not in note  # the window's language only
    other = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(other)
    other.show()
    other.set_membership(ws.memberships["李四"])  # no merge into 李四: nothing to say
    assert not other.merge_note.isVisible()
