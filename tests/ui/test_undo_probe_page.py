"""Undo probe in the window: an undo whose target someone else took back first says so, not a click with no
answer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import QItemSelectionModel, Qt, QTranslator
from sqlalchemy import select

from desktop.i18n import compile_ts
from desktop.services.checkins import checkins_on, record_checkins, undo_checkin
from desktop.services.onboarding import list_steps, record_step, undo_step
from models import AuditEntry, Membership, StepProgress, Tier
from tests.fixed_day import TEST_TODAY
from ui.pages.checkins_page import CheckinsPage
from ui.pages.onboarding_page import OnboardingPage
from ui.pages.roster_page import RosterPage

TODAY = TEST_TODAY  # the page's day is today: the suite's pinned day
TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture
def english(qapp, tmp_path):
    translators = []
    for area in ("checkins", "onboarding"):
        translator = QTranslator(qapp)
        assert translator.load(str(compile_ts(TS_DIR / f"{area}_en.ts", tmp_path / f"{area}_en.qm")))
        qapp.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    yield workspace
    close_workspace(workspace)


def test_undoing_a_check_in_another_assistant_undid_first_says_so(qtbot, english, ws):
    """Two assistants on one team database, both with today's list open: one undoes 李四's check-in; the other then
    selects 李四 and 张珊 and presses Delete. 张珊's was undone and the line said "Undone: 张珊's check-in" — 李四's
    row went with no word (was it undone? by whom?); alone, the click on 撤销 said nothing at all. Each name now
    ends in an outcome: undone here, or not there any more."""
    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    li, wang = ws.memberships["李四"], ws.memberships["张珊"]
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [li, wang], today=TODAY)
        s.commit()
    page.refresh_day()
    assert sorted(page.checked_in_names()) == sorted(["李四", "张珊"])
    with ws.database.session() as s:  # the other assistant, in their own window
        assert undo_checkin(s, ws.owner, li, TODAY)
        s.commit()
    page.undo([li, wang])
    status = page.quick_status.text()
    assert "Undone: 张珊's check-in" in status
    assert "李四: no check-in on" in status and "nothing to undo" in status
    with ws.database.session() as s:
        assert checkins_on(s, ws.group_id, TODAY) == []

    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [wang], today=TODAY)
        s.commit()
    page.refresh_day()
    with ws.database.session() as s:
        assert undo_checkin(s, ws.owner, wang, TODAY)
        s.commit()
    page._set_status("", "black")
    page.undo([wang])  # the click on 撤销 of a row someone else took back
    assert "张珊: no check-in on" in page.quick_status.text()
    assert page.checked_in_names() == []


def test_a_step_someone_else_took_back_is_not_removed_here_nor_recorded_again_by_ctrl_z(qtbot, english, ws):
    """Two assistants on the onboarding page of one group: one takes back 王小明🌟's 爆照 (a wrong photo); the other,
    whose matrix still shows it ✓, selects it with 张三's 爆照 and presses Delete. The line said both were removed
    here, and Ctrl+Z recorded 王小明🌟's 爆照 again — now, by this assistant — undoing the other's correction. Only
    what this Delete removed is on its Ctrl+Z; the other is named as taken back already."""
    page = OnboardingPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    wang, zhang = ws.memberships["王小明🌟"], ws.memberships["张三"]
    with ws.database.session() as s:
        photo = next(st.id for st in list_steps(s, ws.group_id) if st.name == "爆照")
        record_step(s, ws.owner, wang, photo)
        record_step(s, ws.owner, zhang, photo)
        s.commit()
    page.reload()
    with ws.database.session() as s:  # the other assistant
        undo_step(s, ws.owner, wang, photo)
        s.commit()
    page.table.setFocus()
    page.select_cell(wang, photo)
    index = page.model.index(page.model.row_of_membership(zhang), page.model.column_of_step(photo))
    page.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    message = page.last_message
    assert "Removed “爆照” for 张三." in message
    assert "“爆照” of 王小明🌟 was taken back by someone else already." in message

    assert page.undo_last()  # Ctrl+Z
    with ws.database.session() as s:
        done = set(s.scalars(select(StepProgress.membership_id).where(StepProgress.step_id == photo)))
        assert done == {zhang}  # 张三's back; 王小明🌟's stays taken back
        assert s.get(Membership, wang).status == "applicant"  # no step recorded: back to 申请中


def test_ctrl_z_of_a_removed_step_puts_back_who_recorded_it(qtbot, english, ws):
    """The owner recorded 王小明🌟's 爆照 on a day; the assistant removed it by mistake and pressed Ctrl+Z: the ✓ came
    back on its day but as the assistant's record (its tooltip and the member's record: 记录人 小助理) — the record
    named someone who never recorded it. It comes back as it was; the audit row says who put it back."""
    page = OnboardingPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    wang = ws.memberships["王小明🌟"]
    with ws.database.session() as s:
        photo = next(st.id for st in list_steps(s, ws.group_id) if st.name == "爆照")
        record_step(s, ws.owner, wang, photo, when=datetime(2026, 2, 3, 9, 30))
        s.commit()
    page.reload()
    page.select_cell(wang, photo)
    assert page.undo_selection()
    assert page.undo_last()
    with ws.database.session() as s:
        row = s.scalars(select(StepProgress).where(StepProgress.membership_id == wang)).one()
        assert (row.step_id, row.done_at, row.recorded_by) == (photo, datetime(2026, 2, 3, 9, 30), ws.owner.id)
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (last.action, last.operator_id) == ("step.record", ws.assistant.id)
    index = page.model.index(page.model.row_of_membership(wang), page.model.column_of_step(photo))
    assert "群主" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_next_operator_cannot_ctrl_z_what_the_previous_one_did_on_the_roster(qtbot, english, ws):
    """A shared laptop: the owner sets 李四's tier to 大咖 on the roster, then 小助理 signs in (MainWindow.set_actor)
    and presses Ctrl+Z: the owner's change was taken back, in the audit log as the assistant's. The roster's undo
    history is the operator's who made it; the pages built again for the new operator had none already."""
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    li = ws.memberships["李四"]
    page._do_bulk_tier([li], "大咖")
    assert page.undo_stack.canUndo()
    page.set_actor(ws.assistant)
    page.undo()  # Ctrl+Z
    with ws.database.session() as s:
        tier = s.scalar(select(Tier.name).join(Membership, Membership.tier_id == Tier.id).where(Membership.id == li))
        assert tier == "大咖"
    assert not page.undo_stack.canUndo() and not page.undo_bar.isVisible()


