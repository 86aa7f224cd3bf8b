"""The chat import dialog with probe chat11's files: a 留痕 TXT of two people and no group notice (a private chat, the
file named after the friend) is warned about, naming both, and imported only when confirmed; a QQ export's reply and
forwarded record preview as their senders' messages, never as check-ins; a TXT written in UTC over days an earlier
import holds is refused in the preview, naming a check-in 8 hours off."""

from __future__ import annotations

from datetime import datetime, timedelta

from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.services.chat_import import run_chat_import
from models import ChatActivity, CheckIn
from tests.ui.test_chat_import_dialog import SCENARIO, _open_path, ws  # noqa: F401  (the fixture)
from ui.dialogs.chat_import_dialog import ChatImportDialog

pytestmark = OFFSCREEN_QUIRKS
GROUP = SCENARIO["group"]["name"]


def test_a_private_txt_is_warned_about_naming_both_and_asked(qtbot, ws, tmp_path):  # noqa: F811
    database, _owner, _gid = ws
    path = tmp_path / "芳芳.txt"
    path.write_text(
        "".join(f"2026-11-{d:02d} 06:10:00 晨光\n早\n\n2026-11-{d:02d} 06:12:00 芳芳\n打卡\n\n" for d in (5, 6, 7)),
        encoding="utf-8",
    )
    dialog = _open_path(qtbot, ws, path)
    warning = dialog.group_warning.text()
    assert dialog.group_warning.isVisibleTo(dialog), warning
    assert "芳芳" in warning and "晨光" in warning and "private chat" in warning and GROUP in warning, warning
    asked = []
    dialog.confirm_other_group = lambda export, group: asked.append((export, group)) or False
    dialog.start_import()
    assert asked == [("", GROUP)] and not dialog.runner.running
    with database.session() as s:
        assert s.scalar(select(ChatActivity.id)) is None and s.scalar(select(CheckIn.id)) is None


def test_a_qq_reply_and_a_forward_preview_as_messages(qtbot, ws, tmp_path):  # noqa: F811
    database, _owner, _gid = ws
    rule = "=" * 64
    path = tmp_path / "qq.txt"
    path.write_text(
        f"\ufeff消息记录（此消息记录为文本格式，不支持重新导入）\n\n{rule}\n消息分组:我的群聊\n{rule}\n消息对象:{GROUP}\n"
        f"{rule}\n\n"
        "2026-11-05 6:10:00 王芳(283746503)\n打卡\n\n"
        "2026-11-05 6:12:00 陈磊(283746504)\n[回复]王芳: 打卡\n厉害\n\n"
        "2026-11-05 6:13:00 陈磊(283746504)\n群聊的聊天记录\n李跃: 打卡\n王芳: 打卡\n\n",
        encoding="utf-8",
    )
    dialog = _open_path(qtbot, ws, path)
    assert dialog.plan is not None and [c.display_name for c in dialog.plan.checkins] == ["王芳"]
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with database.session() as s:
        assert s.scalar(select(func.count(CheckIn.id))) == 1
        assert s.scalar(select(func.sum(ChatActivity.messages))) == 3  # 王芳 1, 陈磊 2


def _check_ins(days, hours=0):
    """芳芳 and 磊子 check in at 06:10:05 / 06:20:40 each day, written `hours` off Shanghai time; 晨光 says 早."""
    out = []
    for d in days:
        for at, name, text in (("06:10:05", "芳芳", "打卡"), ("06:20:40", "磊子", "打卡"), ("07:00:00", "晨光", "早")):
            stamp = datetime.fromisoformat(f"2026-11-{d:02d} {at}") + timedelta(hours=hours)
            out.append(f"{stamp:%Y-%m-%d %H:%M:%S} {name}\n{text}\n\n")
    return "".join(out)


def test_an_export_written_in_utc_over_an_imported_one_is_refused_in_the_window(qtbot, ws, tmp_path):  # noqa: F811
    database, owner, _gid = ws
    first = tmp_path / "first.txt"
    first.write_text(_check_ins(range(1, 11)), encoding="utf-8")
    run_chat_import(database, owner, first, GROUP)
    with database.session() as s:
        before = s.scalar(select(func.count(CheckIn.id)))
    path = tmp_path / f"{GROUP}.txt"
    path.write_text(_check_ins(range(5, 16), hours=-8), encoding="utf-8")
    dialog = ChatImportDialog(database, owner, _gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.failed, timeout=20_000):  # the preview is refused: no plan
        dialog.set_file(str(path))
    text = dialog.summary_label.text()
    assert "8 hours behind" in text and "2026-11-04 22:10:05" in text and not dialog.import_button.isEnabled(), text
    with database.session() as s:
        assert s.scalar(select(func.count(CheckIn.id))) == before
