"""The survey3 probe in the window: a 问卷星 export whose 多项填空 question asks 姓名/微信号/手机 (refused before), and one
downloaded 按选项序号 in which an applicant corrected their WeChat ID — loaded in the import dialog as the organiser
would (real worker thread, real SQLite), each row's outcome read from the preview, then imported and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from models import Member
from ui.dialogs.import_dialog import ImportDialog, preview_lines

WAIT_MS = 30_000
WJX = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


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
        rows = s.execute(select(Member.display_name, Member.wechat_id, Member.phone, Member.occupation))
        return {name: (wechat, phone, occupation) for name, wechat, phone, occupation in rows}


def test_a_multi_blank_question_previews_every_applicant_and_imports_them(qtbot, empty_ws, tmp_path):
    """The preview said "no question asks for the name, WeChat ID or phone" and Import stayed disabled."""
    path = xlsx(
        tmp_path / "问卷星_多项填空.xlsx",
        [
            [*WJX, "1、请填写以下信息(姓名)", "1、请填写以下信息(微信号)", "1、请填写以下信息(手机)", "2、兴趣(读书)",
             "2、兴趣(跑步)"],
            [1, "2026/11/18 9:31:02", "125秒", "微信", "N/A", "1.2.3.4(北京-北京)", "张三", "zhangsan_01",
             "+86 138 0013 8000", 1, 0],
            [2, "2026/11/18 9:40:02", "80秒", "微信", "N/A", "1.2.3.5", "李四", "lisi_02", "138-0013-8001", 0, 1],
        ],
    )  # fmt: skip
    dialog, plan = open_and_load(qtbot, empty_ws, path)
    assert dialog.kind() == "applications" and plan.ok
    assert [(line.row, line.action, line.name) for line in preview_lines(plan)] == [
        (2, "add", "张三"),
        (3, "add", "李四"),
    ]
    assert dialog.import_button.isEnabled()
    summary = import_now(qtbot, dialog)
    assert summary.added == 2
    assert people(empty_ws) == {"张三": ("zhangsan_01", "13800138000", None), "李四": ("lisi_02", "13800138001", None)}


def test_an_export_by_option_number_with_a_correction_says_both_in_the_preview(qtbot, empty_ws, tmp_path):
    """The preview showed 张三's corrected submission as a problem (the export could not be imported) and said
    nothing of the answers being option numbers; 您的职业 "3" became an occupation. Now the preview lists one row for
    张三 naming the WeChat ID replaced, and the option-number warning in amber; nothing is taken as an occupation."""
    path = xlsx(
        tmp_path / "问卷星_按序号.xlsx",
        [
            [*WJX, "1、您的姓名：", "2、您的微信号：", "3、您的手机号：", "4、您的职业："],
            [1, "2026/11/18 9:31:02", "60秒", "微信", "N/A", "1.2.3.4", "张三", "zhangsa_01", "13800138000", 3],
            [2, "2026/11/18 9:33:02", "60秒", "微信", "N/A", "1.2.3.6", "李四", "lisi_02", "13800138001", 1],
            [3, "2026/11/18 9:35:02", "40秒", "微信", "N/A", "1.2.3.4", "张三", "zhangsan_01", "13800138000", 3],
        ],
    )
    dialog, plan = open_and_load(qtbot, empty_ws, path)
    assert plan.ok and dialog.import_button.isEnabled()
    lines = {line.row: line for line in preview_lines(plan)}
    assert sorted(lines) == [3, 4]
    assert lines[3].warned and "are option numbers" in lines[3].details and "by option text" in lines[3].details
    assert lines[4].name == "张三" and lines[4].warned
    assert "row 2 zhangsa_01 → zhangsan_01" in lines[4].details
    summary = import_now(qtbot, dialog)
    assert summary.added == 2
    assert people(empty_ws) == {"张三": ("zhangsan_01", "13800138000", None), "李四": ("lisi_02", "13800138001", None)}


def test_the_mapping_step_shows_survey_answers_as_kept_on_the_note(qtbot, empty_ws, tmp_path):
    """The survey's mapping step showed every answer column (您的职业, 您感兴趣的活动) as "(not imported)" — though the
    answers are kept on each applicant's note, as its own hint said. Now such a column reads "Note (survey answer)";
    the tool's own columns (序号, 来自IP) stay "(not imported)" and the person's columns their field."""
    from ui.dialogs.import_dialog import ANSWER_ON_NOTE

    path = xlsx(
        tmp_path / "问卷星.xlsx",
        [
            [*WJX, "1、您的姓名：", "2、您的微信号：", "3、您的职业：", "4、您感兴趣的活动[多选题]"],
            [1, "2026/11/18 9:31:02", "60秒", "微信", "N/A", "1.2.3.4", "张三", "zhangsan_01", "教师", "读书┋跑步"],
        ],
    )
    dialog, plan = open_and_load(qtbot, empty_ws, path)
    shown = {column: (dialog.mapping_combo(column).currentData(), dialog.mapping_combo(column).currentText())
             for column in range(10)}  # fmt: skip
    assert shown[0] == (None, "(not imported)") and shown[5] == (None, "(not imported)")
    assert shown[6][0] == "name" and shown[7][0] == "wechat_id" and shown[8][0] == "occupation"
    assert shown[9] == (ANSWER_ON_NOTE, "Note (survey answer)")
    assert dialog.current_mapping() == {6: "name", 7: "wechat_id", 8: "occupation"}
    summary = import_now(qtbot, dialog)
    assert summary.added == 1
    assert people(empty_ws) == {"张三": ("zhangsan_01", None, "教师")}
