"""One laptop (SQLite): a phone written into a name, nickname or group nickname (王五 13800138002) was shown whole to an
assistant in the roster's name and nickname columns — beside the phone column masked for them (138****8002) — and in
the Check-ins page's lists, while on a team server their login reads it masked and the member dialog masks it. The
lists now mask it for an operator who may not see full phone numbers (desktop.services.operators.names_shown_to);
an owner sees what is stored, and the stored values and the search are unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from helpers import OFFSCREEN_QUIRKS

from desktop.services.checkins import record_checkins
from desktop.services.roster import get_member_input, update_member
from ui.models.roster_table_model import COL_CITY, COL_NAME, COL_NICKNAME
from ui.pages.checkins_page import CheckinsPage
from ui.pages.roster_page import RosterPage

pytestmark = OFFSCREEN_QUIRKS

TODAY = date(2026, 11, 18)
NAME, GNICK, CITY = "张三 13912345678", "三哥-139 1234 5678", "上海 139-1234-5678"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def zhang(ws):
    ms = ws.memberships["张三"]
    with ws.database.session() as s:
        loaded = get_member_input(s, ms)
        changed = replace(loaded, display_name=NAME, group_nickname=GNICK, city=CITY)
        update_member(s, ws.owner, ms, changed, loaded=loaded)
        s.commit()
    return ms


def _roster_cells(qtbot, ws, actor) -> tuple[str, str, str]:
    page = RosterPage(ws.database, actor, group_id=ws.group_id)
    qtbot.addWidget(page)
    model = page.model
    model.refresh()
    for row in range(model.rowCount()):
        if model.data(model.index(row, COL_NAME), model.RowRole).display_name == NAME:
            return tuple(model.data(model.index(row, c)) for c in (COL_NAME, COL_NICKNAME, COL_CITY))
    raise AssertionError("张三 not listed")


def test_the_roster_masks_a_phone_in_a_name_for_an_assistant_and_not_for_the_owner(qtbot, ws, zhang):
    assert _roster_cells(qtbot, ws, ws.assistant) == ("张三 139****", "三哥-139****", "上海 139****")
    assert _roster_cells(qtbot, ws, ws.owner) == (NAME, GNICK, CITY)


def _checkins_page(qtbot, ws, actor) -> CheckinsPage:
    page = CheckinsPage(ws.database, actor)
    qtbot.addWidget(page)
    page.set_group(ws.group_id)
    page.refresh_day()
    return page


def test_the_checkins_lists_mask_a_phone_in_a_name_for_an_assistant(qtbot, ws, zhang):
    page = _checkins_page(qtbot, ws, ws.assistant)
    pending = {p.membership_id: p for p in page.pending_model.people()}
    assert pending[zhang].display_name == "张三 139****"
    assert all("1234" not in p.display_name + p.detail for p in pending.values())
    # the quick entry's candidates: found by the stored name as before, shown masked
    page.quick_edit.setText("张三")
    page.update_candidates(show_popup=False)
    assert "张三 139****" in page.candidates()
    assert all("1234" not in p.detail for p in page.quick_model.people())
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [zhang])
        s.commit()
    page.refresh_day()
    assert "张三 139****" in [r.display_name for r in page.day_model.rows()]
    owner_page = _checkins_page(qtbot, ws, ws.owner)
    assert NAME in [r.display_name for r in owner_page.day_model.rows()]


def test_the_member_panel_masks_a_phone_in_a_name_or_note_for_an_assistant(qtbot, ws, zhang):
    from ui.widgets.member_panel import MemberPanel

    with ws.database.session() as s:
        loaded = get_member_input(s, zhang)
        update_member(s, ws.owner, zhang, replace(loaded, note="家长电话 139 1234 5678"), loaded=loaded)
        s.commit()
    texts = {}
    for who, actor in (("assistant", ws.assistant), ("owner", ws.owner)):
        panel = MemberPanel(ws.database, actor)
        qtbot.addWidget(panel)
        panel.set_membership(zhang)
        texts[who] = " ".join(
            (
                panel.name_label.text(),
                panel.subtitle_label.text(),
                panel.facts_label.text(),
                panel.facts_label.toolTip(),
            )
        )
    assert "张三 139****" in texts["assistant"] and "家长电话 139****" in texts["assistant"]
    assert "1234" not in texts["assistant"]
    assert NAME in texts["owner"] and "139 1234 5678" in texts["owner"]


def test_the_paste_preview_names_the_member_masked_for_an_assistant(qtbot, ws, zhang):
    """A chain line 张三 finds 张三 13912345678 (their stored name carries the phone): the preview's choice column and
    its combo said the whole stored name to an assistant."""
    texts = {}
    for who, actor in (("assistant", ws.assistant), ("owner", ws.owner)):
        page = _checkins_page(qtbot, ws, actor)
        page.set_paste_text("#接龙\n1. 张三\n2. 张三 139\n")
        model = page.preview_model
        cells = [
            str(model.data(model.index(r, c)) or "")
            for r in range(model.rowCount())
            for c in range(model.columnCount())
        ]
        for r in range(model.rowCount()):
            combo = page.choice_combo(r)
            if combo is not None:
                cells += [combo.itemText(i) for i in range(combo.count())]
        texts[who] = " ".join(cells)
    assert "张三 139****" in texts["assistant"] and "1234" not in texts["assistant"], texts["assistant"]
    assert NAME in texts["owner"]
