"""Paste-ready texts in the window (issue 16): each page's copy button puts its text on the clipboard, a text too
long for one message opens the preview where each message has its own copy button, nothing to post says why;
the group profile's 文案模板 tab refuses an unknown placeholder by name and saves a good template."""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.services.checkins import record_checkins
from desktop.services.points import adjust_points
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import LIMIT, template_for
from tests.fixed_day import TEST_TODAY
from ui.dialogs.group_profile_dialog import TAB_TEXTS, GroupProfileDialog
from ui.dialogs.text_preview_dialog import TextPreviewDialog
from ui.pages.checkins_page import CheckinsPage

# offscreen cannot raise the tooltip that says why there is nothing to post; real platforms can
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints\(\)|raise\(\))")


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        # a group nickname, as the group sees 李四
        from sqlalchemy import update

        from models import Membership

        s.execute(
            update(Membership).where(Membership.id == workspace.memberships["李四"]).values(group_nickname="北京-李四")
        )
        s.commit()
    yield workspace
    close_workspace(workspace)


def _clipboard() -> str:
    return QGuiApplication.clipboard().text()


def _checkins_page(qtbot, ws):
    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(ws.group_id)
    return page


def test_the_reminder_button_copies_who_has_not_checked_in(qtbot, ws):
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TEST_TODAY, [ws.memberships["张三"]])
        s.commit()
    page = _checkins_page(qtbot, ws)
    QGuiApplication.clipboard().setText("something else")
    with qtbot.waitSignal(page.reminder_button.copied, timeout=5000):
        qtbot.mouseClick(page.reminder_button, Qt.MouseButton.LeftButton)
    text = _clipboard()
    assert text.startswith(f"📣 {TEST_TODAY.month}月{TEST_TODAY.day}日")
    assert "@张珊" in text and "@北京-李四" in text  # the group nickname, as the group sees him
    assert "张三" not in text and "王小明" not in text  # checked in; an applicant
    assert "138" not in text  # no phone number


def test_nothing_to_post_is_said_not_copied(qtbot, ws):
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TEST_TODAY, [ws.memberships[n] for n in ("张三", "张珊", "李四")])
        s.commit()
    page = _checkins_page(qtbot, ws)
    QGuiApplication.clipboard().setText("unchanged")
    with qtbot.waitSignal(page.reminder_button.message, timeout=5000) as said:
        page.reminder_button.click()
    assert "everyone" in said.args[0].lower() or "所有人" in said.args[0]
    assert _clipboard() == "unchanged"


def test_a_long_text_opens_the_preview_with_one_copy_button_per_message(qtbot, ws):
    with ws.database.session() as s:
        for i in range(200):
            add_member(
                s, ws.owner, ws.group_id, MemberInput(display_name=f"成员{i:03d}", joined_at=datetime(2024, 3, 1))
            )
        s.commit()
    page = _checkins_page(qtbot, ws)
    page.reminder_button.click()
    dialog = page.reminder_button.last_dialog
    assert isinstance(dialog, TextPreviewDialog) and dialog.isVisible()
    n = len(dialog.edits)
    assert n >= 3 and all(len(dialog.part_text(i)) <= LIMIT for i in range(n))
    qtbot.mouseClick(dialog.copy_buttons[1], Qt.MouseButton.LeftButton)
    assert _clipboard() == dialog.part_text(1) and _clipboard().endswith(f"（2/{n}）")
    assert dialog.copy_buttons[2].isDefault()  # the next message is next
    # an edit is what gets copied
    dialog.edits[0].setPlainText("改过的第一条")
    qtbot.mouseClick(dialog.copy_buttons[0], Qt.MouseButton.LeftButton)
    assert _clipboard() == "改过的第一条"
    dialog.close()


def test_the_preview_action_opens_an_editable_preview(qtbot, ws):
    page = _checkins_page(qtbot, ws)
    page.reminder_button.preview_action.trigger()
    dialog = page.reminder_button.last_dialog
    assert dialog is not None and len(dialog.edits) == 1
    assert "@张珊" in dialog.part_text(0)
    dialog.close()


