"""The chat import dialog, eighth probe: an export that names no group whose senders are nearly all strangers says
so over the preview and asks before anything is written; a member who left on their own is listed as such."""

from __future__ import annotations

from helpers import OFFSCREEN_QUIRKS
from sqlalchemy import select

from models import ChatActivity
from tests.ui.test_chat_import_dialog import SCENARIO, _open_path, ws  # noqa: F401  (the fixture)

pytestmark = OFFSCREEN_QUIRKS


def test_another_groups_chat_naming_no_group_is_asked_about_first(qtbot, ws, tmp_path):  # noqa: F811
    database, _owner, _gid = ws
    path = tmp_path / "night.txt"
    path.write_text(
        "".join(f"2026-11-05 21:0{i}:00 '夜跑{i}号'\n夜跑打卡 5公里\n\n" for i in range(7)),
        encoding="utf-8",
    )
    dialog = _open_path(qtbot, ws, path)
    assert dialog.group_warning.isVisibleTo(dialog)
    assert "7" in dialog.group_warning.text() and SCENARIO["group"]["name"] in dialog.group_warning.text()
    asked = []
    dialog.confirm_other_group = lambda export, group: asked.append((export, group)) or False
    dialog.start_import()
    assert asked == [("", SCENARIO["group"]["name"])] and not dialog.runner.running
    with database.session() as s:
        assert s.scalar(select(ChatActivity.id)) is None


def test_a_leaving_is_listed_as_left_not_removed(qtbot, ws, tmp_path):  # noqa: F811
    member = next(m for m in SCENARIO["roster"] if m["status"] != "pending")
    name = member["group_nickname"] or member["nickname"] or member["name"]
    path = tmp_path / "left.txt"
    path.write_text(f"2026-11-05 21:00:00 '{name}'\n打卡\n\n2026-11-06 21:00:00 '{name}'\n\"{name}\"退出了群聊\n\n")
    dialog = _open_path(qtbot, ws, path)
    texts = [
        dialog.events_table.item(r, c).text()
        for r in range(dialog.events_table.rowCount())
        for c in range(dialog.events_table.columnCount())
        if dialog.events_table.item(r, c)
    ]
    assert dialog.tr("left the group") in texts and dialog.tr("removed") not in texts
