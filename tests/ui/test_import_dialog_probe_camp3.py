"""Probe camp3, the window: a 打卡表 headed 第1天 … 第3天 in the Import dialog — dated by the camp's first day, which
the notes name beside the days read; without a first day, the problem line says where to set it."""

from __future__ import annotations

from datetime import date, timedelta

from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.services.checkin_import import CheckinPlan
from desktop.services.group_profile import update_group_profile
from models import CheckIn, Member, Membership
from tests.fixed_day import TEST_TODAY
from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS

WAIT_MS = 30_000
START = TEST_TODAY - timedelta(days=5)  # day 1; days 1 … 3 have come whatever day the suite runs on


def _dialog(qtbot, ws, path) -> tuple[ImportDialog, CheckinPlan]:
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("checkins"))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    return dialog, ready.args[0]


def _checkins(ws) -> list[tuple[str, date]]:
    with ws.database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted(tuple(r) for r in rows)


def test_camp_day_columns_are_dated_by_the_first_day_and_the_notes_name_it(qtbot, ws, tmp_path):
    with ws.database.session() as s:
        update_group_profile(s, ws.owner, ws.group_id, camp_start_day=START, camp_days=21)
        s.commit()
    path = tmp_path / "营期打卡表.csv"
    path.write_text("姓名,第1天,第2天,第3天\n张三,✓,,补\n", encoding="utf-8-sig")
    dialog, plan = _dialog(qtbot, ws, path)
    assert plan.ok and plan.camp_start == START
    notes = dialog.notes_label.text()
    assert f"Camp days counted from the camp's first day, {START}." in notes
    assert f"B (第1天) = {START}" in notes and f"D (第3天) = {START + timedelta(days=2)}" in notes
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert (done.args[0].logged, done.args[0].late) == (2, 1)
    assert _checkins(ws) == [("张三", START), ("张三", START + timedelta(days=2))]


def test_without_a_first_day_the_problem_says_where_to_set_it(qtbot, ws, tmp_path):
    path = tmp_path / "营期打卡表.csv"
    path.write_text("姓名,Day1,Day2\n张三,✓,✓\n", encoding="utf-8-sig")
    dialog, plan = _dialog(qtbot, ws, path)
    assert [p.code for p in plan.problems] == ["camp_days"]
    model = dialog.preview_model
    details = [model.data(model.index(r, 3)) for r in range(model.rowCount())]
    assert any("Group profile → Camp's first day" in d for d in details)
    assert not dialog.import_button.isEnabled()
    assert _checkins(ws) == []
