"""Roster probe (second pass): a selection and what hides or reorders it — a search, a filter, a sort."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.services.roster import MemberInput, add_member
from models import Member, Membership, Tier
from ui.models.roster_table_model import COL_NAME, COL_POINTS
from ui.pages.roster_page import SEARCH_DEBOUNCE_MS, RosterPage

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def crowd(ws):
    """30 more people in the group: 跑者01…跑者15 and 读者01…读者15."""
    ids = {}
    with ws.database.session() as s:
        for i in range(1, 16):
            for stem in ("跑者", "读者"):
                name = f"{stem}{i:02d}"
                ids[name] = add_member(s, ws.owner, ws.group_id, MemberInput(display_name=name))[1]
        s.commit()
    return ids


@pytest.fixture
def page(qtbot, ws, crowd):
    p = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    p.set_group(ws.group_id)
    return p


def tiers(ws, ids) -> dict[int, str | None]:
    with ws.database.session() as s:
        return dict(
            s.execute(
                select(Membership.id, Tier.name)
                .outerjoin(Tier, Tier.id == Membership.tier_id)
                .where(Membership.id.in_(ids))
            ).all()
        )


def test_a_bulk_action_opened_right_after_typing_a_search_acts_only_on_the_rows_it_shows(qtbot, page, ws, crowd):
    """30 selected, 跑者 typed and Bulk ▸ Set tier opened at once (before the search ran): the tier went to all 30,
    though the search hid the 15 读者 behind the prompt. Now the search runs first: the prompt says 15, the tier goes
    to the 15 runners, and the message bar says 15 selected rows were unselected."""
    ids = list(crowd.values())
    assert page.select_memberships(ids) == 30
    type_text(qtbot, page.search_edit, "跑者")
    prompt = page.bulk_set_tier()
    assert prompt is not None
    assert "15" in prompt.findChild(QLabel).text()
    qtbot.wait(SEARCH_DEBOUNCE_MS + 100)
    assert len(page.selected_rows()) == 15
    assert "15" in page.undo_label.text() and page.undo_bar.isVisible()
    prompt.accept()
    set_on = {mid for mid, tier in tiers(ws, ids).items() if tier}
    assert set_on == {crowd[f"跑者{i:02d}"] for i in range(1, 16)}


def test_a_search_keeps_the_selected_rows_it_still_shows_and_says_how_many_it_hid(qtbot, page, crowd):
    """A search typed over 30 selected rows dropped the whole selection without a word."""
    page.select_memberships(list(crowd.values()))
    page.set_search_text("跑者")
    page.apply_filters()
    assert sorted(r.display_name for r in page.selected_rows()) == [f"跑者{i:02d}" for i in range(1, 16)]
    text = page.undo_label.text()
    assert text.startswith("15 of the selected rows are not in the list now") and "the 15 still selected" in text


def test_a_sort_keeps_the_selection(qtbot, page, crowd):
    """30 selected, a click on the points column to see who leads: none were selected any more."""
    page.select_memberships(list(crowd.values()))
    page.table.sortByColumn(COL_POINTS, Qt.SortOrder.DescendingOrder)
    assert page.model.query.sort == "points"
    assert {r.membership_id for r in page.selected_rows()} == set(crowd.values())
    page.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert {r.membership_id for r in page.selected_rows()} == set(crowd.values())
    assert not page.undo_bar.isVisible()  # nothing lost, nothing said


def test_one_selected_row_stays_selected_across_a_sort(qtbot, page, crowd):
    page.select_membership(crowd["读者07"])
    page.table.sortByColumn(COL_POINTS, Qt.SortOrder.DescendingOrder)
    assert [r.display_name for r in page.selected_rows()] == ["读者07"]


def test_delete_right_after_typing_a_search_deletes_only_the_rows_it_shows(qtbot, page, ws, crowd):
    page.select_memberships(list(crowd.values()))
    type_text(qtbot, page.search_edit, "读者")
    page.delete_selected()
    with ws.database.session() as s:
        gone = set(s.scalars(select(Member.display_name).where(Member.deleted_at.is_not(None))))
    assert gone == {f"读者{i:02d}" for i in range(1, 16)}
