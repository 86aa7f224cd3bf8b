"""The Check-ins page, probe paste13: what the window shows for the shapes the paste service now reads right — a
check-in for someone @mentioned (that person offered, nobody logged), a 接龙 copied with the messages around it (each
message its sender's, outside the chain; the poster's stamp says so; the chain logged), the template's sample line and
the chain's count line (nobody), and a check-in with a make-up in other words (two rows). Uses the page, workspace and
language fixtures of test_checkins_page."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.ui import test_checkins_page as base
from tests.ui.test_checkins_page import TODAY, day_rows

catalogues = base.catalogues
english = base.english
ws = base.ws
page = base.page


def status_text(page, row: int) -> str:
    from ui.models.checkins_models import PREVIEW_COL_STATUS

    return page.preview_model.index(row, PREVIEW_COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)


def test_a_check_in_for_someone_mentioned_offers_them(qtbot, page, ws):
    page.set_paste_text("#接龙 早起打卡\n1. 帮 @赵六 打卡\n2. 李四\n")
    assert page.preview_statuses() == [(2, "赵六", "ambiguous"), (3, "李四", "matched")]
    assert [c.display_name for c in page.preview_model.matches()[0].candidates] == ["赵六"]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}


def test_a_chain_copied_with_its_messages(qtbot, page, ws):
    stamp = f"{TODAY.isoformat()} 06:"
    page.set_paste_text(f"{stamp}30 赵六\n早起打卡\n{stamp}31 李四\n#接龙\n早起打卡\n1. 李四 6:01\n2. 张珊 6:02\n")
    assert page.preview_statuses() == [
        (1, "赵六", "ignored"),
        (3, "李四", "ignored"),
        (6, "李四", "matched"),
        (7, "张珊", "matched"),
    ]
    assert "Written outside the chain" in status_text(page, 0)
    assert "Sent this chain (接龙) message: not a check-in by itself" in status_text(page, 1)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False), (ws.memberships["张珊"], "paste", False)}


def test_the_sample_and_the_count_line_are_nobody(qtbot, page, ws):
    page.set_paste_text("#接龙\n早起打卡\n【示例】张三 6:00\n李四 6:01\n赵六\n以上共2人\n")
    assert page.preview_statuses() == [(4, "李四", "matched"), (5, "赵六", "matched")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False), (ws.memberships["赵六"], "paste", False)}


def test_a_check_in_and_a_makeup_in_other_words_are_two_rows(qtbot, page, ws):
    page.set_paste_text("#接龙 早起打卡\n1. 李四 ✅ 也补一下昨天的\n2. 赵六 昨天忘了打\n")
    assert page.preview_statuses() == [(2, "李四", "matched"), (2, "李四", "matched"), (3, "赵六", "matched")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}
    assert day_rows(ws, TODAY - timedelta(days=1)) == {
        (ws.memberships["李四"], "paste", True),
        (ws.memberships["赵六"], "paste", True),
    }


def test_a_summarys_not_done_line_logs_nobody(qtbot, page, ws):
    """`未打卡 赵六、张珊`: read as a person called 未 with 赵六 and 张珊 matched beside — the window logged both."""
    page.set_paste_text("今日打卡统计\n已打卡 李四\n未打卡 赵六、张珊\n")
    assert [(n, s) for n, _name, s in page.preview_statuses()] == [(2, "matched"), (3, "ignored")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}
