"""The Roster page's undo as a demanding organiser uses it (the undo probe 2): an undo after an import brought a
deleted person back as a new record."""

from __future__ import annotations

import pytest
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from sqlalchemy import select

from models import Member
from ui.pages.roster_page import RosterPage

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def page(qtbot, ws):
    p = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    p.set_group(ws.group_id)
    return p


def test_undoing_a_delete_after_an_import_added_the_person_again_says_there_are_two(qtbot, page, ws, tmp_path):
    """李四 deleted on the Roster page, then a roster file with 李四 (his WeChat ID) imported: a new record. Ctrl+Z
    brings the old one back: two records of one person — Show deleted ▸ Restore said so, the undo said nothing."""
    from desktop.services.imports import run_import

    qtbot.waitUntil(lambda: page.select_membership(ws.memberships["李四"]) and bool(page.selected_rows()))
    page.delete_selected()  # the Delete key
    with ws.database.session() as s:
        assert s.get(Member, ws.members["李四"]).deleted_at is not None
    csv = tmp_path / "名单.csv"
    csv.write_text("姓名,微信号\n李四,lisi_wx\n", encoding="utf-8")
    _plan, summary, _created = run_import(ws.database, ws.owner, str(csv), GROUP_NAME, "roster")
    assert summary is not None and summary.added == 1
    with ws.database.session() as s:
        again = s.scalar(select(Member.id).where(Member.wechat_id == "lisi_wx", Member.deleted_at.is_(None)))
    assert again != ws.members["李四"]
    page.refresh()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with ws.database.session() as s:
        assert s.get(Member, ws.members["李四"]).deleted_at is None  # undone, as asked
    assert page.undo_bar.isVisible()
    text = page.undo_label.text()
    assert text.startswith("Undone: Deleted 李四.")
    assert f"李四 has the same WeChat ID or phone as 李四 (#{again}): if they are one person, merge them." in text
