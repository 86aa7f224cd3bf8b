"""Searching as an assistant in the window (probe search2): the Roster page, the Check-ins quick entry and the leave
dialog find no one by a digit the phone masks hide — typing 38000 (of 张三's 13800138000, shown 138****8000) listed
张三 to an assistant, and one digit at a time rebuilt his number — while the shown tail (8000) and the whole number
still find him. The owner finds him by any tail."""

from __future__ import annotations

import pytest
from helpers import close_workspace, isolate_settings, make_workspace

from desktop.services.roster import MemberInput, add_member
from ui.dialogs.leave_dialog import LeaveDialog
from ui.pages.checkins_page import CheckinsPage
from ui.pages.roster_page import RosterPage


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as session:
        _mid, msid = add_member(
            session, workspace.owner, workspace.group_id, MemberInput(display_name="王五 13900139002")
        )
        workspace.memberships["王五"] = msid
        session.commit()
    yield workspace
    close_workspace(workspace)


def _roster_names(qtbot, ws, actor, text) -> list[str]:
    page = RosterPage(ws.database, actor, group_id=ws.group_id)
    qtbot.addWidget(page)
    page.search_edit.setText(text)
    page.apply_filters()
    model = page.model
    return [model.row_at(r).display_name for r in range(model.rowCount())]


@pytest.mark.parametrize("text", ["38000", "0138000", "138000"])
def test_the_roster_page_finds_no_one_by_hidden_digits_for_an_assistant(qtbot, ws, text):
    assert "张三" in _roster_names(qtbot, ws, ws.owner, text)
    assert "张三" not in _roster_names(qtbot, ws, ws.assistant, text)


def test_the_roster_page_finds_by_the_shown_tail_and_the_whole_number_for_an_assistant(qtbot, ws):
    assert "张三" in _roster_names(qtbot, ws, ws.assistant, "8000")
    assert "张三" in _roster_names(qtbot, ws, ws.assistant, "13800138000")
    assert "王五 13900139002" in _roster_names(qtbot, ws, ws.owner, "0139")
    assert _roster_names(qtbot, ws, ws.assistant, "0139") == []
    assert _roster_names(qtbot, ws, ws.assistant, "王五") == ["王五 13900139002"]  # found by the name's letters


def test_the_quick_entry_and_the_leave_dialog_hide_the_same_digits(qtbot, ws):
    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.set_group(ws.group_id)
    page.quick_edit.setText("38000")
    page.update_candidates()
    assert page.quick_model.rowCount() == 0
    page.quick_edit.setText("8000")
    page.update_candidates()
    assert page.quick_model.rowCount() == 1
    dialog = LeaveDialog(ws.database, ws.assistant, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.member_search.search("38000")
    assert dialog.member_search.model.rowCount() == 0
    dialog.member_search.search("1390013")
    assert dialog.member_search.model.rowCount() == 0
    owner_dialog = LeaveDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(owner_dialog)
    owner_dialog.member_search.search("38000")
    assert owner_dialog.member_search.model.rowCount() == 1


def test_the_leave_dialog_opened_for_a_member_whose_name_holds_a_phone_chooses_them(qtbot, ws):
    """The search by the stored name (digits and all) finds no one for an assistant now: the person chosen on the
    page is listed by who they are."""
    from ui.models.checkins_models import Person

    dialog = LeaveDialog(
        ws.database, ws.assistant, ws.group_id, person=Person(ws.memberships["王五"], "王五 13900139002")
    )
    qtbot.addWidget(dialog)
    assert dialog.member_search.current().membership_id == ws.memberships["王五"]
    assert "13900139002" not in dialog.member_search.current().display_name
