"""Bulk-action probe on the Roster page: what a move says about each selected person, and what Ctrl+Z does after
an action that is not on the undo stack."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import OFFSCREEN_QUIRKS
from sqlalchemy import select

from desktop.services.members import bulk_copy_to_group
from desktop.services.roster import get_member_input, update_member
from models import Membership
from ui.pages.roster_page import RosterPage

pytestmark = OFFSCREEN_QUIRKS

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (a move dates the leaving and the joining today)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY)


@pytest.fixture
def page(qtbot, ws):
    p = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    p.set_group(ws.group_id)
    return p


def statuses(ws, name: str) -> dict[int, str]:
    with ws.database.session() as s:
        return dict(
            s.execute(
                select(Membership.group_id, Membership.status).where(Membership.member_id == ws.members[name])
            ).all()
        )


def test_a_move_names_the_people_it_left_where_they_were(page, ws):
    """李四 is still joining 读书会 (入群中 there). Moving 张三, 张珊 and 李四 to 读书会 ended only 张三's and 张珊's
    membership here — a person still joining there keeps the old one (copy_to_group) — yet the message said
    "Moved 3 person(s) to 读书会. 1 were already there.": 李四 seemed moved, and stayed an active member here.
    Now the message counts 2 moved and names 李四 as not moved."""
    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["李四"]], ws.other_group_id)
        there = s.scalar(
            select(Membership.id).where(
                Membership.member_id == ws.members["李四"], Membership.group_id == ws.other_group_id
            )
        )
        update_member(s, ws.owner, there, replace(get_member_input(s, there), status="onboarding"))
        s.commit()
    ids = [ws.memberships[n] for n in ("张三", "张珊", "李四")]
    assert page.select_memberships(ids) == 3
    prompt = page.bulk_move()
    prompt.accept()
    assert statuses(ws, "张三") == {ws.group_id: "left", ws.other_group_id: "active"}
    assert statuses(ws, "李四") == {ws.group_id: "active", ws.other_group_id: "onboarding"}
    text = page.undo_label.text()
    assert "Moved 2 person(s)" in text
    assert "李四" in text and "张三" not in text
    assert "already there" not in text  # 李四 is named, not counted as "already there"
    assert {r.display_name: r.status for r in page.model.loaded_rows() if r.membership_id in ids} == {
        "张三": "left",
        "张珊": "left",
        "李四": "active",
    }


def test_a_move_of_people_all_still_joining_there_says_nobody_moved(page, ws):
    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张珊"]], ws.other_group_id)
        there = s.scalar(
            select(Membership.id).where(
                Membership.member_id == ws.members["张珊"], Membership.group_id == ws.other_group_id
            )
        )
        update_member(s, ws.owner, there, replace(get_member_input(s, there), status="applicant"))
        s.commit()
    page.select_memberships([ws.memberships["张珊"]])
    page.bulk_move().accept()
    text = page.undo_label.text()
    assert "Moved" not in text and "张珊" in text
    assert statuses(ws, "张珊") == {ws.group_id: "active", ws.other_group_id: "applicant"}


def tier_of(ws, name: str) -> dict[int, str | None]:
    from models import Tier

    with ws.database.session() as s:
        return dict(
            s.execute(
                select(Membership.group_id, Tier.name)
                .outerjoin(Tier, Tier.id == Membership.tier_id)
                .where(Membership.member_id == ws.members[name])
            ).all()
        )


def test_ctrl_z_after_a_move_does_not_half_undo_the_tier_set_before_it(qtbot, page, ws):
    """Set 张珊's and 李四's tier to 大咖, then move them to 读书会 (the move copies the tier), then Ctrl+Z: the undo
    was the tier's — it put the old tiers back on the memberships left behind here, while in 读书会, where the two
    are now, they stayed 大咖; "undo" had undone the tier only where nobody looks. A copy or move ends the undo
    history before it: Ctrl+Z undoes the move itself (members.undo_copy) — wholly — and never the tier before it."""
    ids = [ws.memberships[n] for n in ("张珊", "李四")]
    page.select_memberships(ids)
    page._do_bulk_tier(ids, "大咖")
    assert page.undo_stack.canUndo()
    before = {n: (tier_of(ws, n), statuses(ws, n)) for n in ("张珊", "李四")}
    page.select_memberships(ids)
    page.bulk_move().accept()
    assert tier_of(ws, "李四") == {ws.group_id: "大咖", ws.other_group_id: "大咖"}
    assert tier_of(ws, "张珊") == {ws.group_id: "大咖", ws.other_group_id: "大咖"}
    assert page.undo_stack.count() == 1  # the move's own undo; the tier's history ended
    page.undo()
    assert {n: (tier_of(ws, n), statuses(ws, n)) for n in ("张珊", "李四")} == before  # 大咖 here, as set
    assert not page.undo_stack.canUndo()


def test_undoing_a_bulk_tier_keeps_a_tier_another_assistant_set_since(qtbot, page, ws):
    """张三 (核心) and 李四 (普通) set to 大咖; meanwhile the assistant sets 李四 to 中咖 on the other laptop; then Ctrl+Z
    here: the undo put 普通 back on 李四 — the assistant's 中咖 was gone without a word, although the undo of a member
    edit keeps what others changed since. Now the undo and the redo change only a tier that is still what the
    other way left: 张三 goes back to 核心 and forth to 大咖, 李四 stays 中咖."""
    from desktop.services.members import bulk_set_tier

    ids = [ws.memberships["张三"], ws.memberships["李四"]]
    page.select_memberships(ids)
    page._do_bulk_tier(ids, "大咖")
    assert tier_of(ws, "张三") == {ws.group_id: "大咖"} and tier_of(ws, "李四") == {ws.group_id: "大咖"}
    with ws.database.session() as s:
        bulk_set_tier(s, ws.assistant, [ws.memberships["李四"]], "中咖")
        s.commit()
    page.undo()
    assert tier_of(ws, "张三") == {ws.group_id: "核心"}
    assert tier_of(ws, "李四") == {ws.group_id: "中咖"}
    assert {r.display_name: r.tier for r in page.model.loaded_rows() if r.membership_id in ids} == {
        "张三": "核心",
        "李四": "中咖",
    }
    page.redo()
    assert tier_of(ws, "张三") == {ws.group_id: "大咖"}
    assert tier_of(ws, "李四") == {ws.group_id: "中咖"}


@pytest.mark.parametrize("action", ["move", "mark_left", "tag"])
def test_a_bulk_action_on_someone_deleted_since_the_selection_names_them_and_writes_nothing(
    qtbot, page, ws, monkeypatch, action
):
    """张三 and 张珊 selected here; meanwhile an admin on the other laptop deletes 张珊. Moving the two to 读书会 moved
    the deleted 张珊 too (their membership here ended, a new one there — out of sight; a restore brought them back
    moved), "mark left" marked them left, "add tag" tagged them. The action is refused naming 张珊, nothing
    written, as a check-in of a deleted person is."""
    import ui.messages
    from desktop.services.roster import soft_delete_member

    shown: list[BaseException] = []
    monkeypatch.setattr(ui.messages, "show_error", lambda parent, exc, title=None: shown.append(exc))
    ids = [ws.memberships["张三"], ws.memberships["张珊"]]
    page.select_memberships(ids)
    with ws.database.session() as s:
        soft_delete_member(s, ws.owner, ws.members["张珊"])
        s.commit()
    if action == "move":
        page.bulk_move().accept()
    elif action == "mark_left":
        page._do_mark_left(ids, "活动结束")
    else:
        page._do_bulk_tag(ids, "毕业")
    assert len(shown) == 1 and "张珊" in str(shown[0]) and "张三" not in str(shown[0])
    assert statuses(ws, "张三") == {ws.group_id: "active"}
    assert statuses(ws, "张珊") == {ws.group_id: "active"}
    with ws.database.session() as s:
        assert "毕业" not in get_member_input(s, ws.memberships["张三"]).tags
    assert not page.undo_stack.canUndo()


def tag_names(ws) -> list[str]:
    from desktop.services.lookups import list_tags

    with ws.database.session() as s:
        return [name for _id, name in list_tags(s)]


def test_undoing_a_bulk_tag_that_made_a_new_tag_takes_it_out_of_the_tag_list(qtbot, page, ws):
    """ "毕业" typed as a new tag for 张三 and 李四, then Undo: both lost it, but "毕业" stayed in the tag filter and
    the tags settings, carried by nobody — the undo of a member edit that typed a new tag drops it. Now the undo
    of the bulk tag drops it too, and the redo makes it again; a tag that existed before stays."""
    ids = [ws.memberships["张三"], ws.memberships["李四"]]
    before = tag_names(ws)
    assert "毕业" not in before and "读书" in before
    page.select_memberships(ids)
    page._do_bulk_tag(ids, "毕业")
    assert "毕业" in tag_names(ws) and page.tag_combo.findText("毕业") >= 0
    page.undo()
    assert tag_names(ws) == before
    assert page.tag_combo.findText("毕业") < 0
    page.redo()
    with ws.database.session() as s:
        assert "毕业" in get_member_input(s, ids[1]).tags
    page.undo()
    page.select_memberships(ids)
    page._do_bulk_tag(ids, "读书")  # 张珊 carries it, not the two: it stays
    page.undo()
    assert tag_names(ws) == before


def test_moving_a_person_selected_in_two_groups_counts_one_person(qtbot, ws):
    """The roster of every group: 张三 is in 早起营 and in 读书会 — two rows. Both selected with 李四's row and moved to a
    third group: the message said "Moved 3 person(s)" for two people (and a copy "1 were already there" for the
    second row of a person it had just copied). Counted in people now."""
    from desktop.services.groups import create_group

    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张三"]], ws.other_group_id)
        third = create_group(s, ws.owner, "校友群")
        s.commit()
        zs_other = s.scalar(
            select(Membership.id).where(
                Membership.member_id == ws.members["张三"], Membership.group_id == ws.other_group_id
            )
        )
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_group(None)
    ids = [ws.memberships["张三"], zs_other, ws.memberships["李四"]]
    assert page.select_memberships(ids) == 3
    for prompt, wording in ((page.bulk_copy(), "Also add 2 selected"), (page.bulk_move(), "Move 2 selected")):
        assert any(wording in w.text() for w in prompt.findChildren(type(page.undo_label)))
        prompt.reject()
    page._do_copy(ids, third, "校友群", move=False)
    assert page.undo_label.text() == "Copied 2 person(s) to 校友群."
    page.select_memberships(ids)
    page._do_copy(ids, third, "校友群", move=True)
    assert page.undo_label.text() == "Moved 2 person(s) to 校友群. 2 were already there."
    assert statuses(ws, "张三") == {ws.group_id: "left", ws.other_group_id: "left", third: "active"}


def test_a_tag_for_a_person_selected_in_two_groups_counts_one_person(qtbot, ws):
    """A tag belongs to the person: 张三's two rows (早起营, 读书会) and 李四's tagged "毕业" said "to 3 person(s)"."""
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
    prompt = page.bulk_add_tag()
    assert any("Tag for 2 selected person(s)" in w.text() for w in prompt.findChildren(type(page.undo_label)))
    prompt.reject()
    page._do_bulk_tag(ids, "毕业")
    assert page.undo_label.text() == "Added the tag “毕业” to 2 person(s)."


def test_a_row_of_the_target_group_itself_is_not_counted_as_moved(qtbot, ws):
    """The roster of every group: 张三's row in 早起营 and 张珊's row in 读书会 selected, moved to 读书会. Only 张三 moved
    (张珊's row is 读书会's own), yet the message said "Moved 2 person(s) to 读书会. 1 were already there."."""
    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张珊"]], ws.other_group_id, move=True)
        s.commit()
        zs_other = s.scalar(
            select(Membership.id).where(
                Membership.member_id == ws.members["张珊"], Membership.group_id == ws.other_group_id
            )
        )
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(None)
    ids = [ws.memberships["张三"], zs_other]
    assert page.select_memberships(ids) == 2
    page._do_copy(ids, ws.other_group_id, "读书会", move=True)
    assert page.undo_label.text() == "Moved 1 person(s) to 读书会."
    assert statuses(ws, "张三") == {ws.group_id: "left", ws.other_group_id: "active"}
    assert statuses(ws, "张珊") == {ws.group_id: "left", ws.other_group_id: "active"}


def test_a_copy_names_the_people_it_takes_back_into_a_group_that_removed_them(page, ws):
    """李四 had been removed (已移除) from 读书会 by an admin; a copy of 张三 and 李四 to 读书会 made 李四 a member there
    again, the message only "Copied 2 person(s) to 读书会.". The copy still does it (a blacklist is what bars), and
    now says so by name."""
    from desktop.services.onboarding import leave_group

    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["李四"]], ws.other_group_id)
        there = s.scalar(
            select(Membership.id).where(
                Membership.member_id == ws.members["李四"], Membership.group_id == ws.other_group_id
            )
        )
        leave_group(s, ws.owner, there, "刷屏", status="removed")
        s.commit()
    ids = [ws.memberships["张三"], ws.memberships["李四"]]
    page.select_memberships(ids)
    page._do_copy(ids, ws.other_group_id, "读书会", move=False)
    text = page.undo_label.text()
    assert text.startswith("Copied 2 person(s) to 读书会.")
    assert "李四 had been removed from 读书会" in text and "张三 had" not in text
    assert statuses(ws, "李四") == {ws.group_id: "active", ws.other_group_id: "active"}


def test_deleting_someone_in_one_group_says_they_are_gone_from_their_other_groups_too(page, ws):
    """张三 is in 早起营 and 读书会. Deleting 张三 on 早起营's roster deletes the person — gone from 读书会's roster too —
    and the message said only "Deleted 张三."; it now names 读书会. Undo brings both rows back."""
    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张三"]], ws.other_group_id)
        s.commit()
    page.select_memberships([ws.memberships["张珊"]])
    page.delete_selected()
    assert page.undo_label.text() == "Deleted 张珊."  # in no other group: nothing more to say
    page.select_memberships([ws.memberships["张三"]])
    page.delete_selected()
    assert page.undo_label.text() == "Deleted 张三. Also gone from the roster of 读书会."
    page.undo()
    with ws.database.session() as s:
        from models import Member

        assert s.get(Member, ws.members["张三"]).deleted_at is None


def deleted(ws, name: str) -> bool:
    from models import Member

    with ws.database.session() as s:
        return s.get(Member, ws.members[name]).deleted_at is not None


def test_undoing_a_delete_does_not_restore_someone_another_admin_deleted_in_between(page, ws):
    """张三 and 张珊 selected; the other admin deletes 张珊 on their laptop; here Delete, then Undo: the undo restored
    both — 张珊, deleted by the other admin, was back without a word. A deletion (and its undo) is only of the
    people it deleted; the message says 张珊 was deleted already."""
    ids = [ws.memberships["张三"], ws.memberships["张珊"]]
    page.select_memberships(ids)
    from desktop.services.roster import soft_delete_member

    with ws.database.session() as s:
        soft_delete_member(s, ws.owner, ws.members["张珊"])
        s.commit()
    page.delete_selected()
    assert page.undo_label.text() == "Deleted 张三. 张珊: deleted already by someone else."
    assert deleted(ws, "张三") and deleted(ws, "张珊")
    page.undo()
    assert not deleted(ws, "张三")
    assert deleted(ws, "张珊")
    page.redo()
    assert deleted(ws, "张三") and deleted(ws, "张珊")


def test_mark_left_keeps_the_reason_of_someone_marked_left_by_another_assistant_since(page, ws):
    """张三 and 李四 selected; the other assistant marks 李四 left ("转到其他社群") meanwhile; here "mark left" with
    "活动结束": 李四's reason was replaced and the message said "Marked 2 person(s) as left.". 李四 is now left as the
    other assistant left them, and the message says 1 was marked, 1 had left already."""
    from desktop.services.onboarding import leave_group

    ids = [ws.memberships["张三"], ws.memberships["李四"]]
    page.select_memberships(ids)
    with ws.database.session() as s:
        leave_group(s, ws.assistant, ids[1], "转到其他社群")
        s.commit()
    page._do_mark_left(ids, "活动结束")
    assert page.undo_label.text() == "Marked 1 person(s) as left. 1 had left already (their day and reason are kept)."
    with ws.database.session() as s:
        reasons = dict(s.execute(select(Membership.id, Membership.left_reason).where(Membership.id.in_(ids))).all())
    assert reasons == {ids[0]: "活动结束", ids[1]: "转到其他社群"}


def test_a_copy_to_the_wrong_group_is_undone_with_ctrl_z(qtbot, page, ws):
    """张三 copied to 读书会 by mistake: there was no Undo (the stack was cleared), and marking him left there made him
    读书会's joiner and leaver of the month. The message bar offers Undo now: it takes the copy back — no
    membership of 张三 in 读书会 — and Redo copies him again."""
    before = statuses(ws, "张三")
    assert ws.other_group_id not in before
    page.select_memberships([ws.memberships["张三"]])
    page.bulk_copy().accept()
    assert statuses(ws, "张三") == {**before, ws.other_group_id: "active"}
    assert page.undo_button.isVisibleTo(page)
    page.undo()
    assert statuses(ws, "张三") == before
    page.redo()
    assert statuses(ws, "张三") == {**before, ws.other_group_id: "active"}
    page.undo()
    assert statuses(ws, "张三") == before


def test_a_copy_names_the_people_blacklisted_in_another_group(page, ws):
    """李四 is blacklisted in 晨读营 (a third group) for ads; a copy of 张三 and 李四 from 早起营 to 读书会 made him a
    member of 读书会 with only "Copied 2 person(s)". The blacklist is per group, so the copy does it — and says so,
    naming him and 晨读营; 张三, blacklisted nowhere, is not named."""
    from desktop.services.groups import create_group
    from desktop.services.onboarding import leave_group

    with ws.database.session() as s:
        third = create_group(s, ws.owner, "晨读营")
        bulk_copy_to_group(s, ws.owner, [ws.memberships["李四"]], third)
        there = s.scalar(
            select(Membership.id).where(Membership.member_id == ws.members["李四"], Membership.group_id == third)
        )
        leave_group(s, ws.owner, there, "发广告", status="blacklisted")
        s.commit()
    ids = [ws.memberships["张三"], ws.memberships["李四"]]
    page.select_memberships(ids)
    page._do_copy(ids, ws.other_group_id, "读书会", move=False)
    text = page.undo_label.text()
    assert text.startswith("Copied 2 person(s) to 读书会.")
    assert "Blacklisted in another group: 李四 (晨读营)" in text and "张三 (" not in text
    assert statuses(ws, "李四")[ws.other_group_id] == "active"
