"""ActivitiesPage as an assistant uses it: create an activity (series with its next edition), tick who
attended (points land in the ledger, unticking reverses them), paste a sign-up chain with decisions,
record contributions and violations (the third in 90 days flags the member) and remove one (reversal)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import type_text
from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from desktop.services.activities_queries import (
    attendance_sheet,
    list_activities,
    recent_contributions,
    recent_violations,
)
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.points import balance
from desktop.services.points_queries import ledger_of
from tests.fixed_day import TEST_TODAY
from ui.models.participation_models import (
    ATT_ATTENDED,
    ATT_NAME,
    ATT_STATUS,
    ActivityTableModel,
    AttendanceTableModel,
    ContributionTableModel,
    ViolationTableModel,
)
from ui.pages.activities_page import ActivitiesPage

# The member picker's pop-up is a real popup window: the offscreen platform cannot raise it or grab the keyboard
# for it and says so; real platforms do. Ignore exactly those lines (and the helpers' size-hint one).
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)

ROOT = Path(__file__).resolve().parents[2]


def this_month_at(hour: int) -> datetime:
    """A time today (so the activity is in the month the page opens on)."""
    return datetime.combine(TEST_TODAY, datetime.min.time()).replace(hour=hour)


def add_activity(ws, title="读书分享会", *, online=True, series=None) -> int:
    with ws.database.session() as s:
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(
                title=title, kind="knowledge_share", starts_at=this_month_at(20), online=online, series=series
            ),
        )
        s.commit()
    return aid


def open_page(qtbot, ws, actor=None) -> ActivitiesPage:
    page = ActivitiesPage(ws.database, actor or ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    return page


def status_of(ws, activity_id: int, name: str) -> str | None:
    with ws.database.session() as s:
        sheet = {a.membership_id: a.status for a in attendance_sheet(s, ws.group_id, activity_id)}
    return sheet.get(ws.memberships[name])


def check_indicator_pos(table, index) -> QPoint:
    """Where the check box of a cell is drawn (asked from the style, as the delegate does)."""
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    option.features = QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    return rect.center()


def test_page_is_empty_until_a_group_is_chosen(qtbot, ws):
    page = ActivitiesPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    assert page.stack.currentIndex() == 0
    assert "Choose a group" in page.empty_label.text()
    page.set_group(ws.group_id)
    assert page.stack.currentIndex() == 1
    assert page.count_label.text().startswith("0 ")


def test_create_an_activity_through_the_dialog(qtbot, ws):
    page = open_page(qtbot, ws)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "New activity"

    # no title: the message stands next to the field and nothing is written
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "title" in dialog.error_text("title").lower()
    with ws.database.session() as s:
        assert list_activities(s, ws.group_id) == []

    type_text(qtbot, dialog.title_edit, "早起心得分享")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("knowledge_share"))
    type_text(qtbot, dialog.series_combo.lineEdit(), "周五夜话")
    assert dialog.edition_spin.value() == 1  # the first edition of a new series
    dialog.starts_edit.setDateTime(QDateTime(this_month_at(19)))
    assert dialog.ends_edit.dateTime() > dialog.starts_edit.dateTime()
    qtbot.mouseClick(dialog.offline_radio, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.place_edit, "星巴克（人民广场店）")
    dialog.capacity_spin.setValue(20)
    type_text(qtbot, dialog.hosts_edit, "张三, 李四")
    with qtbot.waitSignal(dialog.activity_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    aid = saved.args[0]

    with ws.database.session() as s:
        rows = list_activities(s, ws.group_id)
    assert len(rows) == 1
    row = rows[0]
    assert (row.id, row.title, row.kind, row.series, row.edition) == (
        aid,
        "早起心得分享",
        "knowledge_share",
        "周五夜话",
        1,
    )
    assert row.starts_at == this_month_at(19) and row.ends_at == this_month_at(20)
    assert (row.online, row.place, row.capacity, row.hosts) == (False, "星巴克（人民广场店）", 20, "张三, 李四")

    # the page shows it, selected, with the members ready for attendance
    assert page.activity_model.rowCount() == 1
    assert page.selected_activity().id == aid
    assert page.activity_model.index(0, 3).data() == "周五夜话 No. 1"
    assert page.activity_model.index(0, 4).data() == "星巴克（人民广场店）"
    assert page.attendance_model.rowCount() == 3  # the group's three members (the applicant is not one)
    assert "早起心得分享" in page.attendance_title.text()

    # the next activity of the series gets the next edition
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    second = page.active_dialog
    type_text(qtbot, second.title_edit, "第二次夜话")
    second.series_combo.setCurrentIndex(second.series_combo.findText("周五夜话"))
    assert second.edition_spin.value() == 2
    with qtbot.waitSignal(second.activity_saved):
        qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert sorted(r.edition for r in list_activities(s, ws.group_id)) == [1, 2]


def test_edit_an_activity_and_a_bad_end_time(qtbot, ws):
    aid = add_activity(ws, series="晨读", title="晨读会")
    page = open_page(qtbot, ws)
    assert page.select_activity(aid)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog.title_edit.text() == "晨读会"
    assert dialog.edition_spin.value() == 1
    dialog.ends_edit.setDateTime(dialog.starts_edit.dateTime().addSecs(-3600))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_text("ends_at")  # next to the end field
    dialog.ends_edit.setDateTime(dialog.starts_edit.dateTime().addSecs(5400))
    dialog.title_edit.clear()
    type_text(qtbot, dialog.title_edit, "晨读会（加长版）")
    with qtbot.waitSignal(dialog.activity_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        row = list_activities(s, ws.group_id)[0]
    assert row.title == "晨读会（加长版）" and row.edition == 1
    assert row.ends_at - row.starts_at == timedelta(minutes=90)
    assert page.activity_model.index(0, 1).data() == "晨读会（加长版）"


def test_ticking_attendance_writes_points_and_unticking_reverses_them(qtbot, ws):
    aid = add_activity(ws, online=True)
    page = open_page(qtbot, ws)
    zs = ws.memberships["张三"]
    row = page.attendance_row(zs)
    index = page.attendance_proxy.index(row, ATT_ATTENDED)
    page.attendance_table.scrollTo(index)
    qtbot.mouseClick(
        page.attendance_table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=check_indicator_pos(page.attendance_table, index),
    )
    assert status_of(ws, aid, "张三") == "attended"
    assert page.attendance_proxy.index(row, ATT_STATUS).data() == "Attended"
    assert page.attendance_counts.text().startswith("1 signed up · 1 attended")
    assert page.activity_model.index(0, 7).data() == "1"  # the activity row's attended count
    with ws.database.session() as s:
        entries = ledger_of(s, zs, 10)
        assert [(e.points, e.source_kind) for e in entries] == [(3, "attendance")]  # online activity +3
        assert balance(s, zs) == 3

    # keyboard: Space on the selected row unticks it again: a reversing entry, the row stays registered
    page.attendance_table.setFocus()
    page.attendance_table.setCurrentIndex(page.attendance_proxy.index(row, ATT_NAME))
    qtbot.keyClick(page.attendance_table, Qt.Key.Key_Space)
    assert status_of(ws, aid, "张三") == "registered"
    with ws.database.session() as s:
        assert [(e.points, e.source_kind) for e in ledger_of(s, zs, 10)] == [(-3, "reversal"), (3, "attendance")]
        assert balance(s, zs) == 0


def test_status_and_role_combos_and_mark_all(qtbot, ws):
    aid = add_activity(ws, online=False)
    with ws.database.session() as s:
        for name in ("张三", "张珊"):
            set_attendance(s, ws.owner, aid, ws.memberships[name], "registered")
        s.commit()
    page = open_page(qtbot, ws)
    assert page.attendance_counts.text().startswith("2 signed up · 0 attended")

    # the status combo: 李四 excused
    ls = page.attendance_row(ws.memberships["李四"])
    index = page.attendance_proxy.index(ls, ATT_STATUS)
    page.attendance_table.setCurrentIndex(index)
    page.attendance_table.edit(index)
    combo = page.attendance_table.indexWidget(index) or page.attendance_table.focusWidget()
    combo.setCurrentIndex(combo.findData("excused"))
    combo.activated.emit(combo.currentIndex())
    assert status_of(ws, aid, "李四") == "excused"

    # 张三 speaks: the role combo
    assert page.set_member_status(ws.memberships["张三"], "registered", role="speaker")

    # signed-up filter and name filter
    page.signed_up_check.setChecked(True)
    assert page.attendance_proxy.rowCount() == 3
    type_text(qtbot, page.attendance_search, "张")
    assert page.attendance_proxy.rowCount() == 2
    page.attendance_search.clear()
    page.signed_up_check.setChecked(False)

    qtbot.mouseClick(page.mark_all_button, Qt.MouseButton.LeftButton)
    assert status_of(ws, aid, "张三") == "attended"
    assert status_of(ws, aid, "张珊") == "attended"
    assert status_of(ws, aid, "李四") == "excused"  # not registered: left alone
    with ws.database.session() as s:
        assert balance(s, ws.memberships["张三"]) == 10 + 5  # offline +10, speaker +5
        assert balance(s, ws.memberships["张珊"]) == 10
    assert not page.mark_all_button.isEnabled()  # nobody is merely registered now


SIGNUP_CHAIN = """#接龙
周五夜话报名
例 张小明 带电脑

