"""The chat import dialog with probe chat10's files: a 留痕 CSV of the organiser's private chat with a member is
warned about and imported only when confirmed; an ID-less export whose senders include WeChat's 微信用户 and a quoted
打卡 previews 微信用户 as a sender to decide (never a member) and counts the quoter's message, not a check-in."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.io import chat_exports
from models import ChatActivity, CheckIn
from tests.ui.test_chat_import_dialog import SCENARIO, _open_path, ws  # noqa: F401  (the fixture)

pytestmark = OFFSCREEN_QUIRKS
GROUP = SCENARIO["group"]["name"]


def _liuhen_csv(path, rows):
    """留痕 CSV rows: (time, type, content, nickname, sender wxid, is sender)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    for i, (at, type_, content, nick, sender, own) in enumerate(rows):
        stamp = int(datetime.fromisoformat(at).replace(tzinfo=timezone(timedelta(hours=8))).timestamp())
        writer.writerow([7000 + i, 31, type_, 0, own, stamp, 3, content, at, nick, nick, sender])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
    return path


def test_a_private_chat_is_warned_about_and_asked(qtbot, ws, tmp_path):  # noqa: F811
    database, _owner, _gid = ws
    path = _liuhen_csv(
        tmp_path / "芳芳_utf8.csv",
        [
            ("2026-11-05 06:10:00", 1, "打卡 第5天", "芳芳", "wxid_g7h8i9", 0),
            ("2026-11-05 06:11:00", 1, "👍", "晨光", "wxid_a1b2c3", 1),
            ("2026-11-05 06:12:00", 10000, '"芳芳" 拍了拍我', "芳芳", "wxid_g7h8i9", 0),
            ("2026-11-06 06:05:00", 1, "今天打卡", "芳芳", "wxid_g7h8i9", 0),
        ],
    )
    dialog = _open_path(qtbot, ws, path)
    warning = dialog.group_warning.text()
    assert dialog.group_warning.isVisibleTo(dialog) and "芳芳" in warning and GROUP in warning, warning
    asked = []
    dialog.confirm_other_group = lambda export, group: asked.append((export, group)) or False
    dialog.start_import()
    assert asked == [("", GROUP)] and not dialog.runner.running
    with database.session() as s:
        assert s.scalar(select(ChatActivity.id)) is None and s.scalar(select(CheckIn.id)) is None


def test_wechats_placeholder_and_a_quote_in_the_preview(qtbot, ws, tmp_path):  # noqa: F811
    database, _owner, _gid = ws
    path = tmp_path / f"{GROUP}.txt"
    path.write_text(
        "2026-11-05 06:10:00 '芳芳'\n打卡\n\n"
        "2026-11-05 06:11:00 '微信用户'\n打卡\n\n"
        "2026-11-05 06:12:00 '磊子'\n> 芳芳: 打卡\n厉害\n\n",
        encoding="utf-8",
    )
    dialog = _open_path(qtbot, ws, path)
    assert not dialog.group_warning.isVisibleTo(dialog)
    table = dialog.senders_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.cellWidget(rows["微信用户"], 4) is not None  # a sender to decide, not a member
    assert dialog.plan is not None and [c.display_name for c in dialog.plan.checkins] == ["王芳"]
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with database.session() as s:
        assert s.scalar(select(CheckIn.id).where(CheckIn.id > 1)) is None  # one check-in: 王芳's
        assert len(s.scalars(select(ChatActivity.id)).all()) == 2  # 王芳 and 陈磊 spoke
