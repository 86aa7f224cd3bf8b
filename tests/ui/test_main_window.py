"""MainWindow: group list with capacity warnings, navigation, placeholders, status bar, New group, and the
window state kept in QSettings."""

from __future__ import annotations

import textwrap

import pytest
from helpers import (
    GROUP_NAME,
    OFFSCREEN_QUIRKS,
    OTHER_GROUP_NAME,
    run_python_child,
    type_text,
)
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor

from desktop.services.groups import create_group, list_groups
from desktop.services.roster import MemberInput, add_member
from ui.main_window import DEFAULT_SIZE, OVER_COLOR, PAGE_KEYS, WARN_COLOR, MainWindow
from ui.pages.placeholder_page import PlaceholderPage
from ui.screen_fit import available_geometry, fitted_size

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def window(qtbot, ws):
    w = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(w)
    w.show()
    return w


def test_group_list_starts_with_all_groups_and_shows_members_of_capacity(window):
    assert window.group_labels() == [("All groups", "3"), (GROUP_NAME, "3/500"), (OTHER_GROUP_NAME, "0/200")]
    assert window.current_group_id() is None
    assert window.current_page_key() == "roster"


def test_capacity_warning_colour_at_90_percent(qtbot, ws):
    with ws.database.session() as s:
        full = create_group(s, ws.owner, "快满了", capacity=3)
        over = create_group(s, ws.owner, "超员", capacity=2)
        for i in range(3):
            add_member(s, ws.owner, full, MemberInput(display_name=f"甲{i}"))
            add_member(s, ws.owner, over, MemberInput(display_name=f"乙{i}"))
        s.commit()
    w = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(w)
    colours = {
        w.group_model.item(r, 0).text(): w.group_model.item(r, 1).foreground().color()
        for r in range(w.group_model.rowCount())
    }
    assert colours["快满了"] == QColor(WARN_COLOR)
    assert colours["超员"] == QColor(OVER_COLOR)
    assert colours[GROUP_NAME] not in (QColor(WARN_COLOR), QColor(OVER_COLOR))
    assert "150%" in w.group_model.item(4, 1).toolTip()


