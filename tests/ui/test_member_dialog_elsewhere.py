"""Adding a person by name whose name is on another group's roster: 李四 added in 读书会 while 早起打卡营 has 李四
made a second 李四 without a word (the duplicate check looked at this group only). The warning now names that
person and their group, and offers to add them to this group instead; a name alone is never taken as them."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, OTHER_GROUP_NAME, close_workspace, make_workspace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from desktop.services.roster import MemberInput, add_member, find_duplicates
from models import Group, Member, Membership
from ui.dialogs.member_dialog import MemberDialog

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path)
    yield w
    close_workspace(w)


def _people(ws) -> int:
    with ws.database.session() as s:
        return s.scalar(select(func.count()).select_from(Member))


def test_the_same_name_on_another_groups_roster_is_a_warning_never_a_match(ws):
    with ws.database.session() as s:
        hits = find_duplicates(s, display_name="李四", group_id=ws.other_group_id)
        assert [(h.display_name, h.reason, h.elsewhere) for h in hits] == [
            ("李四", "same_name_elsewhere", ("早起打卡营",))
        ]
        assert hits[0].membership_id == ws.memberships["李四"] and hits[0].wechat_id == "lisi_wx"
        # decorations and spaces are the same name; another name of the same sound (李斯) is not
        assert [h.reason for h in find_duplicates(s, display_name=" 李四🌸", group_id=ws.other_group_id)] == [
            "same_name_elsewhere"
        ]
        assert find_duplicates(s, display_name="李斯", group_id=ws.other_group_id) == []
        # in this group's own check it is the group's own person (very similar name), not "elsewhere"
        same = find_duplicates(s, display_name="李四", group_id=ws.group_id)
        assert [(h.reason, h.elsewhere) for h in same] == [("similar_name", ())]
        # an edit keeps its person: no warning about another group's namesake
        _, mid = add_member(s, ws.owner, ws.other_group_id, MemberInput(display_name="王五"))
        s.commit()
        member_id = s.scalar(select(Membership.member_id).where(Membership.id == mid))
        assert find_duplicates(s, display_name="李四", group_id=ws.other_group_id, exclude_member_id=member_id) == []


def test_the_warning_adds_the_person_of_the_other_group_instead_of_a_second_one(qtbot, ws, monkeypatch):
    people = _people(ws)
    dialog = MemberDialog(ws.database, ws.owner, ws.other_group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    seen = {}

    def click_join(box: QMessageBox) -> int:
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["info"] = box.informativeText()
        join = next(b for b in box.buttons() if b.text() == "Add 李四 to this group")
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda _self: join)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_join)
    dialog.name_edit.setText("李四")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Save anyway" in seen["buttons"]
    assert "李四 — same name" in seen["info"] and "lisi_wx" in seen["info"] and "in 早起打卡营" in seen["info"]
    assert _people(ws) == people  # no second 李四
    with ws.database.session() as s:
        ms = s.get(Membership, dialog.saved_membership_id)
        assert ms.group_id == ws.other_group_id and ms.status == "active"
        assert ms.member_id == s.scalar(select(Membership.member_id).where(Membership.id == ws.memberships["李四"]))
        assert s.get(Group, ms.group_id).name == OTHER_GROUP_NAME
    assert dialog.result() == dialog.DialogCode.Accepted


def test_save_anyway_still_makes_a_second_person_of_that_name(qtbot, ws, monkeypatch):
    """Two real people share names: the organiser who knows it saves a second one, as before."""
    people = _people(ws)
    dialog = MemberDialog(ws.database, ws.owner, ws.other_group_id)
    qtbot.addWidget(dialog)
    dialog.confirm_duplicates = lambda hits: [h.reason for h in hits] == ["same_name_elsewhere"]
    dialog.name_edit.setText("李四")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _people(ws) == people + 1
