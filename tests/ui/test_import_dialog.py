"""ImportDialog as a user drives it: choose a file, check the pre-filled column mapping and the preview,
correct a column, import; the work runs on the real worker thread (TaskRunner) and lands in the database."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace, type_text
from PySide6.QtCore import QPoint, Qt

from desktop.services.groups import list_groups
from desktop.services.imports import remembered_mapping
from desktop.services.roster import RosterQuery, search_roster
from ui import file_dialogs
from ui.dialogs.import_dialog import PROBLEM_BACKGROUND, ImportDialog, PreviewModel
from ui.task_runner import TaskRunner

pytestmark = OFFSCREEN_QUIRKS

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
WAIT_MS = 30_000


@pytest.fixture
def empty_ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    yield workspace
    close_workspace(workspace)


def open_dialog(qtbot, ws, group_id=None) -> ImportDialog:
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id if group_id is None else group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot, dialog: ImportDialog, path: Path):
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    return ready.args[0]


def import_now(qtbot, dialog: ImportDialog):
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def roster(ws, group_id=None) -> dict[str, str]:
    with ws.database.session() as s:
        rows = search_roster(s, RosterQuery(group_id=group_id or ws.group_id), 0, None)
        return {r.display_name: r.status for r in rows}


def cells(dialog: ImportDialog, column: int) -> list[str]:
    model = dialog.preview_model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def write_csv(path: Path, rows: list[list]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_roster_file_is_mapped_previewed_and_imported(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    assert isinstance(dialog.runner, TaskRunner)  # the real worker thread
    assert dialog.group_combo.currentText() == "早起打卡营"
    plan = load(qtbot, dialog, DATA / "roster_title_rows.xlsx")
    assert dialog.kind() == "roster"
    fields = [dialog.mapping_combo(c).currentData() for c in range(dialog.mapping_table.rowCount())]
    assert fields == ["name", "nickname", "wechat_id", "phone", "joined_at", "tags"]
    assert dialog.mapping_table.item(0, 0).text() == "姓名"
    assert dialog.mapping_table.item(0, 1).text() == "赵六, 钱七, 孙八"
    assert (plan.added, plan.updated, plan.unchanged) == (3, 0, 0)
    assert cells(dialog, PreviewModel.COL_ROW) == ["5", "6", "8"]  # the sheet's own row numbers
    assert cells(dialog, PreviewModel.COL_ACTION) == ["Add", "Add", "Add"]
    assert "3 to add" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled()

    summary = import_now(qtbot, dialog)
    assert (summary.added, summary.updated) == (3, 0)
    people = roster(ws)
    assert {"赵六", "钱七", "孙八"} <= set(people)
    assert people["赵六"] == "active"
    assert "Imported: 3 added" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.close_button.text() == "Done"

    again = load(qtbot, dialog, DATA / "roster_title_rows.xlsx")  # the same file again: nothing to do
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_problem_rows_are_listed_and_keep_import_disabled(qtbot, ws):
    before = roster(ws)
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, DATA / "bad_date.csv")
    assert not plan.ok
    assert not dialog.import_button.isEnabled()
    assert cells(dialog, PreviewModel.COL_ROW) == ["2", "4", "5"]
    assert cells(dialog, PreviewModel.COL_ACTION) == ["Update", "Update", "Problem"]  # seeded 张三, 李四
    details = cells(dialog, PreviewModel.COL_DETAILS)[2]
    assert details.startswith("入群时间: ") and "下周一" in details
    model = dialog.preview_model
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole).color() == PROBLEM_BACKGROUND
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "1 problem" in dialog.summary_label.text()
    dialog.problems_only_check.setChecked(True)
    assert cells(dialog, PreviewModel.COL_ROW) == ["5"]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert roster(ws) == before


def test_phone_clash_with_a_member_is_a_problem(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, DATA / "roster_simple.xlsx")  # 张三's phone belongs to the seeded 张三 (zhangsan_wx)
    assert not plan.ok and not dialog.import_button.isEnabled()
    problem = next(r for r in plan.rows if r.action == "problem")
    assert problem.row == 2 and problem.problems[0].column == "手机"


def test_corrected_mapping_is_used_and_remembered(qtbot, empty_ws, tmp_path):
    ws = empty_ws
    path = write_csv(tmp_path / "名单.csv", [["称号", "微信", "城市"], ["张三", "zs", "北京"], ["李四", "ls", "上海"]])
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, path)
    assert dialog.mapping_combo(0).currentData() is None  # 称号 is not a known header
    assert not plan.ok and not dialog.import_button.isEnabled()  # new people need a name
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_column_field(0, "name")
    assert ready.args[0].ok and dialog.import_button.isEnabled()
    assert cells(dialog, PreviewModel.COL_NAME) == ["张三", "李四"]
    import_now(qtbot, dialog)
    assert roster(ws) == {"张三": "active", "李四": "active"}
    with ws.database.session() as s:
        assert remembered_mapping(s, ["称号", "微信", "城市"]) == {0: "name", 1: "wechat_id", 2: "city"}

    second = open_dialog(qtbot, ws)
    again = load(qtbot, second, path)
    assert second.mapping_combo(0).currentData() == "name"
    assert again.unchanged == 2


def test_survey_export_becomes_applications(qtbot, empty_ws):
    ws = empty_ws
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, DATA / "survey_wjx.xlsx")
    assert dialog.kind() == "applications"
    assert not dialog.mapping_combo(6).isEnabled()
    assert dialog.mapping_combo(6).currentData() == "name"
    assert dialog.mapping_combo(11).currentData() == "purpose"
    assert dialog.mapping_combo(2).currentData() is None  # 所用时间
    assert plan.added == 3
    import_now(qtbot, dialog)
    assert roster(ws) == {"张三": "applicant", "李四🌸": "applicant", "王五": "applicant"}


def test_switching_the_kind_replans(qtbot, empty_ws):
    dialog = open_dialog(qtbot, empty_ws)
    load(qtbot, dialog, DATA / "roster_simple.xlsx")
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("applications"))
    plan = ready.args[0]
    assert plan.kind == "applications" and not plan.ok
    assert "问卷星" in plan.problems[0].message
    assert not dialog.import_button.isEnabled()


def test_a_new_group_name_creates_the_group(qtbot, empty_ws):
    ws = empty_ws
    dialog = open_dialog(qtbot, ws)
    load(qtbot, dialog, DATA / "roster_utf8.csv")
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.group_combo.lineEdit().selectAll()
        type_text(qtbot, dialog.group_combo.lineEdit(), "夜跑团🏃")
    assert "will be created" in dialog.summary_label.text()
    summary = import_now(qtbot, dialog)
    assert dialog.group_created and summary.added == 3
    with ws.database.session() as s:
        groups = {g.name: g.id for g in list_groups(s)}
    assert roster(ws, groups["夜跑团🏃"]) == {"张三": "active", "李四": "active", "王五": "active"}


def test_browse_opens_a_file_dialog(qtbot, empty_ws, monkeypatch):
    dialog = open_dialog(qtbot, empty_ws)
    chosen = str(DATA / "roster_gbk.csv")
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (chosen, ""))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == chosen
    assert ready.args[0].added == 2


def test_unreadable_file_is_reported(qtbot, empty_ws):
    dialog = open_dialog(qtbot, empty_ws)
    with qtbot.waitSignal(dialog.runner.failed, timeout=WAIT_MS):
        dialog.set_file(DATA / "empty.csv")
    assert "empty.csv" in dialog.summary_label.text()
    assert dialog.mapping_table.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_cancel_while_reading_a_big_file(qtbot, empty_ws, tmp_path):
    rows = [["姓名", "微信号", "手机"]] + [[f"成员{i}", f"wx{i}", str(13000000000 + i)] for i in range(30_000)]
    path = write_csv(tmp_path / "big.csv", rows)
    dialog = open_dialog(qtbot, empty_ws)
    with qtbot.waitSignal(dialog.runner.cancelled, timeout=WAIT_MS):
        dialog.set_file(path)
        assert dialog.cancel_button.isVisible()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_label.text() == "Cancelled."
    assert not dialog.cancel_button.isVisible() and not dialog.import_button.isEnabled()
    assert roster(empty_ws) == {}


# ---------------------------------------------------------------------------------------------------
# issue 12: the sheet choice, skipped footer rows, merged fills, warnings, an assistant's limits

REAL = Path(__file__).resolve().parents[1] / "data" / "import_real" / "files"


@pytest.fixture
def corpus_day(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-01")  # the corpus' dates run to 2026-12-01


def lines(dialog: ImportDialog) -> list:
    model = dialog.preview_model
    return [model.line(r) for r in range(model.rowCount())]


def test_the_sheet_with_the_member_table_is_chosen_and_another_can_be_picked(qtbot, empty_ws, corpus_day):
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, REAL / "workbook_three_sheets.xlsx")
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == ["说明", "汇总", "成员明细"]
    assert dialog.sheet_combo.currentText() == "成员明细" and dialog.sheet_row.isVisible()
    assert plan.ok and plan.added == 7 and "成员明细" in dialog.notes_label.text()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.choose_sheet("汇总")
    assert not ready.args[0].ok and [p.code for p in ready.args[0].problems] == ["no_person_columns"]
    assert not dialog.import_button.isEnabled()
    plan = load(qtbot, dialog, DATA / "roster_gbk.csv")  # a CSV has no sheets
    assert not dialog.sheet_row.isVisible()


def test_footer_rows_are_listed_as_skipped(qtbot, empty_ws, corpus_day):
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, REAL / "roster_footer_rows.xlsx")
    assert plan.ok and plan.added == 8
    skipped = [(line.row, line.name) for line in lines(dialog) if line.action == "skipped"]
    assert [row for row, _ in skipped] == [11, 12, 13, 14, 15]
    assert skipped[0][1] == "合计：8人"
    assert "Skipped" in cells(dialog, PreviewModel.COL_ACTION)
    assert "5 footer or blank row(s)" in dialog.notes_label.text()


def test_merged_cells_filled_down_are_shown(qtbot, empty_ws, corpus_day):
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, REAL / "roster_merged_blocks.xlsx")
    assert plan.ok and plan.added == 9
    row5 = next(line for line in lines(dialog) if line.row == 5)
    assert "城市 ← 4" in row5.details and "入群时间 ← 4" in row5.details
    assert "merged cell(s) filled" in dialog.notes_label.text()


def test_warnings_are_shown_and_do_not_block_the_import(qtbot, empty_ws, corpus_day):
    dialog = open_dialog(qtbot, empty_ws)
    dialog.group_combo.setEditText("徒步群")
    plan = load(qtbot, dialog, REAL / "wx_members_weiyou.xlsx")
    warned = [line for line in lines(dialog) if line.warned]
    assert [line.row for line in warned] == [11] and "大刘" in warned[0].details
    assert dialog.preview_model.data(
        dialog.preview_model.index(lines(dialog).index(warned[0]), 0), Qt.ItemDataRole.BackgroundRole
    )
    assert "No name column" in dialog.notes_label.text()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=WAIT_MS)
    summary = import_now(qtbot, dialog)
    assert summary.added == plan.added == 12


def test_an_assistant_sees_the_rows_it_may_not_import(qtbot, ws, corpus_day):
    dialog = ImportDialog(ws.database, ws.assistant, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    plan = load(qtbot, dialog, REAL / "roster_status_changes.xlsx")
    assert sorted(r.row for r in plan.rows if r.action == "problem") == [3, 4, 5, 7, 8]
    assert sorted(r.row for r in plan.rows if r.action == "add") == [2, 6]
    assert not dialog.import_button.isEnabled()


def test_an_add_row_shows_what_it_changes_on_someone_already_known(qtbot):
    """A person already in another group joins this one ("Add"): a change to their stored details is shown,
    a new person's values are not listed."""
    from desktop.services.imports import Change, ImportPlan, PlannedRow
    from ui.dialogs.import_dialog import preview_lines

    rows = (
        PlannedRow(2, "add", "陈静", (Change("nickname", "静静", "小静"), Change("status", None, "已入群"))),
        PlannedRow(3, "add", "孙丽", (Change("name", None, "孙丽"), Change("status", None, "已入群"))),
    )
    plan = ImportPlan("f.xlsx", "roster", 1, ("姓名", "昵称"), {0: "name", 1: "nickname"}, rows)
    lines = preview_lines(plan)
    assert [(line.row, line.action, line.details) for line in lines] == [
        (2, "add", "Nickname: 静静 → 小静"),
        (3, "add", ""),
    ]