def test_leaderboard_summary_welcome_buttons(qtbot, ws):
    from ui.pages.dashboard_page import DashboardPage
    from ui.pages.onboarding_page import OnboardingPage
    from ui.pages.points_page import PointsPage
    from ui.task_runner import InlineTaskRunner
    from ui.widgets.member_panel import MemberPanel

    with ws.database.session() as s:
        adjust_points(
            s, ws.owner, ws.memberships["李四"], 12, "分享", day=TEST_TODAY
        )  # this month on any day, the 1st too
        s.commit()
    points = PointsPage(ws.database, ws.owner)
    qtbot.addWidget(points)
    points.show()
    points.set_group(ws.group_id)
    with qtbot.waitSignal(points.leaderboard_text_button.copied, timeout=5000):
        points.leaderboard_text_button.click()
    assert "积分榜" in _clipboard() and "🥇 北京-李四 12分" in _clipboard()

    dashboard = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TEST_TODAY)
    qtbot.addWidget(dashboard)
    dashboard.set_group(ws.group_id)
    dashboard.show()
    assert dashboard.summary_text_button.isVisible()
    with qtbot.waitSignal(dashboard.summary_text_button.copied, timeout=5000):
        dashboard.summary_text_button.click()
    assert _clipboard().startswith("📊 早起打卡营") and "小结" in _clipboard()
    dashboard.set_group(None)
    assert not dashboard.summary_text_button.isVisible()  # the overview of all groups has no summary

    onboarding = OnboardingPage(ws.database, ws.owner, today=TEST_TODAY)
    qtbot.addWidget(onboarding)
    onboarding.show()
    onboarding.set_group(ws.group_id)
    row = onboarding.model.row_of_membership(ws.memberships["王小明🌟"])
    onboarding.table.selectRow(row)
    with qtbot.waitSignal(onboarding.welcome_button.copied, timeout=5000):
        onboarding.welcome_button.click()
    assert _clipboard().startswith("🎉 欢迎 @王小明🌟 加入「早起打卡营」") and "还需要完成" in _clipboard()

    panel = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_membership(ws.memberships["张珊"])
    assert panel.welcome_button.isEnabled()
    with qtbot.waitSignal(panel.welcome_button.copied, timeout=5000):
        panel.welcome_button.click()
    assert "欢迎 @张珊" in _clipboard()


def test_the_template_editor_refuses_an_unknown_placeholder_and_saves_a_good_one(qtbot, ws):
    dialog = GroupProfileDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(TAB_TEXTS)
    editor = dialog.texts_editor
    editor.select_kind("reminder")
    editor.edit.setPlainText("⏰ 还差 $count 人：$nmae")
    editor.update_preview()
    assert editor.error_label.isVisible() and "$nmae" in editor.error_label.text()
    dialog.save()
    assert dialog.isVisible() and dialog.tabs.currentIndex() == TAB_TEXTS  # refused: stays open on the tab
    assert "$nmae" in dialog.error_label.text()
    with ws.database.session() as s:
        assert "⏰" not in template_for(s, ws.group_id, "reminder")  # nothing saved
    # the list beside the editor inserts a placeholder
    editor.edit.setPlainText("⏰ $date 还差 $count 人：\n")
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    item = next(
        editor.placeholder_list.item(i)
        for i in range(editor.placeholder_list.count())
        if editor.placeholder_list.item(i).data(Qt.ItemDataRole.UserRole) == "names"
    )
    editor._insert_placeholder(item)
    assert editor.edit.toPlainText().endswith("$names")
    editor.update_preview()
    assert not editor.error_label.isVisible() and editor.preview.toPlainText().startswith("⏰ ")
    with qtbot.waitSignal(dialog.profile_saved, timeout=5000):
        dialog.save()
    with ws.database.session() as s:
        assert template_for(s, ws.group_id, "reminder") == "⏰ $date 还差 $count 人：\n$names"
    page = _checkins_page(qtbot, ws)
    with qtbot.waitSignal(page.reminder_button.copied, timeout=5000):
        page.reminder_button.click()
    assert _clipboard().startswith(f"⏰ {TEST_TODAY.month}月{TEST_TODAY.day}日 还差 3 人：\n@")


def test_an_assistant_reads_the_templates_but_cannot_change_them(qtbot, ws):
    dialog = GroupProfileDialog(ws.database, ws.assistant, ws.group_id)
    qtbot.addWidget(dialog)
    assert dialog.texts_editor.edit.isReadOnly()
    assert not dialog.save_button.isEnabled()
