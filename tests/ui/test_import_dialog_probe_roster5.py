"""Probe roster5, the window: a 打卡表 saved with a filter hiding one member's row — the preview line of that row says
it is hidden and imported too, as the roster's preview does; the other rows say nothing of it."""

from __future__ import annotations

from datetime import timedelta

from helpers import OFFSCREEN_QUIRKS
from openpyxl import Workbook
from PySide6.QtCore import Qt

from tests.fixed_day import TEST_TODAY
from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS

WAIT_MS = 30_000
DAY1, DAY2 = TEST_TODAY - timedelta(days=2), TEST_TODAY - timedelta(days=1)


def test_a_row_the_filter_hides_is_said_in_its_preview_line(qtbot, ws, tmp_path):
    wb = Workbook()
    sheet = wb.active
    for row in (["姓名", DAY1.isoformat(), DAY2.isoformat()], ["张三", "✓", "✓"], ["李四", "✓", None]):
        sheet.append(row)
    sheet.auto_filter.ref = "A1:C3"
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "打卡表.xlsx"
    wb.save(path)
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("checkins"))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    assert ready.args[0].ok
    model = dialog.preview_model
    details = {int(model.data(model.index(r, 0))): model.data(model.index(r, 3)) for r in range(model.rowCount())}
    hidden = "A hidden or filtered-out row of the sheet: it is imported too"
    assert hidden in details[3] and "New: 1" in details[3]
    assert hidden not in details[2]
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].logged == 3


def test_a_day_column_the_sheet_hides_is_named_in_the_notes(qtbot, ws, tmp_path):
    wb = Workbook()
    sheet = wb.active
    for row in (["姓名", DAY1.isoformat(), DAY2.isoformat()], ["张三", "✓", "✓"]):
        sheet.append(row)
    sheet.column_dimensions["B"].hidden = True
    path = tmp_path / "打卡表.xlsx"
    wb.save(path)
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("checkins"))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    assert ready.args[0].ok
    assert f"Columns hidden in the sheet, read too: B ({DAY1.isoformat()})" in dialog.notes_label.text()