def test_the_rows_with_problems_can_be_left_out_at_the_users_choice(qtbot, ws):
    """A file whose only problems are rows': a box offers to leave them out; ticked, Import brings in the rest
    and says how many rows were left out; unticked, nothing is imported (as before)."""
    before = roster(ws)
    dialog = open_dialog(qtbot, ws)
    plan = load(qtbot, dialog, DATA / "bad_date.csv")
    assert not plan.ok and not dialog.import_button.isEnabled()
    box = dialog.skip_problems_check
    assert box.isVisible() and not box.isChecked()
    assert box.text() == "Leave out the 1 row(s) with problems and import the others"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the box itself
    assert box.isChecked() and dialog.import_button.isEnabled()
    summary = import_now(qtbot, dialog)
    assert (summary.updated, summary.skipped) == (2, 1)
    assert "1 row(s) with problems left out" in dialog.summary_label.text()
    after = roster(ws)
    assert set(after) == set(before)  # rows 2 and 4 updated the seeded 张三 and 李四; row 5 was left out
    assert not box.isVisible()


def test_refunded_and_repeat_orders_are_listed_as_skipped_with_their_reason(qtbot, empty_ws, tmp_path):
    """An order export (订单状态): the refunded buyer and a buyer's second order are preview lines of their own, saying
    why they are not imported, and the note counts them apart from footer rows (they were "footer or blank rows")."""
    path = write_csv(
        tmp_path / "orders.csv",
        [
            ["订单号", "订单状态", "收货人/提货人", "收货人手机号/提货人手机号"],
            ["E1", "交易成功", "王芳", "13800138000"],
            ["E2", "交易成功", "王芳", "13800138000"],
            ["E3", "已退款", "张强", "13900139000"],
        ],
    )
    dialog = open_dialog(qtbot, empty_ws)
    plan = load(qtbot, dialog, path)
    assert plan.ok and plan.added == 1
    skipped = [(line.row, line.name, line.details) for line in lines(dialog) if line.action == "skipped"]
    assert skipped == [
        (3, "王芳（同第2行 same as row 2）", "another order of the same person"),
        (4, "张强（已退款）", "refunded, cancelled or declined order or sign-up, not a member"),
    ]
    assert "2 order or sign-up row(s) skipped" in dialog.notes_label.text()
    assert "footer or blank" not in dialog.notes_label.text()
