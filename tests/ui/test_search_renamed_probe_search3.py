"""A member renamed last week, searched by the old name in the window (probe search3): the Roster page and the member
search list (leave dialog, quick pickers) list 陈文 and say "formerly 陈大文" — a row named otherwise than typed would
read as a wrong match."""

from __future__ import annotations

import pytest
from helpers import close_workspace, isolate_settings, make_workspace

from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
from ui.models.roster_table_model import COL_NAME
from ui.pages.roster_page import RosterPage
from ui.widgets.member_search import MemberSearchList


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        _mid, msid = add_member(s, workspace.owner, workspace.group_id, MemberInput(display_name="陈大文"))
        data = get_member_input(s, msid)
        update_member(s, workspace.owner, msid, MemberInput(**{**data.__dict__, "display_name": "陈文"}))
        workspace.memberships["陈文"] = msid
        s.commit()
    yield workspace
    close_workspace(workspace)


def test_the_roster_page_lists_the_renamed_member_with_the_old_name(qtbot, ws):
    page = RosterPage(ws.database, ws.assistant, group_id=ws.group_id)
    qtbot.addWidget(page)
    page.search_edit.setText("陈大文")
    page.apply_filters()
    model = page.model
    assert model.rowCount() == 1
    shown = model.data(model.index(0, COL_NAME))
    assert "陈文" in shown and "陈大文" in shown and shown != "陈文"
    page.search_edit.setText("陈文")  # found by the name of now: nothing more said
    page.apply_filters()
    assert model.data(model.index(0, COL_NAME)) == "陈文"


def test_the_member_search_list_says_formerly(qtbot, ws):
    box = MemberSearchList(ws.database, ws.group_id)
    qtbot.addWidget(box)
    box.search("大文")
    person = box.model.person_at(0)
    assert box.model.rowCount() == 1 and person.membership_id == ws.memberships["陈文"]
    assert person.display_name == "陈文" and "陈大文" in person.detail


def test_the_picker_and_the_roster_search_find_a_masked_wechat_id_typed_whole_alike(qtbot, ws):
    """One rule (probe search3): for an assistant, a WeChat ID holding a phone is found typed whole (any case), and
    by no part holding a digit the mask hides — on the Roster page and in the member picker."""
    from desktop.phones import mask_phones_in
    from desktop.services.activities_queries import MemberChoice
    from ui.pickers import MemberPicker

    with ws.database.session() as s:
        _mid, msid = add_member(s, ws.owner, ws.group_id, MemberInput(display_name="赵六", wechat_id="wx13700001111"))
        s.commit()
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.shown = mask_phones_in
    picker.set_choices([MemberChoice(msid, "赵六", None, None, "wx13700001111", "zhaoliu", "zl")])
    page = RosterPage(ws.database, ws.assistant, group_id=ws.group_id)
    qtbot.addWidget(page)
    for text, found in [("wx13700001111", True), ("WX13700001111", True), ("wx1370000", False), ("x137000011", False)]:
        page.search_edit.setText(text)
        page.apply_filters()
        in_roster = [page.model.row_at(r).membership_id for r in range(page.model.rowCount())] == [msid]
        in_picker = [c.membership_id for c in picker.suggestions(text)] == [msid]
        assert in_roster == in_picker == found, text


def test_an_assistants_roster_sorted_by_wechat_id_does_not_order_by_hidden_digits(qtbot, ws):
    """Added c, a, b with IDs shown 138**** to an assistant (hidden digits in the order a, b, c): clicking the WeChat
    ID header ordered them a, b, c for the assistant, saying the digits the column hides (probe search3)."""
    from PySide6.QtCore import Qt

    from ui.models.roster_table_model import COL_WECHAT

    with ws.database.session() as s:
        for name, wid in [("丙", "13899999999"), ("甲", "13800000000"), ("乙", "13855555555")]:
            add_member(s, ws.owner, ws.group_id, MemberInput(display_name=name, wechat_id=wid))
        s.commit()

    def order(actor) -> str:
        page = RosterPage(ws.database, actor, group_id=ws.group_id)
        qtbot.addWidget(page)
        page.model.sort(COL_WECHAT, Qt.SortOrder.AscendingOrder)
        names = [page.model.row_at(r).display_name for r in range(page.model.rowCount())]
        return "".join(n for n in names if n in "甲乙丙")

    assert order(ws.owner) == "甲乙丙"
    assert order(ws.assistant) == "丙甲乙"  # as shown (138**** three times), then as added


@pytest.mark.parametrize("text", ["38000", "0138000", "13900139"])
def test_the_audit_dialogs_member_search_hides_the_same_digits_for_an_assistant(qtbot, ws, text):
    """The audit log is open to every operator: its member search found 张三 by 38000 of his hidden 13800138000 for an
    assistant and listed 王五 13900139002 whole (probe search3). The roster's rule now: the shown tail, the whole
    number and names as listed."""
    from ui.dialogs.audit_dialog import AuditDialog

    with ws.database.session() as s:
        add_member(s, ws.owner, ws.group_id, MemberInput(display_name="王五 13900139002"))
        s.commit()

    def found(actor, typed: str) -> list[str]:
        dialog = AuditDialog(ws.database, actor)
        qtbot.addWidget(dialog)
        dialog.member_edit.setText(typed)
        return [label.split(" · ")[0] for _id, label in dialog.search_members()]

    assert found(ws.owner, text)  # the owner finds by any digits
    assert found(ws.assistant, text) == []
    assert found(ws.assistant, "8000") == ["张三"]  # the shown tail
    assert found(ws.assistant, "13800138000") == ["张三"]  # the whole number
    assert found(ws.assistant, "王五") == ["王五 139****"]  # listed as the roster lists it
    assert found(ws.owner, "王五") == ["王五 13900139002"]


def test_the_member_picker_offers_the_renamed_member_by_the_old_name(qtbot, ws):
    """The Activities and Points pages' picker (member_choices, matched in memory) offered no one for 陈大文 after the
    rename to 陈文, where the roster search finds them (probe search3): the same former names, the same words."""
    from desktop.services.activities_queries import member_choices
    from ui.pickers import MemberPicker

    with ws.database.session() as s:
        choices = member_choices(s, ws.group_id)
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.set_choices(choices)
    for text in ("陈大文", "大文", "cdw"):
        found = picker.suggestions(text)
        assert [c.membership_id for c in found] == [ws.memberships["陈文"]], text
        assert "陈大文" in picker.shown_text(found[0], text) and picker.shown_text(found[0], text) != "陈文"
    found = picker.suggestions("陈文")
    assert [c.membership_id for c in found] == [ws.memberships["陈文"]]
    assert picker.shown_text(found[0], "陈文") == "陈文"  # found by the name of now: nothing more said
