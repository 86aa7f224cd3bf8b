"""The Import dialog with the roster files of the roster4 import probe: a QQ group tool's 导出群成员 that is a web page
named .xls, an Excel 97–2003 .xls whose member sheet comes after a 说明 sheet, and a printed bilingual roster whose
English header row (and each page's copy) is previewed as skipped. The day is pinned."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from models import Member, Membership
from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS

WAIT_MS = 30_000
DATA = Path(__file__).parent.parent / "data" / "import_roster4"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")  # the files' dates are before it


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


def import_all(qtbot, dialog: ImportDialog):
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def people(ws) -> dict[str, tuple]:
    with ws.database.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.qq, Membership.group_nickname, Membership.joined_at)
            .join(Membership, Membership.member_id == Member.id)
            .where(Membership.group_id == ws.group_id)
        ).all()
    return {name: tuple(rest) for name, *rest in rows}


def test_a_qq_export_that_is_a_web_page_named_xls_is_previewed_and_imported(qtbot, empty_ws, tmp_path):
    """It was refused in the preview ("cannot read .xls files yet"); now its rows are previewed as additions, its QQ
    number and group nickname columns mapped, and imported."""
    head = ["成员", "群昵称", "QQ号", "性别", "Q龄", "入群时间", "最后发言", "等级(积分)"]
    rows = [
        ["张伟", "晨跑-张伟", "10001", "男", "8年", "2024/03/05", "2026/12/01", "活跃(120)"],
        ["李娜", "", "20002", "女", "3年", "2025/1/9", "2026/11/30", "冒泡(30)"],
    ]
    page = "<html><head><meta charset='utf-8'></head><body><table>"
    page += "<tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>"
    page += "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table></body></html>"
    path = tmp_path / "群成员.xls"
    path.write_text(page, encoding="utf-8")
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert dialog.kind() == "roster" and plan.ok and plan.added == 2
    assert dialog.mapping_combo(2).currentData() == "qq"
    assert dialog.mapping_combo(1).currentData() == "group_nickname"
    model = dialog.preview_model
    assert [(model.line(r).row, model.line(r).action, model.line(r).name) for r in range(model.rowCount())] == [
        (2, "add", "张伟"),
        (3, "add", "李娜"),
    ]
    summary = import_all(qtbot, dialog)
    assert summary.added == 2
    assert people(empty_ws) == {
        "张伟": ("10001", "晨跑-张伟", datetime(2024, 3, 5, 12)),
        "李娜": ("20002", None, datetime(2025, 1, 9, 12)),
    }


def test_an_old_binary_xls_previews_its_member_sheet_and_imports(qtbot, empty_ws, tmp_path):
    """An Excel 97–2003 .xls opening on a 说明 sheet: the sheet choice offers its sheets with 成员 chosen, the three
    people are previewed and imported with their join times."""
    path = shutil.copy(DATA / "qq_roster.xls", tmp_path / "qq_roster.xls")
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert plan.ok and plan.added == 3
    combo = dialog.sheet_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["说明", "成员", "旧名单"]
    assert combo.currentText() == "成员"
    import_all(qtbot, dialog)
    assert people(empty_ws) == {
        "张伟": ("10001", "晨跑-张伟", datetime(2024, 3, 5, 12)),
        "李娜": ("20002", None, datetime(2025, 1, 9, 21, 30)),
        "王芳": ("30003", "王芳", datetime(2023, 12, 31, 12)),
    }


def test_a_printed_bilingual_roster_previews_its_english_header_rows_as_skipped(qtbot, empty_ws, tmp_path):
    """The English header row under the Chinese one, and both again on the next page, are listed as skipped with their
    reason — not as people with problems; a 入群时间 of -- is previewed with its warning."""
    wb = Workbook()
    sheet = wb.active
    bilingual = [["姓名", "微信号", "手机", "入群时间"], ["Name", "WeChat ID", "Phone", "Joined"]]
    for r in bilingual:
        sheet.append(r)
    for i in range(1, 61):
        if i == 50:
            for r in bilingual:
                sheet.append(r)
        sheet.append([f"成员{i:02d}", f"wx_{i:02d}", f"138001300{i:02d}", "--" if i == 1 else "2024/03/05"])
    path = tmp_path / "打印名单.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert plan.ok and plan.added == 60
    model = dialog.preview_model
    skipped = [r for r in range(model.rowCount()) if model.line(r).action == "skipped"]
    assert [model.line(r).row for r in skipped] == [2, 52, 53]
    shown = " ".join(str(model.data(model.index(skipped[0], c)) or "") for c in range(model.columnCount()))
    assert "the header row again, not a person" in shown
    first = next(r for r in range(model.rowCount()) if model.line(r).row == 3)
    shown = " ".join(str(model.data(model.index(first, c)) or "") for c in range(model.columnCount()))
    assert "--" in shown
    assert import_all(qtbot, dialog).added == 60


def test_a_note_line_among_the_rows_is_previewed_as_skipped_not_as_a_person(qtbot, empty_ws, tmp_path):
    wb = Workbook()
    for r in [
        ["姓名", "微信号", "手机"],
        ["张三", "zhangsan01", "13800138001"],
        ["备注：红色为未交费"],
        ["李四", "lisi_0202", "13800138002"],
    ]:
        wb.active.append(r)
    path = tmp_path / "名单.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert plan.ok and plan.added == 2
    model = dialog.preview_model
    skipped = [r for r in range(model.rowCount()) if model.line(r).action == "skipped"]
    assert [model.line(r).row for r in skipped] == [3]
    shown = " ".join(str(model.data(model.index(skipped[0], c)) or "") for c in range(model.columnCount()))
    assert "a note or section line among the rows, not a person" in shown
    notes = dialog.notes_label.text()  # among the rows, not "below the table"
    assert "1 repeated header, note or section row(s) among the rows skipped" in notes and "footer" not in notes
    import_all(qtbot, dialog)
    with empty_ws.database.session() as s:
        assert set(s.scalars(select(Member.display_name))) == {"张三", "李四"}


def test_a_hidden_phone_column_is_said_in_the_preview_notes(qtbot, empty_ws, tmp_path):
    wb = Workbook()
    for r in [["姓名", "手机"], ["张三", "13800138001"], ["李四", "13800138002"]]:
        wb.active.append(r)
    wb.active.column_dimensions["B"].hidden = True
    path = tmp_path / "名单.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert plan.ok and plan.added == 2
    assert "Columns hidden in the sheet are imported too: 手机" in dialog.notes_label.text()