def test_ctrl_z_of_a_recording_leaves_a_step_someone_else_recorded_first(qtbot, english, ws):
    """The other assistant records 王小明🌟's 爆照; this one, whose matrix still shows it open, presses Space on it,
    then Ctrl+Z: the other's record was deleted (王小明🌟 back to 申请中), and the line had said it was recorded
    here. The step stays recorded; the line says someone else recorded it; there is nothing of it to undo."""
    page = OnboardingPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    wang = ws.memberships["王小明🌟"]
    with ws.database.session() as s:
        photo = next(st.id for st in list_steps(s, ws.group_id) if st.name == "爆照")
    page.reload()
    with ws.database.session() as s:  # the other assistant
        record_step(s, ws.owner, wang, photo, when=datetime(2026, 2, 3, 9, 30))
        s.commit()
    page.select_cell(wang, photo)
    row, col = page.model.row_of_membership(wang), page.model.column_of_step(photo)
    assert page.record_cells([(row, col)])
    assert "“爆照” of 王小明🌟 was recorded by someone else already." in page.last_message
    assert "Recorded" not in page.last_message
    page.undo_last()  # Ctrl+Z
    with ws.database.session() as s:
        row = s.scalars(select(StepProgress).where(StepProgress.membership_id == wang)).one()
        assert (row.step_id, row.recorded_by, row.done_at) == (photo, ws.owner.id, datetime(2026, 2, 3, 9, 30))
        assert s.get(Membership, wang).status == "onboarding"


def test_removing_the_step_that_made_someone_a_member_says_they_are_no_longer_one(qtbot, english, ws):
    """Delete on 王小明🌟's 自我介绍, the step that made him 已入群: the line said only "Removed “自我介绍” for 王小明🌟"
    — that he was a newcomer again (out of the member counts, his referrer's points taken back) went unsaid, while
    becoming a member is announced with a 🎉."""
    page = OnboardingPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.show()
    page.set_group(ws.group_id)
    wang = ws.memberships["王小明🌟"]
    with ws.database.session() as s:
        required = [st for st in list_steps(s, ws.group_id) if st.required]
        for st in required:
            record_step(s, ws.owner, wang, st.id, answer="早起" if st.kind == "question" else None)
        s.commit()
        assert s.get(Membership, wang).status == "active"
    page.reload()
    page.select_cell(wang, required[-1].id)
    assert page.undo_selection()
    assert "Removed “自我介绍” for 王小明🌟." in page.last_message
    assert "王小明🌟: no longer a member (" in page.last_message
    with ws.database.session() as s:
        assert s.get(Membership, wang).status == "onboarding"
