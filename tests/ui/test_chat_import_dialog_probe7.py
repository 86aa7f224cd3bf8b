"""The chat-import dialog's preview of a sender known only by a member's old nickname (tests/desktop/
test_chat_import_probe7.py): listed to decide, looking like the member, never counted for them."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings
from sqlalchemy import update

from desktop.io import chat_exports
from desktop.services.chat_import import run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import EntryStep
from ui.dialogs.chat_import_dialog import ChatImportDialog

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def ws(tmp_path, monkeypatch):
    isolate_settings(tmp_path)
    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))
    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-31")  # the roster exists before November's chat
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨跑俱乐部")
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        add_member(s, owner, gid, MemberInput(display_name="王芳", nickname="芳芳", wechat_id="wxid_g7h8i9"))
        add_member(s, owner, gid, MemberInput(display_name="李跃", nickname="跃跃", wechat_id="wxid_d4e5f6"))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    yield database, owner, gid
    database.dispose()


def test_a_sender_known_only_by_a_members_old_nickname_is_to_decide(qtbot, ws, tmp_path):
    database, owner, gid = ws
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    stamp = int(datetime(2026, 11, 5, 9, tzinfo=timezone(timedelta(hours=8))).timestamp())
    writer.writerow([1, 27, 1, 0, 0, stamp, 3, "早", "2026-11-05 09:00:00", "小芳", "小芳", "wxid_g7h8i9"])
    november = tmp_path / "nov_utf8.csv"
    november.write_bytes(buf.getvalue().encode("utf-8-sig"))
    run_chat_import(database, owner, november, "晨跑俱乐部")  # 小芳 is remembered as 王芳's name
    december = tmp_path / "dec.txt"
    december.write_text(
        "2026-11-20 09:05:00 '小芳'\n打卡\n\n2026-11-20 09:06:00 '小芳'\n哈哈\n\n2026-11-20 09:10:00 '芳芳'\n早上好\n\n",
        encoding="utf-8",
    )
    dialog = ChatImportDialog(database, owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(december))
    text = dialog.summary_label.text()
    assert "1 message(s) from 1 member(s)" in text and "1 sender(s) to decide" in text
    table = dialog.senders_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    row = rows["小芳"]
    assert table.item(row, 2).text() == "2"
    assert "王芳 (旧昵称 old name)" in table.item(row, 3).text()
    combo = table.cellWidget(row, 4)
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert any("王芳" in c for c in choices) and combo.currentIndex() == 0  # not counted until the user says
    assert table.item(rows["芳芳"], 4).text() == "王芳"


def test_a_notice_not_applied_is_listed_in_the_preview_with_why(qtbot, ws, tmp_path):
    """The CLI printed why a join or removal was not applied (a look-alike's name, a name two members carry); the
    window's Joins and removals tab listed nothing for a look-alike's removal, and "— not on the roster" for a
    name two members carry. Each is a row now, saying why."""
    database, owner, gid = ws
    with database.session() as s:
        add_member(s, owner, gid, MemberInput(display_name="刘洋", nickname="阳光"))
        add_member(s, owner, gid, MemberInput(display_name="孙阳", nickname="阳光"))
        s.commit()
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    rows = [
        ("2026-11-12 09:00:00", 1, "低价代购 加我", "芳芳", "wxid_spam01"),
        ("2026-11-12 09:01:00", 10000, '"跃跃"将"芳芳"移出了群聊', "", ""),
        ("2026-11-12 09:02:00", 10000, '"跃跃"将"阳光"移出了群聊', "", ""),
    ]
    for i, (at, type_, text, nick, sender) in enumerate(rows):
        stamp = int(datetime.fromisoformat(at).replace(tzinfo=timezone(timedelta(hours=8))).timestamp())
        writer.writerow([i, 27, type_, 0, 0, stamp, 3, text, at, nick, nick, sender])
    export = tmp_path / "nov_utf8.csv"
    export.write_bytes(buf.getvalue().encode("utf-8-sig"))
    dialog = ChatImportDialog(database, owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(export))
    table = dialog.events_table
    listed = [tuple(table.item(r, c).text() for c in range(5)) for r in range(table.rowCount())]
    assert len(listed) == 2
    lookalike = next(r for r in listed if r[2] == "芳芳")
    assert lookalike[0] == "2026-11-12" and "wxid_spam01" in lookalike[4] and "not applied" in lookalike[4]
    ambiguous = next(r for r in listed if r[2] == "阳光")
    assert "刘洋" in ambiguous[4] and "孙阳" in ambiguous[4] and "not on the roster" not in ambiguous[4]
