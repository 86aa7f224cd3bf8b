"""Undo probe in the window: an undo whose target someone else took back first says so, not a click with no
answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import QTranslator

from desktop.i18n import compile_ts
from desktop.services.checkins import checkins_on, record_checkins, undo_checkin
from tests.fixed_day import TEST_TODAY
from ui.pages.checkins_page import CheckinsPage

TODAY = TEST_TODAY  # the page's day is today: the suite's pinned day
TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture
def english(qapp, tmp_path):
    translator = QTranslator(qapp)
    assert translator.load(str(compile_ts(TS_DIR / "checkins_en.ts", tmp_path / "checkins_en.qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    yield workspace
    close_workspace(workspace)


def test_undoing_a_check_in_another_assistant_undid_first_says_so(qtbot, english, ws):
    """Two assistants on one team database, both with today's list open: one undoes 李四's check-in; the other then
    selects 李四 and 张珊 and presses Delete. 张珊's was undone and the line said "Undone: 张珊's check-in" — 李四's
    row went with no word (was it undone? by whom?); alone, the click on 撤销 said nothing at all. Each name now
    ends in an outcome: undone here, or not there any more."""
    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    li, wang = ws.memberships["李四"], ws.memberships["张珊"]
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [li, wang], today=TODAY)
        s.commit()
    page.refresh_day()
    assert sorted(page.checked_in_names()) == sorted(["李四", "张珊"])
    with ws.database.session() as s:  # the other assistant, in their own window
        assert undo_checkin(s, ws.owner, li, TODAY)
        s.commit()
    page.undo([li, wang])
    status = page.quick_status.text()
    assert "Undone: 张珊's check-in" in status
    assert "李四: no check-in on" in status and "nothing to undo" in status
    with ws.database.session() as s:
        assert checkins_on(s, ws.group_id, TODAY) == []

    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [wang], today=TODAY)
        s.commit()
    page.refresh_day()
    with ws.database.session() as s:
        assert undo_checkin(s, ws.owner, wang, TODAY)
        s.commit()
    page._set_status("", "black")
    page.undo([wang])  # the click on 撤销 of a row someone else took back
    assert "张珊: no check-in on" in page.quick_status.text()
    assert page.checked_in_names() == []