1. 张三
2. 李四 🌟
3. Lee
4. 张
5. 赵六
6. 张三
"""


def test_paste_a_signup_chain(qtbot, ws):
    aid = add_activity(ws, online=True)
    page = open_page(qtbot, ws)
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    dialog.set_text(SIGNUP_CHAIN)
    names = [m.line.name for m in dialog.matches]
    statuses = [m.status for m in dialog.matches]
    assert names == ["张三", "李四", "Lee", "张", "赵六", "张三"]
    # Lee is 李四's nickname: the same person as line 2, so a repeat
    assert statuses == ["matched", "matched", "duplicate", "ambiguous", "unmatched", "duplicate"]
    assert "1 line(s) still need a decision" in dialog.summary_label.text()  # (no catalogue in tests)
    assert not dialog.apply_button.isEnabled()  # the ambiguous 张 must be decided first

    dialog.choose(3, ws.memberships["张珊"])
    dialog.choose(4, new=True)  # 赵六 joins as a new member
    assert dialog.apply_button.isEnabled()
    assert dialog.registered_radio.isChecked()
    with qtbot.waitSignal(page.data_changed):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    outcome = dialog.outcome
    assert (outcome.written, outcome.added_members, outcome.skipped) == (4, 1, 0)
    for name in ("张三", "李四", "张珊"):
        assert status_of(ws, aid, name) == "registered"
    with ws.database.session() as s:
        sheet = {a.display_name: a.status for a in attendance_sheet(s, ws.group_id, aid)}
    assert sheet["赵六"] == "registered"
    assert page.attendance_counts.text().startswith("4 signed up")

    # the same chain again, now as attended: everyone moves on, no one is added twice
    dialog = page.open_paste_dialog()
    dialog.set_text(SIGNUP_CHAIN.replace("5. 赵六", "5. 赵六"))
    assert [m.status for m in dialog.matches][4] == "matched"  # 赵六 is a member now
    dialog.choose(3, ws.memberships["张珊"])
    qtbot.mouseClick(dialog.attended_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.written == 4 and dialog.outcome.added_members == 0
    with ws.database.session() as s:
        assert all(a.status == "attended" for a in attendance_sheet(s, ws.group_id, aid) if a.status)
        assert balance(s, ws.memberships["张三"]) == 3

    # and once more: idempotent, nothing written, no points twice
    dialog = page.open_paste_dialog()
    dialog.set_text(SIGNUP_CHAIN)
    dialog.choose(3, ws.memberships["张珊"])
    dialog.choose(4, skip=True)
    qtbot.mouseClick(dialog.attended_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.written == 0 and dialog.outcome.unchanged == 3 and dialog.outcome.skipped == 1
    with ws.database.session() as s:
        assert balance(s, ws.memberships["张三"]) == 3


def test_registered_paste_never_takes_back_attendance(qtbot, ws):
    aid = add_activity(ws)
    with ws.database.session() as s:
        set_attendance(s, ws.owner, aid, ws.memberships["李四"], "attended")
        s.commit()
    page = open_page(qtbot, ws)
    dialog = page.open_paste_dialog()
    dialog.set_text("1. 李四\n2. 张三")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert status_of(ws, aid, "李四") == "attended"
    assert status_of(ws, aid, "张三") == "registered"


def pick(qtbot, picker, text: str) -> None:
    picker.setFocus()
    type_text(qtbot, picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)


def test_member_picker_finds_by_pinyin_initials(qtbot, ws):
    page = open_page(qtbot, ws)
    picker = page.violation_picker
    assert [c.display_name for c in picker.suggestions("zs")] == ["张三", "张珊"]
    assert [c.display_name for c in picker.suggestions("Lee")] == ["李四"]
    pick(qtbot, picker, "zs")  # two candidates: Enter chooses nobody
    assert picker.membership_id is None
    picker.clear()
    pick(qtbot, picker, "lisi_wx")
    assert picker.membership_id == ws.memberships["李四"]
    assert picker.text() == "李四（Lee）"


def test_three_violations_flag_the_member(qtbot, ws):
    page = open_page(qtbot, ws)
    page.tabs.setCurrentIndex(1)
    ls = ws.memberships["李四"]
    for i, kind in enumerate(("flood", "ad", "off_topic")):
        pick(qtbot, page.violation_picker, "李四")
        assert page.violation_picker.membership_id == ls
        page.violation_kind.setCurrentIndex(page.violation_kind.findData(kind))
        page.violation_action.setCurrentIndex(page.violation_action.findData("mute" if i == 2 else "warning"))
        page.violation_date.setDate(TEST_TODAY - timedelta(days=10 * (2 - i)))
        type_text(qtbot, page.violation_note, f"第{i + 1}次")
        qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)
        if i < 2:
            assert page.flag_label.isHidden()
            assert page.violation_done.text() == "Recorded: 李四 — " + ("Flooding" if i == 0 else "Advertising")
    assert page.flag_label.isVisible()
    assert "李四: this member has 3 violations within 90 days" in page.flag_label.text()
    with ws.database.session() as s:
        assert [(v.kind, v.action) for v in recent_violations(s, ws.group_id)] == [
            ("off_topic", "mute"),
            ("ad", "warning"),
            ("flood", "warning"),
        ]
        assert balance(s, ls) == -30
    assert page.violation_model.rowCount() == 3
    assert page.violation_model.index(0, 3).data() == "Mute"


def test_flag_message_reads_naturally_in_chinese():
    root = ET.parse(ROOT / "resources" / "translations" / "activities_zh_CN.ts").getroot()
    found = {m.findtext("source"): m.findtext("translation") for m in root.iter("message")}
    source = "⚠ %1: this member has %3 violations within %2 days. Consider a mute or removal."
    assert "该成员 %2 天内已违规 %3 次" in found[source]


def test_a_violation_needs_a_member(qtbot, ws):
    page = open_page(qtbot, ws)
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)
    assert page.violation_error.isVisible()
    with ws.database.session() as s:
        assert recent_violations(s, ws.group_id) == []


def test_remove_a_contribution_writes_a_reversal(qtbot, ws):
    page = open_page(qtbot, ws)
    page.tabs.setCurrentIndex(1)
    zs = ws.memberships["张三"]
    pick(qtbot, page.contribution_picker, "三哥")
    page.contribution_kind.setCurrentIndex(page.contribution_kind.findData("share"))
    type_text(qtbot, page.contribution_title, "我的早起清单")
    qtbot.keyClicks(page.contribution_link, "https://example.com/list")
    qtbot.mouseClick(page.add_contribution_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        rows = recent_contributions(s, ws.group_id)
        assert [(r.display_name, r.kind, r.title, r.link) for r in rows] == [
            ("张三", "share", "我的早起清单", "https://example.com/list")
        ]
        assert balance(s, zs) == 5
    assert page.contribution_model.rowCount() == 1
    assert page.contribution_model.index(0, 3).data() == "我的早起清单 · https://example.com/list"
    assert page.contribution_picker.membership_id is None  # the form is ready for the next one

    asked = []
    page.confirm_remove = lambda text: asked.append(text) or False
    page.contribution_table.selectRow(0)
    qtbot.mouseClick(page.remove_contribution_button, Qt.MouseButton.LeftButton)
    assert asked and "张三" in asked[0]
    assert page.contribution_model.rowCount() == 1  # said no: nothing removed

    page.confirm_remove = lambda text: True
    qtbot.mouseClick(page.remove_contribution_button, Qt.MouseButton.LeftButton)
    assert page.contribution_model.rowCount() == 0
    with ws.database.session() as s:
        assert recent_contributions(s, ws.group_id) == []
        entries = ledger_of(s, zs, 10)
        assert [(e.points, e.source_kind) for e in entries] == [(-5, "reversal"), (5, "contribution")]
        assert entries[0].reverses_id == entries[1].id
        assert balance(s, zs) == 0


def test_remove_a_violation_gives_the_points_back(qtbot, ws):
    page = open_page(qtbot, ws)
    page.tabs.setCurrentIndex(1)
    pick(qtbot, page.violation_picker, "张珊")
    qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)
    page.confirm_remove = lambda text: True
    page.violation_table.selectRow(0)
    qtbot.mouseClick(page.remove_violation_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert recent_violations(s, ws.group_id) == []
        assert balance(s, ws.memberships["张珊"]) == 0


def test_month_picker_filters_activities(qtbot, ws):
    add_activity(ws, title="本月活动")
    with ws.database.session() as s:
        create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="上月活动", starts_at=this_month_at(9) - timedelta(days=40)),
        )
        s.commit()
    page = open_page(qtbot, ws)
    assert [r.title for r in page.activity_model.rows] == ["本月活动"]
    page.month_picker.step(-1)
    page.month_picker.step(-1)
    titles = [r.title for r in page.activity_model.rows]
    page.month_picker.step(1)
    titles += [r.title for r in page.activity_model.rows]
    assert titles.count("上月活动") == 1  # 40 days back is in one of the two previous months
    assert page.attendance_model.rowCount() in (0, 3)


def test_models_pass_the_model_tester(qtbot, qtmodeltester, ws):
    aid = add_activity(ws, series="晨读")
    with ws.database.session() as s:
        set_attendance(s, ws.owner, aid, ws.memberships["张三"], "attended", "host")
        s.commit()
    page = open_page(qtbot, ws)
    page.tabs.setCurrentIndex(1)
    pick(qtbot, page.contribution_picker, "张三")
    qtbot.mouseClick(page.add_contribution_button, Qt.MouseButton.LeftButton)
    pick(qtbot, page.violation_picker, "李四")
    qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)
    for model in (page.activity_model, page.attendance_model, page.contribution_model, page.violation_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    for cls in (ActivityTableModel, AttendanceTableModel, ContributionTableModel, ViolationTableModel):
        qtmodeltester.check(cls())


def _activity_then_li_si_left(ws) -> int:
    """An activity three days ago; 李四 (a member since October) left the day before yesterday."""
    from sqlalchemy import update

    from desktop.services.onboarding import leave_group
    from models import Membership

    day = TEST_TODAY - timedelta(days=3)
    with ws.database.session() as s:
        s.execute(
            update(Membership).where(Membership.id == ws.memberships["李四"]).values(joined_at=datetime(2026, 10, 1, 9))
        )
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="线下读书会", starts_at=datetime.combine(day, datetime.min.time()).replace(hour=19)),
        )
        leave_group(
            s,
            ws.owner,
            ws.memberships["李四"],
            "搬家",
            when=datetime.combine(day + timedelta(days=1), datetime.min.time()).replace(hour=12),
        )
        s.commit()
    return aid


def test_someone_who_came_and_has_left_since_can_still_be_ticked(qtbot, ws):
    """李四 came to an activity and left the group two days later: the sheet still lists him (he was a member on
    the activity's day) and ticking him writes his points. Before, he was missing from the sheet."""
    aid = _activity_then_li_si_left(ws)
    page = open_page(qtbot, ws)
    day = TEST_TODAY - timedelta(days=3)  # the activity's month: the last one on a suite day of the 1st to the 3rd
    page.month_picker.set_month(day.year, day.month)
    assert page.select_activity(aid)
    ls = ws.memberships["李四"]
    row = page.attendance_row(ls)
    assert row is not None and row >= 0
    index = page.attendance_proxy.index(row, ATT_ATTENDED)
    page.attendance_table.scrollTo(index)
    qtbot.mouseClick(
        page.attendance_table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=check_indicator_pos(page.attendance_table, index),
    )
    assert status_of(ws, aid, "李四") == "attended"
    with ws.database.session() as s:
        assert balance(s, ls) == 3


def test_a_sign_up_chain_names_someone_who_has_left_since(qtbot, ws):
    """The chain of that activity names 李四 exactly: the line offers him, a member on the activity's day, first
    (before, it could only be skipped or given to someone else)."""
    aid = _activity_then_li_si_left(ws)
    page = open_page(qtbot, ws)
    day = TEST_TODAY - timedelta(days=3)  # the activity's month: the last one on a suite day of the 1st to the 3rd
    page.month_picker.set_month(day.year, day.month)
    assert page.select_activity(aid)
    dialog = page.open_paste_dialog()
    dialog.set_text("#接龙\n周六线下分享\n1. 张三\n2. 李四")
    assert [(m.status, m.reason) for m in dialog.matches] == [("matched", None), ("not_member", None)]
    assert dialog.decision(1) == ("member", ws.memberships["李四"])
    qtbot.mouseClick(dialog.attended_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.written == 2
    assert status_of(ws, aid, "李四") == "attended" and status_of(ws, aid, "张三") == "attended"
    # someone who left before the activity is not offered: only skip or another member
    with ws.database.session() as s:
        late = create_activity(s, ws.owner, ws.group_id, ActivityInput(title="周日夜话", starts_at=this_month_at(20)))
        s.commit()
    page.set_group(ws.group_id)
    page.month_picker.set_month(TEST_TODAY.year, TEST_TODAY.month)  # today's month, where the new activity is
    assert page.select_activity(late)
    dialog = page.open_paste_dialog()
    dialog.set_text("1. 李四")
    assert [m.status for m in dialog.matches] == ["not_member"]
    assert dialog.decision(0) == ("skip", None)


def _record_removal(qtbot, page, name: str) -> None:
    page.tabs.setCurrentIndex(1)
    pick(qtbot, page.violation_picker, name)
    page.violation_kind.setCurrentIndex(page.violation_kind.findData("ad"))
    page.violation_action.setCurrentIndex(page.violation_action.findData("removal"))
    page.violation_date.setDate(TEST_TODAY - timedelta(days=1))
    type_text(qtbot, page.violation_note, "发二维码")
    qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)


def test_a_violation_whose_action_is_removal_removes_the_member(qtbot, ws):
    """An owner records 李四's ad with the action 移出: the membership is 已移除 on that day with the violation as
    its reason, and the page says so. Before, 李四 stayed 已入群 — counted, expected to check in, in the reminder."""
    from models import Membership

    page = open_page(qtbot, ws)
    _record_removal(qtbot, page, "李四")
    assert page.violation_done.text() == "Recorded: 李四 — Advertising. 李四 is removed from the group (已移除)."
    with ws.database.session() as s:
        ms = s.get(Membership, ws.memberships["李四"])
        assert ms.status == "removed" and ms.left_at.date() == TEST_TODAY - timedelta(days=1)
        assert ms.left_reason == "违规移出: 发广告 (发二维码)"
        assert balance(s, ms.id) == -10
    # taking the violation back gives the points back and says the removal stays
    asked: list[str] = []
    page.confirm_remove = lambda text: asked.append(text) or True
    page.violation_table.selectRow(0)
    qtbot.mouseClick(page.remove_violation_button, Qt.MouseButton.LeftButton)
    assert asked and "A removal from the group stays" in asked[0]
    with ws.database.session() as s:
        assert balance(s, ws.memberships["李四"]) == 0
        assert s.get(Membership, ws.memberships["李四"]).status == "removed"


def test_an_assistant_recording_a_removal_is_told_the_member_stays(qtbot, ws):
    """An assistant may not remove members: the violation is recorded, the membership stays, and the page says
    that only the owner or an admin can mark them removed."""
    from models import Membership

    page = open_page(qtbot, ws, actor=ws.assistant)
    _record_removal(qtbot, page, "李四")
    assert "李四 is still a member here: only the owner or an admin can mark them removed" in (
        page.violation_done.text()
    )
    with ws.database.session() as s:
        assert s.get(Membership, ws.memberships["李四"]).status == "active"
        assert [(v.kind, v.action) for v in recent_violations(s, ws.group_id)] == [("ad", "removal")]


def test_delete_an_activity_entered_by_mistake(qtbot, ws):
    """The Delete button asks first (naming the activity and its places); yes deletes it, reverses the attended
    people's points and empties the sheet; an assistant may too (they enter activities)."""
    aid = add_activity(ws, "录错的分享会")
    zs = ws.memberships["张三"]
    with ws.database.session() as s:
        set_attendance(s, ws.owner, aid, zs, "attended")
        s.commit()
        assert balance(s, zs) == 3
    page = open_page(qtbot, ws)
    assert page.select_activity(aid)
    assert page.delete_button.isEnabled()
    asked = []
    page.confirm_remove = lambda text: asked.append(text) or False
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "录错的分享会" in asked[0] and "1" in asked[0]
    assert page.activity_model.rowCount() == 1  # said no: nothing deleted
    page.confirm_remove = lambda text: True
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.activity_model.rowCount() == 0
    assert not page.delete_button.isEnabled()
    with ws.database.session() as s:
        assert balance(s, zs) == 0
        assert [a.id for a in list_activities(s, ws.group_id)] == []


def test_a_refused_tick_says_why_without_a_field_name(qtbot, ws, qapp, monkeypatch):
    """Ticking attended for tomorrow's activity is refused in a warning box: the box says why in the window's
    language, with no code name of a field in front ("status: 活动在 …" was shown in the Chinese window)."""
    from PySide6.QtWidgets import QMessageBox

    from ui.messages import LANGUAGE_PROPERTY

    with ws.database.session() as s:
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="明天的分享", kind="knowledge_share", starts_at=this_month_at(20) + timedelta(days=1)),
        )
        s.commit()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    previous = qapp.property(LANGUAGE_PROPERTY)
    qapp.setProperty(LANGUAGE_PROPERTY, "zh_CN")
    try:
        page = open_page(qtbot, ws)
        starts = this_month_at(20) + timedelta(days=1)
        page.month_picker.set_month(starts.year, starts.month)  # tomorrow may be in the next month
        assert page.select_activity(aid)
        zs = ws.memberships["张三"]
        row = page.attendance_row(zs)
        assert row is not None and row >= 0
        index = page.attendance_proxy.index(row, ATT_ATTENDED)
        page.attendance_table.scrollTo(index)
        qtbot.mouseClick(
            page.attendance_table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=check_indicator_pos(page.attendance_table, index),
        )
    finally:
        qapp.setProperty(LANGUAGE_PROPERTY, previous)
    assert status_of(ws, aid, "张三") is None  # nothing written
    assert len(shown) == 1
    assert shown[0].startswith("活动在 "), shown[0]
    assert "status" not in shown[0]