def test_a_status_bar_message_is_seen(qtbot, window):
    """The start-up check, "today's backup saved" and "Automatic backup failed" are status-bar messages: showing
    one must change what the bar shows where messages go (the database label once stretched over the whole bar,
    and every message was drawn in a strip of no width — the tests read the text, nobody could see it)."""
    bar = window.statusBar()
    window.resize(1200, 700)
    qtbot.wait(10)

    def left_half() -> list[int]:
        image = bar.grab().toImage()
        return [image.pixel(x, y) for x in range(0, image.width() // 2, 2) for y in range(image.height())]

    bar.clearMessage()
    quiet = left_half()
    bar.showMessage("自动备份失败：磁盘已满")
    shown = left_half()
    assert bar.currentMessage() == "自动备份失败：磁盘已满"
    changed = sum(a != b for a, b in zip(quiet, shown, strict=True))
    assert changed > 50, changed  # the message's text is drawn
    assert window.database_label.isVisible()  # and the database is still named beside it


def test_selecting_a_group_filters_the_roster(qtbot, window, ws):
    assert len(window.roster_page.visible_names()) == 4
    row = [name for name, _ in window.group_labels()].index(OTHER_GROUP_NAME)
    rect = window.group_view.visualRect(window.group_model.index(row, 0))
    qtbot.mouseClick(window.group_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_group_id() == ws.other_group_id
    assert window.roster_page.group_id == ws.other_group_id
    assert window.roster_page.visible_names() == []
    window.select_group(ws.group_id)
    assert sorted(window.roster_page.visible_names()) == sorted(["张三", "张珊", "李四", "王小明🌟"])


def test_navigation_switches_to_every_page(qtbot, window):
    assert [b.text() for b in window.nav_buttons.values()] == [
        "Dashboard",
        "Roster",
        "Onboarding",
        "Check-ins",
        "Activities",
        "Points",
        "Reports",
        "Settings",
    ]
    for key in PAGE_KEYS:
        qtbot.mouseClick(window.nav_buttons[key], Qt.MouseButton.LeftButton)
        assert window.current_page_key() == key
        page = window.stack.currentWidget()
        assert page is window.pages[key]
        assert not isinstance(page, PlaceholderPage), key  # every page is built now
    assert window.stack.currentWidget() is window.settings_page


def test_a_page_whose_module_is_missing_says_what_is_coming(qtbot, ws, monkeypatch):
    import ui.main_window as mw

    monkeypatch.setitem(mw.PAGE_CLASSES, "points", ("ui.pages.no_such_page", "NoSuchPage"))
    other = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(other)
    page = other.pages["points"]
    assert isinstance(page, PlaceholderPage) and page.description_label.text().endswith(".")


def test_status_bar_shows_database_and_operator(window, ws):
    assert str(ws.path) in window.database_label.text()
    assert window.operator_label.text() == f"Operator: {ws.owner.name} (Owner)"


def test_new_group_dialog_creates_the_group(qtbot, window, ws):
    window.new_group_action.trigger()
    dialog = window.group_dialog
    assert dialog.isVisible()
    type_text(qtbot, dialog.name_edit, "夜跑团")
    dialog.capacity_spin.setValue(300)
    with qtbot.waitSignal(dialog.group_created) as created:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        groups = {g.name: g for g in list_groups(s)}
    assert groups["夜跑团"].capacity == 300 and groups["夜跑团"].id == created.args[0]
    assert ("夜跑团", "0/300") in window.group_labels()
    assert window.current_group_id() == created.args[0]


def test_new_group_refuses_a_duplicate_name_inline(qtbot, window):
    window.new_group_action.trigger()
    dialog = window.group_dialog
    type_text(qtbot, dialog.name_edit, GROUP_NAME)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Group already exists"


def test_assistant_cannot_create_groups(qtbot, ws):
    w = MainWindow(ws.database, ws.assistant)
    qtbot.addWidget(w)
    assert not w.new_group_action.isEnabled()
    assert not w.new_group_button.isEnabled()
    assert w.new_group() is None


def test_adding_a_member_updates_the_group_count(qtbot, window, ws):
    window.select_group(ws.group_id)
    dialog = window.roster_page.open_member_dialog(None)
    type_text(qtbot, dialog.name_edit, "新成员")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (GROUP_NAME, "4/500") in window.group_labels()
    assert window.current_group_id() == ws.group_id


def test_geometry_splitter_and_page_are_restored(qtbot, ws):
    first = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # inside the offscreen screen (800x800): restoreGeometry keeps windows on screen
    first.splitter.setSizes([300, 460])
    first.show_page("points")
    sizes = first.splitter.sizes()
    size = first.size()  # at least the window's minimum width
    assert size != window_default_size()
    first.close()

    second = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert second.splitter.sizes() == sizes
    assert second.current_page_key() == "points"


def window_default_size(window=None):
    """DEFAULT_SIZE, within the screen the window opens on (ui/screen_fit.py; the offscreen screen is 800x800)."""
    if window is None:
        return QSize(*DEFAULT_SIZE)
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    return fitted_size(QSize(*DEFAULT_SIZE), available_geometry(window), minimum)


def test_first_start_uses_the_default_size(qtbot, window):
    assert window.size() == window_default_size(window)
    assert window.height() < DEFAULT_SIZE[1]  # 800 high did not fit the 800x800 screen with a title bar


def test_tools_menu_opens_tiers_roles_and_tags(qtbot, window):
    window.taxonomy_action.trigger()
    dialog = window.taxonomy_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.tier_table.rowCount() == 4
    dialog.reject()


@pytest.mark.parametrize("key", ["roster", "points", "onboarding"])
def test_choosing_a_group_loads_the_shown_page_once(qtbot, window, ws, monkeypatch, key):
    """Issue 13: select_group set the current row — whose signal told every page — and then told them again, so
    the page in view read its group twice (3 s instead of 1.5 on the Points page of a 9,400-member group)."""
    window.show_page(key)
    page = window.pages[key]
    loads: list[int | None] = []
    reload = page.apply_filters if key == "roster" else page.load
    monkeypatch.setattr(
        page, "apply_filters" if key == "roster" else "load", lambda *a, **k: (loads.append(page.group_id), reload())
    )
    window.select_group(ws.group_id)
    assert loads == [ws.group_id]
    window.select_group(None)
    assert loads == [ws.group_id, None]


PAGES_CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from desktop.workspace import actor_for, open_workspace
    from ui.main_window import PAGE_KEYS, MainWindow
    database = open_workspace(sys.argv[1])
    window = MainWindow(database, actor_for(database))
    window.show()
    for key in PAGE_KEYS:
        window.show_page(key)
        app.processEvents()
    print("OPENPYXL", "openpyxl" in sys.modules)
    database.dispose()
    """
)


def test_opening_every_page_loads_no_spreadsheet_library(tmp_path):
    """Issue 13: the Reports page imported the workbook writers, and with them openpyxl (0.17–0.23 s at its first
    show); it is loaded when a workbook is written (tests/ui/test_reports_page.py writes them)."""
    result = run_python_child(tmp_path, PAGES_CHILD, tmp_path / "ws.sqlite")
    assert result.returncode == 0, result.stderr
    assert "OPENPYXL False" in result.stdout
