"""The Import dialog's preview of what check-in mini-programs export (eighth import probe): a per-member summary is
refused in the preview, saying so, with nothing to import; a 打卡喵 export's 12-03 07:12 times and its 打卡类型 补卡
are previewed and imported on their days."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from helpers import OFFSCREEN_QUIRKS
from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.services.checkin_import import CheckinPlan
from models import CheckIn, Member, Membership
from tests.fixed_day import TEST_TODAY
from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS

WAIT_MS = 30_000
D1, D2 = TEST_TODAY - timedelta(days=3), TEST_TODAY - timedelta(days=2)


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def _open(qtbot, ws, path: Path) -> tuple[ImportDialog, CheckinPlan]:
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("checkins"))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    return dialog, ready.args[0]


def _checkins(ws) -> list[tuple[str, date, bool, datetime | None]]:
    with ws.database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.late, CheckIn.checked_at)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted((n, d, bool(late), at) for n, d, late, at in rows)


def test_a_per_member_summary_is_refused_in_the_preview_saying_what_it_is(qtbot, ws, tmp_path):
    last = f"{D2:%Y/%m/%d} 07:12:09"
    rows = [["序号", "昵称", "打卡天数", "坚持天数", "最近打卡时间"], [1, "三哥", "12天", "5天", last]]
    dialog, plan = _open(qtbot, ws, _xlsx(tmp_path / "成员统计.xlsx", rows))
    assert [p.code for p in plan.problems] == ["summary_table"] and plan.count("checkins") == 0
    model = dialog.preview_model
    texts = [model.data(model.index(r, 3)) for r in range(model.rowCount())]
    assert any("per-member summary" in (t or "") for t in texts)
    assert not dialog.import_button.isEnabled() and not dialog.skip_problems_check.isVisible()
    assert _checkins(ws) == []


def test_short_times_and_a_type_column_s_buka_are_previewed_and_imported(qtbot, ws, tmp_path):
    rows = [
        ["打卡人", "打卡时间", "打卡内容", "打卡类型"],
        ["三哥", f"{D1.month}-{D1.day:02d} 07:12", "早起", "正常打卡"],
        ["张三", f"{D2.month}-{D2.day:02d} 06:50", "早起", "补卡"],
    ]
    dialog, plan = _open(qtbot, ws, _xlsx(tmp_path / "打卡喵.xlsx", rows))
    assert plan.ok and plan.count("checkins") == 2
    model = dialog.preview_model
    details = {model.data(model.index(r, 0)): model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert details["2"].startswith("New: 1 (late: 0)") and details["2"].endswith(f"; {D1}")
    assert details["3"].startswith("New: 1 (late: 1)") and details["3"].endswith(f"; {D2}")
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert _checkins(ws) == [
        ("张三", D1, False, datetime.combine(D1, datetime.min.time()).replace(hour=7, minute=12)),
        ("张三", D2, True, datetime.combine(D2, datetime.min.time()).replace(hour=6, minute=50)),
    ]


def test_a_roster_of_several_groups_previews_the_other_group_s_rows_as_skipped(qtbot, ws, tmp_path):
    """企业微信's 客户群 export of every group, opened in the dialog for 早起打卡营: the row of 读书会 is listed as
    skipped (another group in the file) with a note, and the import adds only this group's member."""
    from helpers import GROUP_NAME, OTHER_GROUP_NAME

    joined = f"{TEST_TODAY - timedelta(days=5)} 10:00"
    rows = [
        ["群名称", "群主", "成员名称", "入群时间"],
        [GROUP_NAME, "张老师", "甲乙", joined],
        [OTHER_GROUP_NAME, "张老师", "丙丁", joined],
    ]
    path = _xlsx(tmp_path / "客户群.xlsx", rows)
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    plan = ready.args[0]
    assert (plan.added, [(s.row, s.reason) for s in plan.skipped]) == (1, [(3, "other_group")])
    model = dialog.preview_model
    lines = {model.data(model.index(r, 0)): model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert lines["3"] == "a member of another group in the file, not imported"
    assert "1 row(s) of other groups in the file skipped" in dialog.notes_label.text()
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        names = set(
            s.scalars(
                select(Member.display_name)
                .join(Membership, Membership.member_id == Member.id)
                .where(Membership.group_id == ws.group_id, Member.display_name.in_(["甲乙", "丙丁"]))
            )
        )
    assert names == {"甲乙"}
