"""The chat import dialog and the export's 请假 messages (leave, third probe): they were dropped without a word. The
preview counts them, lists each on a Leave tab with the days it says (from the message's own day) and what becomes
of it, and offers a box — unticked — to record the ones members sent about themselves; ticked, the import records
them with everything else."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings

from desktop.io import chat_exports
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import Leave
from ui.dialogs.chat_import_dialog import ChatImportDialog

pytestmark = OFFSCREEN_QUIRKS

ROWS = [
    ("2026-12-04 23:50:00", "明天请假", "张三", "wx_zs"),
    ("2026-12-04 10:00:00", "帮张三请个假", "李四", "wx_ls"),
]


@pytest.fixture
def ws(tmp_path, monkeypatch):
    isolate_settings(tmp_path)
    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-10")
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨读群")
        for name, wx in (("张三", "wx_zs"), ("李四", "wx_ls")):
            add_member(s, owner, gid, MemberInput(display_name=name, wechat_id=wx, joined_at=datetime(2026, 10, 1, 9)))
        s.commit()
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    for i, (at, content, nick, sender) in enumerate(ROWS):
        stamp = int(datetime.fromisoformat(at).replace(tzinfo=timezone(timedelta(hours=8))).timestamp())
        writer.writerow([5000 + i, 27, 1, 0, 0, stamp, 3, content, at, nick, nick, sender])
    export = tmp_path / "chat_utf8.csv"
    export.write_bytes(buf.getvalue().encode("utf-8-sig"))
    yield database, owner, gid, export
    database.dispose()


def test_the_preview_lists_leave_messages_and_records_them_when_asked(qtbot, ws):
    database, owner, gid, export = ws
    dialog = ChatImportDialog(database, owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(export))
    assert "2 leave message(s)" in dialog.summary_label.text()
    table = dialog.leaves_table
    rows = {table.item(r, 3).text(): [table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())}
    assert rows["明天请假"][1:3] == ["张三", "2026-12-05"]  # sent at 23:50 on the 4th: the 5th
    assert "tick the box" in rows["明天请假"][4]
    assert "张三" in rows["帮张三请个假"][4]  # 李四 wrote it: not 李四's leave, not recorded by itself
    box = dialog.record_leave_box
    assert box.isVisible() and not box.isChecked() and "1 leave(s)" in box.text()
    box.setChecked(True)
    assert table.item([r for r in range(2) if table.item(r, 3).text() == "明天请假"][0], 4).text() == "will be recorded"
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.start_import()
    assert "1 leave(s) recorded" in dialog.summary_label.text()
    with database.session() as s:
        assert [(lv.start_day, lv.end_day) for lv in s.query(Leave)] == [(date(2026, 12, 5), date(2026, 12, 5))]
