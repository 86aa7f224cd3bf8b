"""The tiers/roles/tags dialog edits the workspace's lists through the services."""

from __future__ import annotations

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, make_workspace
from PySide6.QtCore import Qt

from desktop.services.taxonomy import list_roles, list_tag_rows, list_tier_rows
from ui.dialogs.taxonomy_dialog import TaxonomyDialog

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def ws(tmp_path):
    w = make_workspace(tmp_path)
    yield w
    close_workspace(w)


def test_rename_and_reorder_tiers(qtbot, ws):
    dlg = TaxonomyDialog(ws.database, ws.owner)
    qtbot.addWidget(dlg)
    assert [t.name for t in dlg.tier_rows()] == ["核心", "大咖", "中咖", "普通"]
    dlg.tier_table.item(1, 0).setText("KOL")
    dlg.tier_table.setCurrentCell(1, 0)
    qtbot.mouseClick(dlg.tier_up, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.tier_save, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert [t.name for t in list_tier_rows(s)] == ["KOL", "核心", "中咖", "普通"]
    assert dlg.tier_status.text() == "Tiers saved."  # said beside the button: nothing else on the page changes


def test_target_shares_are_saved_and_the_structure_compares_with_them(qtbot, ws):
    from desktop.health import structure_targets

    dlg = TaxonomyDialog(ws.database, ws.owner)
    qtbot.addWidget(dlg)
    assert [dlg.tier_table.cellWidget(r, 1).value() for r in range(4)] == [1, 4, 20, 75]  # 5/20/75
    dlg.tier_table.cellWidget(1, 1).setValue(10)
    dlg.tier_table.cellWidget(3, 1).setValue(69)
    qtbot.mouseClick(dlg.tier_save, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert structure_targets(s) == {"key": 0.11, "mid": 0.2, "ordinary": 0.69}


def test_roles_and_tag_colours(qtbot, ws):
    dlg = TaxonomyDialog(ws.database, ws.owner)
    qtbot.addWidget(dlg)
    dlg.ask_text = lambda *_: "社群讲师"
    assert dlg.add_role()
    assert dlg.role_list.count() == 6
    dlg.tag_list.setCurrentRow(0)
    dlg.ask_color = lambda _current: "#FF0000"
    assert dlg.recolor_tag()
    with ws.database.session() as s:
        assert "社群讲师" in [r[1] for r in list_roles(s)]
        assert list_tag_rows(s)[0][2] == "#FF0000"


def test_an_assistant_cannot_edit_tiers_or_roles(qtbot, ws):
    dlg = TaxonomyDialog(ws.database, ws.assistant)
    qtbot.addWidget(dlg)
    assert not dlg.tier_save.isEnabled() and not dlg.role_add.isEnabled()


def test_taking_off_a_tier_or_role_people_hold_asks_first_naming_how_many(qtbot, ws):
    """大咖 removed from the list and Save pressed, or the role 助理 removed: the memberships holding it lost it at
    once, nothing said (twelve members 未设置 on the roster and in the 5/20/75 structure). Now asked first, naming
    the tier or role and how many hold it; No changes nothing; a tier nobody holds goes without asking."""
    from desktop.services.members import bulk_add_role, bulk_set_tier
    from desktop.services.roster import RosterQuery, search_roster

    names = list(ws.memberships)[:2]
    with ws.database.session() as s:
        bulk_set_tier(s, ws.owner, [ws.memberships[n] for n in names], "大咖")
        bulk_add_role(s, ws.owner, [ws.memberships[names[0]]], "助理")
        s.commit()
    dlg = TaxonomyDialog(ws.database, ws.owner)
    qtbot.addWidget(dlg)
    asked: list[str] = []
    answer = {"yes": False}

    def ask_yes(_title, text):
        asked.append(text)
        return answer["yes"]

    dlg.ask_yes = ask_yes
    dlg.tier_table.setCurrentCell(1, 0)  # 大咖
    qtbot.mouseClick(dlg.tier_remove, Qt.MouseButton.LeftButton)
    assert not dlg.save_tiers()
    assert len(asked) == 1 and "大咖" in asked[0] and "2" in asked[0]
    with ws.database.session() as s:
        assert [t.name for t in list_tier_rows(s)] == ["核心", "大咖", "中咖", "普通"]
        tiers = {r.display_name: r.tier for r in search_roster(s, RosterQuery(group_id=ws.group_id))}
    assert [tiers[n] for n in names] == ["大咖", "大咖"]

    dlg.reload()
    dlg.tier_table.setCurrentCell(0, 0)  # 核心: nobody holds it
    qtbot.mouseClick(dlg.tier_remove, Qt.MouseButton.LeftButton)
    assert dlg.save_tiers() and len(asked) == 1
    with ws.database.session() as s:
        assert [t.name for t in list_tier_rows(s)] == ["大咖", "中咖", "普通"]

    dlg.role_list.setCurrentRow(next(i for i in range(dlg.role_list.count()) if "助理" in dlg.role_list.item(i).text()))
    assert not dlg.remove_role()
    assert len(asked) == 2 and "助理" in asked[1] and "1" in asked[1]
    with ws.database.session() as s:
        assert "助理" in [r[1] for r in list_roles(s)]
    answer["yes"] = True
    assert dlg.remove_role()
    with ws.database.session() as s:
        assert "助理" not in [r[1] for r in list_roles(s)]
