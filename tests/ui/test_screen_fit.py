"""Windows open no bigger than the screen: the main window opened at 1280×800 on a 1366×768 laptop (its status
bar and the pages' bottom rows below the screen), and at 150% scaling on a 1280×720 screen (853×480 in Qt's
units) the import, audit, chat-import and merge dialogs were taller than the screen, their buttons out of
reach."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from ui.dialogs.audit_dialog import AuditDialog
from ui.dialogs.chat_import_dialog import ChatImportDialog
from ui.dialogs.group_profile_dialog import GroupProfileDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.merge_dialog import MergeDialog
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.screen_fit import FRAME_ALLOWANCE, fitted_size

pytestmark = OFFSCREEN_QUIRKS


@pytest.mark.parametrize(
    ("screen", "wanted", "minimum", "expected"),
    [
        # a 1366×768 laptop: the main window keeps its width and loses the height the screen lacks
        (QRect(0, 0, 1366, 768), QSize(*DEFAULT_SIZE), QSize(961, 231), QSize(1280, 768 - FRAME_ALLOWANCE.height())),
        # 1280×720 at 150%: the import dialog (980×780) fits in 853×480
        (
            QRect(0, 0, 853, 480),
            QSize(980, 780),
            QSize(293, 365),
            QSize(853 - FRAME_ALLOWANCE.width(), 480 - FRAME_ALLOWANCE.height()),
        ),
        # a big screen: the size asked for
        (QRect(0, 0, 2560, 1440), QSize(980, 780), QSize(293, 365), QSize(980, 780)),
        # never under the window's own minimum
        (QRect(0, 0, 853, 480), QSize(760, 640), QSize(556, 533), QSize(760, 533)),
    ],
)
def test_fitted_size(screen, wanted, minimum, expected):
    assert fitted_size(wanted, screen, minimum) == expected


def test_windows_open_within_the_screen(qtbot, ws):
    room = QGuiApplication.primaryScreen().availableGeometry()
    room_w = room.width() - FRAME_ALLOWANCE.width()
    room_h = room.height() - FRAME_ALLOWANCE.height()
    assert room_w < 980 and room_h < DEFAULT_SIZE[1]  # the offscreen screen is smaller than what they asked for
    dialogs = {
        "import": ImportDialog(ws.database, ws.owner, ws.group_id),
        "audit": AuditDialog(ws.database, ws.owner),
        "chat import": ChatImportDialog(ws.database, ws.owner, ws.group_id),
        "merge": MergeDialog(ws.database, ws.owner, ws.members["张三"]),
        "group profile": GroupProfileDialog(ws.database, ws.owner, ws.group_id),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        size = dialog.size()
        assert size.width() <= max(room_w, dialog.minimumSizeHint().width()), (name, size)
        assert size.height() <= max(room_h, dialog.minimumSizeHint().height()), (name, size)
        assert size.width() <= room_w and size.height() <= room_h, (name, size)

    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    assert window.height() <= room_h  # the status bar is on the screen
    assert window.width() == max(room_w, window.minimumSizeHint().width())
