"""The Onboarding page and the member panel, from the entry-process probe: a key pressed twice must not record a
step nobody did — on the page, a row that leaves the list (the member it made 已入群 under "Not joined yet", the
newcomer a Delete made 入群中 again under 已入群) put another person's cell under the cursor; in the panel, the
rebuilt step list put the first step there."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.services.onboarding import list_steps, move_step, record_step, retire_step
from desktop.services.roster import MemberInput, add_member
from models import Membership, StepProgress
from ui.models.roster_table_model import status_label
from ui.pages.onboarding_page import OnboardingPage
from ui.widgets.member_panel import MemberPanel

pytestmark = OFFSCREEN_QUIRKS

TODAY = date(2026, 11, 18)
NAMES = ("甲甲", "乙乙", "丙丙")


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their steps are dated in November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def camp(ws):
    """Three newcomers who each have the introduction (自我介绍) left to do."""
    with ws.database.session() as s:
        steps = {x.name: x.id for x in list_steps(s, ws.group_id)}
        ids = {}
        for name in NAMES:
            _m, ids[name] = add_member(s, ws.owner, ws.group_id, MemberInput(display_name=name, status="applicant"))
            record_step(s, ws.owner, ids[name], steps["进群目的问答"], when=datetime(2026, 11, 2, 9))
            record_step(s, ws.owner, ids[name], steps["阅读群规与入会须知"], when=datetime(2026, 11, 2, 10))
        s.commit()
    return steps, ids


def make_page(qtbot, ws, status_text: str) -> OnboardingPage:
    page = OnboardingPage(ws.database, ws.owner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    page.status_combo.setCurrentIndex(page.status_combo.findText(status_text))
    return page


def state(ws, ids, step_id) -> dict[str, tuple[str, bool]]:
    with ws.database.session() as s:
        done = set(s.scalars(select(StepProgress.membership_id).where(StepProgress.step_id == step_id)))
        return {n: (s.get(Membership, i).status, i in done) for n, i in ids.items()}


def test_space_twice_on_the_last_step_records_it_for_that_newcomer_only(qtbot, ws, camp):
    steps, ids = camp
    page = make_page(qtbot, ws, "Not joined yet")
    assert {"甲甲", "乙乙", "丙丙"} <= set(page.visible_names())
    page.table.setFocus()
    page.select_cell(ids["甲甲"], steps["自我介绍"])
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # 甲甲 is a member: the row leaves "Not joined yet"
    assert page.model.row_of_membership(ids["甲甲"]) == -1
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # the double press
    assert state(ws, ids, steps["自我介绍"]) == {
        "甲甲": ("active", True),
        "乙乙": ("onboarding", False),
        "丙丙": ("onboarding", False),
    }
    assert "甲甲" in page.last_message
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # the keyboard goes on from the list
    assert page.table.currentIndex().isValid()


def test_delete_twice_on_a_member_s_step_takes_it_back_from_that_member_only(qtbot, ws, camp):
    steps, ids = camp
    with ws.database.session() as s:
        for name in NAMES:
            record_step(s, ws.owner, ids[name], steps["自我介绍"], when=datetime(2026, 11, 3, 9))
        s.commit()
    page = make_page(qtbot, ws, status_label("active"))
    page.table.setFocus()
    page.select_cell(ids["甲甲"], steps["自我介绍"])
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # 甲甲 is 入群中 again: the row leaves 已入群
    assert page.model.row_of_membership(ids["甲甲"]) == -1
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert state(ws, ids, steps["自我介绍"]) == {
        "甲甲": ("onboarding", False),
        "乙乙": ("active", True),
        "丙丙": ("active", True),
    }


def test_space_twice_in_the_member_panel_stays_on_the_step_it_ticked(qtbot, ws, camp):
    steps, ids = camp
    panel = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    panel.set_membership(ids["乙乙"])
    panel.tabs.setCurrentIndex(1)
    rows = [panel.steps_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.steps_list.count())]
    panel.steps_list.setFocus()
    panel.steps_list.setCurrentRow(rows.index(steps["爆照"]))
    qtbot.keyClick(panel.steps_list, Qt.Key.Key_Space)  # 爆照 recorded; the list is rebuilt
    qtbot.waitUntil(lambda: state(ws, ids, steps["爆照"])["乙乙"][1])
    qtbot.waitUntil(lambda: not panel._step_toggled)  # the list is rebuilt after the item's signal returns
    assert panel.steps_list.currentItem().data(Qt.ItemDataRole.UserRole) == steps["爆照"]
    with ws.database.session() as s:
        recorded = set(s.scalars(select(StepProgress.step_id).where(StepProgress.membership_id == ids["乙乙"])))
    assert recorded == {steps["进群目的问答"], steps["阅读群规与入会须知"], steps["爆照"]}
    qtbot.keyClick(panel.steps_list, Qt.Key.Key_Space)  # the double press: the same step, never the first one
    qtbot.waitUntil(lambda: not panel._step_toggled)
    with ws.database.session() as s:
        after = set(s.scalars(select(StepProgress.step_id).where(StepProgress.membership_id == ids["乙乙"])))
    assert after in (recorded, recorded - {steps["爆照"]})  # it took back 进群目的问答, a step they had done


def test_the_cursor_stays_on_its_step_when_the_step_list_is_reordered(qtbot, ws, camp):
    """The cursor on 甲甲's 爆照, the step list edited (爆照 moved to the top, 阅读群规与入会须知 retired): the matrix kept the
    column, now another step's, and Space recorded that step. The cursor stays on 爆照, and Space records 爆照."""
    steps, ids = camp
    page = make_page(qtbot, ws, "All statuses")
    page.table.setFocus()
    page.select_cell(ids["甲甲"], steps["爆照"])
    with ws.database.session() as s:
        move_step(s, ws.owner, steps["爆照"], 0)
        retire_step(s, ws.owner, steps["阅读群规与入会须知"])
        s.commit()
    page._on_steps_changed()  # what closing the steps dialog does
    current = page.table.currentIndex()
    assert page.model.step_at(current.column()).id == steps["爆照"]
    assert page.model.row_at(current.row()).membership_id == ids["甲甲"]
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    with ws.database.session() as s:
        done = set(s.scalars(select(StepProgress.step_id).where(StepProgress.membership_id == ids["甲甲"])))
    assert done == {steps["进群目的问答"], steps["阅读群规与入会须知"], steps["爆照"]}
