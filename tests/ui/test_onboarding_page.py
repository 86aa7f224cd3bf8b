"""The Onboarding page as a user drives it: recording entry steps by keyboard until a member becomes 已入群,
one click, undo (Delete and Ctrl+Z), bulk recording, the stalled filter, the funnel against the service, and
editing the step list in the StepsDialog (add, rename, reorder by buttons and by drop, retire, restore)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS, isolate_settings, type_text
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from sqlalchemy import select

from desktop.demo import build_demo
from desktop.health import stalled_alerts
from desktop.services.groups import create_group, list_groups
from desktop.services.onboarding import (
    funnel_overall,
    funnel_with_conversion,
    list_steps,
    record_step,
    update_rules,
)
from desktop.services.onboarding_queries import stalled_since
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import Membership, StepProgress
from tests.fixed_day import TEST_TODAY
from ui.dialogs.steps_dialog import StepsDialog
from ui.models.progress_matrix_model import COL_NAME, COL_STALLED, ProgressMatrixModel
from ui.pages.onboarding_page import OnboardingPage

pytestmark = OFFSCREEN_QUIRKS

APPLICANT = "王小明🌟"


def make_page(qtbot, ws, actor=None, today=None) -> OnboardingPage:
    p = OnboardingPage(ws.database, actor or ws.owner, today=today)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    p.set_group(ws.group_id)
    return p


@pytest.fixture
def page(qtbot, ws):
    return make_page(qtbot, ws)


def steps_by_name(ws, group_id=None) -> dict[str, int]:
    with ws.database.session() as s:
        return {st.name: st.id for st in list_steps(s, group_id or ws.group_id, include_retired=True)}


def membership(ws, name) -> Membership:
    with ws.database.session() as s:
        ms = s.get(Membership, ws.memberships[name])
        s.expunge(ms)
        return ms


def progress_of(ws, membership_id: int) -> dict[int, StepProgress]:
    with ws.database.session() as s:
        rows = s.scalars(select(StepProgress).where(StepProgress.membership_id == membership_id)).all()
        return {r.step_id: r for r in rows}


def progress(ws, name) -> dict[int, StepProgress]:
    with ws.database.session() as s:
        rows = s.scalars(select(StepProgress).where(StepProgress.membership_id == ws.memberships[name])).all()
        for r in rows:
            s.expunge(r)
        return {r.step_id: r for r in rows}


def test_recording_steps_by_keyboard_until_the_member_is_active(qtbot, page, ws):
    steps = steps_by_name(ws)
    asked = []
    page.ask_answer = lambda who, step: asked.append((who, step)) or "想养成早起的习惯"
    assert page.step_columns() == ["进群目的问答", "阅读群规与入会须知", "自我介绍", "爆照", "爆料/分享", "实名认证"]
    mid = ws.memberships[APPLICANT]
    assert page.status_of(mid) == "applicant"

    page.table.setFocus()
    page.select_cell(mid, steps["进群目的问答"])
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert asked == [(APPLICANT, "进群目的问答")]
    assert membership(ws, APPLICANT).status == "onboarding"
    assert page.status_of(mid) == "onboarding"
    assert progress(ws, APPLICANT)[steps["进群目的问答"]].answer == "想养成早起的习惯"
    assert "Recorded “进群目的问答”" in page.last_message

    qtbot.keyClick(page.table, Qt.Key.Key_Right)  # the cursor stays on the member after the reload
    assert page.model.step_at(page.table.currentIndex().column()).name == "阅读群规与入会须知"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    with qtbot.waitSignal(page.data_changed, timeout=2000):
        qtbot.keyClick(page.table, Qt.Key.Key_Space)  # 自我介绍: the last required step

    ms = membership(ws, APPLICANT)
    assert ms.status == "active" and ms.joined_at is not None
    assert page.status_of(mid) == "active"
    assert "is now a member" in page.last_message and APPLICANT in page.last_message
    assert not page.message_bar.isHidden()
    done = progress(ws, APPLICANT)
    assert set(done) == {steps["进群目的问答"], steps["阅读群规与入会须知"], steps["自我介绍"]}
    assert all(p.recorded_by == ws.owner.id for p in done.values())
    # the ✓ carries its date (and who recorded it) in the tooltip
    index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["自我介绍"]))
    assert index.data() == "✓"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert ms.joined_at.strftime("%Y-%m-%d") in tip and "群主" in tip


def test_one_click_records_and_clicking_a_tick_records_nothing_again(qtbot, page, ws):
    steps = steps_by_name(ws)
    mid = ws.memberships[APPLICANT]
    index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["爆照"]))
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert steps["爆照"] in progress(ws, APPLICANT)
    before = progress(ws, APPLICANT)[steps["爆照"]].done_at
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert progress(ws, APPLICANT)[steps["爆照"]].done_at == before
    assert page.step_record_dialog is not None and page.step_record_dialog.isVisible()  # what it holds
    page.step_record_dialog.close_button.click()
    # a cancelled answer writes nothing
    page.ask_answer = lambda who, step: None
    index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["进群目的问答"]))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    assert steps["进群目的问答"] not in progress(ws, APPLICANT)


def test_delete_undoes_a_step_and_ctrl_z_brings_it_back(qtbot, page, ws):
    steps = steps_by_name(ws)
    mid = ws.memberships[APPLICANT]
    when = datetime(2026, 2, 3, 9, 30)
    with ws.database.session() as s:
        for name in ("进群目的问答", "阅读群规与入会须知", "自我介绍"):
            record_step(s, ws.owner, mid, steps[name], answer="早起" if name == "进群目的问答" else None, when=when)
        s.commit()
    page.reload()
    assert page.status_of(mid) == "active"

    page.table.setFocus()
    page.select_cell(mid, steps["进群目的问答"])
    with qtbot.waitSignal(page.data_changed, timeout=2000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert steps["进群目的问答"] not in progress(ws, APPLICANT)
    assert membership(ws, APPLICANT).status == "onboarding"  # no longer every required step
    assert "Removed “进群目的问答”" in page.last_message

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = progress(ws, APPLICANT)[steps["进群目的问答"]]
    assert (restored.done_at, restored.answer) == (when, "早起")
    assert membership(ws, APPLICANT).status == "active"

    # Ctrl+Z after recording takes the record back; Backspace works like Delete
    page.select_cell(mid, steps["爆照"])
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert steps["爆照"] in progress(ws, APPLICANT)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert steps["爆照"] not in progress(ws, APPLICANT)
    page.select_cell(mid, steps["自我介绍"])
    qtbot.keyClick(page.table, Qt.Key.Key_Backspace)
    assert steps["自我介绍"] not in progress(ws, APPLICANT)


def test_bulk_records_a_step_for_every_selected_member_at_once(qtbot, ws):
    with ws.database.session() as s:
        for name in ("新人甲", "新人乙", "新人丙"):
            _m, msid = add_member(s, ws.owner, ws.group_id, MemberInput(display_name=name, status="applicant"))
            ws.memberships[name] = msid
        s.commit()
    page = make_page(qtbot, ws)
    steps = steps_by_name(ws)
    selection = QItemSelection()
    for name in ("新人甲", "新人乙", "新人丙"):
        row = page.model.row_of_membership(ws.memberships[name])
        selection.select(page.model.index(row, COL_NAME), page.model.index(row, COL_NAME))
    page.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert page.bulk_button.isEnabled() and page.bulk_button.text() == "Record for 3 selected"
    page.bulk_step_combo.setCurrentIndex(page.bulk_step_combo.findData(steps["自我介绍"]))
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    for name in ("新人甲", "新人乙", "新人丙"):
        assert steps["自我介绍"] in progress(ws, name)
        assert membership(ws, name).status == "onboarding"
    assert steps["自我介绍"] not in progress(ws, APPLICANT)
    # one Ctrl+Z takes the whole bulk record back
    page.undo_last()
    assert all(not progress(ws, n) for n in ("新人甲", "新人乙", "新人丙"))


def test_payment_asks_the_amount_with_the_fee_as_default(qtbot, ws):
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "付费训练营", fee_cents=9900)
        _m, msid = add_member(s, ws.owner, gid, MemberInput(display_name="付费新人", status="applicant"))
        s.commit()
    page = make_page(qtbot, ws)
    page.set_group(gid)
    fee_step = steps_by_name(ws, gid)["缴纳门槛费"]
    asked = []
    page.ask_amount = lambda who, step, default: asked.append(default) or 8800
    page.table.setFocus()
    page.select_cell(msid, fee_step)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert asked == [9900]
    with ws.database.session() as s:
        prog = s.scalar(select(StepProgress).where(StepProgress.membership_id == msid))
        assert (prog.step_id, prog.amount_cents) == (fee_step, 8800)
        assert s.get(Membership, msid).fee_paid_cents == 8800


def test_all_groups_asks_for_a_group(qtbot, page):
    page.set_group(None)
    assert not page.no_group_label.isHidden() and page.splitter.isHidden()
    assert page.model.rowCount() == 0


# ---- on the demo workspace ----

TODAY = date(2026, 3, 18)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("onboarding")
    database = open_workspace(folder / "ws.sqlite", backup_dir=folder / "backups")
    build_demo(database.engine, groups=2, members=120, months=3, seed=11, today=TODAY)
    with database.session() as s:
        gid = list_groups(s, today=TODAY)[0].id
    yield database, actor_for(database), gid
    database.dispose()


@pytest.fixture
def demo_page(qtbot, demo, tmp_path):
    isolate_settings(tmp_path)
    database, owner, gid = demo
    p = OnboardingPage(database, owner, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    p.set_group(gid)
    return p


def test_stalled_filter_narrows_the_rows_to_who_is_stalled(qtbot, demo_page, demo):
    database, _owner, gid = demo
    page = demo_page
    all_rows = page.model.rowCount()
    with database.session() as s:
        stalled = {a.membership_id for a in stalled_alerts(s, gid, TODAY)}
        stalled_30 = set(stalled_since(s, gid, TODAY, 30))
    assert stalled and page.stalled_spin.value() == 7  # the stalled_days setting
    qtbot.mouseClick(page.stalled_check, Qt.MouseButton.LeftButton)
    shown = {r.membership_id for r in page.model.rows()}
    assert shown == stalled and len(shown) < all_rows
    assert page.count_label.text().startswith(f"{len(stalled)} ")
    for r in range(page.model.rowCount()):
        days = int(page.model.index(r, COL_STALLED).data().split()[0])
        assert days > 7
    page.stalled_spin.setValue(30)
    assert {r.membership_id for r in page.model.rows()} == stalled_30 <= stalled
    qtbot.mouseClick(page.stalled_check, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == all_rows


def test_status_filter(qtbot, demo_page):
    page = demo_page
    page.status_combo.setCurrentIndex(page.status_combo.findText("Not joined yet"))
    assert {r.status for r in page.model.rows()} <= {"applicant", "onboarding"}
    page.status_combo.setCurrentIndex(page.status_combo.findText("Member"))
    assert {r.status for r in page.model.rows()} == {"active"}


def test_funnel_counts_equal_the_service_this_month_and_overall(qtbot, demo_page, demo):
    database, _owner, gid = demo
    page = demo_page
    with database.session() as s:
        month = funnel_with_conversion(s, gid, TODAY.replace(day=1))
        overall = funnel_with_conversion(s, gid, None)
    assert page.month_button.isChecked()
    assert list(reversed(page.funnel_chart.bar_values()["Reached"])) == [float(n) for _s, n, _c in month]
    qtbot.mouseClick(page.overall_button, Qt.MouseButton.LeftButton)
    assert list(reversed(page.funnel_chart.bar_values()["Reached"])) == [float(n) for _s, n, _c in overall]
    labels = list(reversed(page.funnel_chart.categories()))
    assert labels[0] == overall[0][0]
    assert labels[1] == f"{overall[1][0]} · {overall[1][2]:.0%}"
    assert str(overall[0][1]) in page.funnel_summary.text()
    assert overall[0][1] > month[0][1] > 0
    with database.session() as s:
        share = funnel_overall(s, gid)
    assert page.funnel_summary.text().endswith(f"({share:.0%})")  # of the first step's people, who reached the last
    assert all(c is None or c <= 1 for _s, _n, c in overall)


def test_matrix_model_passes_the_model_tester(qtmodeltester, demo_page):
    qtmodeltester.check(demo_page.model)
    qtmodeltester.check(ProgressMatrixModel())


# ---- editing the steps ----


def test_editing_the_step_list_add_rename_reorder_retire_restore(qtbot, page, ws):
    qtbot.mouseClick(page.edit_steps_button, Qt.MouseButton.LeftButton)
    dialog = page.steps_dialog
    assert isinstance(dialog, StepsDialog) and dialog.isVisible()
    original = ["进群目的问答", "阅读群规与入会须知", "自我介绍", "爆照", "爆料/分享", "实名认证"]
    assert dialog.live_names() == original

    # add
    type_text(qtbot, dialog.new_name_edit, "加入打卡小组")
    dialog.new_kind_combo.setCurrentIndex(dialog.new_kind_combo.findData("ritual"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.live_names() == [*original, "加入打卡小组"]
    assert page.step_columns()[-1] == "加入打卡小组"  # the page follows at once

    # rename the selected (new) step, make it optional
    assert dialog.current_step().name == "加入打卡小组"
    dialog.name_edit.selectAll()
    type_text(qtbot, dialog.name_edit, "加入晨读小组")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    check = dialog.required_check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))  # on the box
    steps = {s.name: s for s in _steps(ws)}
    assert "加入晨读小组" in steps and steps["加入晨读小组"].required is False

    # reorder with the buttons: up twice
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    expected = ["进群目的问答", "阅读群规与入会须知", "自我介绍", "爆照", "加入晨读小组", "爆料/分享", "实名认证"]
    assert [s.name for s in _steps(ws) if not s.retired] == expected
    assert dialog.live_names() == expected

    # reorder by drag and drop: the list widget moves the row, the dialog saves the new place
    model = dialog.step_list.model()
    model.moveRow(model.index(0, 0).parent(), 6, model.index(0, 0).parent(), 0)  # 实名认证 to the top
    qtbot.waitUntil(lambda: [s.name for s in _steps(ws) if not s.retired][0] == "实名认证")
    assert dialog.live_names()[0] == "实名认证" and page.step_columns()[0] == "实名认证"

    # retire 爆照 (with a record: the column stays, greyed, marked retired)
    mid = ws.memberships[APPLICANT]
    with ws.database.session() as s:
        record_step(s, ws.owner, mid, steps["爆照"].id)
        s.commit()
    dialog.select_step("爆照")
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert "爆照" not in dialog.live_names() and dialog.retired_names() == ["爆照"]
    assert page.step_columns()[-1] == "爆照\n(retired)"
    col = page.model.column_of_step(steps["爆照"].id)
    cell = page.model.index(page.model.row_of_membership(mid), col)
    assert cell.data() == "✓" and cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    # a retired step cannot be recorded or removed from the matrix
    page.select_cell(mid, steps["爆照"].id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert steps["爆照"].id in progress(ws, APPLICANT)

    # restore it: back where it stood in the process (after 自我介绍), not at the end
    dialog.select_step("爆照")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restored = ["实名认证", "进群目的问答", "阅读群规与入会须知", "自我介绍", "爆照", "加入晨读小组", "爆料/分享"]
    assert dialog.live_names() == restored and dialog.retired_names() == []
    assert [s.name for s in _steps(ws) if not s.retired] == restored
    dialog.close()


def _steps(ws):
    with ws.database.session() as s:
        return list_steps(s, ws.group_id, include_retired=True)


def test_an_assistant_sees_the_edit_buttons_disabled_but_may_record(qtbot, ws):
    page = make_page(qtbot, ws, actor=ws.assistant)
    assert not page.edit_steps_button.isEnabled()
    dialog = StepsDialog(ws.database, ws.assistant, ws.group_id, GROUP_NAME)
    qtbot.addWidget(dialog)
    dialog.show()
    for button in (dialog.add_button, dialog.up_button, dialog.down_button, dialog.retire_button):
        assert not button.isEnabled()
    assert not dialog.restore_button.isEnabled() and not dialog.name_edit.isEnabled()
    assert not dialog.permission_label.isHidden()
    assert dialog.live_names()[0] == "进群目的问答"
    # recording progress is an assistant's everyday work
    steps = steps_by_name(ws)
    page.table.setFocus()
    page.select_cell(ws.memberships[APPLICANT], steps["自我介绍"])
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert steps["自我介绍"] in progress(ws, APPLICANT)
    assert progress(ws, APPLICANT)[steps["自我介绍"]].recorded_by == ws.assistant.id


def test_waiting_days_count_from_the_last_step(qtbot, ws):
    """Days waiting come from the last recorded step (or the application): a step today resets them."""
    later = TEST_TODAY + timedelta(days=10)
    page = make_page(qtbot, ws, today=later)
    mid = ws.memberships[APPLICANT]
    row = page.model.row_of_membership(mid)
    assert page.model.index(row, COL_STALLED).data() == "10 day(s)"
    page.stalled_check.setChecked(True)
    assert page.visible_names() == [APPLICANT]
    with ws.database.session() as s:
        record_step(s, ws.owner, mid, steps_by_name(ws)["爆照"], when=datetime.combine(later, datetime.min.time()))
        s.commit()
    page.reload_matrix()
    assert page.visible_names() == []
    assert not page.empty_label.isHidden()


def test_acknowledging_the_rules_records_the_current_rules_version(qtbot, page, ws):
    with ws.database.session() as s:
        update_rules(s, ws.owner, ws.group_id, "群规第一版：不发广告")
        update_rules(s, ws.owner, ws.group_id, "群规第二版：不发广告，不刷屏")
        s.commit()
    steps = steps_by_name(ws)
    mid = ws.memberships[APPLICANT]
    page.table.setFocus()
    page.select_cell(mid, steps["阅读群规与入会须知"])
    qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    assert progress(ws, APPLICANT)[steps["阅读群规与入会须知"]].rules_version == 2
    index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["阅读群规与入会须知"]))
    assert "Read rules version 2" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_an_answered_step_shows_the_answer_and_changes_it(qtbot, page, ws):
    """The answer is asked once; clicking the ✓ shows it (with when and who) instead of asking again, and it
    can be changed there, or the step taken back (Ctrl+Z brings the answer back)."""
    steps = steps_by_name(ws)
    mid = ws.memberships[APPLICANT]
    asked = []
    page.ask_answer = lambda who, step: asked.append(step) or "想养成早起的习惯"
    index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["进群目的问答"]))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    assert asked == ["进群目的问答"] and progress(ws, APPLICANT)[steps["进群目的问答"]].answer == "想养成早起的习惯"

    index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["进群目的问答"]))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    assert asked == ["进群目的问答"]  # not asked again
    dialog = page.step_record_dialog
    assert dialog.isVisible() and dialog.answer_edit.toPlainText() == "想养成早起的习惯"
    assert dialog.title_label.text() == f"{APPLICANT} · 进群目的问答" and "群主" in dialog.facts_label.text()
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    dialog.answer_edit.selectAll()
    type_text(qtbot, dialog.answer_edit, "认识同城早起的朋友")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert progress(ws, APPLICANT)[steps["进群目的问答"]].answer == "认识同城早起的朋友"
    assert membership(ws, APPLICANT).purpose == "认识同城早起的朋友"  # the purpose answer is kept on the member
    index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["进群目的问答"]))
    assert "Answer: 认识同城早起的朋友" in index.data(Qt.ItemDataRole.ToolTipRole)

    # Enter on the ✓ opens it too; take the step back there, Ctrl+Z brings it back with its answer
    page.table.setFocus()
    page.select_cell(mid, steps["进群目的问答"])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.step_record_dialog
    assert dialog.isVisible() and dialog.answer_edit.toPlainText() == "认识同城早起的朋友"
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert steps["进群目的问答"] not in progress(ws, APPLICANT)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert progress(ws, APPLICANT)[steps["进群目的问答"]].answer == "认识同城早起的朋友"


def test_an_assistant_may_fill_in_an_answer_left_empty(qtbot, ws):
    steps = steps_by_name(ws)
    page = make_page(qtbot, ws, actor=ws.assistant)
    mid = ws.memberships[APPLICANT]
    page.ask_answer = lambda who, step: ""  # left empty when it was recorded
    for _ in range(2):  # record, then open what was recorded
        index = page.model.index(page.model.row_of_membership(mid), page.model.column_of_step(steps["进群目的问答"]))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    dialog = page.step_record_dialog
    assert dialog.answer_edit.toPlainText() == "" and not dialog.answer_edit.isReadOnly()
    assert "No answer recorded" in dialog.answer_edit.placeholderText()
    type_text(qtbot, dialog.answer_edit, "补上的回答")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert progress(ws, APPLICANT)[steps["进群目的问答"]].answer == "补上的回答"


def test_a_paid_step_shows_its_amount_and_a_correction_moves_the_fee_paid(qtbot, ws):
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "付费训练营", fee_cents=9900)
        _m, msid = add_member(s, ws.owner, gid, MemberInput(display_name="付费新人", status="applicant"))
        s.commit()
    page = make_page(qtbot, ws)
    page.set_group(gid)
    fee_step = steps_by_name(ws, gid)["缴纳门槛费"]
    page.ask_amount = lambda who, step, default: 8800
    page.table.setFocus()
    page.select_cell(msid, fee_step)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # recorded: ¥88.00
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # the same cell again: what was recorded
    dialog = page.step_record_dialog
    assert dialog.isVisible() and dialog.amount_spin is not None and dialog.amount_spin.value() == 88.0
    dialog.amount_spin.setValue(99.0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert s.scalar(select(StepProgress.amount_cents).where(StepProgress.membership_id == msid)) == 9900
        assert s.get(Membership, msid).fee_paid_cents == 9900


def test_the_checked_period_button_fits_its_bold_text(qtbot, page):
    """The funnel's period buttons show the chosen one in bold; sized for the regular text, "This month" was
    clipped at both ends (seen on the 100,000-member workspace)."""
    from PySide6.QtGui import QFont, QFontMetrics

    for button in (page.month_button, page.overall_button):
        button.setChecked(True)
        qtbot.waitUntil(lambda b=button: b.isVisible())
        bold = QFont(button.font())
        bold.setBold(True)
        assert button.width() >= QFontMetrics(bold).horizontalAdvance(button.text()) + 2 * 12, button.text()


def test_a_recorded_step_rereads_its_own_row_in_place(qtbot, ws):
    """Issue 13: after each step the whole matrix was read again (0.5 s in a group of 10,000). Only the rows the
    step was recorded on are re-read now, in place: no reset, the other rows untouched, the cell kept."""
    with ws.database.session() as s:
        for name in ("新人甲", "新人乙"):
            _m, msid = add_member(s, ws.owner, ws.group_id, MemberInput(display_name=name, status="applicant"))
            ws.memberships[name] = msid
        s.commit()
    page = make_page(qtbot, ws)
    steps = steps_by_name(ws)
    mid = ws.memberships["新人甲"]
    others = {r.membership_id: r for r in page.model.rows() if r.membership_id != mid}
    order = [r.membership_id for r in page.model.rows()]
    read = []
    original = page.refresh_rows
    page.refresh_rows = lambda ids: read.append(set(ids)) or original(ids)
    page.table.setFocus()
    page.select_cell(mid, steps["爆照"])
    with qtbot.assertNotEmitted(page.model.modelReset):
        qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert read == [{mid}]
    assert [r.membership_id for r in page.model.rows()] == order  # nobody moved
    row = page.model.row_of_membership(mid)
    assert page.model.row_at(row).status == "onboarding" and steps["爆照"] in page.model.row_at(row).done
    assert page.model.index(row, page.model.column_of_step(steps["爆照"])).data() == "✓"
    assert all(page.model.row_at(page.model.row_of_membership(m)) is r for m, r in others.items())  # untouched
    assert page.model.step_at(page.table.currentIndex().column()).name == "爆照"
    assert page.model.row_at(page.table.currentIndex().row()).membership_id == mid
    # what a full read shows
    fresh = make_page(qtbot, ws)
    assert {r.membership_id: (r.status, r.done) for r in fresh.model.rows()} == {
        r.membership_id: (r.status, r.done) for r in page.model.rows()
    }


def test_a_row_that_no_longer_matches_the_filter_goes_and_undo_brings_it_back(qtbot, ws):
    """Under "Not joined yet" the member who takes the last required step becomes 已入群 and leaves the list (the
    count follows); Undo makes them 入群中 again and they are back. Under the stalled filter a step taken
    today takes the member off the list."""
    page = make_page(qtbot, ws)
    steps = steps_by_name(ws)
    mid = ws.memberships[APPLICANT]
    with ws.database.session() as s:
        for name in ("进群目的问答", "阅读群规与入会须知"):
            record_step(s, ws.owner, mid, steps[name], answer="早起" if name == "进群目的问答" else None)
        s.commit()
    page.status_combo.setCurrentIndex(page.status_combo.findText("Not joined yet"))
    before = page.model.rowCount()
    assert page.model.row_of_membership(mid) >= 0
    page.table.setFocus()
    page.select_cell(mid, steps["自我介绍"])
    with qtbot.assertNotEmitted(page.model.modelReset):
        qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert membership(ws, APPLICANT).status == "active"
    assert page.model.row_of_membership(mid) == -1 and page.model.rowCount() == before - 1
    assert page.count_label.text().startswith(f"{before - 1} ")
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)  # the message's Undo
    assert membership(ws, APPLICANT).status == "onboarding"
    assert page.model.row_of_membership(mid) >= 0 and page.model.rowCount() == before

    with ws.database.session() as s:  # applied a month ago, no step since: stalled
        _m, waiting = add_member(s, ws.owner, ws.group_id, MemberInput(display_name="老申请", status="applicant"))
        s.get(Membership, waiting).applied_at = datetime.combine(TEST_TODAY - timedelta(days=30), datetime.min.time())
        s.commit()
    stalled = make_page(qtbot, ws, today=TEST_TODAY)
    stalled.stalled_check.setChecked(True)
    assert waiting in {r.membership_id for r in stalled.model.rows()}
    stalled.select_cell(waiting, steps["爆照"])
    qtbot.keyClick(stalled.table, Qt.Key.Key_Space)  # recorded today: no longer stalled
    assert steps["爆照"] in progress_of(ws, waiting)
    assert waiting not in {r.membership_id for r in stalled.model.rows()}


def steps_by_name_required(ws) -> dict[str, bool]:
    return {st.name: st.required for st in _steps(ws) if not st.retired}


def test_retiring_a_required_step_asks_first_naming_whom_it_admits(qtbot, page, ws):
    """Retiring 门槛费-like steps by mistake admitted every newcomer who had done the rest, at once, and restoring the
    step did not take that back. The dialog now names them and asks; No retires nothing. A step whose retirement
    admits nobody is retired without a question."""
    steps = steps_by_name(ws)
    mid = ws.memberships[APPLICANT]
    with ws.database.session() as s:
        record_step(s, ws.owner, mid, steps["进群目的问答"], answer="早起")
        record_step(s, ws.owner, mid, steps["阅读群规与入会须知"])
        s.commit()
    qtbot.mouseClick(page.edit_steps_button, Qt.MouseButton.LeftButton)
    dialog = page.steps_dialog
    asked: list[str] = []
    dialog.ask_yes = lambda _title, text: asked.append(text) or False
    dialog.select_step("自我介绍")
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and APPLICANT in asked[0] and asked[0].startswith("Retiring “自我介绍” makes 1 newcomer")
    assert "自我介绍" in dialog.live_names() and membership(ws, APPLICANT).status == "onboarding"
    dialog.ask_yes = lambda _title, text: asked.append(text) or True
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert "自我介绍" not in dialog.live_names() and membership(ws, APPLICANT).status == "active"
    assert APPLICANT in dialog.admitted_label.text()
    dialog.select_step("爆照")  # optional: retiring it admits nobody, nothing asked
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and "爆照" not in dialog.live_names()
    dialog.close()


def test_making_a_required_step_optional_names_the_newcomers_it_makes_members(qtbot, page, ws):
    """A newcomer who did every required step but one becomes a member when that step is made optional: the
    dialog names them and the page shows them 已入群 (before, they stayed 入群中 with nothing left to do)."""
    steps = steps_by_name(ws)
    mid = ws.memberships[APPLICANT]
    with ws.database.session() as s:
        record_step(s, ws.owner, mid, steps["进群目的问答"], answer="早起")
        record_step(s, ws.owner, mid, steps["阅读群规与入会须知"])
        s.commit()
    page.reload_matrix()
    assert page.status_of(mid) == "onboarding"
    qtbot.mouseClick(page.edit_steps_button, Qt.MouseButton.LeftButton)
    dialog = page.steps_dialog
    assert dialog.admitted_label.isHidden()
    dialog.select_step("自我介绍")
    check = dialog.required_check
    assert check.isChecked()
    asked: list[str] = []
    answers = [False, True]
    dialog.ask_yes = lambda _title, text: asked.append(text) or answers.pop(0)
    # asked first, naming who it would admit; No changes nothing (the box stays ticked)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert len(asked) == 1 and APPLICANT in asked[0] and "optional" in asked[0] and "does not undo" in asked[0]
    assert check.isChecked() and membership(ws, APPLICANT).status == "onboarding"
    assert steps_by_name_required(ws)["自我介绍"] is True
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert len(asked) == 2
    assert not dialog.admitted_label.isHidden()
    assert APPLICANT in dialog.admitted_label.text() and dialog.admitted_label.text().startswith("1 newcomer")
    assert membership(ws, APPLICANT).status == "active"
    assert page.status_of(mid) == "active"
    # making it required again admits nobody and takes nobody out
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert dialog.admitted_label.isHidden() and membership(ws, APPLICANT).status == "active"
    dialog.close()
