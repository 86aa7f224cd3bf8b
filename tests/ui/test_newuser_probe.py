"""A new organiser's first week in the window: what an empty workspace and a group set up this month show."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings, make_workspace, type_text

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from ui.pages.dashboard_page import DashboardPage
from ui.pages.roster_page import RosterPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: the group is set up on 1 December 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _group_with_a_first_day(ws, name: str) -> int:
    """Two members who joined in late November (before QunDesk) and checked in on 1 December."""
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, name)
        ids = [
            add_member(s, ws.owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 11, 28)))[1]
            for n in ("张三", "李四")
        ]
        record_checkins(s, ws.owner, gid, TODAY, ids, today=TODAY)
        s.commit()
    return gid


def test_a_group_set_up_this_month_has_no_last_month_rate_to_beat(qtbot, tmp_path):
    """早起打卡营 was set up on 1 December with a roster whose members joined on 28 November; nothing of
    November was recorded. The check-in card read "上月 0.0% ▲100.0" in green — a rise against a month nobody
    measured. It reads "上月 –" now, with no arrow."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    gid = _group_with_a_first_day(ws, "冬日早起营")
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    card = p.cards["checkin_rate"]
    assert card.value_label.text() == "100.0%"
    assert card.sub_label.text() == "Last month –"
    assert card.sub_label.property("tone") in ("", None)
    assert p.cards["activities"].sub_label.text() == "Last month –"
    ws.database.dispose()


def test_a_group_set_up_before_this_month_compares_with_its_empty_last_month(qtbot, tmp_path, monkeypatch):
    """A group QunDesk kept in November whose members checked in not once that month did have a 0% November:
    the comparison stays."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-27")
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "十一月的老群")
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    with ws.database.session() as s:
        ids = [
            add_member(s, ws.owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 11, 28)))[1]
            for n in ("张三", "李四")
        ]
        record_checkins(s, ws.owner, gid, TODAY, ids, today=TODAY)
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    assert p.cards["checkin_rate"].sub_label.text() == "Last month 0.0% ▲100.0"
    ws.database.dispose()


def test_an_empty_workspace_roster_says_to_create_a_group_first(qtbot, tmp_path):
    """ "从空白开始" opens the roster of no group at all, which said "点‘添加成员’加入第一位吧" — and the member form
    that button opens refuses to save without a group, after the name is typed. The empty roster now says to
    create a group first (and where); once a group exists, its empty roster says "Add member" again."""
    isolate_settings(tmp_path)
    database = open_workspace(tmp_path / "empty.sqlite", backup_dir=tmp_path / "backups")
    owner = actor_for(database)
    page = RosterPage(database, owner)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_group(None)
    qtbot.waitUntil(lambda: page.empty_label.isVisible())
    assert page.model.total == 0
    assert page.empty_label.text().startswith("No groups yet. Create the first one with File ▸ New group…")
    with database.session() as s:
        gid = create_group(s, owner, "第一个群")
        s.commit()
    page.set_group(gid)
    qtbot.waitUntil(lambda: page.empty_label.text().startswith("No members here yet"))
    page.set_group(None)  # all groups, with one (empty) group: add its members
    qtbot.waitUntil(lambda: page.empty_label.text().startswith("No members here yet"))
    database.dispose()


def _sign_up_dialog(qtbot, ws):
    from desktop.services.participation import ActivityInput, create_activity
    from ui.dialogs.attendance_paste_dialog import COL_RESULT, AttendancePasteDialog

    with ws.database.session() as s:
        aid = create_activity(
            s, ws.owner, ws.group_id, ActivityInput(title="晨读会", starts_at=datetime(2026, 12, 2, 10, 0))
        )
        s.commit()
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "晨读会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙\n周三晨读会报名\n1. 张三\n2. 赵大海\n3. 王小明\n")
    row = next(r for r, m in enumerate(dialog.matches) if m.line.line_no == 5)
    return dialog, dialog.table.item(row, COL_RESULT).text()


def test_a_sign_up_from_an_applicant_says_why_in_the_window_language_and_is_counted(qtbot, ws, monkeypatch):
    """A sign-up chain naming 王小明, who has only applied: the Chinese window's row read "王小明🌟: 申请中
    (applicant, not a member yet)" — English in the Chinese UI — and the summary "已匹配 1，待选择 0，不在群里 1"
    counted the unknown 赵大海 but not him: three lines, two counted. Now the row speaks the window's language
    and the summary counts both as not in the group."""
    from PySide6.QtCore import QCoreApplication

    from ui.messages import LANGUAGE_PROPERTY

    dialog, why = _sign_up_dialog(qtbot, ws)
    assert why == "王小明🌟: Applicant, not a member yet"
    assert "1 matched, 0 to choose, 2 not in the group, 0 repeated." in dialog.summary_label.text()
    app = QCoreApplication.instance()
    before = app.property(LANGUAGE_PROPERTY)
    app.setProperty(LANGUAGE_PROPERTY, "zh_CN")
    try:
        _dialog, why = _sign_up_dialog(qtbot, ws)
    finally:
        app.setProperty(LANGUAGE_PROPERTY, before)
    assert why == "王小明🌟: 申请中"


def test_the_reports_page_says_when_a_month_predates_the_group(qtbot, tmp_path, monkeypatch):
    """The Reports page opens at the last complete month (a deliberate default): for 冬日早起营, set up on
    1 December, that is November, whose workbook read 打卡率 0.0% and a member "silent" with nothing saying those
    zeros were never measured. The page now says so under the month; December, or a group set up in November,
    says nothing."""
    from ui.pages.reports_page import ReportsPage

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    gid = _group_with_a_first_day(ws, "冬日早起营")
    page = ReportsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.group_list.count() == 4)
    page.set_group(gid)
    assert page.selected_month() == (2026, 11)
    assert page.month_note.isVisible()
    assert page.month_note.text().startswith("冬日早起营 was set up in QunDesk after this month")
    page.set_month(2026, 12)
    assert page.month_note.isHidden()
    page.set_month(2026, 11)
    page.set_group(None)  # all groups: the ones set up after November are named
    assert "冬日早起营" in page.month_note.text()
    ws.database.dispose()


def test_quick_entry_of_an_applicant_says_why_in_the_window_language(qtbot, ws):
    """Quick entry of 王小明, who has only applied: the Chinese window read "「王小明」不是本群成员：王小明🌟: 申请中
    (applicant, not a member yet)". The reason is in the window's language now, the name kept."""
    from PySide6.QtCore import QCoreApplication, Qt

    from ui.messages import LANGUAGE_PROPERTY
    from ui.pages.checkins_page import CheckinsPage

    def typed() -> str:
        page = CheckinsPage(ws.database, ws.owner)
        qtbot.addWidget(page)
        page.resize(1100, 720)
        page.show()
        page.set_group(ws.group_id)
        type_text(qtbot, page.quick_edit, "王小明")
        qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "王小明🌟" in page.quick_status.text())
        return page.quick_status.text()

    assert typed().endswith("王小明🌟: Applicant, not a member yet")
    app = QCoreApplication.instance()
    before = app.property(LANGUAGE_PROPERTY)
    app.setProperty(LANGUAGE_PROPERTY, "zh_CN")
    try:
        text = typed()
    finally:
        app.setProperty(LANGUAGE_PROPERTY, before)
    assert text.endswith("王小明🌟: 申请中")
