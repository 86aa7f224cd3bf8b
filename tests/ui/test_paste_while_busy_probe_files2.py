"""A second QunDesk (a scheduled `qundesk import` on the same workspace) holds the write lock while the organiser logs
a pasted chain in the window: the window says the workspace is busy in words (no raw SQLite message), nothing is
logged, the chain stays in the paste box; once the other program is done, the same chain is logged once."""

from __future__ import annotations

import subprocess
import sys

from helpers import OFFSCREEN_QUIRKS

import models.db
import ui.operations
from desktop.services.checkins import checkins_on
from tests.fixed_day import TEST_TODAY
from ui.pages import checkins_page as checkins_module
from ui.pages.checkins_page import CheckinsPage

pytestmark = OFFSCREEN_QUIRKS

CHAIN = f"#接龙\n早起打卡 {TEST_TODAY.month}月{TEST_TODAY.day}日\n1. 李四\n"

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def test_a_chain_logged_while_another_qundesk_writes_is_kept_and_said_busy(qtbot, ws, monkeypatch):
    monkeypatch.setattr(models.db, "SQLITE_BUSY_TIMEOUT_MS", 100)  # the 10 s wait for the lock, made short
    monkeypatch.setattr(ui.operations, "RETRY_ATTEMPTS", 2)
    ws.database.engine.pool.dispose()  # connections made from now on wait 100 ms
    shown: list[str] = []
    monkeypatch.setattr(checkins_module, "show_error", lambda parent, exc: shown.append(str(exc)))
    page = CheckinsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    page.set_paste_text(CHAIN)
    qtbot.waitUntil(lambda: page.confirm_button.isEnabled(), timeout=5_000)
    other = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(ws.path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "holding"
        page.confirm_paste()
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.flush()
        other.wait(timeout=30)
    assert shown == [ui.operations.busy_message()]  # in words: another QunDesk or a backup, try again
    assert "database is locked" not in shown[0]
    assert page.paste_edit.toPlainText() == CHAIN  # the chain the organiser pasted is still there
    with ws.database.session() as s:
        assert checkins_on(s, ws.group_id, TEST_TODAY) == []
    page.confirm_paste()  # the other program is done: the same chain goes in, once
    with ws.database.session() as s:
        assert [c.membership_id for c in checkins_on(s, ws.group_id, TEST_TODAY)] == [ws.memberships["李四"]]
