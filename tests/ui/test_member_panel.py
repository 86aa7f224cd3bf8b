"""The member panel on the Roster page: header, entry steps, points and referrals, the timeline (newest first,
a dot per kind, filterable), and its actions — mark left and blacklist need a reason, merge opens the merge
dialog, edit opens the (undoable) member dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace, type_text
from PySide6.QtCore import Qt

from desktop.services.checkins import record_checkins
from desktop.services.onboarding import list_steps, record_step
from desktop.services.participation import add_violation
from desktop.services.points import adjust_points
from desktop.services.roster import MemberInput, add_member
from models import Membership
from tests.fixed_day import TEST_TODAY
from ui.pages.roster_page import RosterPage
from ui.widgets.member_panel import MemberPanel, TimelineModel

pytestmark = OFFSCREEN_QUIRKS

TODAY = TEST_TODAY


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        zs = workspace.memberships["张三"]
        record_checkins(s, workspace.owner, workspace.group_id, TODAY - timedelta(days=1), [zs])
        steps = list_steps(s, workspace.group_id)
        record_step(s, workspace.owner, workspace.memberships["王小明🌟"], steps[0].id, answer="想早起")
        add_violation(s, workspace.owner, zs, "ad", TODAY, "warning", "发了广告链接")
        adjust_points(s, workspace.owner, zs, 5, "帮忙组织活动")
        add_member(
            s,
            workspace.owner,
            workspace.group_id,
            MemberInput(display_name="赵六", referrer_id=workspace.members["张三"]),
        )
        s.commit()
    yield workspace
    close_workspace(workspace)


@pytest.fixture
def panel(qtbot, ws):
    p = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(p)
    p.resize(360, 700)
    p.show()
    return p


def test_timeline_shows_a_checkin_and_a_step_newest_first(qtbot, panel, ws):
    panel.set_membership(ws.memberships["张三"])
    kinds = panel.timeline_kinds()
    assert "checkin" in kinds and "violation" in kinds and "points" in kinds
    # the window's language (English without a catalogue); the Chinese text the services built is the str
    assert any(t in ("Checked in", "Checked in late (补卡)") for t in panel.timeline_texts())
    assert any(e.text in ("打卡", "补卡") for e in panel.timeline_model.rows())
    whens = [e.when for e in panel.timeline_model.rows()]
    assert whens == sorted(whens, reverse=True)
    assert panel.name_label.text().startswith("张三")
    assert "★" in panel.name_label.text()  # seed user
    assert "核心" in panel.chips_label.text()
    assert "早起" in panel.tags_label.text() and "background-color" in panel.tags_label.text()
    assert "赵六" in panel.facts_label.text()  # whom they brought in
    # the step of the applicant
    panel.set_membership(ws.memberships["王小明🌟"])
    assert panel.timeline_kinds()[0] in ("step", "joined")
    assert any(t.startswith("Done: “进群目的问答”") for t in panel.timeline_texts())
    items = [panel.steps_list.item(i) for i in range(panel.steps_list.count())]
    done = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
    assert len(done) == 1 and done[0].startswith("进群目的问答")
    assert any(i.checkState() == Qt.CheckState.Unchecked for i in items)  # steps still to do


def test_ticking_steps_in_the_panel_records_them_until_the_member_joins(qtbot, panel, ws):
    from desktop.services.roster_queries import member_panel_data

    msid = ws.memberships["王小明🌟"]
    panel.set_membership(msid)
    with ws.database.session() as s:
        required = [st.step_id for st in member_panel_data(s, msid).steps if st.required and not st.retired]

    def shown_state(step_id: int):
        for i in range(panel.steps_list.count()):
            if panel.steps_list.item(i).data(Qt.ItemDataRole.UserRole) == step_id:
                return panel.steps_list.item(i).checkState()
        return None

    def done_steps() -> set[int]:
        with ws.database.session() as s:
            return {st.step_id for st in member_panel_data(s, msid).steps if st.done_at is not None}

    for step_id in required:
        if step_id in done_steps():
            continue
        item = next(
            panel.steps_list.item(i)
            for i in range(panel.steps_list.count())
            if panel.steps_list.item(i).data(Qt.ItemDataRole.UserRole) == step_id
        )
        panel.steps_list.setCurrentItem(item)
        qtbot.keyClick(panel.steps_list, Qt.Key.Key_Space)  # one key records the step
        qtbot.waitUntil(lambda sid=step_id: sid in done_steps())
        qtbot.waitUntil(lambda sid=step_id: shown_state(sid) == Qt.CheckState.Checked)  # the list was rebuilt
    with ws.database.session() as s:
        assert member_panel_data(s, msid).status == "active"
    first = panel.steps_list.item(0)
    step_id = first.data(Qt.ItemDataRole.UserRole)
    first.setCheckState(Qt.CheckState.Unchecked)  # undo the first step

    def undone() -> bool:
        with ws.database.session() as s:
            return {st.step_id: st.done_at for st in member_panel_data(s, msid).steps}[step_id] is None

    qtbot.waitUntil(undone)
    qtbot.waitUntil(lambda: shown_state(step_id) == Qt.CheckState.Unchecked)


def test_timeline_filter_by_kind(qtbot, panel, ws):
    panel.set_membership(ws.memberships["张三"])
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("checkin"))
    assert set(panel.timeline_kinds()) == {"checkin"}
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("step"))
    assert panel.timeline_kinds() == []
    assert panel.timeline_empty.isVisible()
    panel.kind_combo.setCurrentIndex(0)
    assert len(panel.timeline_kinds()) >= 4


def test_timeline_model_is_a_valid_model(qtmodeltester, panel, ws):
    panel.set_membership(ws.memberships["张三"])
    qtmodeltester.check(panel.timeline_model)
    qtmodeltester.check(TimelineModel())


def test_mark_left_needs_a_reason(qtbot, panel, ws):
    msid = ws.memberships["李四"]
    panel.set_membership(msid)
    assert panel.leave_button.isEnabled()
    qtbot.mouseClick(panel.leave_button, Qt.MouseButton.LeftButton)
    prompt = panel.active_prompt
    assert prompt is not None and prompt.isVisible()
    assert not prompt.ok_button.isEnabled()
    type_text(qtbot, prompt.text_edit, "   ")
    assert not prompt.ok_button.isEnabled()  # blanks are no reason
    qtbot.keyClick(prompt.text_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, prompt.text_edit, "工作太忙")
    assert prompt.ok_button.isEnabled()
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        ms = s.get(Membership, msid)
        assert (ms.status, ms.left_reason) == ("left", "工作太忙")
    assert "已退群" in panel.chips_label.text() or "Left" in panel.chips_label.text()
    assert not panel.leave_button.isEnabled()
    assert panel.timeline_kinds()[0] == "left"


def test_cancelled_reason_changes_nothing(qtbot, panel, ws):
    msid = ws.memberships["李四"]
    panel.set_membership(msid)
    prompt = panel.mark_left()
    type_text(qtbot, prompt.text_edit, "不想说")
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)
    with ws.database.session() as s:
        assert s.get(Membership, msid).status == "active"


def test_blacklist_with_reason(qtbot, panel, ws):
    msid = ws.memberships["李四"]
    panel.set_membership(msid)
    prompt = panel.blacklist()
    type_text(qtbot, prompt.text_edit, "反复发广告")
    qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        ms = s.get(Membership, msid)
        assert (ms.status, ms.left_reason) == ("blacklisted", "反复发广告")
    assert not panel.blacklist_button.isEnabled()


def test_assistant_may_mark_left_but_not_blacklist_or_merge(qtbot, ws):
    panel = MemberPanel(ws.database, ws.assistant)
    qtbot.addWidget(panel)
    panel.set_membership(ws.memberships["李四"])
    assert panel.leave_button.isEnabled() and panel.edit_button.isEnabled()
    assert not panel.blacklist_button.isEnabled()
    assert not panel.merge_button.isEnabled()
    assert panel.open_merge() is None


def test_empty_state_without_a_member(panel):
    panel.set_membership(None)
    assert panel.empty_label.isVisible() and not panel.details.isVisible()


def test_roster_page_shows_the_panel_for_the_selected_row(qtbot, ws):
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.set_group(ws.group_id)
    page.select_membership(ws.memberships["张三"])
    qtbot.waitUntil(lambda: page.member_panel.membership_id == ws.memberships["张三"])
    assert page.member_panel.isVisible()
    assert "checkin" in page.member_panel.timeline_kinds()
    # several rows: the panel says how many and points at the bulk actions
    page.select_memberships([ws.memberships["张三"], ws.memberships["李四"]])
    qtbot.waitUntil(lambda: page.member_panel.membership_id is None)
    assert "2" in page.member_panel.empty_label.text()
    # the panel's Edit opens the member dialog; double-click still edits too
    page.select_membership(ws.memberships["李四"])
    qtbot.waitUntil(lambda: page.member_panel.membership_id == ws.memberships["李四"])
    qtbot.mouseClick(page.member_panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog is not None and dialog.name_edit.text() == "李四"
    dialog.reject()
    # hiding the panel
    qtbot.mouseClick(page.panel_button, Qt.MouseButton.LeftButton)
    assert not page.member_panel.isVisible()


def test_mark_left_from_the_page_panel_refreshes_the_row(qtbot, ws):
    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.set_group(ws.group_id)
    page.select_membership(ws.memberships["李四"])
    qtbot.waitUntil(lambda: page.member_panel.membership_id == ws.memberships["李四"])
    prompt = page.member_panel.mark_left()
    type_text(qtbot, prompt.text_edit, "搬家了")
    with qtbot.waitSignal(page.members_changed):
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    assert page.selected_rows()[0].status == "left"


def test_the_tabs_fit_without_scroll_arrows_in_a_1440_wide_window(qtbot, ws):
    """The timeline filter moved from the tab bar's corner into the Timeline tab: both tabs show whole."""
    from ui.main_window import MainWindow

    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    window.select_group(ws.group_id)
    window.show_page("roster")
    page = window.roster_page
    page.select_membership(ws.memberships["张三"])
    panel = page.member_panel
    qtbot.waitUntil(lambda: panel.membership_id == ws.memberships["张三"] and panel.tabs.isVisible())
    bar = panel.tabs.tabBar()
    assert bar.count() == 2 and not bar.usesScrollButtons()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))
    assert all(bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i)) for i in range(2))
    assert panel.tabs.cornerWidget() is None
    # the filter is on the Timeline tab, above the list, and still filters
    assert panel.kind_combo.isVisible() and panel.kind_combo.geometry().bottom() < panel.timeline_view.geometry().top()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("checkin"))
    assert set(panel.timeline_kinds()) == {"checkin"}
    panel.tabs.setCurrentIndex(1)
    assert not panel.kind_combo.isVisible()


