"""The Check-ins page, probe paste14: a line made for someone else (both offered, nobody logged on a guess) and a
check mark beside a make-up of yesterday (two rows, the make-up and the day's check-in: the user keeps each that
happened). Uses the page, workspace and language fixtures of test_checkins_page."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.ui import test_checkins_page as base
from tests.ui.test_checkins_page import TODAY, choose, day_rows

catalogues = base.catalogues
english = base.english
ws = base.ws
page = base.page


def test_an_entry_made_for_someone_else_offers_both(qtbot, page, ws):
    """`李四（帮赵六打）` logged 李四."""
    page.set_paste_text("#接龙 早起打卡\n1. 李四（帮赵六打）\n2. 张珊\n")
    assert [(n, s) for n, _name, s in page.preview_statuses()] == [(2, "ambiguous"), (2, "ambiguous"), (3, "matched")]
    offered = {c.display_name for m in page.preview_model.matches()[:2] for c in m.candidates}
    assert offered == {"李四", "赵六"}
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["张珊"], "paste", False)}


def test_a_check_mark_beside_a_makeup_is_two_rows_the_user_keeps(qtbot, page, ws):
    """`李四 ✅ 补签昨天` logged the make-up only (today's check-in lost unsaid): two asked rows now, each with its day."""
    page.set_paste_text("#接龙 早起打卡\n1. 李四 ✅ 补签昨天\n")
    rows = [(m.day, m.late, m.status, m.reason) for m in page.preview_model.matches()]
    yesterday = TODAY - timedelta(days=1)
    assert rows == [
        (yesterday, True, "ambiguous", "makeup_or_today"),
        (TODAY, False, "ambiguous", "makeup_or_today"),
    ]
    choose(page, 0, "李四")
    choose(page, 1, "李四")
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, yesterday) == {(ws.memberships["李四"], "paste", True)}
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}
