"""The Check-ins page, probe paste12: what the window shows for the shapes the paste service now reads right — a
check-in asked for "her" (nobody logged), a message under a stamp with its year (the sender's, asked), a check-in
and a make-up on one line (two rows, each on its day), a line of another day. Uses the page, workspace and language
fixtures of test_checkins_page."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.ui import test_checkins_page as base
from tests.ui.test_checkins_page import TODAY, day_rows

catalogues = base.catalogues
english = base.english
ws = base.ws
page = base.page


def test_a_check_in_for_her_is_picked_not_logged(qtbot, page, ws):
    page.set_paste_text("#接龙 早起打卡\n1. 李四 @赵六 帮她打一下\n")
    assert page.preview_statuses() == [(2, "李四", "ambiguous"), (2, "赵六", "ambiguous")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == set()  # 李四 was logged as her own check-in


def test_a_message_under_a_year_stamp_is_the_senders(qtbot, page, ws):
    page.set_paste_text(f"{TODAY.isoformat()} 06:30 李四\n赵六 6:01\n")
    assert page.preview_statuses() == [(1, "李四", "ambiguous"), (1, "赵六", "ambiguous")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == set()  # 赵六 was logged as his own check-in


def test_a_check_in_and_a_makeup_are_two_rows(qtbot, page, ws):
    page.set_paste_text("#接龙 早起打卡\n1. 李四 打卡，顺便补昨天的\n")
    assert page.preview_statuses() == [(2, "李四", "matched"), (2, "李四", "matched")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}
    assert day_rows(ws, TODAY - timedelta(days=1)) == {(ws.memberships["李四"], "paste", True)}


def test_a_line_of_another_day_is_not_logged_on_the_chains(qtbot, page, ws):
    before = TODAY - timedelta(days=1)
    page.set_paste_text(f"#接龙 {TODAY.month}月{TODAY.day}日 早起打卡\n1. 李四 {before.month}-{before.day} 打卡\n")
    assert page.preview_statuses() == [(2, "李四", "other_day")]
    assert day_rows(ws, TODAY) == set()


def test_a_plus_one_under_a_check_in_is_picked_with_the_reason(qtbot, page, ws):
    from ui.models.checkins_models import PREVIEW_COL_STATUS

    page.set_paste_text("赵六：打卡\n李四：+1\n")
    assert page.preview_statuses() == [(1, "赵六", "matched"), (2, "李四", "ambiguous")]
    tip = page.preview_model.index(1, PREVIEW_COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Only said +1" in tip
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["赵六"], "paste", False)}
