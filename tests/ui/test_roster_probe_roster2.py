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


def test_mark_left_and_tier_of_a_person_selected_in_two_groups_count_people_and_name_the_groups(qtbot, ws):
    """The roster of every group: 张三's rows in 早起打卡营 and 读书会 and 李四's selected. "Why did these 3 person(s)
    leave?" for two people, nothing said of 张三 leaving both groups, and "Marked 3 person(s) as left"."""
    from desktop.services.members import bulk_copy_to_group

    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张三"]], ws.other_group_id)
        s.commit()
        zs_other = s.scalar(
            select(Membership.id).where(
                Membership.member_id == ws.members["张三"], Membership.group_id == ws.other_group_id
            )
        )
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(None)
    ids = [ws.memberships["张三"], zs_other, ws.memberships["李四"]]
    assert page.select_memberships(ids) == 3
    for prompt, start in (
        (page.bulk_set_tier(), "Tier for 2 selected person(s):"),
        (page.bulk_add_role(), "Role for 2 selected person(s) in their group:"),
        (page.bulk_mark_left(), "Why did these 2 person(s) leave?"),
    ):
        text = prompt.findChild(QLabel).text()
        assert text.startswith(start), text
        assert "3 selected rows in 早起打卡营、读书会" in text
        prompt.reject()
    page.select_memberships(ids)
    prompt = page.bulk_mark_left()
    prompt.set_value("活动结束")
    prompt.accept()
    assert page.undo_label.text().startswith("Marked 2 person(s) as left.")
    with ws.database.session() as s:
        assert {s.get(Membership, i).status for i in ids} == {"left"}


def test_a_selection_of_one_group_says_nothing_more(qtbot, page, crowd):
    page.select_memberships(list(crowd.values())[:3])
    prompt = page.bulk_mark_left()
    assert prompt.findChild(QLabel).text() == "Why did these 3 person(s) leave? The reason is kept with their history."
    prompt.reject()


def test_tier_and_role_of_a_person_selected_in_two_groups_are_said_in_people(qtbot, ws):
    """ "Set the tier of 3 person(s)" and "Added the role … to 3 person(s)" for 张三 (two groups) and 李四."""
    from desktop.services.members import bulk_copy_to_group

    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张三"]], ws.other_group_id)
        s.commit()
        zs_other = s.scalar(
            select(Membership.id).where(
                Membership.member_id == ws.members["张三"], Membership.group_id == ws.other_group_id
            )
        )
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(None)
    ids = [ws.memberships["张三"], zs_other, ws.memberships["李四"]]
    page._do_bulk_tier(ids, "普通")
    assert page.undo_label.text() == "Set the tier of 2 person(s) to 普通."
    assert set(tiers(ws, ids).values()) == {"普通"}
    page._do_bulk_role(ids, "助理")
    assert page.undo_label.text() == "Added the role “助理” to 2 person(s)."
