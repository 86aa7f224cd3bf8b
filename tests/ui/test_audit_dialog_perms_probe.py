"""The Audit dialog as an assistant reads it (second permissions probe): a phone number typed into a note, a group
nickname or a reason was shown whole — the phone column of the same summaries is masked for them, and a team
server's view of the audit log masks such numbers in the whole summary."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import OFFSCREEN_QUIRKS

from desktop.services.audit_export import summary_text
from desktop.services.roster import get_member_input, update_member
from ui.dialogs.audit_dialog import AuditDialog
from ui.models.audit_table_model import COL_SUMMARY

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (the edits are made now, on this day)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-18")


def _summaries(qtbot, ws, actor) -> str:
    dialog = AuditDialog(ws.database, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_member(ws.members["张三"], "张三")
    m = dialog.model
    return " | ".join(str(m.data(m.index(r, COL_SUMMARY)) or "") for r in range(m.rowCount()))


def test_an_assistant_reads_phones_typed_into_notes_and_nicknames_masked(qtbot, ws):
    ms = ws.memberships["张三"]
    with ws.database.session() as s:
        data = get_member_input(s, ms)
        update_member(s, ws.owner, ms, replace(data, note="家长电话 13912345678", group_nickname="张三-13712345678"))
        s.commit()
    text = _summaries(qtbot, ws, ws.assistant)
    assert "13912345678" not in text and "13712345678" not in text
    assert "139****" in text and "张三-137****" in text
    owner_text = _summaries(qtbot, ws, ws.owner)
    assert "家长电话 13912345678" in owner_text and "张三-13712345678" in owner_text


def test_dates_and_counts_are_not_taken_for_phones():
    summary = '{"after": {"joined_at": "2026-11-01T09:00:00", "rows": 12345678}}'
    text = summary_text(summary, "zh_CN", unmasked=False)
    assert "2026-11-01" in text and "12345678" in text
    assert summary_text('{"note": "回电 13812345678"}', "zh_CN") == "备注: 回电 138****"