def test_mark_all_attended_waits_for_the_activity_day(qtbot, ws):
    """Tomorrow's activity with people signed up: "Mark all registered as attended" is disabled and says why
    (clicked, it only ended in a refusal box); today's activity with people signed up has it enabled."""
    starts = this_month_at(20) + timedelta(days=1)
    with ws.database.session() as s:
        later = create_activity(
            s, ws.owner, ws.group_id, ActivityInput(title="明天的分享", kind="knowledge_share", starts_at=starts)
        )
        set_attendance(s, ws.owner, later, ws.memberships["张三"], "registered")
        s.commit()
    today = add_activity(ws, "今天的分享")
    with ws.database.session() as s:
        set_attendance(s, ws.owner, today, ws.memberships["张三"], "registered")
        s.commit()
    page = open_page(qtbot, ws)
    page.month_picker.set_month(starts.year, starts.month)
    assert page.select_activity(later)
    assert not page.mark_all_button.isEnabled()
    assert starts.date().isoformat() in page.mark_all_button.toolTip()
    page.month_picker.set_month(TEST_TODAY.year, TEST_TODAY.month)
    assert page.select_activity(today)
    assert page.mark_all_button.isEnabled()
    assert page.mark_all_button.toolTip() == ""
    assert page.mark_all_attended() == 1
    assert status_of(ws, today, "张三") == "attended"


