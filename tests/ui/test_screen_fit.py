"""Windows open no bigger than the screen: the main window opened at 1280×800 on a 1366×768 laptop (its status
bar and the pages' bottom rows below the screen), and at 150% scaling on a 1280×720 screen (853×480 in Qt's
units) the import, audit, chat-import and merge dialogs were taller than the screen, their buttons out of
reach."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

import ui.screen_fit
from ui.dialogs.audit_dialog import AuditDialog
from ui.dialogs.chat_import_dialog import ChatImportDialog
from ui.dialogs.group_profile_dialog import GroupProfileDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.merge_dialog import MergeDialog
from ui.main_window import DEFAULT_SIZE, PAGE_KEYS, SIDEBAR_LEAST, MainWindow
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
    for key in PAGE_KEYS:  # every page built: the widest of them sets what the pages need
        window.show_page(key)
    window.show_page("roster")
    assert window.height() <= room_h  # the status bar is on the screen
    assert window.width() <= room_w and window.minimumSizeHint().width() <= room_w
    # the pages need more than the screen leaves them: they scroll, laid out whole, and the group list keeps its
    # least width (at 150% on 1280x720 it was squeezed to "…" in every row)
    need = window.stack.minimumSizeHint().width()
    assert need > window.page_scroll.viewport().width()
    assert window.stack.width() >= need
    assert window.page_scroll.horizontalScrollBar().maximum() > 0
    assert window.splitter.sizes()[0] >= SIDEBAR_LEAST


def test_a_big_screen_shows_the_pages_without_scrolling(qtbot, ws, monkeypatch):
    """On a screen with room for the pages nothing changes: no scroll bar, the page fills the window."""
    import ui.main_window

    monkeypatch.setattr(ui.main_window, "available_geometry", lambda _w: QRect(0, 0, 1920, 1080))
    monkeypatch.setattr(ui.screen_fit, "available_geometry", lambda _w: QRect(0, 0, 1920, 1080))
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    assert window.size() == QSize(*DEFAULT_SIZE)
    assert window.page_scroll.minimumSize() == window.stack.minimumSizeHint()
    assert window.page_scroll.horizontalScrollBar().maximum() == 0
    assert window.page_scroll.verticalScrollBar().maximum() == 0
    from ui.dialogs.operators_dialog import OperatorsDialog
    from ui.dialogs.steps_dialog import StepsDialog
    from ui.screen_fit import FittingScrollArea

    for dialog in (
        StepsDialog(ws.database, ws.owner, ws.group_id),
        OperatorsDialog(ws.database, ws.owner),
        GroupProfileDialog(ws.database, ws.owner, ws.group_id),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        areas = dialog.findChildren(FittingScrollArea)
        assert areas
        for area in areas:  # the whole body shown, no scroll bar: the dialog as it was before
            assert area.minimumSizeHint() == area.widget().minimumSizeHint(), dialog.objectName()
            if area.isVisible():
                assert area.verticalScrollBar().maximum() == 0, dialog.objectName()


SCALED = QRect(0, 0, 853, 480)  # a 1280x720 screen at 150%, in Qt's units


@pytest.fixture
def scaled_screen(monkeypatch):
    import ui.main_window

    monkeypatch.setattr(ui.main_window, "available_geometry", lambda _w: SCALED)
    monkeypatch.setattr(ui.screen_fit, "available_geometry", lambda _w: SCALED)
    return QSize(SCALED.width() - FRAME_ALLOWANCE.width(), SCALED.height() - FRAME_ALLOWANCE.height())


def test_a_scaled_small_screen_holds_the_window_and_every_dialog(qtbot, ws, scaled_screen):
    """At 150% on 1280x720 the window was 1049 wide (the pages' minimum) with every group name cut to "…", and
    the group profile (the Seven essentials tab), entry steps and operators dialogs were taller than the screen:
    their Save / Close buttons below it. The pages and those dialogs' bodies scroll now."""
    from ui.dialogs.operators_dialog import OperatorsDialog
    from ui.dialogs.steps_dialog import StepsDialog

    room = scaled_screen
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    for key in PAGE_KEYS:
        window.show_page(key)
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.minimumSizeHint().width() <= room.width() and window.minimumSizeHint().height() <= room.height()
    assert window.splitter.sizes()[0] >= SIDEBAR_LEAST

    dialogs = {
        "group profile": GroupProfileDialog(ws.database, ws.owner, ws.group_id),
        "steps": StepsDialog(ws.database, ws.owner, ws.group_id),
        "operators": OperatorsDialog(ws.database, ws.owner),
        "import": ImportDialog(ws.database, ws.owner, ws.group_id),
        "audit": AuditDialog(ws.database, ws.owner),
        "chat import": ChatImportDialog(ws.database, ws.owner, ws.group_id),
        "merge": MergeDialog(ws.database, ws.owner, ws.members["张三"]),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), (name, dialog.size())
    profile = dialogs["group profile"]
    for i in range(profile.tabs.count()):  # each tab whole inside its scroll area, its buttons on the screen
        profile.tabs.setCurrentIndex(i)
        area = profile.tabs.widget(i)
        assert area.widget().height() >= area.widget().minimumSizeHint().height(), i
    assert profile.save_button.isVisible() and profile.save_button.geometry().bottom() <= profile.height()


def test_the_member_dialog_keeps_save_and_cancel_on_a_low_screen(qtbot, ws, monkeypatch):
    """Add member, at 150% on 1280x720, opened 779 px high: Save and Cancel below the screen. Its fields scroll
    now above the buttons (here a screen 400 high, lower than the dialog's fields in the test fonts)."""
    from ui.dialogs.member_dialog import MemberDialog
    from ui.screen_fit import FittingScrollArea

    low = QRect(0, 0, 853, 400)
    monkeypatch.setattr(ui.screen_fit, "available_geometry", lambda _w: low)
    room_h = low.height() - FRAME_ALLOWANCE.height()
    dialog = MemberDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    area = dialog.findChild(FittingScrollArea)
    assert area.widget().minimumSizeHint().height() > room_h  # the fields alone are higher than the room
    assert dialog.height() <= room_h
    assert dialog.save_button.isVisible() and dialog.save_button.geometry().bottom() <= dialog.height()
    assert area.verticalScrollBar().maximum() > 0


def test_the_member_dialog_is_its_full_size_on_a_big_screen(qtbot, ws, monkeypatch):
    from ui.dialogs.member_dialog import MemberDialog
    from ui.screen_fit import FittingScrollArea

    monkeypatch.setattr(ui.screen_fit, "available_geometry", lambda _w: QRect(0, 0, 1920, 1080))
    dialog = MemberDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    area = dialog.findChild(FittingScrollArea)
    assert dialog.height() >= area.widget().sizeHint().height()  # the fields at their size, nothing to scroll
    assert area.verticalScrollBar().maximum() == 0
