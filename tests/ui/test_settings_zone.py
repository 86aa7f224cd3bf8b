"""Settings → the community's time zone: shown, changeable, saved, and in effect at once (models.clock)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.settings import get_setting
from models import clock
from ui.pages.settings_page import SettingsPage


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")


def test_the_settings_page_shows_and_saves_the_communitys_zone(qtbot, ws):
    with ws.database.session() as s:
        stored = get_setting(s, "time_zone")
    page = SettingsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    assert page.values()["time_zone"] == stored  # what the workspace states is shown
    page.zone_combo.setCurrentIndex(page.zone_combo.findData("Asia/Shanghai"))
    assert page.saved_label.text() == "Not saved yet: the rules apply once saved."
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.saved_label.text() == "Saved."
    with ws.database.session() as s:
        assert get_setting(s, "time_zone") == "Asia/Shanghai"
    assert clock.zone_name() == "Asia/Shanghai"
    page.zone_combo.setEditText("UTC+8")  # typed: a fixed offset
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert get_setting(s, "time_zone") == "UTC+8"


def test_an_unknown_zone_is_refused_with_its_reason_and_nothing_changes(qtbot, ws):
    page = SettingsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    shown: list[str] = []
    import ui.pages.settings_page as settings_page

    page.zone_combo.setEditText("Beijing time")
    original = settings_page.show_error
    settings_page.show_error = lambda parent, text: shown.append(text)
    try:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    finally:
        settings_page.show_error = original
    assert len(shown) == 1 and "Beijing time" in shown[0]
    with ws.database.session() as s:
        assert get_setting(s, "time_zone") != "Beijing time"


def test_saving_one_rule_keeps_the_zone_another_operator_changed_meanwhile(qtbot, ws):
    """Team mode: this window's settings page was built while the zone was Asia/Shanghai; another operator then set
    America/Los_Angeles. Saving a threshold here saved every value the page showed, so the zone went back to
    Shanghai, in this operator's name, unseen. Only the value changed on the page is saved now."""
    from desktop.settings import update_settings

    with ws.database.session() as s:
        update_settings(s, ws.owner, {"time_zone": "Asia/Shanghai"})
        s.commit()
    page = SettingsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    with ws.database.session() as s:  # the other operator's window
        update_settings(s, ws.owner, {"time_zone": "America/Los_Angeles"})
        s.commit()
    key, spin = next(iter(page.spins.items()))
    spin.setValue(spin.value() + 1)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.saved_label.text() == "Saved."
    with ws.database.session() as s:
        assert get_setting(s, "time_zone") == "America/Los_Angeles"
        saved = get_setting(s, key)
    assert saved == (spin.value() / 100 if isinstance(saved, float) else spin.value())
