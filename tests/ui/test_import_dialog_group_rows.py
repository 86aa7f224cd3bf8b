"""The import dialog's preview of a 企业微信 export of several groups with the company's staff in it: every row that is
not imported says why (another group's, the company's own staff), and the notes count them."""

from __future__ import annotations

import pytest
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS, OTHER_GROUP_NAME
from openpyxl import Workbook

from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


def test_the_preview_names_the_other_groups_rows_and_the_staff(qtbot, ws, tmp_path):
    wb = Workbook()
    for row in [
        ["群名称", "成员名称", "成员类型", "入群时间"],
        [GROUP_NAME, "张老师", "企业成员", "2026-11-01 09:00"],
        [GROUP_NAME, "甲乙", "外部联系人", "2026-11-01 10:00"],
        [OTHER_GROUP_NAME, "丙丁", "微信用户", "2026-11-02 10:00"],
        [GROUP_NAME, "戊己", "微信用户", "2026-11-03 10:00"],
    ]:
        wb.active.append(row)
    path = tmp_path / "客户群.xlsx"
    wb.save(path)
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    plan = ready.args[0]
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=WAIT_MS)  # the worker thread wound up
    assert plan.ok and plan.added == 2
    model = dialog.preview_model
    skipped = [
        (line.row, line.name, line.details)
        for line in (model.line(r) for r in range(model.rowCount()))
        if line.action == "skipped"
    ]
    assert skipped == [
        (2, "张老师（企业成员）", "staff of the company, not a member: not imported"),
        (4, f"丙丁（{OTHER_GROUP_NAME}）", "a member of another group in the file, not imported"),
    ]
    notes = dialog.notes_label.text()
    assert "1 row(s) of the company's own staff skipped" in notes
    assert "1 row(s) of other groups in the file skipped" in notes
    assert "footer or blank" not in notes
