"""The import dialog given QunDesk's own roster export, as an assistant wrote it (phones masked 138****8000): read
back into its group nothing changes and the two 王芳 are told apart; into another group the same people join."""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.services.roster import MemberInput, add_member
from desktop.services.roster_export import export_roster
from models import Member
from ui.dialogs.import_dialog import ImportDialog, PreviewModel

pytestmark = OFFSCREEN_QUIRKS

WAIT_MS = 30_000


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    with workspace.database.session() as s:
        for name, phone, wechat in (
            ("王芳", "13800138000", "wf_a"),
            ("王芳", "13900139000", None),
            ("姓名张", "13700137000", None),
            ("韩梅梅", None, None),
        ):
            member = MemberInput(display_name=name, phone=phone, wechat_id=wechat, joined_at=datetime(2026, 9, 1))
            add_member(s, workspace.owner, workspace.group_id, member)
        s.commit()
    yield workspace
    close_workspace(workspace)


def _preview(qtbot, ws, group_id, path):
    dialog = ImportDialog(ws.database, ws.owner, group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    return dialog, ready.args[0]


def _column(dialog, column: int) -> list[str]:
    model = dialog.preview_model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_an_assistants_roster_export_previewed_back_into_its_group_and_into_another(qtbot, ws, tmp_path):
    out = tmp_path / "名册.xlsx"
    export_roster(ws.database, ws.assistant, group_ids=[ws.group_id], path=out)

    dialog, plan = _preview(qtbot, ws, ws.group_id, out)
    assert (plan.added, plan.updated, plan.unchanged) == (0, 0, 4)
    assert dialog.import_button.isEnabled()  # the second 王芳 (139****9000) is no problem row any more

    dialog, plan = _preview(qtbot, ws, ws.other_group_id, out)
    assert (plan.added, plan.updated, plan.unchanged) == (4, 0, 0)
    details = " ".join(_column(dialog, PreviewModel.COL_DETAILS))
    assert "姓名张" in details and "早起打卡营" in details  # joins as the same person, said on the row
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].added == 4
    with ws.database.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 4  # nobody new: the same four people


def test_the_members_a_roster_leaves_out_are_named_in_the_preview_s_notes(qtbot, ws, tmp_path):
    """A row deleted in Excel removes nobody: the notes say who of the group is not in the file, left as they are."""
    edited = tmp_path / "名册.csv"
    edited.write_text("姓名,微信号\n王芳,wf_a\n", encoding="utf-8")
    dialog, plan = _preview(qtbot, ws, ws.group_id, edited)
    assert plan.not_in_file_count == 3
    notes = dialog.notes_label.text()
    assert "3 member" in notes and "not in the file" in notes and "姓名张" in notes and "韩梅梅" in notes
    assert dialog.notes_label.isVisible()