def test_clicking_an_answered_step_shows_its_answer_to_change_it(qtbot, panel, ws):
    """The entry steps tab shows the answer beside the step; clicking the step's name opens what was recorded
    (not the box, which still takes the step back), where the answer can be changed."""
    msid = ws.memberships["王小明🌟"]
    panel.set_membership(msid)
    panel.tabs.setCurrentIndex(1)
    item = panel.steps_list.item(0)
    assert item.checkState() == Qt.CheckState.Checked and "“想早起”" in item.text()
    assert item.toolTip().startswith("想早起")
    rect = panel.steps_list.visualItemRect(item)
    qtbot.mouseClick(panel.steps_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = panel.step_record_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.answer_edit.toPlainText() == "想早起"
    assert panel.steps_list.item(0).checkState() == Qt.CheckState.Checked  # clicking the name kept the step
    dialog.answer_edit.selectAll()
    type_text(qtbot, dialog.answer_edit, "想早起，顺便读书")
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "“想早起，顺便读书”" in panel.steps_list.item(0).text())
    assert any(t.endswith(": 想早起，顺便读书") for t in panel.timeline_texts())


def test_the_box_of_a_done_step_still_takes_it_back_without_opening_anything(qtbot, panel, ws):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    msid = ws.memberships["王小明🌟"]
    panel.set_membership(msid)
    panel.tabs.setCurrentIndex(1)
    view = panel.steps_list
    item = view.item(0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(box.center().x(), box.center().y()))
    qtbot.waitUntil(lambda: panel.steps_list.item(0).checkState() == Qt.CheckState.Unchecked)
    assert panel.step_record_dialog is None


def test_enter_gives_the_reason_and_shift_enter_starts_a_new_line(qtbot, panel, ws):
    """In "Mark left…" Enter wrote a new line into the reason: from the keyboard only Tab, then Enter on the
    button, gave it. Now Enter marks the member left (once a reason is typed); Shift+Enter is a new line."""
    msid = ws.memberships["李四"]
    panel.set_membership(msid)
    prompt = panel.mark_left()
    qtbot.keyClick(prompt.text_edit, Qt.Key.Key_Return)  # no reason yet: nothing happens
    assert prompt.isVisible() and prompt.text_edit.toPlainText() == ""
    type_text(qtbot, prompt.text_edit, "搬家了")
    qtbot.keyClick(prompt.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, prompt.text_edit, "换了城市")
    assert prompt.text_edit.toPlainText() == "搬家了\n换了城市"
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(prompt.text_edit, Qt.Key.Key_Return)
    with ws.database.session() as s:
        ms = s.get(Membership, msid)
        assert (ms.status, ms.left_reason) == ("left", "搬家了\n换了城市")
