"""The import dialog's preview of the seventh import probe's files: a Microsoft Forms export is recognised as
applications (its account column Name is not the applicant's name), an Excel Table's totals row is a skipped footer,
and a GBK CSV with a line of UTF-8 says which line instead of previewing garbled names. The day is pinned."""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from openpyxl import Workbook
from PySide6.QtCore import Qt

from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS

WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-01")  # the files' dates are in November 2026


@pytest.fixture
def empty_ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    yield workspace
    close_workspace(workspace)


def open_dialog(qtbot, ws) -> ImportDialog:
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot, dialog: ImportDialog, path):
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    return ready.args[0]


def lines(dialog: ImportDialog) -> list:
    model = dialog.preview_model
    return [model.line(r) for r in range(model.rowCount())]


def test_a_microsoft_forms_export_previews_as_applications_named_by_their_answers(qtbot, empty_ws, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "您的姓名", "您的手机号"])
    ws.append([1, datetime(2026, 11, 20, 10), datetime(2026, 11, 20, 10, 3), "anonymous", "anonymous", None,
               "赵敏", "13600136000"])  # fmt: skip
    ws.append([2, datetime(2026, 11, 21, 9), datetime(2026, 11, 21, 9, 2), "anonymous", "anonymous", None,
               "钱多多", "13600136001"])  # fmt: skip
    path = tmp_path / "Form1.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert dialog.kind() == "applications"
    assert plan.ok and plan.added == 2
    assert dialog.mapping_combo(6).currentData() == "name"
    assert dialog.mapping_combo(4).currentData() is None  # Name: the respondent's account
    assert [line.name for line in lines(dialog)] == ["赵敏", "钱多多"]


def test_a_totals_row_is_previewed_as_skipped_and_the_rest_can_be_imported(qtbot, empty_ws, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,手机号\n张三,13800138000\n李四,13900139000\n合计,2人\n", encoding="utf-8")
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert plan.ok and plan.added == 2
    assert [(line.row, line.name) for line in lines(dialog) if line.action == "skipped"] == [(4, "合计 2人")]
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_a_gbk_csv_with_a_utf8_line_names_the_line_and_previews_no_garbled_name(qtbot, empty_ws, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,手机号\r\n张三,13800138000\r\n".encode("gbk") + "王五,13700137000\r\n".encode())
    dialog = open_dialog(qtbot, empty_ws)
    with qtbot.waitSignal(dialog.runner.failed, timeout=WAIT_MS):
        dialog.set_file(path)
    shown = dialog.summary_label.text()
    assert ("第3行" in shown or "Line 3 " in shown) and "UTF-8" in shown and "GBK" in shown
    assert dialog.preview_model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_a_repeated_header_row_is_previewed_as_skipped_with_its_reason(qtbot, empty_ws, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,手机号\n张三,13800138000\n姓名,手机号\n李四,13900139000\n", encoding="utf-8")
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert plan.ok and plan.added == 2
    model = dialog.preview_model
    skipped = [r for r in range(model.rowCount()) if model.line(r).action == "skipped"]
    assert [model.line(r).row for r in skipped] == [3]
    shown = " ".join(str(model.data(model.index(skipped[0], c)) or "") for c in range(model.columnCount()))
    assert "the header row again, not a person" in shown