def test_absent_on_a_leave_day_is_recorded_as_excused_and_the_page_says_so(qtbot, ws):
    """Going down the list marking who did not come, the organiser marks 李四 absent too: 李四 asked for leave that
    day (请假), so the place is recorded as excused (their attendance rate does not pay for it) and the page says
    why its row reads Excused; 张三, not on leave, is absent."""
    from desktop.services.checkins import record_leave

    aid = add_activity(ws, online=False)
    day = this_month_at(20).date()
    with ws.database.session() as s:
        for name in ("张三", "李四"):
            set_attendance(s, ws.owner, aid, ws.memberships[name], "registered")
        record_leave(s, ws.owner, ws.memberships["李四"], day, day, "出差")
        s.commit()
    page = open_page(qtbot, ws)
    assert not page.attendance_note.isVisible()
    assert page.set_member_status(ws.memberships["张三"], "absent")
    assert status_of(ws, aid, "张三") == "absent"
    assert not page.attendance_note.isVisible()
    assert page.set_member_status(ws.memberships["李四"], "absent")
    assert status_of(ws, aid, "李四") == "excused"
    assert page.attendance_note.isVisible() and "李四" in page.attendance_note.text()
    row = page.attendance_row(ws.memberships["李四"])
    qtbot.waitUntil(lambda: page.attendance_proxy.index(row, ATT_STATUS).data() == "Excused")
    qtbot.waitUntil(lambda: "1 absent · 1 excused" in page.attendance_counts.text())


