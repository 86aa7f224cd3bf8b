"""The import dialog's preview of another group's roster (probe members9): its join and leaving dates are not read,
new members join on the day of the import — the preview said nothing of it, and the file's 入群时间 column looked
as if it would be used."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, OTHER_GROUP_NAME
from openpyxl import Workbook

from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


def _preview(qtbot, ws, path):
    dialog = ImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS) as ready:
        dialog.set_file(path)
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=WAIT_MS)
    return dialog, ready.args[0]


def test_the_preview_of_another_groups_roster_says_its_dates_are_not_read(qtbot, ws, tmp_path):
    wb = Workbook()
    for row in [["社群", "姓名", "微信号", "入群时间"], [OTHER_GROUP_NAME, "新人甲", "xinren_a", "2026-10-01"]]:
        wb.active.append(row)
    path = tmp_path / "另一个群.xlsx"
    wb.save(path)
    dialog, plan = _preview(qtbot, ws, path)
    assert plan.ok and plan.added == 1 and plan.other_roster == OTHER_GROUP_NAME
    notes = dialog.notes_label.text()
    assert f"This is the roster of “{OTHER_GROUP_NAME}”, another group" in notes
    assert "join on the day of the import" in notes


def test_the_preview_of_this_groups_roster_has_no_such_note(qtbot, ws, tmp_path):
    wb = Workbook()
    for row in [["姓名", "微信号", "入群时间"], ["新人乙", "xinren_b", "2026-10-01"]]:
        wb.active.append(row)
    path = tmp_path / "本群.xlsx"
    wb.save(path)
    dialog, plan = _preview(qtbot, ws, path)
    assert plan.ok and plan.other_roster is None
    assert "another group" not in dialog.notes_label.text()
