"""The import preview as an assistant reads it (second permissions probe): an update of someone already on the
roster showed the phone stored for them whole ("手机: 13800138000 → 13612345678") — the roster, the exports and
the CLI's --dry-run mask it for an assistant."""

from __future__ import annotations

import csv

import pytest
from helpers import OFFSCREEN_QUIRKS

from ui.dialogs.import_dialog import ImportDialog

pytestmark = OFFSCREEN_QUIRKS
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (the file has no dates; the plan reads today)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-18")


def _preview_text(qtbot, ws, actor, tmp_path) -> str:
    path = tmp_path / "名单.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["姓名", "微信号", "手机"], ["张三", "zhangsan_wx", "13612345678"]])
    dialog = ImportDialog(ws.database, actor, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.set_file(path)
    model = dialog.preview_model
    return " | ".join(
        str(model.data(model.index(r, c)) or "") for r in range(model.rowCount()) for c in range(model.columnCount())
    )


def test_an_assistant_reads_the_stored_phone_masked_in_the_import_preview(qtbot, ws, tmp_path):
    text = _preview_text(qtbot, ws, ws.assistant, tmp_path)
    assert "138****8000" in text and "136****5678" in text
    assert "13800138000" not in text


def test_the_owner_reads_it_whole(qtbot, ws, tmp_path):
    text = _preview_text(qtbot, ws, ws.owner, tmp_path)
    assert "13800138000" in text and "13612345678" in text