def test_ctrl_n_and_ctrl_shift_v_work_from_the_group_list(qtbot, ws):
    """After Ctrl+5 or a click on a group the focus stays in the group list: Ctrl+N (new activity) and
    Ctrl+Shift+V (paste a sign-up chain) did nothing there, the shortcuts being the tab's only."""
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

    add_activity(ws)
    window = QWidget()
    qtbot.addWidget(window)
    group_list = QListWidget()
    group_list.addItem("早起打卡营")
    page = ActivitiesPage(ws.database, ws.assistant)
    layout = QHBoxLayout(window)
    layout.addWidget(group_list)
    layout.addWidget(page)
    window.resize(1300, 760)
    window.show()
    page.set_group(ws.group_id)
    assert page.selected_activity() is not None
    for key, modifiers, title in (
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "New activity"),
        (Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, None),
    ):
        window.activateWindow()
        group_list.setFocus()
        qtbot.waitUntil(group_list.hasFocus)
        page.active_dialog = None
        qtbot.keyClick(group_list, key, modifiers)
        qtbot.waitUntil(lambda: page.active_dialog is not None and page.active_dialog.isVisible())
        if title:
            assert page.active_dialog.windowTitle() == title
        page.active_dialog.reject()


def test_a_member_ticked_by_mistake_is_taken_off_the_list_from_the_status_column(qtbot, ws):
    """李四 ticked attended by mistake, then unticked: the sheet keeps him 已报名 (registered) — a no-show in the
    attendance rate for an activity he never signed up for, and the status column offered no way back. Its
    "— Not on the list" choice takes the place off (desktop: participation.remove_place), the row reads "—"."""
    aid = add_activity(ws)
    page = open_page(qtbot, ws)
    li = ws.memberships["李四"]
    row = page.attendance_row(li)
    box = page.attendance_proxy.index(row, ATT_ATTENDED)
    assert page.attendance_proxy.setData(box, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert page.attendance_proxy.setData(box, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert status_of(ws, aid, "李四") == "registered"

    index = page.attendance_proxy.index(page.attendance_row(li), ATT_STATUS)
    delegate = page.attendance_table.itemDelegateForColumn(ATT_STATUS)
    editor = delegate.createEditor(page.attendance_table.viewport(), QStyleOptionViewItem(), index)
    choice = editor.findData("")
    assert choice >= 0 and editor.itemText(choice) == "— Not on the list"
    editor.setCurrentIndex(choice)
    delegate.setModelData(editor, page.attendance_proxy, index)
    editor.deleteLater()
    assert status_of(ws, aid, "李四") is None
    qtbot.waitUntil(lambda: page.attendance_proxy.index(page.attendance_row(li), ATT_STATUS).data() == "—")
    with ws.database.session() as s:
        assert balance(s, li) == 0


def test_a_newcomers_or_a_removed_persons_violation_can_be_recorded(qtbot, ws):
    """A newcomer still doing the entry steps (入群中) posts ads the day they join — the commonest spammer — and the
    violation picker offered members only: the ad could not be recorded (and the repeat-violator alert, which counts
    newcomers, never saw one). Nor could the ad 张珊 was removed for, once removed. Both are offered now, their
    status said; a removed person's violation is of a day they were in the group."""
    from desktop.services.onboarding import leave_group
    from desktop.services.roster import MemberInput, add_member

    removed_on = TEST_TODAY - timedelta(days=3)
    with ws.database.session() as s:
        _mid, newcomer = add_member(s, ws.owner, ws.group_id, MemberInput("新人小王", status="onboarding"))
        leave_group(
            s,
            ws.owner,
            ws.memberships["张珊"],
            "发广告",
            status="removed",
            when=datetime.combine(removed_on, datetime.min.time().replace(hour=21)),
        )
        s.commit()
    page = open_page(qtbot, ws)
    page.tabs.setCurrentIndex(1)
    picker = page.violation_picker
    shown = {picker.shown_text(c) for c in picker.suggestions("新人小王")}
    assert shown == {"新人小王 · Onboarding"}
    assert [picker.shown_text(c) for c in picker.suggestions("张珊")] == ["张珊 · Removed"]
    assert [c.display_name for c in page.contribution_picker.suggestions("新人小王")] == []  # members only there
    assert picker.choose(newcomer)
    page.violation_date.setDate(TEST_TODAY)
    qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)
    assert page.violation_error.isHidden()
    assert picker.choose(ws.memberships["张珊"])
    page.violation_date.setDate(TEST_TODAY)  # after the removal: refused, saying since when
    qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)
    assert page.violation_error.isVisible() and removed_on.isoformat() in page.violation_error.text()
    assert picker.choose(ws.memberships["张珊"])
    page.violation_date.setDate(removed_on)
    qtbot.mouseClick(page.add_violation_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert sorted((v.membership_id, v.day) for v in recent_violations(s, ws.group_id)) == sorted(
            [(newcomer, TEST_TODAY), (ws.memberships["张珊"], removed_on)]
        )
