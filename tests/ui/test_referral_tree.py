"""The referral tree dialog: who brought whom, several levels deep, with direct and total counts, biggest
trees first; opened from the Roster page for the current group."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import Qt

from desktop.services.roster import MemberInput, add_member
from ui.dialogs.referral_tree_dialog import COL_NAME, ReferralTreeDialog
from ui.pages.roster_page import RosterPage

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def ws(tmp_path):
    """张三 brought 甲 and 乙; 甲 brought 丙, 丙 brought 丁 (four levels); 李四 brought 戊."""
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:

        def add(name: str, referrer: str) -> None:
            mid, _ = add_member(
                s,
                workspace.owner,
                workspace.group_id,
                MemberInput(display_name=name, referrer_id=workspace.members[referrer]),
            )
            workspace.members[name] = mid

        add("甲", "张三")
        add("乙", "张三")
        add("丙", "甲")
        add("丁", "丙")
        add("戊", "李四")
        s.commit()
    yield workspace
    close_workspace(workspace)


def test_tree_levels_counts_and_order(qtbot, ws):
    dialog = ReferralTreeDialog(ws.database, ws.group_id, "早起打卡营")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.top_rows() == [("张三", 2, 4), ("李四", 1, 1)]
    assert dialog.children_of("张三") == ["甲", "乙"]  # 甲 brought more people: first
    assert dialog.children_of("甲") == ["丙"]
    assert dialog.children_of("丙") == ["丁"]
    assert "2" in dialog.summary_label.text() and "5" in dialog.summary_label.text()
    assert "早起打卡营" in dialog.windowTitle()
    root = dialog.model.index(0, COL_NAME)
    assert dialog.view.isExpanded(root)
    dialog.view.expandAll()
    assert dialog.view.isExpanded(dialog.model.index(0, COL_NAME, root))


def test_tree_model_is_a_valid_model(qtbot, qtmodeltester, ws):
    dialog = ReferralTreeDialog(ws.database, ws.group_id)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)


def test_empty_group_says_how_to_start(qtbot, ws):
    dialog = ReferralTreeDialog(ws.database, ws.other_group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.top_rows() == []
    assert dialog.empty_label.isVisible() and not dialog.view.isVisible()


def test_opened_from_the_roster_page(qtbot, ws):
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    qtbot.mouseClick(page.referral_button, Qt.MouseButton.LeftButton)
    dialog = page.active_referral_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.top_rows()[0] == ("张三", 2, 4)
    dialog.reject()


def test_a_referral_cycle_says_so(qtbot, ws):
    """张三 is recorded as brought in by 丙, who is below him: the tree shows him at the top, says it is a cycle and
    names the referrer to correct (in the people who were missing from the tree before)."""
    from models import Membership

    with ws.database.session() as s:
        ms = s.query(Membership).filter_by(member_id=ws.members["张三"], group_id=ws.group_id).one()
        ms.referrer_id = ws.members["丙"]
        s.commit()
    dialog = ReferralTreeDialog(ws.database, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    (name, direct, total), _ = dialog.top_rows()
    assert name != "张三" and "张三" in name and (direct, total) == (2, 4)
    tip = dialog.model.item(0, COL_NAME).toolTip()
    assert "张三" in tip and "丙" in tip
