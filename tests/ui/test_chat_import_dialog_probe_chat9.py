"""The chat import dialog with the formats users actually open (probe chat9): 留痕's HTML export previews and imports
like its CSV (the zone its epoch times were read in said); the Word export and an iPhone WhatsApp zip are refused
in the window, saying what they are and what to pick instead, and nothing is imported."""

from __future__ import annotations

import zipfile

from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from sqlalchemy import select
from test_chat_import_dialog import CHAT, _open, ws  # noqa: F401 (the fixture)

from desktop.io import chat_exports
from models import ChatActivity
from ui.dialogs.chat_import_dialog import ChatImportDialog

pytestmark = OFFSCREEN_QUIRKS


def test_the_html_export_previews_and_imports(qtbot, ws, monkeypatch):  # noqa: F811
    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))
    database, _owner, _gid = ws
    dialog = _open(qtbot, ws, "晨跑俱乐部.html")
    text = dialog.summary_label.text()
    assert "HTML" in text and "Shanghai" in text, text
    assert not dialog.group_warning.isVisibleTo(dialog)  # <title>晨跑俱乐部</title>: this group
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary is not None and dialog.summary.messages > 0
    with database.session() as s:
        assert s.scalar(select(ChatActivity.id)) is not None


def _refused(qtbot, ws, path) -> str:  # noqa: F811
    database, _owner, _gid = ws
    dialog = ChatImportDialog(*ws[:2], ws[2])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.runner.failed, timeout=20_000):
        dialog.set_file(str(path))
    assert not dialog.import_button.isEnabled()
    assert dialog.file_label.text() == path.name  # the file named beside what it is
    with database.session() as s:
        assert s.scalar(select(ChatActivity.id)) is None
    return dialog.summary_label.text()


def test_the_word_export_is_refused_in_the_window(qtbot, ws, tmp_path):  # noqa: F811
    path = tmp_path / "晨跑俱乐部_1.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    text = _refused(qtbot, ws, path)
    assert "Word" in text and "CSV" in text


def test_the_iphone_zip_is_refused_in_the_window(qtbot, ws, tmp_path):  # noqa: F811
    path = tmp_path / "WhatsApp Chat - Morning Runners.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(CHAT / "whatsapp_ios_Morning Runners.txt", "_chat.txt")
    text = _refused(qtbot, ws, path)
    assert "_chat.txt" in text
