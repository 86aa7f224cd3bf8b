"""The Roster page's undo as a demanding organiser uses it (the undo probe 2): an undo after an import brought a
deleted person back as a new record."""

from __future__ import annotations

import pytest
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from sqlalchemy import select

from models import Member
from ui.models.roster_table_model import COL_NAME
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


def click_row(qtbot, page, membership_id: int) -> None:
    """A plain click on the row, as a user selects one (no modifier held: a Ctrl+Z pressed before in the same
    process leaves Ctrl in the offscreen platform's state, and a programmatic selection then toggles it off)."""
    rect = page.table.visualRect(page.model.index(page.model.row_of(membership_id), COL_NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert [r.membership_id for r in page.selected_rows()] == [membership_id]


def test_undoing_a_delete_after_an_import_added_the_person_again_says_there_are_two(qtbot, page, ws, tmp_path):
    """李四 deleted on the Roster page, then a roster file with 李四 (his WeChat ID) imported: a new record. Ctrl+Z
    brings the old one back: two records of one person — Show deleted ▸ Restore said so, the undo said nothing."""
    from desktop.services.imports import run_import

    click_row(qtbot, page, ws.memberships["李四"])
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


def test_undoing_an_edit_after_an_import_changed_one_of_its_fields_says_what_stayed(qtbot, page, ws, tmp_path):
    """李四 edited in the dialog: city 北京 → 成都, nickname Lee → 小李. A roster file then wrote 深圳 as his city.
    Ctrl+Z puts the nickname back and leaves the import's city (what others changed since stays: roster.
    undo_member_edit) — it said nothing, and the city that did not go back looked like an undo that failed."""
    from helpers import type_text

    from desktop.services.imports import run_import
    from desktop.services.roster import get_member_input

    li = ws.memberships["李四"]
    click_row(qtbot, page, li)
    dialog = page.open_member_dialog(li)
    dialog.city_edit.clear()
    type_text(qtbot, dialog.city_edit, "成都")
    dialog.nickname_edit.clear()
    type_text(qtbot, dialog.nickname_edit, "小李")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert (get_member_input(s, li).city, get_member_input(s, li).nickname) == ("成都", "小李")
    csv = tmp_path / "名单.csv"
    csv.write_text("姓名,微信号,城市\n李四,lisi_wx,深圳\n", encoding="utf-8")
    _plan, summary, _created = run_import(ws.database, ws.owner, str(csv), GROUP_NAME, "roster")
    assert summary is not None and summary.updated == 1
    page.refresh()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with ws.database.session() as s:
        assert (get_member_input(s, li).city, get_member_input(s, li).nickname) == ("深圳", "Lee")
    assert page.undo_bar.isVisible()
    text = page.undo_label.text()
    assert text.startswith("Undone: Edited 李四.") and "1 field" in text and "changed by someone else since" in text


def test_ctrl_z_on_the_entry_steps_after_another_group_was_chosen_says_there_is_nothing(qtbot, ws):
    """The entry-steps page keeps its undo per group (group_changed clears it): a step recorded in 训练营, another
    group chosen and back, and Ctrl+Z did nothing at all — the organiser could not tell whether it had worked."""
    from desktop.services.onboarding import list_steps
    from models import StepProgress
    from ui.pages.onboarding_page import OnboardingPage

    page = OnboardingPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    wang = ws.memberships["王小明🌟"]
    with ws.database.session() as s:
        photo = next(st.id for st in list_steps(s, ws.group_id) if st.name == "爆照")
    page.select_cell(wang, photo)
    page.record_selection()
    with ws.database.session() as s:
        assert s.scalar(select(StepProgress.id).where(StepProgress.membership_id == wang)) is not None
    assert page.undo_button.isVisible()  # undoable here, now
    page.set_group(ws.other_group_id)
    page.set_group(ws.group_id)
    assert page.undo_last() is False
    assert page.message_bar.isVisible() and page.last_message.startswith("Nothing to undo here.")
    assert not page.undo_button.isVisible()
    with ws.database.session() as s:  # the step stays recorded: nothing was undone
        assert s.scalar(select(StepProgress.id).where(StepProgress.membership_id == wang)) is not None


def test_undoing_mark_left_says_whom_it_left_left(qtbot, page, ws):
    """张三 and 李四 marked left ("活动结束") by mistake; meanwhile the other assistant corrected 李四's reason
    ("转到其他社群"). Ctrl+Z brings 张三 back and leaves 李四 left as the other assistant made it — it said
    nothing, and 李四 still left looked like an undo that failed."""
    from dataclasses import replace

    from desktop.services.roster import get_member_input, update_member

    ids = [ws.memberships["张三"], ws.memberships["李四"]]
    page.select_memberships(ids)
    page._do_mark_left(ids, "活动结束")
    with ws.database.session() as s:  # the other assistant
        update_member(s, ws.owner, ids[1], replace(get_member_input(s, ids[1]), left_reason="转到其他社群"))
        s.commit()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with ws.database.session() as s:
        assert get_member_input(s, ids[0]).status == "active"
        assert (get_member_input(s, ids[1]).status, get_member_input(s, ids[1]).left_reason) == ("left", "转到其他社群")
    text = page.undo_label.text()
    assert page.undo_bar.isVisible() and text.startswith("Undone: Marked 2 person")
    assert "field" in text and "changed by someone else since" in text


def test_undoing_a_tier_edit_follows_a_rename_of_the_tier(qtbot, page, ws, monkeypatch):
    """李四's tier set 普通 → 大咖 in the member dialog, then 普通 renamed 成员 in the tier settings: Ctrl+Z refused
    with 未知层级「普通」 (the undo record held the name). It puts 李四's tier back — 成员, the same tier; a tier
    deleted since refuses, naming it."""
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from desktop.services.roster import get_member_input
    from desktop.services.taxonomy import list_tier_rows, save_tiers

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    li = ws.memberships["李四"]
    with ws.database.session() as s:
        before = get_member_input(s, li)
    assert before.tier == "普通"
    from desktop.services.roster import update_member

    with ws.database.session() as s:  # the member dialog's save
        update_member(s, ws.owner, li, replace(before, tier="大咖"))
        s.commit()
    page._on_member_saved(li, before, [])
    with ws.database.session() as s:
        save_tiers(s, ws.owner, [r if r.name != "普通" else replace(r, name="成员") for r in list_tier_rows(s)])
        s.commit()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown == []
    with ws.database.session() as s:
        assert get_member_input(s, li).tier == "成员"
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with ws.database.session() as s:
        assert get_member_input(s, li).tier == "大咖"
        save_tiers(s, ws.owner, [r for r in list_tier_rows(s) if r.name != "成员"])
        s.commit()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1 and "普通" in shown[0]
    with ws.database.session() as s:
        assert get_member_input(s, li).tier == "大咖"  # nothing changed


def test_undo_and_redo_of_a_bulk_tag_and_role_follow_a_rename(qtbot, page, ws, monkeypatch):
    """A bulk tag 毕业 and a bulk role 客服 on 张三 and 李四, then both renamed in the settings (毕业 → 已结营,
    客服 → 售后): the tag's undo looked the old name up, found nothing and took nothing off without a word (its redo
    made a second tag 毕业), and the role's undo refused with 未知角色「客服」. Both follow the rename now; one deleted
    since refuses, naming it."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.lookups import list_tags
    from desktop.services.roster_queries import list_roles, membership_snapshots
    from desktop.services.taxonomy import remove_role, rename_role, set_tag

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    ids = [ws.memberships["张三"], ws.memberships["李四"]]

    def snaps():
        with ws.database.session() as s:
            return membership_snapshots(s, ids)

    page._do_bulk_tag(ids, "毕业")
    page._do_bulk_role(ids, "客服")
    with ws.database.session() as s:
        set_tag(s, ws.owner, next(t for t, n in list_tags(s) if n == "毕业"), name="已结营")
        role_id = next(r for r, n in list_roles(s) if n == "客服")
        rename_role(s, ws.owner, role_id, "售后")
        s.commit()
    assert all("售后" in sn.roles and "已结营" in sn.tags for sn in snaps().values())

    page.undo()  # the role
    page.undo()  # the tag
    assert shown == []
    assert all("售后" not in sn.roles and "已结营" not in sn.tags for sn in snaps().values())
    page.redo()
    page.redo()
    assert all("售后" in sn.roles and "已结营" in sn.tags for sn in snaps().values())
    with ws.database.session() as s:
        assert "毕业" not in [n for _t, n in list_tags(s)]  # no second tag of the old name

    with ws.database.session() as s:
        remove_role(s, ws.owner, role_id)
        s.commit()
    page.undo()  # the role, deleted since
    assert len(shown) == 1 and "客服" in shown[0]
