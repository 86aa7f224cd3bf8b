"""ImportDialog's third kind, check-ins (a check-in export or a 打卡表): chosen, previewed and imported on the real
worker thread through desktop/services/checkin_import.py; the rows with problems are named and only left out
when the user ticks the box; the values land in the database."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from helpers import OFFSCREEN_QUIRKS, type_text
from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.services.checkin_import import CheckinPlan
from models import CheckIn, Leave, Member, Membership
from tests.fixed_day import TEST_TODAY
from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS

WAIT_MS = 30_000
# the sheets' month: one whose 2nd and 3rd have come, whatever day the suite runs on (on the 1st they had not)
SHEET_MONTH = TEST_TODAY - timedelta(days=3)
D1, D2 = date(SHEET_MONTH.year, SHEET_MONTH.month, 2), date(SHEET_MONTH.year, SHEET_MONTH.month, 3)


def open_dialog(qtbot, ws) -> ImportDialog:
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("checkins"))
    return dialog


def load(qtbot, dialog: ImportDialog, path: Path):
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    return ready.args[0]


def checkins(ws) -> list[tuple[str, date, bool]]:
    with ws.database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.late)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted((n, d, bool(late)) for n, d, late in rows)


def test_a_checkin_sheet_is_previewed_and_imported_leaving_out_the_row_of_someone_unknown(qtbot, ws, tmp_path):
    wb = Workbook()
    ws_ = wb.active
    ws_.append([f"{SHEET_MONTH.year}年{SHEET_MONTH.month}月打卡表"])
    ws_.append(["姓名", datetime.combine(D1, datetime.min.time()), datetime.combine(D2, datetime.min.time()), "合计"])
    ws_.append(["三哥", "✓", "补", 2])
    ws_.append(["李四", "请假", None, 0])
    ws_.append(["赵六", "✓", None, 1])
    path = tmp_path / "打卡表.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, path)
    assert isinstance(plan, CheckinPlan) and dialog.kind() == "checkins"
    assert dialog.mapping_table.isHidden() and not dialog.month_edit.isHidden()
    assert "must exist" in dialog.group_combo.lineEdit().placeholderText()
    assert [d for _c, d in plan.days] == [D1, D2]
    model = dialog.preview_model
    rows = {model.data(model.index(r, 0)): model.data(model.index(r, 3)) for r in range(model.rowCount())}
    names = {model.data(model.index(r, 0)): model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert (names["5"], rows["5"]) == ("赵六", "A (姓名): Nobody on the roster")
    assert names["3"] == "三哥 = 张三" and rows["3"].startswith("New: 2 (late: 1)")
    assert not dialog.import_button.isEnabled()  # a problem: nothing until the user chooses
    assert dialog.skip_problems_check.isVisible()
    dialog.skip_problems_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    summary = done.args[0]
    assert (summary.logged, summary.leave_days, summary.left_out) == (2, 1, 1)
    assert checkins(ws) == [("张三", D1, False), ("张三", D2, True)]
    with ws.database.session() as s:
        leaves = s.execute(select(Leave.membership_id, Leave.start_day, Leave.end_day)).all()
    assert [(start, end) for _m, start, end in leaves] == [(D1, D1)]
    assert "1 row(s) with problems left out" in dialog.summary_label.text()


def test_bare_day_numbers_ask_for_the_month_and_the_month_field_gives_it(qtbot, ws, tmp_path):
    path = tmp_path / "bare.csv"
    path.write_text("姓名,2,3\n张三,√,√\n", encoding="utf-8-sig")
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, path)
    assert [p.code for p in plan.problems] == ["month_needed"]
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        type_text(qtbot, dialog.month_edit, f"{SHEET_MONTH.year}-{SHEET_MONTH.month:02d}")
    plan = ready.args[0]
    assert plan.ok and [d for _c, d in plan.days] == [D1, D2]
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert checkins(ws) == [("张三", D1, False), ("张三", D2, False)]


def test_switching_a_file_read_as_a_roster_to_checkins_reads_it_again(qtbot, ws, tmp_path):
    """A 打卡表 opened as a roster (the automatic kind) is read again with the check-in header rule when the user
    picks 打卡记录; and back: the roster's mapping returns."""
    path = tmp_path / "m.csv"
    path.write_text(f"{SHEET_MONTH.year}年{SHEET_MONTH.month}月打卡表\n姓名,2日,3日\n张三,√,√\n", encoding="utf-8")
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    load(qtbot, dialog, path)
    assert dialog.kind() == "roster" and not dialog.mapping_table.isHidden()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("checkins"))
    plan = ready.args[0]
    assert isinstance(plan, CheckinPlan) and plan.ok and [d for _c, d in plan.days] == [D1, D2]
    assert dialog.mapping_table.isHidden()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("roster"))
    assert not isinstance(ready.args[0], CheckinPlan) and not dialog.mapping_table.isHidden()


def test_the_other_week_sheets_of_a_workbook_are_named_in_the_notes(qtbot, ws, tmp_path):
    """A workbook of one sheet a week: the preview says which other sheets are check-in tables too (they were not
    read, without a word)."""
    wb = Workbook()
    first = wb.active
    first.title = "第1周"
    second = wb.create_sheet("第2周")
    for sheet in (first, second):
        sheet.append([f"{SHEET_MONTH.year}年{SHEET_MONTH.month}月打卡表"])
        sheet.append(["姓名", datetime.combine(D1, datetime.min.time()), datetime.combine(D2, datetime.min.time())])
        sheet.append(["张三", "✓", None])
    path = tmp_path / "weeks.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, path)
    assert plan.sheet == "第1周" and plan.other_sheets == ("第2周",)
    assert dialog.notes_label.isVisible() and "第2周" in dialog.notes_label.text()
