"""The chat import's preview names the zone of its times: epoch stamps read in the community's zone say which, and
a text export read on a laptop set to another zone than the community's says its days may be off."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings

from desktop.services.groups import create_group
from desktop.settings import update_settings
from desktop.workspace import actor_for, open_workspace
from ui.dialogs.chat_import_dialog import ChatImportDialog

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def berlin_laptop(tmp_path, monkeypatch):
    """A workspace of a group in China, opened on a laptop set to Berlin."""
    isolate_settings(tmp_path)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨跑俱乐部")
        update_settings(s, owner, {"time_zone": "Asia/Shanghai"})
        s.commit()
    yield database, owner, gid
    database.dispose()
    monkeypatch.undo()
    time.tzset()


def _preview(qtbot, ws, path) -> str:
    database, owner, gid = ws
    dialog = ChatImportDialog(database, owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(path))
    return dialog.summary_label.text()


def test_the_preview_names_the_zone_of_epoch_stamps(qtbot, berlin_laptop, tmp_path):
    stamp = int(datetime(2026, 12, 4, 6, 30, tzinfo=timezone(timedelta(hours=8))).timestamp())
    data = {
        "chatlab": {"version": "0.0.2", "exportedAt": 0},
        "meta": {"name": "晨跑俱乐部", "platform": "wechat", "type": "group"},
        "members": [{"platformId": "wxid_a", "accountName": "A"}],
        "messages": [{"sender": "wxid_a", "accountName": "A", "timestamp": stamp, "type": 0, "content": "打卡"}],
    }
    path = tmp_path / "chat.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text = _preview(qtbot, berlin_laptop, path)
    assert "2026-12-04 – 2026-12-04 (times read in Asia/Shanghai)" in text
    assert "Europe/Berlin" not in text


def test_the_preview_says_a_text_exports_days_may_be_the_laptops(qtbot, berlin_laptop, tmp_path):
    path = tmp_path / "weflow.txt"
    path.write_text("2026-12-04 06:30:00 'A'\n打卡\n\n", encoding="utf-8")
    text = _preview(qtbot, berlin_laptop, path)
    assert "this computer is set to Europe/Berlin, the community to Asia/Shanghai" in text
    assert "times read in" not in text
