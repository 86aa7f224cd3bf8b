"""The ninth survey probe in the window: a 企业微信 form asking "微信号/手机号" and a 问卷星 export with one applicant's
truncated phone, loaded in the import dialog as the organiser would (real worker thread, real SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from openpyxl import Workbook
from PySide6.QtCore import QPoint, Qt

from desktop.services.roster import RosterQuery, search_roster
from ui.dialogs.import_dialog import ImportDialog

WAIT_MS = 30_000


@pytest.fixture
def empty_ws(tmp_path, monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-01")
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    yield workspace
    close_workspace(workspace)


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def open_and_load(qtbot, ws, path: Path):
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    return dialog, ready.args[0]


def import_now(qtbot, dialog: ImportDialog):
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def people(ws) -> dict[str, tuple]:
    with ws.database.session() as s:
        rows = search_roster(s, RosterQuery(group_id=ws.group_id), 0, None)
        return {r.display_name: r.status for r in rows}


def test_a_form_asking_wechat_or_phone_previews_and_imports_every_applicant(qtbot, empty_ws, tmp_path):
    """The preview refused the 企业微信 export ("zhangsan 不是电话号码") and Import stayed disabled."""
    path = xlsx(
        tmp_path / "企业微信表单.xlsx",
        [
            ["填写人", "填写时间", "姓名", "微信号/手机号", "你为什么想加入这个群"],
            ["张三", "2026-11-20 10:23:45", "张三", "zhangsan_01", "学习"],
            ["李四", "2026-11-20 10:25:45", "李四", "13912345678", ""],
        ],
    )
    dialog, plan = open_and_load(qtbot, empty_ws, path)
    assert dialog.kind() == "applications" and plan.ok and plan.added == 2
    assert dialog.mapping_combo(3).currentData() == "wechat_id"
    assert dialog.import_button.isEnabled()
    summary = import_now(qtbot, dialog)
    assert summary.added == 2
    assert people(empty_ws) == {"张三": "applicant", "李四": "applicant"}


def test_a_truncated_phone_is_a_problem_row_the_organiser_can_leave_out(qtbot, empty_ws, tmp_path):
    """1380013 was stored as a phone; now the row is a problem, and the box brings in the other applicants."""
    path = xlsx(
        tmp_path / "问卷星.xlsx",
        [
            ["序号", "提交答卷时间", "1、您的姓名：", "2、您的微信号：", "3、您的手机号："],
            [1, "2026/11/20 10:00:00", "张三", "zhangsan_01", "13800138000"],
            [2, "2026/11/20 11:00:00", "王五", "wangwu_03", "1380013"],
        ],
    )
    dialog, plan = open_and_load(qtbot, empty_ws, path)
    assert not plan.ok and [(p.row, p.column) for p in plan.problems] == [(3, "3、您的手机号")]
    assert not dialog.import_button.isEnabled()
    box = dialog.skip_problems_check
    assert box.isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    summary = import_now(qtbot, dialog)
    assert (summary.added, summary.skipped) == (1, 1)
    assert people(empty_ws) == {"张三": "applicant"}


def test_a_form_sent_empty_is_listed_as_skipped_with_its_reason(qtbot, empty_ws, tmp_path):
    """The preview refused the export for a row with no name, WeChat ID or phone; now it lists it as skipped."""
    from ui.dialogs.import_dialog import preview_lines

    path = xlsx(
        tmp_path / "问卷星.xlsx",
        [
            ["序号", "提交答卷时间", "1、您的姓名：", "2、您的微信号：", "3、您的职业"],
            [1, "2026/11/20 10:00:00", "张三", "zhangsan_01", "老师"],
            [2, "2026/11/20 11:00:00", "", "", "学生"],
        ],
    )
    dialog, plan = open_and_load(qtbot, empty_ws, path)
    assert plan.ok and dialog.import_button.isEnabled()
    skipped = [line for line in preview_lines(plan) if line.action == "skipped"]
    assert [(line.row, line.name, line.details) for line in skipped] == [
        (3, "您的职业: 学生", "no name, WeChat ID or phone answered: nobody to add")
    ]
    summary = import_now(qtbot, dialog)
    assert summary.added == 1 and people(empty_ws) == {"张三": "applicant"}
