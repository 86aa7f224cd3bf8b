"""The merge dialog with two records of a QQ group's member (probe merge2): their QQ numbers side by side, and two
different QQ numbers warned of before the merge, Cancel the default — as differing phones and WeChat IDs are."""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.services.roster import MemberInput, add_member
from models import Group, Member
from ui.dialogs.merge_dialog import MergeDialog

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        data = MemberInput(display_name="张三", qq="87654321", joined_at=datetime(2024, 3, 10, 4, 0))
        dup_id, _ = add_member(s, workspace.owner, workspace.group_id, data)
        s.get(Member, workspace.members["张三"]).qq = "12345678"
        s.get(Member, workspace.members["张三"]).phone = None
        s.get(Member, workspace.members["张三"]).wechat_id = None
        s.commit()
    workspace.members["张三#2"] = dup_id
    yield workspace
    close_workspace(workspace)


def _confirmation(dialog) -> tuple[bool, str, str, QMessageBox.Icon]:
    seen: dict = {}

    def answer() -> None:
        box = dialog.confirm_box
        seen.update(text=box.informativeText(), default=box.defaultButton().text(), icon=box.icon())
        box.defaultButton().click()

    QTimer.singleShot(0, answer)
    keep, drop = dialog.keep_and_drop()
    merged = dialog.ask_to_confirm(keep, drop)
    return merged, seen["text"], seen["default"], seen["icon"]


def test_two_qq_numbers_are_compared_and_warned_of(qtbot, ws):
    dialog = MergeDialog(ws.database, ws.owner, ws.members["张三"], other_member_id=ws.members["张三#2"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.compared_cell("QQ", 1), dialog.compared_cell("QQ", 2)) == ("12345678", "87654321")
    merged, text, default, icon = _confirmation(dialog)
    assert not merged and default == "Cancel" and icon == QMessageBox.Icon.Warning
    assert "Their QQ numbers differ: 12345678 and 87654321." in text
    assert "may be two different people" in text
    # which values win is said before the merge, not found out after it
    assert "Where both records have a value, 张三's stays;" in text
    with ws.database.session() as s:
        assert s.get(Member, ws.members["张三#2"]).merged_into_id is None


def test_a_blacklisting_on_either_record_is_said_before_the_merge(qtbot, ws):
    """A new applicant's record and the old record blacklisted in the group: the merged person stays blacklisted
    (members._fold_status) — the confirmation says so, naming the group, rather than the organiser finding out after."""
    from desktop.services.onboarding import leave_group

    with ws.database.session() as s:
        ms = s.get(Member, ws.members["张三#2"]).memberships[0]
        leave_group(s, ws.owner, ms.id, "发广告", status="blacklisted")
        group_name = s.get(Group, ms.group_id).name
        s.get(Member, ws.members["张三#2"]).qq = None
        s.commit()
    dialog = MergeDialog(ws.database, ws.owner, ws.members["张三"], other_member_id=ws.members["张三#2"])
    qtbot.addWidget(dialog)
    dialog.show()
    merged, text, _default, icon = _confirmation(dialog)
    assert icon == QMessageBox.Icon.Warning
    assert f"Blacklisted in {group_name}: the merged person stays blacklisted there." in text
    assert "differ" not in text


def test_the_join_dates_are_compared_before_the_merge(qtbot, ws):
    """The merged membership takes the earlier join date (members._fold_status): the comparison showed each group's
    status and check-ins but not when each record joined — now it does, so the date kept is seen before."""
    from models import Membership

    with ws.database.session() as s:
        joined = {
            mid: s.scalar(select(Membership.joined_at).where(Membership.member_id == mid))
            for mid in (ws.members["张三"], ws.members["张三#2"])
        }
    dialog = MergeDialog(ws.database, ws.owner, ws.members["张三"], other_member_id=ws.members["张三#2"])
    qtbot.addWidget(dialog)
    dialog.show()
    for column, mid in ((1, ws.members["张三"]), (2, ws.members["张三#2"])):
        assert f"joined {joined[mid]:%Y-%m-%d}" in dialog.compared_cell("Groups", column)
    assert "joined 2024-03-10" in dialog.compared_cell("Groups", 2)
